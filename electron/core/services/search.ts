// Full-text search (FTS5 inside the encrypted database, accents and case folded by the unicode61
// tokenizer). Confidential records stay out of results until revealed; protected identities are
// searched only after the user unlocks protected search, and each such search is logged.
//
// Cost stays flat at the size of a large organisation: words in at most RANKED_MAX records are ranked
// by relevance (bm25 over every match); words in more are shown newest first, reading only as many rows
// as the page needs. Counts beyond COUNT_CAP are reported as "at least".
import { AmparoError } from '../../../shared/errors';
import type { SearchHit, SearchQuery, SearchResult } from '../../../shared/schemas/search';
import type { RevealState } from './reveal-state';
import { CONFIDENTIAL_MATTERS_SCOPE } from './matters';
import { CONFIDENTIAL_PEOPLE_SCOPE } from './people';
import { classificationFacet } from './search-index';
import { ftsQuery, matchExpression } from './search-query';
import type { VaultContext } from './vault-context';

/** Above this many matching records, relevance gives way to recency (bm25 would read every one). */
const RANKED_MAX = 2000;
/** Totals and hidden counts of very common words are counted up to this, then "at least". */
const COUNT_CAP = 1000;

type HitRow = {
  entity_type: SearchHit['entityType'];
  entity_id: string;
  matter_id: string | null;
  title: string;
  snippet: string;
};

type Params = Record<string, string | number>;

export class SearchService {
  constructor(
    private readonly ctx: () => VaultContext,
    private readonly reveals: RevealState,
  ) {}

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
    const match = matchExpression(db, query);
    if (!match) {
      return {
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

    // How many records match at all, counted only as far as the choice of order needs.
    const matching = Number(
      db
        .prepare(
          'SELECT count(*) AS n FROM (SELECT 1 FROM search_index WHERE search_index MATCH $match LIMIT $cap)',
        )
        .get({ match, cap: RANKED_MAX + 1 })?.n ?? 0,
    );

    let rows: number[];
    let result: Omit<SearchResult, 'hits'>;
    if (matching <= RANKED_MAX) {
      // Few enough to rank them all: one pass gives the order, the exact total and the hidden count.
      const ranked = db
        .prepare(
          `SELECT s.rowid AS row, ${visible.sql} AS shown FROM search_index s
           WHERE search_index MATCH $match AND ${live} ORDER BY rank`,
        )
        .all(params) as { row: number; shown: number }[];
      const shown = ranked.filter((r) => r.shown === 1).map((r) => r.row);
      rows = shown.slice(offset, offset + limit);
      result = {
        hiddenConfidential: ranked.length - shown.length,
        hiddenExact: true,
        total: shown.length,
        totalExact: true,
        order: 'relevance',
        nextOffset: offset + limit < shown.length ? offset + limit : null,
      };
    } else {
      // Newest first: FTS5 walks the matches by descending rowid and stops once the page is full.
      rows = (
        db
          .prepare(
            `SELECT s.rowid AS row FROM search_index s WHERE search_index MATCH $match AND ${live} AND ${visible.sql}
             ORDER BY s.rowid DESC LIMIT $limit OFFSET $offset`,
          )
          .all({ ...params, limit: limit + 1, offset }) as { row: number }[]
      ).map((r) => r.row);
      const more = rows.length > limit;
      rows = rows.slice(0, limit);
      const total = this.cappedCount(`search_index MATCH $match AND ${live} AND ${visible.sql}`, params);
      // Only confidential rows can be hidden: FTS5 intersects the words with the classification facet.
      const hidden = this.cappedCount(`search_index MATCH $match AND ${live} AND NOT ${visible.sql}`, {
        ...params,
        match: `(${match}) AND facets : "${classificationFacet('confidential')}"`,
      });
      const seen = offset + rows.length + (more ? 1 : 0);
      result = {
        hiddenConfidential: hidden,
        hiddenExact: hidden <= COUNT_CAP,
        total: Math.max(Math.min(total, COUNT_CAP), seen),
        totalExact: total <= COUNT_CAP,
        order: 'recent',
        nextOffset: more ? offset + limit : null,
      };
      if (result.hiddenConfidential > COUNT_CAP) result.hiddenConfidential = COUNT_CAP;
    }

    const hits = this.hits(match, rows);
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
    return { hits, ...result };
  }

  /** count(*) that stops after COUNT_CAP + 1 rows. */
  private cappedCount(where: string, params: Params): number {
    return Number(
      this.ctx()
        .db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM search_index s WHERE ${where} LIMIT $cap)`)
        .get({ ...params, cap: COUNT_CAP + 1 })?.n ?? 0,
    );
  }

  /** The page's rows with their snippet, and the case each belongs to when that case may be shown. */
  private hits(match: string, rows: number[]): SearchHit[] {
    const { db } = this.ctx();
    // A bound number reaches FTS5 as a REAL, and FTS5 then drops `rowid = $row`: the range form holds.
    const one = db.prepare(
      `SELECT entity_type, entity_id, matter_id, title, snippet(search_index, 5, '', '', '…', 12) AS snippet
       FROM search_index WHERE search_index MATCH $match AND rowid >= $row AND rowid <= $row`,
    );
    const matter = db.prepare('SELECT reference, title, classification FROM matters WHERE id = $id');
    const cases = new Map<string, { reference: string; title: string } | null>();
    const caseOf = (id: string) => {
      if (!cases.has(id)) {
        const m = matter.get<{ reference: string; title: string; classification: string }>({ id });
        const shown =
          m &&
          (m.classification !== 'confidential' ||
            this.reveals.isConfidentialRevealed(CONFIDENTIAL_MATTERS_SCOPE) ||
            this.reveals.isConfidentialRevealed(id));
        cases.set(id, shown ? { reference: m.reference, title: m.title } : null);
      }
      return cases.get(id) ?? null;
    };
    return rows.flatMap((row) => {
      const r = one.get<HitRow>({ match, row });
      if (!r) return [];
      const c = r.matter_id ? caseOf(r.matter_id) : null;
      return [
        {
          entityType: r.entity_type,
          entityId: r.entity_id,
          matterId: r.matter_id,
          title: r.title,
          snippet: r.snippet,
          viaProtected: false,
          matterReference: c?.reference ?? null,
          matterTitle: c?.title ?? null,
        },
      ];
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
