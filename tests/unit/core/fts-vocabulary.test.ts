// The indexes' words kept in memory (fts-vocabulary.ts), on a real SQLCipher file: after they are read,
// every prefix gives the same terms as the index's own vocabulary asked by SQL; records and pages of
// extracted text written afterwards, by any path, are found; what it cannot answer is left to FTS5; and
// nothing of it is written to the vault.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { termsUnderPrefix } from '../../../electron/core/services/fts-terms';
import {
  INDEX_TOKENIZER,
  startVocabularies,
  termsFromVocabulary,
  vocabulariesComplete,
  vocabularyStep,
} from '../../../electron/core/services/fts-vocabulary';
import { IndexMaintenance } from '../../../electron/core/services/index-maintenance';
import { addToSearch, removeFromSearch } from '../../../electron/core/services/search-index';
import { vaultContext } from '../../../electron/core/services/vault-context';
import type { Database } from '../../../electron/core/vault/database';
import { createVault, type OpenVault } from '../../../electron/core/vault/vault';
import { MatterService } from '../../../electron/core/services/matters';
import { RevealState } from '../../../electron/core/services/reveal-state';
import { precautionaryRequest } from '../../support/fixtures';
import { rawDocument, rawPage } from './search-fixture';
import { TEST_KDF, tempDir } from '../../support/temp';

const PASSPHRASE = 'frase de contraseña larga y segura';
let vault: OpenVault | undefined;
afterEach(() => vault?.close());

async function fresh(): Promise<OpenVault> {
  vault = await createVault(join(await tempDir(), 'boveda'), PASSPHRASE, { kdfCost: TEST_KDF });
  return vault;
}

function record(db: Database, title: string, body: string): string {
  const entityId = randomUUID();
  addToSearch(db, {
    entityType: 'note',
    entityId,
    matterId: null,
    classification: 'restricted',
    title,
    body,
  });
  return entityId;
}

/** An evidence item of a new case to hang pages of text on, written as raw rows. */
function item(db: Database): string {
  const matter = new MatterService(
    () => vaultContext(vault!, () => 'prueba'),
    new RevealState(Date.now),
  ).create(precautionaryRequest({ title: 'Caso', summary: '' }));
  return rawDocument(db, matter.id, 'restricted', []);
}

const page = rawPage;

function readAll(db: Database): number {
  let steps = 0;
  expect(startVocabularies(db)).toBe(true);
  while (vocabularyStep(db)) steps++;
  return steps;
}

