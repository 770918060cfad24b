import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile, truncate, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AmparoError } from '../../../shared/errors';
import { DEFAULT_KDF_COST } from '../../../electron/core/crypto/kdf';
import { HEADER_FILE, readHeader } from '../../../electron/core/vault/header';
import { migrate, schemaVersion } from '../../../electron/core/vault/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/core/vault/migrations';
import {
  changePassphrase,
  checkVault,
  createVault,
  openVault,
  reencryptVault,
} from '../../../electron/core/vault/vault';
import { MatterService } from '../../../electron/core/services/matters';
import { ListMattersInput } from '../../../shared/schemas/matter';
import { vaultContext } from '../../../electron/core/services/vault-context';
import { precautionaryRequest } from '../../support/fixtures';
import { TEST_KDF, tempDir } from '../../support/temp';

const PASS = 'un río de palabras largas 2024';
const opts = { kdfCost: TEST_KDF };

async function expectCode(promise: Promise<unknown>, code: string): Promise<AmparoError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected ${code}, but it succeeded`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AmparoError);
  expect((error as AmparoError).code).toBe(code);
  return error as AmparoError;
}

async function folderBytes(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of await readdir(dir)) files.set(name, await readFile(join(dir, name)));
  return files;
}

describe('vault lifecycle on a real SQLCipher file', () => {
  it('creates a vault that reopens with the passphrase and keeps its data', async () => {
    const dir = await tempDir();
    const vault = await createVault(dir, PASS, opts);
    const created = new MatterService(() => vaultContext(vault, () => 'test')).create(precautionaryRequest());
    vault.close();

    const files = (await readdir(dir)).sort();
    expect(files).toContain(HEADER_FILE);
    expect(files).toContain('vault-1.db');

    const again = await openVault(dir, PASS, opts);
    expect(new MatterService(() => vaultContext(again, () => 'test')).get(created.id).title).toBe(
      created.title,
    );
    expect(checkVault(again).ok).toBe(true);
    again.close();
  });

  it('uses the default Argon2id cost for real vaults and records it in the header', async () => {
    const dir = await tempDir();
    const vault = await createVault(dir, PASS);
    vault.close();
    const header = await readHeader(dir);
    expect(header.kdf).toMatchObject({ algorithm: 'argon2id', ...DEFAULT_KDF_COST });
    expect(Buffer.from(header.kdf.salt, 'base64')).toHaveLength(16);
  });

  it('refuses a wrong passphrase with WRONG_PASSPHRASE and changes no byte on disk', async () => {
    const dir = await tempDir();
    (await createVault(dir, PASS, opts)).close();
    const before = await folderBytes(dir);
    await expectCode(openVault(dir, 'not the passphrase at all', opts), 'WRONG_PASSPHRASE');
    expect(await folderBytes(dir)).toEqual(before);
  });

  it('refuses to create a vault in a folder that has files', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'notes.txt'), 'keep me');
    await expectCode(createVault(dir, PASS, opts), 'FOLDER_NOT_EMPTY');
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  it('creates the folder when it does not exist yet', async () => {
    const dir = join(await tempDir(), 'new', 'vault');
    (await createVault(dir, PASS, opts)).close();
    expect(existsSync(join(dir, HEADER_FILE))).toBe(true);
  });

  it('tells a folder that is not a vault from a damaged or future one', async () => {
    const plain = await tempDir();
    await writeFile(join(plain, 'photo.jpg'), 'jpeg bytes');
    await expectCode(openVault(plain, PASS, opts), 'NOT_A_VAULT');

    const dir = await tempDir();
    (await createVault(dir, PASS, opts)).close();
    const headerPath = join(dir, HEADER_FILE);
    const original = await readFile(headerPath, 'utf8');

    await writeFile(headerPath, original.slice(0, original.length / 2));
    await expectCode(openVault(dir, PASS, opts), 'HEADER_DAMAGED');

    const json = JSON.parse(original);
    await writeFile(
      headerPath,
      JSON.stringify({ ...json, kdf: { ...json.kdf, iterations: json.kdf.iterations + 1 } }),
    );
    await expectCode(openVault(dir, PASS, opts), 'HEADER_DAMAGED');

    // The checksum is checked before the version: a hand-edited formatVersion is damage
    // (a correctly sealed future header is HEADER_TOO_NEW: tests/unit/format/header-checks.test.ts).
    await writeFile(headerPath, JSON.stringify({ ...json, formatVersion: 2 }));
    await expectCode(openVault(dir, PASS, opts), 'HEADER_DAMAGED');

    await writeFile(headerPath, JSON.stringify({ format: 'something-else' }));
    await expectCode(openVault(dir, PASS, opts), 'NOT_A_VAULT');

    // A header whose KDF asks for absurd memory is refused before any work is done.
    const { checksum: _c, ...rest } = json;
    await writeFile(
      headerPath,
      JSON.stringify({ ...rest, kdf: { ...json.kdf, memoryKiB: 64 * 1024 * 1024 }, checksum: _c }),
    );
    await expectCode(openVault(dir, PASS, opts), 'HEADER_DAMAGED');

    await writeFile(headerPath, original);
    (await openVault(dir, PASS, opts)).close();
  });

  it('reports a truncated or missing database distinctly from a wrong passphrase', async () => {
    const dir = await tempDir();
    const vault = await createVault(dir, PASS, opts);
    const matters = new MatterService(() => vaultContext(vault, () => 'test'));
    for (let i = 0; i < 50; i++) matters.create(precautionaryRequest({ title: `Caso ${i}` }));
    vault.close();
    const dbFile = join(dir, 'vault-1.db');
    const size = (await stat(dbFile)).size;
    expect(size).toBeGreaterThan(4096);

    await truncate(dbFile, 1000);
    await expectCode(openVault(dir, PASS, opts), 'DATABASE_DAMAGED');
    await expectCode(openVault(dir, 'wrong passphrase here', opts), 'WRONG_PASSPHRASE');

    await writeFile(dbFile, 'SQLite format 3\0 this is not an encrypted page at all'.padEnd(8192, 'x'));
    await expectCode(openVault(dir, PASS, opts), 'DATABASE_DAMAGED');

    const { rm } = await import('node:fs/promises');
    await rm(dbFile);
    await expectCode(openVault(dir, PASS, opts), 'DATABASE_MISSING');
  });

  it('detects a flipped byte inside an encrypted page', async () => {
    const dir = await tempDir();
    const vault = await createVault(dir, PASS, opts);
    const matters = new MatterService(() => vaultContext(vault, () => 'test'));
    for (let i = 0; i < 200; i++)
      matters.create(precautionaryRequest({ title: `Caso ${i}`, summary: 'x'.repeat(500) }));
    vault.close();
    const dbFile = join(dir, 'vault-1.db');
    const bytes = await readFile(dbFile);
    const offset = bytes.length - 4096 + 100; // inside the last page's ciphertext
    bytes[offset] = bytes[offset]! ^ 0xff;
    await writeFile(dbFile, bytes);
    const reopened = await openVault(dir, PASS, opts).catch((e: unknown) => e);
    if (reopened instanceof AmparoError) {
      expect(reopened.code).toBe('DATABASE_DAMAGED');
    } else {
      const open = reopened as Awaited<ReturnType<typeof openVault>>;
      const check = checkVault(open);
      open.close();
      expect(check.ok).toBe(false);
      expect(check.cipherIntegrity.length).toBeGreaterThan(0);
    }
  });

  it('changes the passphrase atomically: the new one opens, the old one no longer does', async () => {
    const dir = await tempDir();
    const vault = await createVault(dir, PASS, opts);
    const id = new MatterService(() => vaultContext(vault, () => 'test')).create(precautionaryRequest()).id;
    await expectCode(
      changePassphrase(vault, 'wrong current passphrase', 'otra frase muy larga 99', opts),
      'WRONG_PASSPHRASE',
    );
    const changed = await changePassphrase(vault, PASS, 'otra frase muy larga 99', opts);
    changed.close();
    await expectCode(openVault(dir, PASS, opts), 'WRONG_PASSPHRASE');
    const reopened = await openVault(dir, 'otra frase muy larga 99', opts);
    expect(new MatterService(() => vaultContext(reopened, () => 'test')).get(id).reference).toBe(
      'MC-1008-19',
    );
    reopened.close();
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('re-encrypts the database under a new key without losing data', async () => {
    const dir = await tempDir();
    const vault = await createVault(dir, PASS, opts);
    const id = new MatterService(() => vaultContext(vault, () => 'test')).create(precautionaryRequest()).id;
    const oldHeader = await readHeader(dir);
    const oldDb = await readFile(join(dir, 'vault-1.db'));

    const reencrypted = await reencryptVault(vault, PASS);
    expect(new MatterService(() => vaultContext(reencrypted, () => 'test')).get(id).title).toContain(
      'A.A.Q.O.',
    );
    expect(checkVault(reencrypted).ok).toBe(true);
    reencrypted.close();

    const newHeader = await readHeader(dir);
    expect(newHeader.database.file).toBe('vault-2.db');
    expect(newHeader.wrappedKey.ciphertext).not.toBe(oldHeader.wrappedKey.ciphertext);
    expect(existsSync(join(dir, 'vault-1.db'))).toBe(false);
    // The old database copy does not open with the new header's key.
    await writeFile(join(dir, 'vault-2.db'), oldDb);
    await expectCode(openVault(dir, PASS, opts), 'DATABASE_DAMAGED');
  });

  it('removes a database file left over by an interrupted re-encryption', async () => {
    const dir = await tempDir();
    (await createVault(dir, PASS, opts)).close();
    await writeFile(join(dir, 'vault-2.db'), 'half written copy');
    (await openVault(dir, PASS, opts)).close();
    expect(existsSync(join(dir, 'vault-2.db'))).toBe(false);
    expect(existsSync(join(dir, 'vault-1.db'))).toBe(true);
  });
});

describe('migrations', () => {
  it('opens a vault made by an older Amparo and migrates it, keeping its rows', async () => {
    const dir = await tempDir();
    const older = await createVault(dir, PASS, { ...opts, migrations: MIGRATIONS.slice(0, 1) });
    expect(schemaVersion(older.db)).toBe(1);
    older.db
      .prepare(
        `INSERT INTO matters (id, title, matter_type, forum, reference, status, opened_on, summary, created_at, updated_at)
         VALUES ('7d1c2a4e-8f63-4c39-9a43-3c1f0d5b2a11', 'Agresión a defensora', 'petition', 'iachr', 'P-1234-18',
                 'filed', '2018-05-02', '', '2018-05-02T00:00:00Z', '2018-05-02T00:00:00Z')`,
      )
      .run();
    older.close();

    const current = await openVault(dir, PASS, opts);
    expect(schemaVersion(current.db)).toBe(LATEST_SCHEMA_VERSION);
    const page = new MatterService(() => vaultContext(current, () => 'test')).list(
      ListMattersInput.parse({ query: 'agresion' }),
    );
    expect(page.items.map((m) => m.reference)).toEqual(['P-1234-18']);
    current.close();
  });

  it('refuses a vault whose schema is newer than this build', async () => {
    const dir = await tempDir();
    const vault = await createVault(dir, PASS, opts);
    vault.db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    vault.close();
    await expectCode(openVault(dir, PASS, opts), 'SCHEMA_TOO_NEW');
  });

  it('rolls back a migration that fails, leaving the previous version', async () => {
    const dir = await tempDir();
    const vault = await createVault(dir, PASS, { ...opts, migrations: MIGRATIONS.slice(0, 1) });
    const broken = [
      ...MIGRATIONS.slice(0, 1),
      {
        version: 2,
        name: 'broken',
        up: (db: typeof vault.db) => {
          db.exec('CREATE TABLE half_done (x)');
          db.exec('THIS IS NOT SQL');
        },
      },
    ];
    expect(() => migrate(vault.db, broken)).toThrow();
    expect(schemaVersion(vault.db)).toBe(1);
    expect(
      vault.db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'`).get()?.n,
    ).toBe(0);
    vault.close();
  });
});
