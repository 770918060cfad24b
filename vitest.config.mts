import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Real Argon2id and real SQLCipher files: some tests take a second or two.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
