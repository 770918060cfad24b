// Argon2id runs in a worker thread: the calling thread keeps running while a key is derived, and the
// result is the same Argon2id that hash-wasm computes in place.
import { argon2id } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { deriveKek, newKdfParams } from '../../../electron/core/crypto/kdf';

describe('key derivation in a worker thread', () => {
  it('gives the Argon2id of the NFC-normalised passphrase', async () => {
    const params = newKdfParams({ memoryKiB: 8 * 1024, iterations: 2, parallelism: 2 });
    // "n" + combining tilde (NFD) must derive what "ñ" (NFC) derives.
    const kek = await deriveKek('contrasen\u0303a larga', params);
    const expected = await argon2id({
      password: new TextEncoder().encode('contraseña larga'),
      salt: Buffer.from(params.salt, 'base64'),
      memorySize: 8 * 1024,
      iterations: 2,
      parallelism: 2,
      hashLength: 32,
      outputType: 'hex',
    });
    expect(kek.toString('hex')).toBe(expected);
  });

  it('leaves the event loop free while deriving at the default cost', async () => {
    const params = newKdfParams();
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 10);
    const started = performance.now();
    await deriveKek('frase de contraseña larga y segura', params);
    const elapsed = performance.now() - started;
    clearInterval(timer);
    // On the main thread a derivation blocks every timer until it ends (0 ticks); in a worker the
    // 10 ms timer keeps firing: at least a quarter of the slots even on a loaded machine.
    expect(elapsed).toBeGreaterThan(50);
    expect(ticks).toBeGreaterThanOrEqual(Math.floor(elapsed / 10 / 4));
  });
});
