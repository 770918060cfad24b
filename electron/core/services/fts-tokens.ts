// The terms the indexes' tokenizer (unicode61, remove_diacritics 2) makes of a text, for the words kept
// in memory (fts-vocabulary.ts). SQLite itself is the authority: a contentless temp FTS5 table tokenizes
// any text exactly, but with the vault's cipher_memory_security (every freed buffer wiped) it costs about
// 1 ms for a page of 250 words. unicode61 reads a text one character at a time (each is a separator or
// folds to one character), so what it makes of each character of the ranges below (ASCII and the Latin
// letters of Spanish, Portuguese, French...; dashes, typographic quotes, ellipsis and bullets; currency
// signs) is read from SQLite once per connection, and texts made only of those are tokenized here with
// that table; any other text goes through SQLite.
import type { Database } from '../vault/database';

/** The characters folded by the table read from SQLite: [first, end) ranges of UTF-16 code units. */
const RANGES: [number, number][] = [
  [0x1, 0x250],
  [0x2000, 0x2070],
  [0x20a0, 0x20d0],
];
const TABLE_END = 0x20d0;
const inTable = (c: number) => RANGES.some(([first, end]) => c >= first && c < end);

export class IndexTokenizer {
  /** What each character becomes in a term; undefined for a separator. Null until read. */
  private folds: (string | undefined)[] | null = null;
  /** Texts tokenized by the table and by SQLite (tests check both ways are taken). */
  readonly counts = { table: 0, sqlite: 0 };

  constructor(private readonly db: Database) {}

  get ready(): boolean {
    return this.folds !== null;
  }

  /** Reads from SQLite what it makes of each character of the ranges (about 10 ms, once). */
  prepare(): void {
    if (this.folds) return;
    const db = this.db;
    const insert = db.prepare('INSERT INTO temp.vocabulary_tokenizer (rowid, text) VALUES ($row, $text)');
    const folds = new Array<string | undefined>(TABLE_END);
    db.transaction(() => {
      for (const [first, end] of RANGES)
        for (let c = first; c < end; c++) insert.run({ row: c, text: String.fromCharCode(c) });
      for (const r of db
        .prepare('SELECT term, doc FROM temp.vocabulary_token_instances')
        .all<{ term: string; doc: number }>())
        folds[Number(r.doc)] = r.term;
      db.prepare(`INSERT INTO temp.vocabulary_tokenizer (vocabulary_tokenizer) VALUES ('delete-all')`).run();
    })();
    this.folds = folds;
  }

  /** The terms of these texts. */
  terms(texts: string[]): Set<string> {
    const terms = new Set<string>();
    const rest: string[] = [];
    for (const text of texts) {
      const found = this.byTable(text);
      if (found) {
        this.counts.table++;
        for (const term of found) terms.add(term);
      } else rest.push(text);
    }
    if (rest.length > 0) {
      this.counts.sqlite += rest.length;
      for (const term of sqliteTerms(this.db, rest)) terms.add(term);
    }
    return terms;
  }

  /** The terms of `text` by the table; null when the table is not read or a character is outside it. */
  private byTable(text: string): string[] | null {
    const folds = this.folds;
    if (!folds) return null;
    const out: string[] = [];
    let term = '';
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // ASCII first: most characters of most texts.
      if (c >= 0x80 && !inTable(c)) return null;
      if (c === 0) return null;
      const folded = folds[c];
      if (folded !== undefined) term += folded;
      else if (term !== '') {
        out.push(term);
        term = '';
      }
    }
    if (term !== '') out.push(term);
    return out;
  }
}

/** The terms SQLite's tokenizer makes of these texts, through the temp tokenizer table. */
export function sqliteTerms(db: Database, texts: string[]): Set<string> {
  const terms = new Set<string>();
  // No transaction of its own: inside the caller's, a savepoint makes FTS5 flush its pending terms to
  // segments at each release (about twice the time).
  const insert = db.prepare('INSERT INTO temp.vocabulary_tokenizer (rowid, text) VALUES ($row, $text)');
  texts.forEach((text, i) => insert.run({ row: i + 1, text }));
  for (const { term } of db.prepare('SELECT term FROM temp.vocabulary_tokens').all<{ term: string }>())
    terms.add(term);
  db.prepare(`INSERT INTO temp.vocabulary_tokenizer (vocabulary_tokenizer) VALUES ('delete-all')`).run();
  return terms;
}
