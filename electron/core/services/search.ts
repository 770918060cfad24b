// Full-text search (FTS5 inside the encrypted database, accents and case folded by the unicode61
// tokenizer). Confidential records stay out of results until revealed; protected identities are
// searched only after the user unlocks protected search, and each such search is logged.
//
// Cost stays flat at the size of a large organisation: words in at most RANKED_MAX records are ranked
// by relevance (bm25 over every match); words in more are shown newest first, reading only as many rows
// as the page needs. Totals beyond COUNT_CAP and hidden counts beyond HIDDEN_CAP are reported as "at least".
import { AmparoError } from '../../../shared/errors';
import {
  MATCH_END,
  MATCH_START,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from '../../../shared/schemas/search';
import type { RevealState } from './reveal-state';
import { CONFIDENTIAL_MATTERS_SCOPE } from './matters';
import { CONFIDENTIAL_PEOPLE_SCOPE } from './people';
import { classificationFacet, GONE_FACET, matterFacet, typeFacet } from './search-index';
import { casesOf } from './search-cases';
import { ftsQuery, groupsMatch, matchGroups } from './search-query';
import { sortMatches, type SortedMatches } from './fts-matches';
import type { VaultContext } from './vault-context';
// search inside the evidence
import { searchDocuments } from './evidence-text-search';

/**
 * Above this many matching records, relevance gives way to recency: bm25 reads every match (about 9 µs
 * each with 200,000 records), which at 2,000 took most of the 50 ms budget.
 */
export const RANKED_MAX = 500;
/** Totals of very common words are counted up to this, then "at least". */
export const COUNT_CAP = 1000;
/**
 * Hidden confidential matches of very common words are counted up to this, then "at least": the notice
 * only has to say that there are some and roughly how many, and each one counted past the first
 * hundreds cost a seek into the word's postings.
 */
export const HIDDEN_CAP = 100;
/** When every word is in more than RANKED_MAX records, the rarest weighs alone if in at most this many times as many. */
const RAREST_FACTOR = 20;
/** Revealed matters beyond this are checked row by row instead of inside FTS5. */
export const MAX_SPELLED = 64;

type HitRow = {
  entity_type: SearchHit['entityType'];
  entity_id: string;
  matter_id: string | null;
  title: string;
  snippet: string;
};

type Params = Record<string, string | number>;

export class SearchService {
  private readonly limits: { rankedMax: number; countCap: number; hiddenCap: number; maxSpelled: number };

  constructor(
    private readonly ctx: () => VaultContext,
    private readonly reveals: RevealState,
    /** Overridable so tests reach both orders, the caps and (maxSpelled -1) the row checks with a few records. */
    limits: Partial<SearchService['limits']> = {},
  ) {
    this.limits = {
      rankedMax: RANKED_MAX,
      countCap: COUNT_CAP,
      hiddenCap: HIDDEN_CAP,
      maxSpelled: MAX_SPELLED,
      ...limits,
    };
  }

  /**
   * SQL condition for "may be shown" (never NULL): not confidential, or confidential and revealed in this
   * session (confidential matters or people in lists, or everything of one revealed matter).
   */
  private visibility(): { sql: string; params: Params } {
    return {
      sql: `(s.classification <> 'confidential'
             OR (s.entity_type = 'matter' AND $allMatters = 1)
             OR (s.entity_type = 'person' AND $allPeople = 1)
             OR (s.entity_type <> 'person' AND s.matter_id IS NOT NULL
                 AND s.matter_id IN (SELECT value FROM json_each($revealedMatters))))`,
      params: {
        allMatters: this.reveals.isConfidentialRevealed(CONFIDENTIAL_MATTERS_SCOPE) ? 1 : 0,
        allPeople: this.reveals.isConfidentialRevealed(CONFIDENTIAL_PEOPLE_SCOPE) ? 1 : 0,
        revealedMatters: JSON.stringify(this.reveals.revealedConfidentialScopes()),
      },
    };
  }

  /** `input` was parsed by dispatch (defaults applied). */
  search(input: SearchQuery): SearchResult {
    const { query, includeProtected, limit, offset } = input;
    const { db, audit } = this.ctx();
    if (includeProtected && !this.reveals.isProtectedSearchUnlocked()) {
      throw new AmparoError('CONFIDENTIAL', 'Unlock protected search first');
    }
    const groups = matchGroups(db, query);
    const match = groups ? groupsMatch(groups) : null;
    // search inside the evidence: pages of documents, paged on their own
    const documents = searchDocuments(
      db,
      this.reveals,
      query,
      input.documentLimit ?? 20,
      input.documentOffset ?? 0,
    );
    if (!match) {
      return {
        documents,
        hits: [],
        hiddenConfidential: 0,
        hiddenExact: true,
        total: 0,
        totalExact: true,
        order: 'relevance',
        nextOffset: null,
      };
    }
    const visible = this.visibility();
    // Children of a matter in Deleted items stay indexed (a restore brings them back) but are not shown.
    const live = `(s.matter_id IS NULL OR s.matter_id NOT IN (SELECT id FROM matters WHERE deleted_at IS NOT NULL))`;
    const params: Params = { match, ...visible.params };

    // The visibility rules, spelled out over the facets when they can be, so counting reads no rows; the
    // page applies the SQL conditions (reading only the rows it returns), which also count otherwise.
    const facets = this.facetFilters(match);
    const { rankedMax, countCap, hiddenCap } = this.limits;
    // With the facets, every match up to the cap is read once and sorted into shown and hidden by them
    // (fts-matches.ts): the choice of order and, mostly, both counts come from that one walk.
    const sorted: SortedMatches | null = facets
      ? sortMatches(db, 'search_index', match, Math.max(rankedMax, countCap + hiddenCap) + 2, facets.only)
      : null;
    // How many records match at all, counted only as far as the choice of order needs.
    const matching = sorted
      ? sorted.ids.length
      : Number(
          db
            .prepare(
              'SELECT count(*) AS n FROM (SELECT 1 FROM search_index WHERE search_index MATCH $match LIMIT $cap)',
            )
            .get({ match, cap: rankedMax + 1 })?.n ?? 0,
        );

    const shownWhere = `search_index MATCH $match AND ${live} AND ${visible.sql}`;
    const count = (which: 'shown' | 'hidden', cap: number) =>
      facets
        ? this.count('search_index MATCH $match', { match: facets[which] }, cap)
        : which === 'shown'
          ? this.count(shownWhere, params, cap)
          : // Only confidential rows can be hidden: FTS5 intersects the words with the classification facet.
            this.count(
              `search_index MATCH $match AND ${live} AND NOT ${visible.sql}`,
              {
                ...params,
                match: `(${match}) AND facets : "${classificationFacet('confidential')}"`,
              },
              cap,
            );

    // Newest first, with snippets: FTS5 walks the matches by descending rowid and stops once the page is
    // full, so snippets are computed only for the rows returned.
    const recentPage = (take: number) =>
      db
        .prepare(
          `SELECT s.entity_type, s.entity_id, s.matter_id, s.title,
                  snippet(search_index, 5, '${MATCH_START}', '${MATCH_END}', '…', 12) AS snippet
           FROM search_index s WHERE ${shownWhere} ORDER BY s.rowid DESC LIMIT $take OFFSET $offset`,
        )
        .all({ ...params, take, offset }) as unknown as HitRow[];

    let rows: HitRow[];
    let result: Omit<SearchResult, 'hits' | 'documents'>;
    if (matching <= rankedMax) {
      // Few enough to rank them all by relevance, and to count exactly what is shown and what is hidden:
      // every match's bm25 score, sorted by SQLite (FTS5's own ORDER BY rank took several times as long
      // for the same order); snippets are made afterwards for the page's rows only.
      const scored = sorted
        ? this.ranked(groups!, sorted.shown).map((row) => ({ row, shown: 1 }))
        : this.scored(groups!, params, live, visible.sql);
      const shown = scored.filter((r) => Boolean(r.shown));
      rows = this.rowsOf(
        match,
        shown.slice(offset, offset + limit).map((r) => r.row),
      );
      result = {
        hiddenConfidential: sorted ? sorted.hidden : scored.length - shown.length,
        hiddenExact: true,
        total: shown.length,
        totalExact: true,
        order: 'relevance',
        nextOffset: offset + limit < shown.length ? offset + limit : null,
      };
    } else {
      rows = recentPage(limit + 1);
      const more = rows.length > limit;
      rows = rows.slice(0, limit);
      const cap = countCap;
      // From the matches read when they settle it (all of them read, or more than the cap of each);
      // else counted by their own MATCH.
      const total =
        sorted && (sorted.complete || sorted.shown.length > cap)
          ? sorted.shown.length
          : count('shown', cap + 1);
      const hidden =
        sorted && (sorted.complete || sorted.hidden > hiddenCap)
          ? sorted.hidden
          : count('hidden', hiddenCap + 1);
      const seen = offset + rows.length + (more ? 1 : 0);
      result = {
        hiddenConfidential: Math.min(hidden, hiddenCap),
        hiddenExact: hidden <= hiddenCap,
        // On the last page the total is known exactly, whatever the cap.
        total: more ? Math.max(Math.min(total, cap), seen) : seen,
        totalExact: !more || total <= cap,
        order: 'recent',
        nextOffset: more ? offset + limit : null,
      };
    }

    const hits = this.hits(rows);
    if (includeProtected) {
      // Protected matches come with the first page only, after the shown-text hits.
      const found =
        offset === 0
          ? (db
              .prepare(
                `SELECT p.id, p.pseudonym FROM protected_search ps JOIN people p ON p.id = ps.person_id
                 WHERE protected_search MATCH $match AND p.deleted_at IS NULL ORDER BY rank LIMIT 200`,
              )
              .all({ match: ftsQuery(query) }) as { id: string; pseudonym: string }[])
          : [];
      for (const person of found) {
        if (hits.some((h) => h.entityType === 'person' && h.entityId === person.id)) continue;
        // The hit names the person by pseudonym only; the matched protected text is never returned.
        hits.push({
          entityType: 'person',
          entityId: person.id,
          matterId: null,
          title: person.pseudonym,
          snippet: '',
          viaProtected: true,
          matterReference: null,
          matterTitle: null,
        });
      }
      // The query itself may be a protected name: the log records that a search happened, not its text.
      audit.append({ action: 'search.protected', details: { matches: found.length } });
    }
    return { hits, ...result, documents };
  }

  /**
   * The shown matches, best first. bm25 reads every posting of each word it weighs, so beside a rarer
   * word, words in more than rankedMax records are left out of the score (they are in so many records
   * that they weigh little); the matches are still those of all the words.
   */
  private ranked(groups: string[], shown: number[]): number[] {
    if (shown.length === 0) return [];
    const weigh = this.rareGroups(groups);
    // `+` keeps the rowid list from driving the loop, which would run the MATCH again for every id.
    const scores = new Map(
      this.ctx()
        .db.prepare(
          `SELECT rowid AS row, bm25(search_index) AS score FROM search_index
           WHERE search_index MATCH $match AND +rowid IN (SELECT value FROM json_each($ids))`,
        )
        .all<{ row: number; score: number }>({ match: groupsMatch(weigh), ids: JSON.stringify(shown) })
        .map((r) => [r.row, r.score]),
    );
    const score = (row: number) => scores.get(row) ?? 0;
    return [...shown].sort((a, b) => score(a) - score(b) || a - b);
  }

  /**
   * The groups worth weighing: those in at most rankedMax records; when none is, the rarest one if it is
   * in at most RAREST_FACTOR times as many (bm25 reads every posting of each phrase it weighs, 5–10 ms for
   * a word in 100,000 records); else all.
   */
  private rareGroups(groups: string[]): string[] {
    const { rankedMax } = this.limits;
    if (groups.length < 2) return groups;
    const within = (g: string, cap: number) =>
      this.count('search_index MATCH $match', { match: groupsMatch([g]) }, cap + 1);
    const rare = groups.filter((g) => within(g, rankedMax) <= rankedMax);
    if (rare.length > 0) return rare;
    const cap = rankedMax * RAREST_FACTOR;
    const counted = groups.map((g) => ({ g, n: within(g, cap) }));
    const rarest = counted.reduce((a, b) => (b.n < a.n ? b : a));
    return rarest.n <= cap && counted.some((c) => c.n > rarest.n) ? [rarest.g] : groups;
  }

  /**
   * Every match with whether it may be shown, best first, by the visibility rules in SQL: for when the
   * revealed cases are too many to spell out over the facets. bm25 weighs the words as in `ranked`.
   */
  private scored(
    groups: string[],
    params: Params,
    live: string,
    visible: string,
  ): { row: number; shown: number }[] {
    const { db } = this.ctx();
    const rare = this.rareGroups(groups);
    if (rare.length === groups.length)
      return db
        .prepare(
          `SELECT s.rowid AS row, ${visible} AS shown FROM search_index s
           WHERE search_index MATCH $match AND ${live}
           ORDER BY bm25(search_index), s.rowid`,
        )
        .all<{ row: number; shown: number }>(params);
    const matches = db
      .prepare(
        `SELECT s.rowid AS row, ${visible} AS shown FROM search_index s WHERE search_index MATCH $match AND ${live}`,
      )
      .all<{ row: number; shown: number }>(params);
    // `+` keeps the rowid list from driving the loop, which would run the MATCH again for every id.
    const scores = new Map(
      db
        .prepare(
          `SELECT rowid AS row, bm25(search_index) AS score FROM search_index
           WHERE search_index MATCH $match AND +rowid IN (SELECT value FROM json_each($ids))`,
        )
        .all<{ row: number; score: number }>({
          match: groupsMatch(rare),
          ids: JSON.stringify(matches.map((m) => m.row)),
        })
        .map((r) => [r.row, r.score]),
    );
    const score = (row: number) => scores.get(row) ?? 0;
    return matches.sort((a, b) => score(a.row) - score(b.row) || a.row - b.row);
  }

  /** The rows of these rowids with their snippets, in the order given (one pass over the matches). */
  private rowsOf(match: string, ids: number[]): HitRow[] {
    if (ids.length === 0) return [];
    // `+` keeps the rowid list from driving the loop, which would run the MATCH again for every id.
    const found = this.ctx()
      .db.prepare(
        `SELECT s.rowid AS row, s.entity_type, s.entity_id, s.matter_id, s.title,
                snippet(search_index, 5, '${MATCH_START}', '${MATCH_END}', '…', 12) AS snippet
         FROM search_index s
         WHERE search_index MATCH $match AND +s.rowid IN (SELECT value FROM json_each($ids))`,
      )
      .all<HitRow & { row: number }>({ match, ids: JSON.stringify(ids) });
    const byRow = new Map(found.map(({ row, ...hit }) => [row, hit]));
    return ids.flatMap((id) => byRow.get(id) ?? []);
  }

  /** count(*) that stops after `cap` rows. */
  private count(where: string, params: Params, cap: number): number {
    return Number(
      this.ctx()
        .db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM search_index s WHERE ${where} LIMIT $cap)`)
        .get({ ...params, cap })?.n ?? 0,
    );
  }

  /**
   * What is shown and what is hidden, as FTS5 expressions over the facets: confidential rows are hidden
   * unless of a revealed matter (or a matter or person while all of those are revealed), and rows of a
   * matter in Deleted items are neither. Null when the revealed matters are too many to spell out.
   */
  private facetFilters(
    match: string,
  ): { shown: string; hidden: string; only: { hidden: string; gone: string } } | null {
    const revealed = this.reveals
      .revealedConfidentialScopes()
      .filter((scope) => scope !== CONFIDENTIAL_MATTERS_SCOPE && scope !== CONFIDENTIAL_PEOPLE_SCOPE);
    if (revealed.length > this.limits.maxSpelled) return null;
    const quote = (token: string) => `"${token}"`;
    const exempt = revealed.map(matterFacet);
    if (this.reveals.isConfidentialRevealed(CONFIDENTIAL_MATTERS_SCOPE)) exempt.push(typeFacet('matter'));
    if (this.reveals.isConfidentialRevealed(CONFIDENTIAL_PEOPLE_SCOPE)) exempt.push(typeFacet('person'));
    const confidential = quote(classificationFacet('confidential'));
    const hiddenRows =
      exempt.length > 0 ? `${confidential} NOT (${exempt.map(quote).join(' OR ')})` : confidential;
    const gone = ` NOT facets : ${quote(GONE_FACET)}`;
    return {
      shown: `${match}${gone} NOT facets : (${hiddenRows})`,
      hidden: `(${match}) AND facets : (${hiddenRows})${gone}`,
      // The facets alone, for sorting matches already read (fts-matches.ts).
      only: { hidden: `facets : (${hiddenRows})`, gone: `facets : ${quote(GONE_FACET)}` },
    };
  }

  /** Each hit with the case it belongs to, when that case may be shown. */
  private hits(rows: HitRow[]): SearchHit[] {
    const cases = casesOf(
      this.ctx().db,
      this.reveals,
      rows.flatMap((r) => (r.matter_id ? [r.matter_id] : [])),
    );
    return rows.map((r) => {
      const c = r.matter_id ? (cases.get(r.matter_id) ?? null) : null;
      return {
        entityType: r.entity_type,
        entityId: r.entity_id,
        matterId: r.matter_id,
        title: r.title,
        snippet: r.snippet,
        viaProtected: false,
        matterReference: c?.reference ?? null,
        matterTitle: c?.title ?? null,
      };
    });
  }

  unlockProtected(reason: string): string {
    const { db, audit } = this.ctx();
    return db.transaction(() => {
      audit.append({ action: 'search.protected', details: { unlocked: true, reason } });
      return new Date(this.reveals.unlockProtectedSearch()).toISOString();
    })();
  }
}
