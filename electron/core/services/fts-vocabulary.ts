// The words of each searched full-text index, held in memory while the vault is unlocked, so a typed
// word becomes its exact terms ("amenaza" → "amenaza" OR "amenazas") without asking FTS5. FTS5 finds the
// term after a word by reading past that word's whole posting list (5 ms for a word in 200,000 records);
// here it is a binary search. Nothing is written to the vault: the list is read from the index after
// unlock (in short steps, by the index maintenance), learns the rows written since, and is dropped with
// the connection. Terms of rows deleted since stay in it and match nothing, so they cost nothing but a
// place in an OR; the database never holds a copy of them.
//
// A word starting with "0" is never answered here: every facet token starts with "0" (search-index.ts,
// the evidence text migration), millions of them, and they are left out of the list.
import type { Database } from '../vault/database';
import { IndexTokenizer } from './fts-tokens';

/** The indexes whose words are expanded, and the columns a user's words are matched in. */
export const VOCABULARY_COLUMNS = {
  search_index: ['title', 'body'],
  evidence_text_index: ['body'],
} as const;
export type VocabularyTable = keyof typeof VOCABULARY_COLUMNS;
const TABLES = Object.keys(VOCABULARY_COLUMNS) as VocabularyTable[];

/** The tokenizer of both indexes (their migrations): terms are made by SQLite itself, never guessed. */
export const INDEX_TOKENIZER = 'unicode61 remove_diacritics 2';
/** Terms read per build step: the col vocabulary reads each term's postings, 10–50 ms for 200 terms. */
const BUILD_STEP_TERMS = 200;
/** Rows of extracted text learned per maintenance step (about 9 ms for pages of 250 words in Spanish). */
const LEARN_STEP_ROWS = 64;
/** Rows a search learns before its lookup; beyond this many waiting, it asks FTS5 and leaves them to the maintenance. */
const LEARN_AT_SEARCH = 16;
/** Learned terms kept apart from the sorted list until this many, then merged into it. */
const MERGE_AT = 1024;

class Vocabulary {
  /** Sorted by JavaScript's string order (the range of a prefix is contiguous in any such order). */
  private sorted: string[] = [];
  /** Terms not yet in `sorted`; `known` holds both, so a word saved again costs a set lookup. */
  private readonly learned = new Set<string>();
  private readonly known = new Set<string>();
  /** The last term read from the index ('' before the first); null once every term has been read. */
  private cursor: string | null = '';

  constructor(
    private readonly db: Database,
    readonly table: VocabularyTable,
  ) {}

  get complete(): boolean {
    return this.cursor === null;
  }

  /** Reads the next terms of the index; false when there were none left. */
  buildStep(): boolean {
    if (this.cursor === null) return false;
    const columns = VOCABULARY_COLUMNS[this.table].map((c) => `'${c}'`).join(', ');
    // From "1" on: no term sorts below "0", and every term starting with "0" (the facet tokens among
    // them) is left to FTS5. fts5vocab returns its rows in term order (it takes the ORDER BY, no sort:
    // the query plan has no temp b-tree), so the last one read is where the next step starts.
    const rows = this.db
      .prepare(
        `SELECT term FROM temp.${this.table}_columns
         WHERE term ${this.cursor === '' ? '>=' : '>'} $from AND col IN (${columns}) ORDER BY term LIMIT $n`,
      )
      .all<{ term: string }>({ from: this.cursor === '' ? '1' : this.cursor, n: BUILD_STEP_TERMS });
    this.add(rows.map((r) => r.term));
    if (rows.length < BUILD_STEP_TERMS) {
      this.cursor = null;
      this.merge(true);
      return false;
    }
    this.cursor = rows[rows.length - 1]!.term;
    return true;
  }

  add(terms: Iterable<string>): void {
    for (const term of terms) {
      if (this.known.has(term)) continue;
      this.known.add(term);
      this.learned.add(term);
    }
    this.merge(false);
  }

  /** Sorts the learned terms into the list (at the end of the build, then every MERGE_AT new terms). */
  private merge(now: boolean): void {
    if (!now && (this.cursor !== null || this.learned.size < MERGE_AT)) return;
    if (this.learned.size === 0) return;
    this.sorted = [...this.sorted, ...this.learned].sort();
    this.learned.clear();
  }

  /** Up to `max` terms starting with `prefix`; null when there are more. */
  under(prefix: string, max: number): string[] | null {
    const found = new Set<string>();
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.sorted.length && this.sorted[i]!.startsWith(prefix); i++) {
      found.add(this.sorted[i]!);
      if (found.size > max) return null;
    }
    for (const term of this.learned) {
      if (!term.startsWith(prefix)) continue;
      found.add(term);
      if (found.size > max) return null;
    }
    return [...found].sort();
  }
}

interface Session {
  vocabularies: Map<VocabularyTable, Vocabulary>;
  tokenizer: IndexTokenizer;
}

