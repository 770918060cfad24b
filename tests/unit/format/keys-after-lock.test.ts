// After lock, no key is left where JavaScript can reach it: a heap snapshot of this very process, taken
// after a full workflow, a lock and forced garbage collections, holds no KEK, no database key and no
// evidence file key as text (hex, base64, base64url, or the raw bytes as a string). Heap snapshots hold
// every live JS object and string but not the bytes of ArrayBuffers (Buffers live outside the JS heap):
// those are zeroed by the code instead. Two controls prove the search finds what it looks for: a live
// string holding a key, and a key kept by the binding's statement cache (the way `db.pragma('key = …')`
// used to keep it).
import { Database } from '@signalapp/sqlcipher';
import { argon2id } from 'hash-wasm';
import { createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { tempDir } from '../../support/temp';

const PASS = 'frase de contraseña larga y segura';

/** A secret kept only XOR-masked until the snapshot is written, so the test's own copy is not found. */
class Masked {
  private readonly mask: Buffer;
  private readonly masked: Buffer;
  constructor(secret: Uint8Array) {
    this.mask = randomBytes(secret.length);
    this.masked = Buffer.from(secret.map((b, i) => b ^ this.mask[i]!));
  }
  reveal(): Buffer {
    return Buffer.from(this.masked.map((b, i) => b ^ this.mask[i]!));
  }
}

function encodings(secret: Buffer): string[] {
  const hex = secret.toString('hex');
  return [
    hex,
    hex.toUpperCase(),
    secret.toString('base64'),
    secret.toString('base64url'),
    secret.toString('latin1'),
  ];
}

function forceGc(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  for (let i = 0; i < 4; i++) gc();
}

/** The strings of a heap snapshot of this thread (the core runs here too). */
async function heapStrings(dir: string): Promise<string[]> {
  forceGc();
  const file = writeHeapSnapshot(join(dir, 'after-lock.heapsnapshot'));
  try {
    return (JSON.parse(await readFile(file, 'utf8')) as { strings: string[] }).strings;
  } finally {
    await rm(file, { force: true });
  }
}

function found(strings: string[], secret: Masked): string[] {
  const needles = encodings(secret.reveal());
  const hits: string[] = [];
  for (const s of strings) {
    for (const needle of needles) if (s.includes(needle)) hits.push(`${s.slice(0, 60)}…`);
  }
  return hits;
}

/** Key material from the vault on disk, derived here by the documented steps (not by the code under test). */
async function keysOnDisk(vaultDir: string): Promise<{ kek: Masked; dbKey: Masked; fileKeys: Masked[] }> {
  const header = JSON.parse(await readFile(join(vaultDir, 'amparo-vault.json'), 'utf8'));
  const kekBytes = await argon2id({
    password: new TextEncoder().encode(PASS.normalize('NFC')),
    salt: Buffer.from(header.kdf.salt, 'base64'),
    memorySize: header.kdf.memoryKiB,
    iterations: header.kdf.iterations,
    parallelism: header.kdf.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
  const decipher = createDecipheriv('aes-256-gcm', kekBytes, Buffer.from(header.wrappedKey.nonce, 'base64'));
  decipher.setAAD(Buffer.from(`amparo-vault/1/${header.vaultId}/${header.database.file}`, 'utf8'));
  decipher.setAuthTag(Buffer.from(header.wrappedKey.tag, 'base64'));
  const key = Buffer.concat([
    decipher.update(Buffer.from(header.wrappedKey.ciphertext, 'base64')),
    decipher.final(),
  ]);
  const db = new Database(join(vaultDir, header.database.file));
  db.exec(`PRAGMA key = "x'${key.toString('hex')}'"`);
  const rows = db.prepare('SELECT key FROM evidence_blobs').all() as { key: Uint8Array }[];
  db.close();
  const result = {
    kek: new Masked(kekBytes),
    dbKey: new Masked(key),
    fileKeys: rows.map((r) => new Masked(r.key)),
  };
  kekBytes.fill(0);
  key.fill(0);
  for (const row of rows) row.key.fill(0);
  return result;
}

describe('keys in memory', () => {
  it('no KEK, database key or file key is reachable in the heap while unlocked (as text) or after lock', async () => {
    const work = await tempDir();
    const vaultDir = join(work, 'vault');
    const core = await createCore({
      configDir: join(work, 'config'),
      shell: { chooseFolder: async () => ({ path: vaultDir }) },
    });
    const call = async (channel: string, input: unknown) => {
      const result = await core.dispatch(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.value as { id?: string; added?: { id: string }[] };
    };
    await call('vault:create', { path: vaultDir, passphrase: PASS });
    await call('vault:lock', {});
    await call('vault:unlock', { path: vaultDir, passphrase: PASS });
    const matter = await call('matters:create', {
      title: 'Medidas cautelares — prueba de memoria',
      matterType: 'precautionary_request',
      forum: 'iachr',
      reference: 'MC-1-24',
      status: 'draft',
      openedOn: '2024-01-02',
      summary: '',
      classification: 'restricted',
    });
    const source = join(work, 'evidencia.txt');
    await writeFile(source, 'Mensaje recibido: sabemos dónde vives.');
    const added = await call('evidence:add', {
      matterId: matter.id,
      operationId: randomUUID(),
      paths: [source],
    });
    const itemId = added.added![0]!.id;
    await call('evidence:verify', { id: itemId });
    await mkdir(join(work, 'export'));
    await call('evidence:export', { ids: [itemId], folder: join(work, 'export'), confirmed: true });
    const preview = (await call('evidence:preview', { id: itemId })) as { url?: string };
    const ticket = new URL(preview.url!).pathname.split('/').at(-1)!;
    const media = await core.media(ticket, { method: 'GET', range: null });
    expect(media.status).toBe(200);
    const chunks: Buffer[] = [];
    if (media.body && typeof media.body !== 'string')
      for await (const chunk of media.body) chunks.push(chunk);
    expect(Buffer.concat(chunks).toString('utf8')).toContain('sabemos dónde vives');
    // While unlocked the database key exists only as a Buffer: no statement, cache or string holds its text.
    const keys = await keysOnDisk(vaultDir);
    expect(keys.fileKeys).toHaveLength(1);
    const unlocked = await heapStrings(work);
    expect(found(unlocked, keys.dbKey)).toEqual([]);
    expect(found(unlocked, keys.kek)).toEqual([]);
    expect(keys.fileKeys.flatMap((key) => found(unlocked, key))).toEqual([]);

    await call('vault:lock', {});

    // Controls, alive until after the snapshot.
    const liveControl = new Masked(randomBytes(32));
    const liveHolder = { sql: `PRAGMA key = "x'${liveControl.reveal().toString('hex')}'"` };
    const cachedControl = new Masked(randomBytes(32));
    const cachingDb = new Database(':memory:', { cacheStatements: true });
    cachingDb.pragma(`key = "x'${cachedControl.reveal().toString('hex')}'"`);

    const locked = await heapStrings(work);

    expect(found(locked, liveControl).length).toBeGreaterThan(0);
    expect(found(locked, cachedControl).length).toBeGreaterThan(0);
    expect(found(locked, keys.kek)).toEqual([]);
    expect(found(locked, keys.dbKey)).toEqual([]);
    expect(keys.fileKeys.flatMap((key) => found(locked, key))).toEqual([]);

    expect(liveHolder.sql.length).toBeGreaterThan(0);
    cachingDb.close();
    await core.dispose();
  });
});