/** The expected answer, from SQLite: the index's own vocabulary, asked for the columns users search. */
function fromIndex(db: Database, table: string, columns: string[], prefix: string): string[] {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.expected_${table} USING fts5vocab(main, ${table}, col)`);
  return db
    .prepare(
      `SELECT DISTINCT term FROM temp.expected_${table}
       WHERE substr(term, 1, length($prefix)) = $prefix AND col IN (${columns.map((c) => `'${c}'`).join(', ')})`,
    )
    .all<{ term: string }>({ prefix })
    .map((r) => r.term)
    .sort();
}

// Words that fold in different ways: accents, ñ, a combining accent, ß, Greek (whose accents the
// tokenizer keeps), a ligature, a digraph, fractions, digits, apostrophes and hyphens.
const WORDS =
  'amenaza amenazas amenazó Amenazaron amenazador cafe\u0301s CAFÉ Ñandú niño straße Ελληνικά ﬁne ǅemal ½ 2026 ' +
  "MC-12/19 l'oficina guerrero guerrera Oaxaca oaxaqueño defensora defensoras desaparición desplazamiento";

describe('the indexes’ words kept in memory', () => {
  it('gives, for every prefix, the terms the index’s own vocabulary has in the searched columns', async () => {
    const { db } = await fresh();
    const words = WORDS.split(' ');
    for (let i = 0; i < 60; i++)
      record(
        db,
        words[i % words.length]!,
        `${words[(i * 7) % words.length]} ${words[(i * 3) % words.length]}`,
      );
    const itemId = item(db);
    for (let n = 1; n <= 5; n++) page(db, itemId, n, words.slice(n * 3, n * 3 + 9).join(' '));
    const prefixes = [
      'a',
      'am',
      'amenaza',
      'amenazas',
      'ca',
      'cafes',
      'n',
      'nandu',
      'nino',
      'st',
      'fi',
      'd',
      'de',
      'des',
      'g',
      'gue',
      'o',
      'oax',
      '1',
      '2',
      '2026',
      'mc',
      '12',
      'l',
      'oficina',
      'x',
      'zz',
    ];
    // The seek in FTS5, before the words are kept (what a search used until they were read).
    const sought = prefixes.map((prefix) =>
      termsUnderPrefix(db, 'search_index', 'search_terms', prefix, 100),
    );
    readAll(db);
    expect(vocabulariesComplete(db)).toBe(true);
    prefixes.forEach((prefix, i) => {
      const kept = termsFromVocabulary(db, 'search_index', prefix, 100);
      expect(kept, prefix).toEqual(fromIndex(db, 'search_index', ['title', 'body'], prefix));
      expect(kept, prefix).toEqual(sought[i]);
      expect(termsFromVocabulary(db, 'evidence_text_index', prefix, 100), prefix).toEqual(
        fromIndex(db, 'evidence_text_index', ['body'], prefix),
      );
    });
    // More than asked for: null, as from the seek.
    expect(termsFromVocabulary(db, 'search_index', 'a', 2)).toBeNull();
  });

  it('learns records and pages written after the words were read, whichever way they were written', async () => {
    const { db } = await fresh();
    record(db, 'Amenaza', 'vigilancia');
    const itemId = item(db);
    page(db, itemId, 1, 'oficio de la fiscalía');
    readAll(db);
    expect(termsFromVocabulary(db, 'search_index', 'hostig', 32)).toEqual([]);
    record(db, 'Hostigamiento', 'hostigada en la madrugada');
    expect(termsFromVocabulary(db, 'search_index', 'hostig', 32)).toEqual(['hostigada', 'hostigamiento']);
    // A page written by SQL alone (as a bundle import writes rows) is noted by the temp trigger.
    page(db, itemId, 2, 'Informe del Estado sobre la patrulla');
    expect(termsFromVocabulary(db, 'evidence_text_index', 'patrul', 32)).toEqual(['patrulla']);
    // And a page whose text is replaced.
    db.prepare(`UPDATE evidence_text SET text = 'escolta asignada' WHERE item_id = $itemId AND page = 1`).run(
      {
        itemId,
      },
    );
    expect(termsFromVocabulary(db, 'evidence_text_index', 'escolt', 32)).toEqual(['escolta']);
  });

  it('learns what is written while the words are still being read', async () => {
    const { db } = await fresh();
    // More distinct words than one step reads (200), so the reading takes several steps.
    for (let i = 0; i < 500; i++) record(db, `palabra${String(i).padStart(4, '0')}`, '');
    expect(startVocabularies(db)).toBe(true);
    expect(vocabularyStep(db)).toBe(true);
    expect(vocabulariesComplete(db)).toBe(false);
    // Unanswered until read: the seek in FTS5 is used meanwhile.
    expect(termsFromVocabulary(db, 'search_index', 'palabra', 1000)).toBeUndefined();
    // Written behind the point reached ("a…" sorts before every "palabra…") and ahead of it.
    record(db, 'abeja', 'zorro');
    while (vocabularyStep(db));
    expect(termsFromVocabulary(db, 'search_index', 'abej', 32)).toEqual(['abeja']);
    expect(termsFromVocabulary(db, 'search_index', 'zorr', 32)).toEqual(['zorro']);
    expect(termsFromVocabulary(db, 'search_index', 'palabra', 1000)).toHaveLength(500);
  });

  it('leaves to FTS5 the words starting with "0" and a backlog of written text too long for one search', async () => {
    const { db } = await fresh();
    record(db, '0800 línea', '');
    const itemId = item(db);
    readAll(db);
    expect(termsFromVocabulary(db, 'search_index', '0800', 32)).toBeUndefined();
    expect(termsUnderPrefix(db, 'search_index', 'search_terms', '0800', 32)).toEqual(['0800']);
    // 300 pages written at once (an import): more than a search learns (16), so it asks FTS5 ...
    db.transaction(() => {
      for (let n = 1; n <= 300; n++) page(db, itemId, n, `folio${n} del expediente`);
    })();
    expect(termsFromVocabulary(db, 'evidence_text_index', 'folio', 1000)).toBeUndefined();
    expect(termsUnderPrefix(db, 'evidence_text_index', 'evidence_text_terms', 'folio1', 1000)).toHaveLength(
      fromIndex(db, 'evidence_text_index', ['body'], 'folio1').length,
    );
    // ... and the index maintenance learns them, after which the memory answers again.
    const run = await new IndexMaintenance(() => vaultContext(vault!, () => 'prueba'), {
      isUnlocked: () => true,
    }).request();
    expect(run?.vocabularySteps).toBeGreaterThan(0);
    expect(termsFromVocabulary(db, 'evidence_text_index', 'folio', 1000)).toHaveLength(300);
  });

  it('keeps nothing in the vault: deleted words stay only in memory, where they match nothing', async () => {
    const { db } = await fresh();
    const schema = () =>
      db.prepare('SELECT type, name FROM sqlite_master ORDER BY name').all<{ type: string; name: string }>();
    const before = schema();
    const id = record(db, 'Ximena', 'nombre que se borrará');
    readAll(db);
    expect(schema()).toEqual(before);
    removeFromSearch(db, 'note', id);
    expect(fromIndex(db, 'search_index', ['title', 'body'], 'ximena')).toEqual([]);
    // The stale term is offered to FTS5, which finds no row with it.
    expect(termsFromVocabulary(db, 'search_index', 'ximena', 32)).toEqual(['ximena']);
    const rows = db
      .prepare(`SELECT count(*) AS n FROM search_index WHERE search_index MATCH '{title body} : "ximena"'`)
      .get<{ n: number }>();
    expect(rows?.n).toBe(0);
  });

  it('is not made on a connection that takes no writes, and uses the tokenizer of both indexes', async () => {
    const { db } = await fresh();
    for (const table of ['search_index', 'evidence_text_index']) {
      const sql = db
        .prepare('SELECT sql FROM sqlite_master WHERE name = $table')
        .get<{ sql: string }>({ table })?.sql;
      expect(sql).toContain(`tokenize = '${INDEX_TOKENIZER}'`);
    }
    db.pragma('query_only = 1');
    expect(startVocabularies(db)).toBe(false);
    expect(termsFromVocabulary(db, 'search_index', 'amenaza', 32)).toBeUndefined();
    db.pragma('query_only = 0');
  });
});
