// age's STREAM payload done with Node's cipher must be age v1 byte for byte: Debian's `age` opens what
// it writes and it opens what `age` writes, and the age-encryption library's own (pure-JS) decrypter and
// encrypter agree with it, at every chunk boundary (64 KiB): empty, one byte, a chunk less one, exactly one
// and two chunks (whose last chunk is full), and one byte over. Damage and truncation are refused. A
// passphrase costs one scrypt to seal a bundle and one to open it.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decrypter, Encrypter } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bodyError,
  decryptStream,
  encryptStream,
  scryptKdf,
  type Kdf,
} from '../../../electron/core/bundles/age-io';
import { TarParser } from '../../../electron/core/bundles/tar-format';
import { writeBundle } from '../../../electron/core/bundles/write';

const K = 64 * 1024;
const SIZES = [0, 1, K - 1, K, K + 1, 2 * K, 2 * K + 7, 5 * K + 300];

/** The bytes as a stream of uneven pieces, so chunking cannot lean on the reads' sizes. */
function pieces(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0;
  let step = 1;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      step = (step * 7 + 13) % 150_000;
      const end = Math.min(bytes.length, at + 1 + step);
      controller.enqueue(bytes.slice(at, end));
      at = end;
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let dir: string;
let key: string;
let recipient: string;
let identity: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'amparo-age-stream-'));
  key = join(dir, 'key.txt');
  execFileSync('age-keygen', ['-o', key], { stdio: 'ignore' });
  recipient = execFileSync('age-keygen', ['-y', key]).toString().trim();
  identity = (await readFile(key, 'utf8')).split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-1'))!;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('age STREAM with Node crypto', () => {
  for (const size of SIZES) {
    it(`${size} bytes: age -d opens ours, ours opens age -r's`, async () => {
      const plain = randomBytes(size);
      const sealed = await collect(await encryptStream(pieces(plain), { recipients: [recipient] }));
      expect(sealed.subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
      const file = join(dir, `ours-${size}.age`);
      await writeFile(file, sealed);
      expect(sha(execFileSync('age', ['-d', '-i', key, file], { maxBuffer: 64 * 1024 * 1024 }))).toBe(
        sha(plain),
      );

      const theirs = execFileSync('age', ['-r', recipient], { input: plain, maxBuffer: 64 * 1024 * 1024 });
      const opened = await collect(await decryptStream(pieces(theirs), { identities: [identity] }));
      expect(sha(opened)).toBe(sha(plain));
    });
  }

  it('to a passphrase: the library opens ours and ours opens the library’s', async () => {
    for (const size of [0, K, 3 * K + 5]) {
      const plain = randomBytes(size);
      const sealed = await collect(
        await encryptStream(pieces(plain), { passphrase: 'una frase', scryptLogN: 10 }),
      );
      const library = new Decrypter();
      library.addPassphrase('una frase');
      expect(sha(await library.decrypt(sealed))).toBe(sha(plain));

      const encrypter = new Encrypter();
      encrypter.setScryptWorkFactor(10);
      encrypter.setPassphrase('otra frase');
      const theirs = await encrypter.encrypt(plain);
      const opened = await collect(await decryptStream(pieces(theirs), { passphrase: 'otra frase' }));
      expect(sha(opened)).toBe(sha(plain));
    }
  });

  it('a flipped byte, a cut at a chunk boundary and a dropped last chunk are refused', async () => {
    const plain = randomBytes(3 * K);
    const sealed = await collect(await encryptStream(pieces(plain), { recipients: [recipient] }));
    const headerEnd =
      sealed.indexOf('\n---') + 1 + sealed.subarray(sealed.indexOf('\n---') + 1).indexOf('\n') + 1;
    const payload = headerEnd + 16;
    const flipped = Buffer.from(sealed);
    flipped[payload + K + 100]! ^= 1;
    const cutAtBoundary = sealed.subarray(0, payload + 2 * (K + 16));
    const cutShort = sealed.subarray(0, sealed.length - 5);
    for (const [name, bad] of [
      ['flipped', flipped],
      ['cut at a boundary', cutAtBoundary],
      ['cut short', cutShort],
    ] as const) {
      const failure = await collect(await decryptStream(pieces(bad), { identities: [identity] })).then(
        () => null,
        (error: unknown) => bodyError(error),
      );
      expect(failure?.code, name).toBe('BUNDLE_DAMAGED');
    }
  });

  it('a passphrase bundle runs scrypt once to seal and once to open, and age opens it', async () => {
    const calls: number[] = [];
    const counting: Kdf = (passphrase, salt, logN) => {
      calls.push(logN);
      return scryptKdf(passphrase, salt, logN);
    };
    const data = randomBytes(3 * K + 11);
    const out = join(dir, 'una-vez.amparo');
    await writeBundle(out, [{ path: 'datos.bin', size: data.length, data }], {
      seal: { passphrase: 'una frase', scryptLogN: 10, kdf: counting },
      mtime: new Date('2026-12-01T10:00:00Z'),
    });
    expect(calls).toEqual([10]);

    const library = new Decrypter();
    library.addPassphrase('una frase');
    const tar = Buffer.from(await library.decrypt(await readFile(out)));
    let given = false;
    const parser = new TarParser(async () => (given ? null : ((given = true), tar)));
    expect((await parser.header())?.name).toBe('datos.bin');
    const parts: Buffer[] = [];
    for (let part = await parser.data(); part !== null; part = await parser.data()) parts.push(part);
    expect(sha(Buffer.concat(parts))).toBe(sha(data));

    calls.length = 0;
    const opened = await collect(
      await decryptStream(pieces(await readFile(out)), { passphrase: 'una frase', kdf: counting }),
    );
    expect(calls).toEqual([10]);
    expect(sha(opened)).toBe(sha(tar));
  });
});
