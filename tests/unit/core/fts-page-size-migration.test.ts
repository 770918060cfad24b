// Schema 18: the full-text indexes' leaves are rewritten to fit in one page of the encrypted database
// (SQLCipher keeps 80 of each 4,096 bytes, so a row over 3,981 bytes spills onto an overflow page).
// A vault at schema 17 whose leaves spill is opened, and afterwards none does and every word finds the
// same rows, in the same order, as before.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../electron/core/vault/migrate';
import { MIGRATIONS } from '../../../electron/core/vault/migrations';
import { createVault, openVault } from '../../../electron/core/vault/vault';
import type { Database } from '../../../electron/core/vault/database';
import { TEST_KDF, tempDir } from '../../support/temp';

const PASS = 'frase de contraseña larga y segura';
// The most a table row holds in one page: usable size (4,096 − 80) − 35, by SQLite's file format.
const MAX_LOCAL = 4096 - 80 - 35;
const WORDS = 'amenaza vigilancia patrulla fiscalía denuncia oaxaca guerrero defensora comunidad ejido'.split(
  ' ',
);

function body(seed: number): string {
  const out: string[] = [];
  for (let i = 0; i < 200; i++) out.push(`${WORDS[(seed * 7 + i * 3) % WORDS.length]}${(seed + i) % 97}`);
  return out.join(' ');
}

const leaves = (db: Database, table: string) =>
  db.prepare(`SELECT max(length(block)) AS max, count(*) AS n FROM ${table}_data WHERE id > 10`).get<{
    max: number;
    n: number;
  }>()!;
const rowsOf = (db: Database, word: string) =>
  db
    .prepare(`SELECT rowid FROM search_index WHERE search_index MATCH $m ORDER BY rowid`)
    .all<{ rowid: number }>({ m: word })
    .map((r) => r.rowid);

describe('schema 18: full-text leaves in one page', () => {
  it('rewrites the leaves of an older vault, which then find the same rows', async () => {
    const dir = join(await tempDir(), 'boveda');
    const old = await createVault(dir, PASS, { kdfCost: TEST_KDF, migrations: MIGRATIONS.slice(0, 17) });
    expect(schemaVersion(old.db)).toBe(17);
    const add = old.db.prepare(
      `INSERT INTO search_index (entity_type, entity_id, matter_id, classification, title, body, facets)
       VALUES ('note', $id, NULL, 'restricted', $title, $body, '')`,
    );
    old.db.transaction(() => {
      for (let i = 0; i < 1500; i++) add.run({ id: `n${i}`, title: `Nota ${i}`, body: body(i) });
    })();
    const before = leaves(old.db, 'search_index');
    expect(before.max).toBeGreaterThan(MAX_LOCAL); // the old leaves spill
    const found = WORDS.slice(0, 3).map((w) => rowsOf(old.db, `${w}1`));
    old.close();

    const vault = await openVault(dir, PASS, { kdfCost: TEST_KDF });
    expect(schemaVersion(vault.db)).toBe(18);
    for (const table of ['search_index', 'protected_search', 'evidence_text_index'])
      expect(vault.db.prepare(`SELECT v FROM ${table}_config WHERE k = 'pgsz'`).get<{ v: number }>()?.v).toBe(
        3900,
      );
    const after = leaves(vault.db, 'search_index');
    expect(after.n).toBeGreaterThan(0);
    expect(after.max).toBeLessThanOrEqual(MAX_LOCAL - 5); // the row's header fits beside it
    expect(WORDS.slice(0, 3).map((w) => rowsOf(vault.db, `${w}1`))).toEqual(found);
    expect(found.every((rows) => rows.length > 0)).toBe(true);
    expect(
      vault.db.prepare(`INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)`).run(),
    ).toBeTruthy();
    vault.close();
  }, 60_000);
});
