// The chunked AES-256-GCM blob format on its own: round trips at every size that matters (empty, one
// byte, chunk boundaries), and every kind of tampering an attacker with the vault folder could try.
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOB_HEADER_SIZE, BlobEncryptor, TAG_SIZE } from '../../../electron/core/evidence/blob-format';
import { openBlob, readAll } from '../../../electron/core/evidence/reader';
import { tempDir } from '../../support/temp';

const CHUNK = 1024;

function encrypt(plain: Buffer, key: Buffer, blobId: string, pieces = 7): Buffer {
  const enc = new BlobEncryptor(key, blobId, CHUNK);
  const out: Buffer[] = [enc.header];
  // Feed in uneven slices, as reads from disk would come.
  for (let at = 0; at < plain.length;) {
    const size = Math.min(plain.length - at, 1 + ((at * 31 + pieces) % (3 * CHUNK)));
    out.push(...enc.push(plain.subarray(at, at + size)));
    at += size;
  }
  out.push(...enc.finish());
  return Buffer.concat(out);
}

async function decrypt(stored: Buffer, key: Buffer, blobId: string): Promise<Buffer> {
  const dir = await tempDir();
  const file = join(dir, 'b.blob');
  await writeFile(file, stored);
  const reader = await openBlob(file, key, blobId);
  try {
    const parts: Buffer[] = [];
    for await (const part of readAll(reader)) parts.push(part);
    return Buffer.concat(parts);
  } finally {
    await reader.close();
  }
}

describe('evidence blob format', () => {
  it.each([0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 5 * CHUNK + 17])(
    'round-trips %i bytes with the documented size',
    async (size) => {
      const key = randomBytes(32);
      const id = randomUUID();
      const plain = randomBytes(size);
      const stored = encrypt(plain, key, id);
      // docs/vault-format.md: stored_size = 36 + plain_size + 16 × max(1, ceil(plain_size / C)), and
      // back from a file of S bytes: n = ceil((S − 36) / (C + 16)) chunks, S − 36 − 16 n plaintext bytes.
      expect(stored.length).toBe(36 + size + 16 * Math.max(1, Math.ceil(size / CHUNK)));
      const chunks = Math.ceil((stored.length - 36) / (CHUNK + 16));
      expect(stored.length - 36 - 16 * chunks).toBe(size);
      expect((await decrypt(stored, key, id)).equals(plain)).toBe(true);
    },
  );

  it('reads any range, across chunk boundaries', async () => {
    const key = randomBytes(32);
    const id = randomUUID();
    const plain = randomBytes(10 * CHUNK + 5);
    const dir = await tempDir();
    await writeFile(join(dir, 'b'), encrypt(plain, key, id));
    const reader = await openBlob(join(dir, 'b'), key, id);
    for (const [start, end] of [
      [0, 0],
      [CHUNK - 1, CHUNK],
      [3, 9 * CHUNK],
      [10 * CHUNK, 10 * CHUNK + 4],
    ] as const) {
      const parts: Buffer[] = [];
      for await (const part of reader.range(start, end)) parts.push(part);
      expect(Buffer.concat(parts).equals(plain.subarray(start, end + 1))).toBe(true);
    }
    await reader.close();
  });

  describe('tampering is detected', () => {
    const key = randomBytes(32);
    const id = randomUUID();
    const plain = randomBytes(4 * CHUNK + 100);
    const stored = encrypt(plain, key, id);
    const record = CHUNK + TAG_SIZE;

    const cases: [string, () => Buffer, string?][] = [
      [
        'a flipped bit in a chunk',
        () => {
          const b = Buffer.from(stored);
          b[BLOB_HEADER_SIZE + record + 10]! ^= 0x01;
          return b;
        },
      ],
      [
        'a flipped bit in a tag',
        () => {
          const b = Buffer.from(stored);
          b[b.length - 1]! ^= 0x80;
          return b;
        },
      ],
      [
        'an edited header (nonce prefix)',
        () => {
          const b = Buffer.from(stored);
          b[30]! ^= 0xff;
          return b;
        },
      ],
      [
        'two chunks swapped',
        () => {
          const b = Buffer.from(stored);
          const first = Buffer.from(b.subarray(BLOB_HEADER_SIZE, BLOB_HEADER_SIZE + record));
          b.copy(b, BLOB_HEADER_SIZE, BLOB_HEADER_SIZE + record, BLOB_HEADER_SIZE + 2 * record);
          first.copy(b, BLOB_HEADER_SIZE + record);
          return b;
        },
      ],
      [
        'the last chunk cut off (at a chunk boundary)',
        () => stored.subarray(0, BLOB_HEADER_SIZE + 4 * record),
      ],
      ['cut down to its header', () => stored.subarray(0, BLOB_HEADER_SIZE)],
      ['cut inside a chunk', () => stored.subarray(0, stored.length - 50)],
      ['cut inside a tag', () => stored.subarray(0, BLOB_HEADER_SIZE + 4 * record + 8)],
      [
        'a chunk appended',
        () => Buffer.concat([stored, stored.subarray(BLOB_HEADER_SIZE, BLOB_HEADER_SIZE + record)]),
      ],
      ['not a blob at all', () => Buffer.from('%PDF-1.4 plain text that was never encrypted'.repeat(10))],
    ];

    it.each(cases)('%s', async (_name, make) => {
      await expect(decrypt(make(), key, id)).rejects.toMatchObject({ code: 'EVIDENCE_DAMAGED' });
    });

    it('the wrong key', async () => {
      await expect(decrypt(stored, randomBytes(32), id)).rejects.toMatchObject({ code: 'EVIDENCE_DAMAGED' });
    });

    it("another item's blob put in its place", async () => {
      await expect(decrypt(stored, key, randomUUID())).rejects.toMatchObject({ code: 'EVIDENCE_DAMAGED' });
    });

    it('an empty blob replaced by another empty blob', async () => {
      const a = encrypt(Buffer.alloc(0), key, id);
      const b = encrypt(Buffer.alloc(0), randomBytes(32), id);
      expect((await decrypt(a, key, id)).length).toBe(0);
      // An empty file is a header and one empty final chunk; the header alone is damage.
      await expect(decrypt(a.subarray(0, BLOB_HEADER_SIZE), key, id)).rejects.toMatchObject({
        code: 'EVIDENCE_DAMAGED',
      });
      await expect(decrypt(b, key, id)).rejects.toMatchObject({ code: 'EVIDENCE_DAMAGED' });
    });
  });
});
