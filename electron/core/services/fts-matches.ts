// One walk over a query's postings, shared by everything a search counts. With a very common word
// beside a rare one ("amenaza" and a name), every evaluation of the MATCH reads nearly all of the
// common word's postings (4–5 ms on 260,000 records), so counting what is shown, what is hidden and
// whether to rank each by its own MATCH cost a walk apiece. Instead the matching rowids are read once,
// newest first, up to a cap, and sorted into shown, hidden and gone by the facet tokens the index keeps
// on each row: FTS5 then walks only the facet's postings (a few thousand short entries).
import type { Database } from '../vault/database';

/**
 * The rowids of `table`'s rows matching `match`, in rowid order, at most `cap`. Forward: FTS5 walks
 * postings forward faster than backward (3–5 ms against 5–10 for a rare word beside a common one on the
 * bench vault). Which matches are read does not matter to their users: all of them when fewer than the
 * cap, and else any `cap` of them bound the counts from below as well as the newest would.
 */
export function firstMatches(db: Database, table: string, match: string, cap: number): number[] {
  return db
    .prepare(`SELECT rowid AS row FROM ${table} WHERE ${table} MATCH $match ORDER BY rowid LIMIT $cap`)
    .all<{ row: number }>({ match, cap })
    .map((r) => r.row);
}

/**
 * Of `ids` (in rowid order), those whose row also matches `facets` (an FTS5 expression over the facets
 * column). FTS5 is given the ids' rowid range, which it seeks to and stops after, so only the facet's
 * postings inside it are read; the few in the range that are not among the ids are dropped here.
 */
export function withFacets(db: Database, table: string, facets: string, ids: number[]): Set<number> {
  if (ids.length === 0) return new Set();
  const wanted = new Set(ids);
  const rows = db
    .prepare(
      `SELECT rowid AS row FROM ${table} WHERE ${table} MATCH $facets AND rowid >= $lo AND rowid <= $hi`,
    )
    .all<{ row: number }>({ facets, lo: ids[0]!, hi: ids[ids.length - 1]! });
  return new Set(rows.map((r) => r.row).filter((row) => wanted.has(row)));
}

/** The matches sorted by what the facets say of them; `complete` when fewer than the cap matched. */
export interface SortedMatches {
  /** Every match read, in rowid order. */
  ids: number[];
  complete: boolean;
  shown: number[];
  hidden: number;
}

export function sortMatches(
  db: Database,
  table: string,
  match: string,
  cap: number,
  facets: { hidden: string; gone: string },
): SortedMatches {
  const ids = firstMatches(db, table, match, cap);
  const gone = withFacets(db, table, facets.gone, ids);
  const hiddenRows = withFacets(db, table, facets.hidden, ids);
  let hidden = 0;
  const shown: number[] = [];
  for (const id of ids) {
    if (gone.has(id)) continue;
    if (hiddenRows.has(id)) hidden += 1;
    else shown.push(id);
  }
  return { ids, complete: ids.length < cap, shown, hidden };
}
