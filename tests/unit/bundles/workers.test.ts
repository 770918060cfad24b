// The worker-thread pipeline of bundles must keep both formats byte for byte. age's payload sealed in
// the worker opens with Debian's `age`, and files made by `age` open through the worker, at every
// boundary of a 64 KiB chunk and of a MiB batch (a payload whose last chunk or last batch is full is
// where a last-chunk flag goes wrong). A passphrase header made with one native scrypt opens with the
// age-encryption library. Tar headers are the bytes tar-stream's packer writes, long and non-ASCII
// names included. Vault blobs written by the blob worker read back through the evidence reader, blobs
// written by the evidence encryptor read back through the blob worker, and a changed byte is refused.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decrypter } from 'age-encryption';
import { pack } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHeader, openFileHeader, payloadKeyBytes } from '../../../electron/core/bundles/age-io';
import { BlobWriter, blobPlaintext } from '../../../electron/core/bundles/blob-worker';
import { PayloadSealer, openPayload } from '../../../electron/core/bundles/payload-worker';
import { END_OF_TAR, fileHeader, padding } from '../../../electron/core/bundles/tar-header';
import { BlobEncryptor } from '../../../electron/core/evidence/blob-format';
import { openBlob, readAll } from '../../../electron/core/evidence/reader';

const K = 64 * 1024;
const M = 1024 * 1024;
const SIZES = [0, 1, K - 1, K, K + 1, M - 1, M, M + 1, 3 * M + 5 * K];

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The bytes in uneven pieces, so no batching can lean on the writes' sizes. */
function* pieces(bytes: Buffer): Generator<Buffer> {
  let step = 1;
  for (let at = 0; at < bytes.length;) {
    step = (step * 7 + 13) % 300_000;
    const end = Math.min(bytes.length, at + 1 + step);
    yield bytes.subarray(at, end);
    at = end;
  }
}

let dir: string;
let key: string;
let recipient: string;
let identity: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'amparo-workers-'));
  key = join(dir, 'key.txt');
  execFileSync('age-keygen', ['-o', key], { stdio: 'ignore' });
  recipient = execFileSync('age-keygen', ['-y', key]).toString().trim();
  identity = (await readFile(key, 'utf8')).split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-1'))!;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function sealToFile(plain: Buffer, file: string): Promise<void> {
  const { header, fileKey } = await makeHeader({ recipients: [recipient] });
  const nonce = randomBytes(16);
  const out = await open(file, 'w');
  await out.write(Buffer.concat([header, nonce]));
  const sealer = new PayloadSealer(out.fd, payloadKeyBytes(fileKey, nonce));
  for (const part of pieces(plain)) await sealer.write(part);
  await sealer.end();
  await out.close();
}

async function openFile(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const { fileKey, nonce, payloadStart } = await openFileHeader(handle, size, { identities: [identity] });
    const parts: Buffer[] = [];
    for await (const part of openPayload(handle.fd, payloadKeyBytes(fileKey, nonce), payloadStart, size))
      parts.push(Buffer.from(part));
    return Buffer.concat(parts);
  } finally {
    await handle.close();
  }
}

describe('age payload in a worker', () => {
  for (const size of SIZES) {
    it(`${size} bytes: age -d opens ours, ours opens age -r's`, async () => {
      const plain = randomBytes(size);
      const ours = join(dir, `ours-${size}.age`);
      await sealToFile(plain, ours);
      const opened = execFileSync('age', ['-d', '-i', key, ours], { maxBuffer: 64 * M });
      expect(sha(opened)).toBe(sha(plain));

      const theirs = join(dir, `theirs-${size}.age`);
      execFileSync('age', ['-r', recipient, '-o', theirs], { input: plain });
      expect(sha(await openFile(theirs))).toBe(sha(plain));
    });
  }

  it('a flipped byte or a cut at a chunk boundary is refused', async () => {
    const plain = randomBytes(2 * M + 3);
    const file = join(dir, 'damaged.age');
    await sealToFile(plain, file);
    const bytes = Buffer.from(await readFile(file));
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - K]! ^= 0x20;
    await writeFile(file, flipped);
    await expect(openFile(file)).rejects.toThrow(/fails authentication/);
    const headerEnd = bytes.length - (2 * M + 3) - 33 * 16; // 33 chunks of 16-byte tags
    await writeFile(file, bytes.subarray(0, headerEnd + 32 * (K + 16)));
    await expect(openFile(file)).rejects.toThrow(/fails authentication/);
  });

  it('a passphrase header made with one native scrypt opens with the age library', async () => {
    const { header, fileKey } = await makeHeader({ passphrase: 'una frase de prueba', scryptLogN: 10 });
    expect(Buffer.from(header).toString('latin1')).toMatch(/^age-encryption\.org\/v1\n-> scrypt \S+ 10\n/);
    const decrypter = new Decrypter();
    decrypter.addPassphrase('una frase de prueba');
    expect(Buffer.from(await decrypter.decryptHeader(header)).toString('hex')).toBe(
      Buffer.from(fileKey).toString('hex'),
    );
  });
});

