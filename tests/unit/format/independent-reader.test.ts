// An independent reader written from docs/vault-format.md alone: it imports nothing from Amparo (no
// electron/, no shared/), only node:crypto, node:fs, hash-wasm for Argon2id and SQLite3 Multiple Ciphers
// (better-sqlite3-multiple-ciphers: another implementation of SQLCipher's file format than the one Amparo
// uses). If the document and the code drift apart, this reader stops opening vaults. The vault it reads is
// made by Amparo itself in a child process that is killed with the database open (build-vault.ts).
import Database from 'better-sqlite3-multiple-ciphers';
import { argon2id } from 'hash-wasm';
import { execFile } from 'node:child_process';
import { createDecipheriv, createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const PASSPHRASE = 'Contraseña de prueba, larga y con acentos: ñandú';
const HEADER_FILE = 'amparo-vault.json';
const CURRENT_SCHEMA = 7;

// ---- The reader, step by step as the document describes ----

/** "checksum": canonical JSON, keys sorted at every level, no whitespace. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

type Header = {
  format: string;
  formatVersion: number;
  vaultId: string;
  kdf: { memoryKiB: number; iterations: number; parallelism: number; salt: string; version: number };
  wrappedKey: { nonce: string; ciphertext: string; tag: string };
  database: { file: string };
  checksum: string;
};

function readHeaderFile(dir: string): Header {
  const header = JSON.parse(readFileSync(join(dir, HEADER_FILE), 'utf8')) as Header;
  if (header.format !== 'amparo-vault') throw new Error('not a vault');
  const { checksum, ...rest } = header;
  if (createHash('sha256').update(canonical(rest), 'utf8').digest('hex') !== checksum) {
    throw new Error('header damaged');
  }
  if (header.formatVersion !== 1) throw new Error('unknown format version');
  return header;
}

/** "From passphrase to database key". */
async function databaseKey(header: Header, passphrase: string): Promise<Buffer> {
  const kek = await argon2id({
    password: new TextEncoder().encode(passphrase.normalize('NFC')),
    salt: Buffer.from(header.kdf.salt, 'base64'),
    memorySize: header.kdf.memoryKiB,
    iterations: header.kdf.iterations,
    parallelism: header.kdf.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
  const aad = `amparo-vault/${header.formatVersion}/${header.vaultId}/${header.database.file}`;
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(header.wrappedKey.nonce, 'base64'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(header.wrappedKey.tag, 'base64'));
  const key = Buffer.concat([
    decipher.update(Buffer.from(header.wrappedKey.ciphertext, 'base64')),
    decipher.final(),
  ]);
  kek.fill(0);
  return key;
}

/** "Opening the database", SQLite3 Multiple Ciphers: the cipher scheme first, then the raw key. */
function openDb(path: string, key: Buffer, { scheme = true } = {}): Database.Database {
  const db = new Database(path);
  try {
    if (scheme) {
      db.pragma(`cipher = 'sqlcipher'`);
      db.pragma('legacy = 4');
    }
    db.pragma(`key = "x'${key.toString('hex')}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function uuidToBytes(id: string): Buffer {
  return Buffer.from(id.replaceAll('-', ''), 'hex');
}

/** "Evidence blobs": reading steps 1–3. Throws on anything but an intact blob. */
function decryptBlob(data: Buffer, key: Uint8Array, blobId: string): Buffer {
  if (data.length < 36 + 16) throw new Error('damaged: no chunk');
  const header = data.subarray(0, 36);
  if (header.subarray(0, 4).toString('latin1') !== 'AMPB') throw new Error('bad magic');
  if (header.readUInt16BE(4) !== 1 || header.readUInt16BE(6) !== 0) throw new Error('bad version');
  if (!header.subarray(12, 28).equals(uuidToBytes(blobId))) throw new Error('another blob');
  const C = header.readUInt32BE(8);
  const prefix = header.subarray(28, 36);
  const n = Math.ceil((data.length - 36) / (C + 16));
  if (data.length - 36 - (n - 1) * (C + 16) < 16) throw new Error('damaged: cut inside a tag');
  const out: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const record = data.subarray(36 + i * (C + 16), Math.min(data.length, 36 + (i + 1) * (C + 16)));
    const nonce = Buffer.alloc(12);
    prefix.copy(nonce, 0);
    nonce.writeUInt32BE(i, 8);
    const aad = Buffer.alloc(41);
    header.copy(aad, 0);
    aad.writeUInt32BE(i, 36);
    aad[40] = i === n - 1 ? 1 : 0;
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(aad);
    decipher.setAuthTag(record.subarray(record.length - 16));
    out.push(decipher.update(record.subarray(0, record.length - 16)), decipher.final());
  }
  return Buffer.concat(out);
}

// ---- The vault under test ----

type Built = {
  vaultDir: string;
  liveMatterId: string;
  deletedMatterId: string;
  files: { path: string; size: number }[];
};

let built: Built;
let dbKey: Buffer;
let header: Header;
/** Taken before anything opens the vault: opening and closing it checkpoints the -wal file away. */
let walSizeAfterCrash: number;
let copyWithoutWal: string;
let copyWithWal: string;

type BlobRow = {
  item_id: string;
  blob_id: string;
  original_name: string;
  item_sha256: string;
  key: Uint8Array;
  chunk_size: number;
  plain_size: number;
  stored_size: number;
  sha256: string;
};

function blobRows(): BlobRow[] {
  const db = openDb(join(built.vaultDir, header.database.file), dbKey);
  try {
    return db
      .prepare(
        `SELECT i.id AS item_id, i.blob_id, i.original_name, i.sha256 AS item_sha256,
                b.key, b.chunk_size, b.plain_size, b.stored_size, b.sha256
           FROM evidence_items i JOIN evidence_blobs b ON b.id = i.blob_id`,
      )
      .all() as BlobRow[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  const work = mkdtempSync(join(tmpdir(), 'amparo-reader-'));
  await new Promise<void>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'build-vault.ts'), work],
      { cwd: join(__dirname, '..', '..', '..') },
      (error, _stdout, stderr) => {
        // The builder kills itself with SIGKILL once built.json is written: that is success.
        if (existsSync(join(work, 'built.json'))) resolve();
        else reject(new Error(`build-vault failed: ${error?.message}\n${stderr}`));
      },
    );
    child.stdin!.end(`${PASSPHRASE}\n`);
  });
  built = JSON.parse(readFileSync(join(work, 'built.json'), 'utf8')) as Built;
  header = readHeaderFile(built.vaultDir);
  const wal = join(built.vaultDir, `${header.database.file}-wal`);
  walSizeAfterCrash = existsSync(wal) ? statSync(wal).size : 0;
  copyWithoutWal = mkdtempSync(join(tmpdir(), 'amparo-nowal-'));
  copyFileSync(join(built.vaultDir, header.database.file), join(copyWithoutWal, header.database.file));
  copyWithWal = mkdtempSync(join(tmpdir(), 'amparo-withwal-'));
  for (const name of [header.database.file, `${header.database.file}-wal`]) {
    copyFileSync(join(built.vaultDir, name), join(copyWithWal, name));
  }
  dbKey = await databaseKey(header, PASSPHRASE);
}, 120_000);

describe('a vault read by following docs/vault-format.md alone', () => {
  it('derives the key from the header and opens the database with the documented pragmas', () => {
    expect(header.kdf).toMatchObject({ version: 19 });
    expect(dbKey.length).toBe(32);
    // Without `cipher` and `legacy` first, SQLite3 Multiple Ciphers assumes its own format.
    expect(() => openDb(join(copyWithWal, header.database.file), dbKey, { scheme: false })).toThrow(
      /not a database/,
    );
    const copy = openDb(join(copyWithWal, header.database.file), dbKey);
    expect(copy.prepare('SELECT count(*) AS n FROM matters').get()).toEqual({ n: 2 });
    copy.close();
    const db = openDb(join(built.vaultDir, header.database.file), dbKey);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(CURRENT_SCHEMA);
      expect(db.prepare(`SELECT value FROM vault_meta WHERE key = 'vault_id'`).get()).toEqual({
        value: header.vaultId,
      });
    } finally {
      db.close();
    }
  });

  it('refuses the wrong passphrase at the key unwrap (GCM authentication)', async () => {
    await expect(databaseKey(header, `${PASSPHRASE}!`)).rejects.toThrow();
  });

  it('lists the matters, telling the soft-deleted one by deleted_at', () => {
    const db = openDb(join(built.vaultDir, header.database.file), dbKey);
    try {
      const rows = db
        .prepare('SELECT id, title, reference, deleted_at FROM matters ORDER BY reference')
        .all();
      expect(rows).toEqual([
        {
          id: built.liveMatterId,
          title: 'Medidas cautelares — A.A.Q.O. y familia',
          reference: 'MC-1008-19',
          deleted_at: null,
        },
        {
          id: built.deletedMatterId,
          title: 'Petición P-1234-18 (borrada)',
          reference: 'P-1234-18',
          deleted_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
        },
      ]);
    } finally {
      db.close();
    }
  });

  it('after a crash, the committed records are in the -wal file: a copy without it loses them', () => {
    expect(walSizeAfterCrash).toBeGreaterThan(0);
    const copy = copyWithoutWal;
    let matters: number | 'unreadable';
    try {
      const db = openDb(join(copy, header.database.file), dbKey);
      try {
        matters = (db.prepare('SELECT count(*) AS n FROM matters').get() as { n: number }).n;
      } finally {
        db.close();
      }
    } catch {
      matters = 'unreadable';
    }
    expect(matters).not.toBe(2);
  });

  it('decrypts every evidence blob to the original bytes, with the documented sizes and hashes', () => {
    const rows = blobRows();
    expect(rows.map((r) => r.plain_size).sort((a, b) => a - b)).toEqual(built.files.map((f) => f.size));
    for (const row of rows) {
      const source = built.files.find((f) => row.original_name === f.path.split('/').at(-1))!;
      const original = readFileSync(source.path);
      const data = readFileSync(join(built.vaultDir, 'blobs', `${row.blob_id}.blob`));
      // stored_size is the whole file: 36 + plain_size + 16 per chunk (at least one chunk).
      const chunks = Math.max(1, Math.ceil(row.plain_size / row.chunk_size));
      expect(row.stored_size).toBe(36 + original.length + 16 * chunks);
      expect(data.length).toBe(row.stored_size);
      expect(data.readUInt32BE(8)).toBe(row.chunk_size);
      const plain = decryptBlob(data, row.key, row.blob_id);
      expect(plain.equals(original)).toBe(true);
      const digest = createHash('sha256').update(plain).digest('hex');
      expect(digest).toBe(row.sha256);
      expect(row.item_sha256).toBe(row.sha256);
    }
  });

  describe('rejects a damaged blob', () => {
    const blob = (size: number) => {
      const row = blobRows().find((r) => r.plain_size === size)!;
      return { row, data: readFileSync(join(built.vaultDir, 'blobs', `${row.blob_id}.blob`)) };
    };

    it('an empty file decrypts to nothing, but a blob cut down to its header is damaged', () => {
      const { row, data } = blob(0);
      expect(data.length).toBe(52);
      expect(decryptBlob(data, row.key, row.blob_id).length).toBe(0);
      expect(() => decryptBlob(data.subarray(0, 36), row.key, row.blob_id)).toThrow();
      const big = blob(3 * 65536 + 1234);
      expect(() => decryptBlob(big.data.subarray(0, 36), big.row.key, big.row.blob_id)).toThrow();
    });

    it('a flipped byte in the header, a chunk or a tag', () => {
      const { row, data } = blob(3 * 65536 + 1234);
      for (const at of [9, 30, 36 + 5, 36 + 65536 + 16 + 100, data.length - 1]) {
        const bad = Buffer.from(data);
        bad[at]! ^= 0x01;
        expect(() => decryptBlob(bad, row.key, row.blob_id), `byte ${at}`).toThrow();
      }
    });

    it('two chunks swapped, the last chunk cut off, a chunk appended, another blob in its place', () => {
      const { row, data } = blob(3 * 65536 + 1234);
      const record = 65536 + 16;
      const swapped = Buffer.concat([
        data.subarray(0, 36),
        data.subarray(36 + record, 36 + 2 * record),
        data.subarray(36, 36 + record),
        data.subarray(36 + 2 * record),
      ]);
      expect(swapped.length).toBe(data.length);
      expect(() => decryptBlob(swapped, row.key, row.blob_id)).toThrow();
      expect(() => decryptBlob(data.subarray(0, 36 + 3 * record), row.key, row.blob_id)).toThrow();
      expect(() =>
        decryptBlob(Buffer.concat([data, data.subarray(36, 36 + record)]), row.key, row.blob_id),
      ).toThrow();
      const other = blob(1);
      expect(() => decryptBlob(other.data, row.key, row.blob_id)).toThrow();
      expect(() => decryptBlob(other.data, row.key, other.row.blob_id)).toThrow();
    });
  });
});
