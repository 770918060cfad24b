import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // One worker per core: vitest's default (cores − 1) runs a 2-core CI machine's files one at a time.
    maxWorkers: Math.max(2, availableParallelism()),
    // Real Argon2id and real SQLCipher files: some tests take a second or two.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