describe('tar headers', () => {
  it('are the bytes tar-stream writes, long and non-ASCII names included', async () => {
    const mtime = new Date('2026-03-04T05:06:07Z');
    const files = [
      { name: 'manifest.json', data: Buffer.from('{}\n') },
      { name: `attachments/${'carpeta-'.repeat(10)}/${'x'.repeat(90)}.pdf`, data: randomBytes(700) },
      { name: 'attachments/P-1/acta de audiencia — señora Núñez.pdf', data: randomBytes(512) },
      { name: `attachments/${'y'.repeat(160)}.bin`, data: Buffer.alloc(0) },
    ];
    const packer = pack();
    for (const f of files) packer.entry({ name: f.name, size: f.data.length, mode: 0o600, mtime }, f.data);
    packer.finalize();
    const reference: Buffer[] = [];
    for await (const part of packer) reference.push(part as Buffer);
    const ours = Buffer.concat([
      ...files.flatMap((f) => [
        fileHeader({ name: f.name, size: f.data.length, mode: 0o600, mtime }),
        f.data,
        padding(f.data.length),
      ]),
      END_OF_TAR,
    ]);
    expect(ours.equals(Buffer.concat(reference))).toBe(true);
  });
});

describe('vault blobs in a worker', () => {
  for (const size of [0, 1, K, K + 1, M, 2 * M + 9]) {
    it(`${size} bytes: written by the worker, read by the evidence reader, and back`, async () => {
      const plain = randomBytes(size);
      const blobKey = randomBytes(32);
      const blobId = randomUUID();

      const file = join(dir, `${blobId}.blob`);
      const out = await open(file, 'w');
      const writer = new BlobWriter(out.fd, blobKey, blobId);
      await out.write(writer.header);
      for (const part of pieces(plain)) await writer.write(part);
      const written = writer.header.length + (await writer.end());
      await out.close();
      expect((await stat(file)).size).toBe(written);
      const reader = await openBlob(file, blobKey, blobId);
      const back: Buffer[] = [];
      for await (const part of readAll(reader)) back.push(part);
      await reader.close();
      expect(sha(Buffer.concat(back))).toBe(sha(plain));

      const theirs = join(dir, `${blobId}.evidence`);
      const encryptor = new BlobEncryptor(blobKey, blobId);
      await writeFile(
        theirs,
        Buffer.concat([encryptor.header, ...encryptor.push(plain), ...encryptor.finish()]),
      );
      let digest = '';
      const read: Buffer[] = [];
      for await (const part of blobPlaintext(theirs, blobKey, blobId, (hex) => (digest = hex)))
        read.push(Buffer.from(part));
      expect(sha(Buffer.concat(read))).toBe(sha(plain));
      expect(digest).toBe(sha(plain));
    });
  }

  it('a changed byte in a stored blob is refused', async () => {
    const plain = randomBytes(3 * K);
    const blobKey = randomBytes(32);
    const blobId = randomUUID();
    const encryptor = new BlobEncryptor(blobKey, blobId);
    const stored = Buffer.concat([encryptor.header, ...encryptor.push(plain), ...encryptor.finish()]);
    stored[stored.length - 100]! ^= 0x01;
    const file = join(dir, 'changed.blob');
    await writeFile(file, stored);
    const reading = (async () => {
      for await (const part of blobPlaintext(file, blobKey, blobId, () => undefined)) void part;
    })();
    await expect(reading).rejects.toMatchObject({ code: 'EVIDENCE_DAMAGED' });
  });
});
