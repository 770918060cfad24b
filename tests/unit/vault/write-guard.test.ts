// A process whose database file was replaced underneath it (by a program that does not take part in
// the vault lock) notices before its next write and fails loudly; SQLite's failures are typed.
import { copyFile, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AmparoError } from '../../../shared/errors';
import { MatterService } from '../../../electron/core/services/matters';
import { vaultContext } from '../../../electron/core/services/vault-context';
import { mapSqliteError } from '../../../electron/core/vault/database';
import { HEADER_FILE, readHeader, sealHeader, writeHeader } from '../../../electron/core/vault/header';
import { changePassphrase, createVault, openVault } from '../../../electron/core/vault/vault';
import { precautionaryRequest } from '../../support/fixtures';
import { TEST_KDF, tempDir } from '../../support/temp';
import { ListMattersInput } from '../../../shared/schemas/matter';

/** The first page of live cases, as dispatch would parse an empty request. */
const ALL_MATTERS = ListMattersInput.parse({});

const PASS = 'una frase de paso bastante larga 2024';
const opts = { kdfCost: TEST_KDF };

function codeOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(AmparoError);
    return (error as AmparoError).code;
  }
  return 'no error';
}

const cases = (vault: Parameters<typeof vaultContext>[0]) =>
  new MatterService(() => vaultContext(vault, () => 'test'));

describe('a database replaced underneath an open vault', () => {
  it('is noticed before the next write when the header names another file', async () => {
    const dir = await tempDir();
    const vault = await createVault(dir, PASS, opts);
    cases(vault).create(precautionaryRequest({ title: 'Antes' }));
    vault.db.pragma('wal_checkpoint(TRUNCATE)');
    // What an older re-encryption did: a copy under a new name, the header switched, the old file deleted.
    await copyFile(join(dir, 'vault-1.db'), join(dir, 'vault-2.db'));
    const original = await readFile(join(dir, HEADER_FILE));
    const { checksum: _c, ...header } = await readHeader(dir);
    await writeHeader(dir, sealHeader({ ...header, database: { ...header.database, file: 'vault-2.db' } }));

    expect(codeOf(() => cases(vault).create(precautionaryRequest({ title: 'Después' })))).toBe(
      'DATABASE_REPLACED',
    );
    vault.close();
    // Nothing reached the old file either: with its own header back, it holds only what was there.
    await writeFile(join(dir, HEADER_FILE), original);
    const reopened = await openVault(dir, PASS, opts);
    expect(
      cases(reopened)
        .list(ALL_MATTERS)
        .items.map((m) => m.title),
    ).toEqual(['Antes']);
    reopened.close();
  });

  it('is noticed when the file itself was swapped for another under the same name', async () => {
    const dir = await tempDir();
    const vault = await createVault(dir, PASS, opts);
    const created = cases(vault).create(precautionaryRequest({ title: 'Antes' }));
    const id = created.id;
    await copyFile(join(dir, 'vault-1.db'), join(dir, 'copy.db'));
    await rename(join(dir, 'copy.db'), join(dir, 'vault-1.db'));

    const update = { id, revision: created.revision, fields: precautionaryRequest({ title: 'Después' }) };
    expect(codeOf(() => cases(vault).update(update))).toBe('DATABASE_REPLACED');
    // Reads still answer: nothing is lost by reading.
    expect(cases(vault).get(id).title).toBe('Antes');
    vault.close();
  });

  it('does not mistake a passphrase change (a new header naming the same file) for a replacement', async () => {
    const dir = await tempDir();
    const vault = await createVault(dir, PASS, opts);
    const changed = await changePassphrase(vault, PASS, 'otra frase de paso bastante larga', opts);
    expect(cases(changed).create(precautionaryRequest({ title: 'Después' })).title).toBe('Después');
    expect(JSON.parse(await readFile(join(dir, HEADER_FILE), 'utf8')).database.file).toBe('vault-1.db');
    changed.close();
  });
});

describe('SQLite failures as typed errors', () => {
  it('maps a full database (SQLITE_FULL) to DISK_FULL, on any statement', async () => {
    const dir = await tempDir();
    const vault = await createVault(dir, PASS, opts);
    const pages = Number(vault.db.pragma('page_count', { simple: true }));
    // A page limit is SQLite's own way to hit SQLITE_FULL without filling a real disk.
    vault.db.pragma(`max_page_count = ${pages + 1}`);
    const code = codeOf(() => {
      for (let i = 0; i < 50; i++) cases(vault).create(precautionaryRequest({ summary: 'x'.repeat(20000) }));
    });
    expect(code).toBe('DISK_FULL');
    vault.close();
  });

  it('maps a file that is not a database, from any connection, to DATABASE_DAMAGED', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'not-a-db'), 'x'.repeat(8192));
    const { Database } = await import('@signalapp/sqlcipher');
    const db = new Database(join(dir, 'not-a-db'));
    let raw: unknown;
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      raw = error;
    }
    db.close();
    expect(mapSqliteError(raw, 'Reading').code).toBe('DATABASE_DAMAGED');
  });
});
