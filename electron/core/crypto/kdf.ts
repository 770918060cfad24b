// Passphrase → key-encryption key with Argon2id (hash-wasm: a maintained, audited-in-use WASM build of
// the reference implementation that runs the same in Node and in Electron, whose BoringSSL lacks
// Node's crypto.argon2).
import { argon2id } from 'hash-wasm';
import { randomBytes } from 'node:crypto';

export interface KdfParams {
  algorithm: 'argon2id';
  /** Argon2 version 0x13 (19), the current one. */
  version: 19;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  /** base64, 16 random bytes, new for every passphrase. */
  salt: string;
}

/**
 * 64 MiB, 3 passes, 1 lane: about 0.5 s on a 2-core laptop (measured by `npm run bench`), inside the
 * 0.3–1 s we want for unlock. The WASM build is single-threaded, so more lanes would only cost time.
 */
export const DEFAULT_KDF_COST = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 } as const;

/** Bounds accepted from a header, so a hostile header cannot make unlock allocate gigabytes. */
export const KDF_LIMITS = {
  memoryKiB: [8 * 1024, 2 * 1024 * 1024],
  iterations: [1, 64],
  parallelism: [1, 16],
} as const;

export type KdfCost = Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>;

export function newKdfParams(cost: KdfCost = DEFAULT_KDF_COST): KdfParams {
  return { algorithm: 'argon2id', version: 19, ...cost, salt: randomBytes(16).toString('base64') };
}

export async function deriveKek(passphrase: string, params: KdfParams): Promise<Buffer> {
  const out = await argon2id({
    password: passphrase.normalize('NFC'),
    salt: Buffer.from(params.salt, 'base64'),
    memorySize: params.memoryKiB,
    iterations: params.iterations,
    parallelism: params.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}
