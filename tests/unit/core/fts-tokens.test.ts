// The terms the kept words learn from a text (fts-tokens.ts) against SQLite's own tokenizer on a real
// SQLCipher connection: random texts of every character the table folds, Spanish text, and texts with
// characters outside the table (taken by SQLite), all give the terms the index's tokenizer gives.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IndexTokenizer, sqliteTerms } from '../../../electron/core/services/fts-tokens';
import { startVocabularies } from '../../../electron/core/services/fts-vocabulary';
import { createVault, type OpenVault } from '../../../electron/core/vault/vault';
import { TEST_KDF, tempDir } from '../../support/temp';

let vault: OpenVault | undefined;
afterEach(() => vault?.close());

async function tokenizer(): Promise<{ tokens: IndexTokenizer; oracle: (text: string) => string[] }> {
  vault = await createVault(join(await tempDir(), 'boveda'), 'frase de contraseña larga y segura', {
    kdfCost: TEST_KDF,
  });
  const db = vault.db;
  expect(startVocabularies(db)).toBe(true);
  // The oracle: a separate FTS5 table with the indexes' tokenizer, asked through its own vocabulary.
  db.exec(`CREATE VIRTUAL TABLE temp.oracle USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
           CREATE VIRTUAL TABLE temp.oracle_terms USING fts5vocab(temp, oracle, row);`);
  const oracle = (text: string) => {
    db.prepare('INSERT INTO temp.oracle (rowid, text) VALUES (1, $text)').run({ text });
    const terms = db
      .prepare('SELECT term FROM temp.oracle_terms')
      .all<{ term: string }>()
      .map((r) => r.term);
    db.prepare('DELETE FROM temp.oracle').run();
    return terms.sort();
  };
  const tokens = new IndexTokenizer(db);
  tokens.prepare();
  return { tokens, oracle };
}

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
}

const sorted = (terms: Set<string>) => [...terms].sort();

describe('terms of a text, as the indexes make them', () => {
  it('matches SQLite for random texts of the characters the table folds', async () => {
    const { tokens, oracle } = await tokenizer();
    const next = random(2026);
    // Latin (U+0001–U+024F), general punctuation (U+2000–U+206F), currency signs (U+20A0–U+20CF).
    const ranges = [
      [0x1, 0x250],
      [0x2000, 0x2070],
      [0x20a0, 0x20d0],
    ] as const;
    for (let n = 0; n < 300; n++) {
      let text = '';
      const length = 1 + Math.floor(next() * 60);
      for (let i = 0; i < length; i++) {
        const [first, end] = ranges[Math.floor(next() * 3)]!;
        text += String.fromCharCode(first + Math.floor(next() * (end - first)));
      }
      expect(sorted(tokens.terms([text])), JSON.stringify(text)).toEqual(oracle(text));
    }
    expect(tokens.counts).toEqual({ table: 300, sqlite: 0 });
  });

  it('matches SQLite for Spanish text, and takes texts with other characters to SQLite', async () => {
    const { tokens, oracle } = await tokenizer();
    const texts = [
      'La defensora Ñandú recibió AMENAZAS el 14/03/2026 — «¡Váyase!», “ya”… en Chicontepec, Ver. • 5 000 €',
      'Oficio FGE/0123/2026: diligencias; µg, ſ, Ǣ, ǽ y ª/º; ½ y ²',
      'Straße ﬁne Ελληνικά cafe\u0301s ǅemal 日本語 😀 l’oficina',
      '',
    ];
    for (const text of texts) expect(sorted(tokens.terms([text])), text).toEqual(oracle(text));
    expect(tokens.counts).toEqual({ table: 3, sqlite: 1 });
    // Several texts at once, some by the table and some by SQLite, give the union.
    expect(sorted(tokens.terms(texts))).toEqual([...new Set(texts.flatMap(oracle))].sort());
    expect(sorted(sqliteTerms(vault!.db, texts))).toEqual([...new Set(texts.flatMap(oracle))].sort());
  });
});
