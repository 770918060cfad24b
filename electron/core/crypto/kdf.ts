// Passphrase → key-encryption key with Argon2id (hash-wasm: a maintained WASM build of the reference
// implementation that runs the same in Node and in Electron, whose BoringSSL lacks Node's
// crypto.argon2). Each derivation runs in a worker thread of its own, so the main process (and with it
// the window) stays responsive, and the worker exits afterwards: its whole heap, Argon2's working
// memory included, is released with it instead of lingering in a reused WASM instance.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { AmparoError } from '../../../shared/errors';

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
 * 64 MiB, 3 passes, 1 lane: about 0.3–0.5 s on a 2-core laptop (measured by `npm run bench`), inside the
 * 0.3–1 s we want for unlock. The WASM build is single-threaded, so more lanes would only cost time.
 */
export const DEFAULT_KDF_COST = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 } as const;

/**
 * What a header may ask for: at most a few seconds on a laptop, so a hostile or mistaken header cannot
 * freeze unlock for minutes or allocate gigabytes. Argon2's time grows with memory × passes; 1 GiB × 1
 * pass took 2.7 s on the 2-core machine these caps were measured on, so their product is capped at
 * 2 GiB-passes (about 5 s there), i.e. 32 times the default cost.
 */
export const KDF_LIMITS = {
  memoryKiB: [8 * 1024, 1024 * 1024],
  iterations: [1, 10],
  parallelism: [1, 4],
  memoryTimesIterationsKiB: 2 * 1024 * 1024,
} as const;

export type KdfCost = Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>;

/**
 * Throws KDF_TOO_COSTLY for parameters above KDF_LIMITS. Parameters below the minimums are not a cost
 * problem: a header holding them is malformed (HEADER_DAMAGED, checked with the header's shape).
 */
export function assertKdfWithinLimits(cost: KdfCost): void {
  if (!isKdfShapeValid(cost)) {
    throw new AmparoError('INTERNAL', 'Argon2id parameters must be integers at or above the minimums');
  }
  if (
    cost.memoryKiB > KDF_LIMITS.memoryKiB[1] ||
    cost.iterations > KDF_LIMITS.iterations[1] ||
    cost.parallelism > KDF_LIMITS.parallelism[1] ||
    cost.memoryKiB * cost.iterations > KDF_LIMITS.memoryTimesIterationsKiB
  ) {
    throw new AmparoError(
      'KDF_TOO_COSTLY',
      `Argon2id parameters m=${cost.memoryKiB} KiB, t=${cost.iterations}, p=${cost.parallelism} are above ` +
        `what this Amparo accepts (docs/vault-format.md, "KDF limits")`,
    );
  }
}

/** Integers at or above the minimums (Argon2 itself needs at least 8 KiB per lane). */
function isKdfShapeValid(cost: KdfCost): boolean {
  return (
    Number.isInteger(cost.memoryKiB) &&
    Number.isInteger(cost.iterations) &&
    Number.isInteger(cost.parallelism) &&
    cost.memoryKiB >= KDF_LIMITS.memoryKiB[0] &&
    cost.iterations >= KDF_LIMITS.iterations[0] &&
    cost.parallelism >= KDF_LIMITS.parallelism[0]
  );
}

export function newKdfParams(cost: KdfCost = DEFAULT_KDF_COST): KdfParams {
  assertKdfWithinLimits(cost);
  return { algorithm: 'argon2id', version: 19, ...cost, salt: randomBytes(16).toString('base64') };
}

// The worker runs as evaluated source rather than a file: the same code then works from the TypeScript
// sources (tests, tsx), from the electron-vite bundle and from inside app.asar, with no extra bundle
// entry. hash-wasm's self-contained UMD build of Argon2 (the WASM is inlined) is read once and wrapped.
let workerSource: string | undefined;

function argon2WorkerSource(): string {
  if (workerSource) return workerSource;
  // `__filename`, not `import.meta`: the core also runs as CommonJS (the main bundle, tsx, Playwright).
  const umdPath = createRequire(__filename).resolve('hash-wasm/dist/argon2.umd.min.js');
  const umd = readFileSync(umdPath, 'utf8');
  workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const hashwasm = { exports: {} };
(function (module, exports) {
${umd}
})(hashwasm, hashwasm.exports);
const { password, salt, memoryKiB, iterations, parallelism } = workerData;
hashwasm.exports
  .argon2id({ password, salt, memorySize: memoryKiB, iterations, parallelism, hashLength: 32, outputType: 'binary' })
  .then((out) => {
    const kek = new Uint8Array(out);
    out.fill(0);
    parentPort.postMessage({ kek }, [kek.buffer]);
  }, (error) => parentPort.postMessage({ error: String(error && error.message || error) }))
  .finally(() => password.fill(0));
`;
  return workerSource;
}

/**
 * Argon2id in a fresh worker thread. The passphrase travels as UTF-8 bytes moved (not copied) to the
 * worker and zeroed there; the 32-byte result is moved back. Resolves only after the worker has exited.
 */
export async function deriveKek(passphrase: string, params: KdfParams): Promise<Buffer> {
  assertKdfWithinLimits(params);
  const password = new TextEncoder().encode(passphrase.normalize('NFC'));
  const salt = new Uint8Array(Buffer.from(params.salt, 'base64'));
  const worker = new Worker(argon2WorkerSource(), {
    eval: true,
    workerData: {
      password,
      salt,
      memoryKiB: params.memoryKiB,
      iterations: params.iterations,
      parallelism: params.parallelism,
    },
    transferList: [password.buffer],
    // Room for the requested Argon2 memory is WASM memory, outside these V8 heap limits.
    resourceLimits: { maxOldGenerationSizeMb: 64 },
  });
  let result: { kek?: Uint8Array; error?: string } | undefined;
  worker.on('message', (message: { kek?: Uint8Array; error?: string }) => {
    result = message;
  });
  const exitCode = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', resolve);
  }).catch((error: unknown) => {
    throw new AmparoError('INTERNAL', `Key derivation failed: ${String(error)}`, { cause: error });
  });
  if (!result?.kek || result.kek.length !== 32) {
    throw new AmparoError(
      'INTERNAL',
      `Key derivation failed: ${result?.error ?? `worker exited ${exitCode}`}`,
    );
  }
  return Buffer.from(result.kek.buffer, result.kek.byteOffset, result.kek.byteLength);
}
