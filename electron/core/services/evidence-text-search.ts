// Document hits: pages of evidence whose extracted text matches the user's words, from
// evidence_text_index (FTS5, accents folded). Visibility is the search service's rule, applied inside FTS5
// through the facets the migration's triggers keep on each row: confidential items only while their case is
// revealed, nothing of a case in Deleted items. Like record search, few matches are ranked by relevance,
// many are shown newest first so the cost stays flat.
import type { DocumentHit, DocumentHits, ExtractionMethod } from '../../../shared/schemas/extraction';
import { MATCH_END, MATCH_START } from '../../../shared/schemas/search';
import { foldForSearch } from '../text/fold';
import { termsUnderPrefix } from './fts-terms';
import type { Database } from '../vault/database';
import { CONFIDENTIAL_MATTERS_SCOPE } from './matters';
import { CONFIDENTIAL_PEOPLE_SCOPE } from './people';
import type { RevealState } from './reveal-state';
import { casesOf } from './search-cases';
import { sortMatches } from './fts-matches';

/** bm25 costs about 9 µs a matching page (its length and every phrase's counts): ranked up to this many. */
const RANKED_MAX = 500;
const COUNT_CAP = 1000;
/** Hidden pages of very common words are counted up to this, then "at least" (as for records). */
const HIDDEN_CAP = 100;
const MAX_EXPANSION = 32;

/** The facet token of a case on a text row, as the migration's triggers write it. */
export const documentMatterFacet = (matterId: string): string =>
  `0mx${Buffer.from(matterId, 'utf8').toString('hex')}`;

const EMPTY: DocumentHits = {
  hits: [],
  total: 0,
  totalExact: true,
  hiddenConfidential: 0,
  hiddenExact: true,
  nextOffset: null,
};