const sessions = new WeakMap<Database, Session>();

/**
 * Makes the connection's temp objects (column vocabularies, the tokenizer, the trigger that notes rows
 * of extracted text written from now on) and empty vocabularies, to be filled by `vocabularyStep`.
 * False when the connection cannot take them (a vault opened read-only): lookups then ask FTS5.
 */
export function startVocabularies(db: Database): boolean {
  if (sessions.has(db)) return true;
  if (Number(db.pragma('query_only', { simple: true })) === 1) return false;
  try {
    db.exec(`
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_index_columns USING fts5vocab(main, search_index, col);
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.evidence_text_index_columns
        USING fts5vocab(main, evidence_text_index, col);
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocabulary_tokenizer
        USING fts5(text, content='', detail=none, tokenize='${INDEX_TOKENIZER}');
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocabulary_tokens
        USING fts5vocab(temp, vocabulary_tokenizer, row);
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocabulary_token_instances
        USING fts5vocab(temp, vocabulary_tokenizer, instance);
      CREATE TABLE IF NOT EXISTS temp.vocabulary_fresh_text (row INTEGER PRIMARY KEY);
      CREATE TEMP TRIGGER IF NOT EXISTS vocabulary_text_inserted AFTER INSERT ON main.evidence_text
      BEGIN INSERT OR IGNORE INTO temp.vocabulary_fresh_text (row) VALUES (new.rowid); END;
      CREATE TEMP TRIGGER IF NOT EXISTS vocabulary_text_updated AFTER UPDATE OF text ON main.evidence_text
      BEGIN INSERT OR IGNORE INTO temp.vocabulary_fresh_text (row) VALUES (new.rowid); END;
    `);
  } catch {
    return false;
  }
  sessions.set(db, {
    vocabularies: new Map(TABLES.map((t) => [t, new Vocabulary(db, t)])),
    tokenizer: new IndexTokenizer(db),
  });
  return true;
}

/** A record was written to search_index with these texts: its words join the vocabulary, if kept. */
export function learnRecord(db: Database, texts: string[]): void {
  const session = sessions.get(db);
  session?.vocabularies.get('search_index')!.add(session.tokenizer.terms(texts));
}

/**
 * Learns up to `max` rows of extracted text written since; true when none are left waiting. With `all`,
 * learns nothing unless every waiting row fits in `max` (a search does not pay for a backlog).
 */
function learnFreshText(db: Database, max: number, all: boolean): boolean {
  const session = sessions.get(db);
  if (!session) return false;
  // Most lookups find nothing waiting: that is asked first, without the join.
  if (db.prepare('SELECT 1 FROM temp.vocabulary_fresh_text LIMIT 1').get() === undefined) return true;
  const rows = db
    .prepare(
      `SELECT f.row, t.text FROM temp.vocabulary_fresh_text f LEFT JOIN evidence_text t ON t.rowid = f.row
       ORDER BY f.row LIMIT $max`,
    )
    .all<{ row: number; text: string | null }>({ max: max + 1 });
  if (all && rows.length > max) return false;
  const batch = rows.slice(0, max);
  const texts = batch.flatMap((r) => (r.text === null ? [] : [r.text]));
  session.vocabularies.get('evidence_text_index')!.add(session.tokenizer.terms(texts));
  db.prepare('DELETE FROM temp.vocabulary_fresh_text WHERE row <= $last').run({ last: batch.at(-1)!.row });
  return rows.length <= max;
}

/** One bounded piece of work (reading terms, or learning written text); false when nothing is left. */
export function vocabularyStep(db: Database): boolean {
  const session = sessions.get(db);
  if (!session) return false;
  if (!session.tokenizer.ready) {
    session.tokenizer.prepare();
    return true;
  }
  for (const vocabulary of session.vocabularies.values()) if (vocabulary.buildStep()) return true;
  return !learnFreshText(db, LEARN_STEP_ROWS, false);
}

/**
 * Up to `max` terms of `table` starting with `folded` (lower-case ASCII letters and digits), null when
 * there are more; undefined when the vocabulary cannot answer (not read yet, a word starting with "0",
 * or more written text waiting than a lookup should learn), and FTS5 is asked instead.
 */
export function termsFromVocabulary(
  db: Database,
  table: string,
  folded: string,
  max: number,
): string[] | null | undefined {
  const vocabulary = sessions.get(db)?.vocabularies.get(table as VocabularyTable);
  if (!vocabulary?.complete || folded.startsWith('0')) return undefined;
  if (table === 'evidence_text_index' && !learnFreshText(db, LEARN_AT_SEARCH, true)) return undefined;
  return vocabulary.under(folded, max);
}

/** Whether every vocabulary of the connection has been read (the bench and tests wait for it). */
export function vocabulariesComplete(db: Database): boolean {
  const session = sessions.get(db);
  return session !== undefined && [...session.vocabularies.values()].every((v) => v.complete);
}
