// The words of an FTS5 index that start with a prefix: from the vocabulary kept in memory
// (fts-vocabulary.ts) when it can answer, else found by seeking the index's vocabulary. The index's
// 'row' vocabulary tables (search_terms, evidence_text_terms) count every posting of each term they
// return, which for a word on every page costs milliseconds per seek; an 'instance' vocabulary returns
// the first posting and stops. It lives in the connection's temp schema: nothing is stored, and no
// migration is needed.
import type { Database } from '../vault/database';
import { termsFromVocabulary } from './fts-vocabulary';

const ready = new WeakMap<Database, Map<string, boolean>>();

/** The temp 'instance' vocabulary of `table`, made once per connection; false where it cannot be made. */
function instances(db: Database, table: string): string | null {
  let made = ready.get(db);
  if (!made) ready.set(db, (made = new Map()));
  const name = `${table}_instances`;
  if (!made.has(table)) {
    try {
      db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${name} USING fts5vocab(main, ${table}, instance)`);
      made.set(table, true);
    } catch {
      made.set(table, false);
    }
  }
  return made.get(table) ? `temp.${name}` : null;
}

/**
 * Up to `max` distinct terms starting with `folded` (lower-case ASCII letters and digits), in order;
 * null when there are more. `fallback` is the index's 'row' vocabulary, used when the temp one is not.
 */
export function termsUnderPrefix(
  db: Database,
  table: string,
  fallback: string,
  folded: string,
  max: number,
): string[] | null {
  // The words kept in memory answer without reading the index, once they have been read.
  const known = termsFromVocabulary(db, table, folded, max);
  if (known !== undefined) return known;
  const source = instances(db, table) ?? fallback;
  // Every term with the prefix sorts below the prefix with its last character raised by one.
  const upper = folded.slice(0, -1) + String.fromCharCode(folded.charCodeAt(folded.length - 1) + 1);
  const seek = db.prepare(`SELECT term FROM ${source} WHERE term >= $from AND term < $upper LIMIT 1`);
  const terms: string[] = [];
  let term = seek.get<{ term: string }>({ from: folded, upper })?.term;
  while (term !== undefined) {
    if (terms.length === max) return null;
    terms.push(term);
    // `>` would walk every instance of `term`; the smallest string after it is `term` + U+0001.
    term = seek.get<{ term: string }>({ from: `${term}\u0001`, upper })?.term;
  }
  return terms;
}