function words(text: string): string[] {
  return text
    .split(/\s+/)
    .map((t) => t.replace(/"/g, '').trim())
    .filter(Boolean);
}

/** Each word as the exact terms of the index it is a prefix of (read lazily by FTS5), else a prefix term. */
function expand(db: Database, word: string): string {
  const asPrefix = `"${word}"*`;
  const folded = foldForSearch(word);
  if (!/^[a-z0-9]+$/.test(folded)) return asPrefix;
  const terms = termsUnderPrefix(db, 'evidence_text_index', 'evidence_text_terms', folded, MAX_EXPANSION);
  if (!terms || terms.length === 0) return asPrefix;
  return `(${terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ')})`;
}

/** Each word's group of terms, as FTS5 expressions over the page text. */
function groups(db: Database, query: string): string[] {
  return words(query).map((w) => expand(db, w));
}

export function documentMatch(db: Database, query: string): string | null {
  return matchOf(groups(db, query));
}

function matchOf(list: string[]): string | null {
  return list.length === 0 ? null : `body : (${list.join(' AND ')})`;
}

type Row = {
  item_id: string;
  matter_id: string;
  page: number;
  snippet: string;
  method: ExtractionMethod;
  title: string;
  media_type: string;
};

export function searchDocuments(
  db: Database,
  reveals: RevealState,
  query: string,
  limit: number,
  offset: number,
): DocumentHits {
  const list = groups(db, query);
  const match = matchOf(list);
  if (!match || limit === 0) return limit === 0 && match ? countOnly(db, reveals, match) : EMPTY;
  const { shown, hidden, only } = filters(reveals, match);
  // bm25 reads every posting of every word to weigh it, so pages are ranked only when each word is on
  // at most RANKED_MAX of them (then so are the pages with all the words); else newest first.
  const ranked = list.every((group) => count(db, `body : ${group}`, RANKED_MAX + 1) <= RANKED_MAX);
  if (ranked) {
    // Every shown page at once (at most RANKED_MAX), by bm25 sorted by SQLite: FTS5's own ORDER BY rank
    // took several times as long for the same order. The total is then exact, and snippets and joins are
    // made for the page's rows only.
    const scored = db
      .prepare(
        `SELECT rowid AS row FROM evidence_text_index WHERE evidence_text_index MATCH $match
         ORDER BY bm25(evidence_text_index), rowid`,
      )
      .all<{ row: number }>({ match: shown })
      .map((r) => r.row);
    const more = scored.length > offset + limit;
    return {
      hits: toHits(db, reveals, pageRows(db, match, scored.slice(offset, offset + limit))),
      total: scored.length,
      totalExact: true,
      hiddenConfidential: Math.min(count(db, hidden, RANKED_MAX + 1), RANKED_MAX),
      hiddenExact: true,
      nextOffset: more ? offset + limit : null,
    };
  }
  // Newest first: FTS5 walks the pages by descending rowid and stops once the page is full. The same rule
  // as the facets, checked on the few rows read (a descending walk over the facets' NOT costs more).
  const rows = db
    .prepare(
      `SELECT ${PAGE_COLUMNS} ${PAGE_FROM}
       WHERE evidence_text_index MATCH $match
         AND (s.classification <> 'confidential' OR s.matter_id IN (SELECT value FROM json_each($revealed)))
         AND s.matter_id NOT IN (SELECT id FROM matters WHERE deleted_at IS NOT NULL)
       ORDER BY s.rowid DESC LIMIT $take OFFSET $offset`,
    )
    .all<Row>({ match, revealed: JSON.stringify(revealedMatters(reveals)), take: limit + 1, offset });
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  const cap = COUNT_CAP + 1;
  // Both counts from one read of the matches, sorted by their facets (fts-matches.ts), when it settles
  // them (all read, or more than the cap of each); else each by its own MATCH.
  const sorted = sortMatches(db, 'evidence_text_index', match, COUNT_CAP + HIDDEN_CAP + 2, only);
  const total = !more
    ? offset + page.length
    : sorted.complete || sorted.shown.length >= cap
      ? sorted.shown.length
      : count(db, shown, cap);
  const hiddenCount =
    sorted.complete || sorted.hidden > HIDDEN_CAP ? sorted.hidden : count(db, hidden, HIDDEN_CAP + 1);
  return {
    hits: toHits(db, reveals, page),
    total: Math.max(Math.min(total, cap - 1), offset + page.length),
    totalExact: !more || total < cap,
    hiddenConfidential: Math.min(hiddenCount, HIDDEN_CAP),
    hiddenExact: hiddenCount <= HIDDEN_CAP,
    nextOffset: more ? offset + limit : null,
  };
}

const PAGE_COLUMNS = `s.item_id, s.matter_id, s.page, t.method, i.title, i.media_type,
  snippet(evidence_text_index, 4, '${MATCH_START}', '${MATCH_END}', '…', 16) AS snippet`;
const PAGE_FROM = `FROM evidence_text_index s
  JOIN evidence_text t ON t.rowid = s.rowid
  JOIN evidence_items i ON i.id = s.item_id`;

/** The pages of these rowids with their snippets, in the order given (one pass over the matches). */
function pageRows(db: Database, match: string, ids: number[]): Row[] {
  if (ids.length === 0) return [];
  // `+` keeps the rowid list from driving the loop, which would run the MATCH again for every id.
  const found = db
    .prepare(
      `SELECT s.rowid AS row, ${PAGE_COLUMNS} ${PAGE_FROM}
       WHERE evidence_text_index MATCH $match AND +s.rowid IN (SELECT value FROM json_each($ids))`,
    )
    .all<Row & { row: number }>({ match, ids: JSON.stringify(ids) });
  const byRow = new Map(found.map(({ row, ...page }) => [row, page]));
  return ids.flatMap((id) => byRow.get(id) ?? []);
}

function countOnly(db: Database, reveals: RevealState, match: string): DocumentHits {
  const { shown, hidden } = filters(reveals, match);
  const total = count(db, shown, COUNT_CAP + 1);
  const hiddenCount = count(db, hidden, HIDDEN_CAP + 1);
  return {
    hits: [],
    total: Math.min(total, COUNT_CAP),
    totalExact: total <= COUNT_CAP,
    hiddenConfidential: Math.min(hiddenCount, HIDDEN_CAP),
    hiddenExact: hiddenCount <= HIDDEN_CAP,
    nextOffset: null,
  };
}

/** The cases revealed one by one: their confidential items' pages are shown. */
function revealedMatters(reveals: RevealState): string[] {
  return reveals
    .revealedConfidentialScopes()
    .filter((scope) => scope !== CONFIDENTIAL_MATTERS_SCOPE && scope !== CONFIDENTIAL_PEOPLE_SCOPE);
}

/** The rows that may be shown and those hidden, as FTS5 expressions over the facets. */
function filters(
  reveals: RevealState,
  match: string,
): { shown: string; hidden: string; only: { hidden: string; gone: string } } {
  const revealed = revealedMatters(reveals);
  const confidential = '"0cconfidential"';
  const hiddenRows =
    revealed.length > 0
      ? `${confidential} NOT (${revealed.map((id) => `"${documentMatterFacet(id)}"`).join(' OR ')})`
      : confidential;
  return {
    shown: `${match} NOT facets : "0gone" NOT facets : (${hiddenRows})`,
    hidden: `(${match}) AND facets : (${hiddenRows}) NOT facets : "0gone"`,
    // The facets alone, for sorting matches already read (fts-matches.ts).
    only: { hidden: `facets : (${hiddenRows})`, gone: 'facets : "0gone"' },
  };
}

function count(db: Database, match: string, cap: number): number {
  return Number(
    db
      .prepare(
        'SELECT count(*) AS n FROM (SELECT 1 FROM evidence_text_index WHERE evidence_text_index MATCH $match LIMIT $cap)',
      )
      .get<{ n: number }>({ match, cap })?.n ?? 0,
  );
}

function toHits(db: Database, reveals: RevealState, rows: Row[]): DocumentHit[] {
  const cases = casesOf(
    db,
    reveals,
    rows.map((r) => r.matter_id),
  );
  return rows.map((r) => {
    const c = cases.get(r.matter_id) ?? null;
    return {
      itemId: r.item_id,
      matterId: r.matter_id,
      title: r.title,
      mediaType: r.media_type,
      page: Number(r.page),
      method: r.method,
      snippet: r.snippet,
      matterReference: c?.reference ?? null,
      matterTitle: c?.title ?? null,
    };
  });
}
