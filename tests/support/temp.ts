import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { KdfCost } from '../../electron/core/crypto/kdf';

/** Cheap Argon2id for tests that unlock many times; one test asserts the real default cost. */
export const TEST_KDF: KdfCost = { memoryKiB: 8 * 1024, iterations: 1, parallelism: 1 };

const made: string[] = [];

/** A fresh folder per test, removed afterwards. */
export async function tempDir(prefix = 'amparo-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
