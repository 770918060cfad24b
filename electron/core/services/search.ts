// Full-text search (FTS5 inside the encrypted database, accents and case folded by the unicode61
// tokenizer). Confidential records stay out of results until revealed; protected identities are
// searched only after the user unlocks protected search, and each such search is logged.
import { AmparoError } from '../../../shared/errors';
import { SearchInput, type SearchHit, type SearchResult } from '../../../shared/schemas/search';
import type { RevealState } from './reveal-state';
import { CONFIDENTIAL_MATTERS_SCOPE } from './matters';
import { CONFIDENTIAL_PEOPLE_SCOPE } from './people';
import type { VaultContext } from './vault-context';

/** Each word of the user's text as a quoted prefix term: no FTS syntax can be injected. */
export function ftsQuery(text: string): string | null {
  const terms = text
    .split(/\s+/)
    .map((t) => t.replace(/"/g, '').trim())
    .filter(Boolean);
  return terms.length > 0 ? terms.map((t) => `"${t}"*`).join(' ') : null;
}

interface IndexRow {
  entity_type: SearchHit['entityType'];
  entity_id: string;
  matter_id: string | null;
  title: string;
  snippet: string;
}

export class SearchService {
  constructor(
    private readonly ctx: () => VaultContext,
    private readonly reveals: RevealState,
  ) {}

  /**
   * SQL condition for "may be shown": not confidential, or confidential and revealed in this session
   * (confidential matters or people in lists, or everything of one revealed matter).
   */
  private visibility(): { sql: string; params: Record<string, string | number> } {
    return {
      sql: `(s.classification <> 'confidential'
             OR (s.entity_type = 'matter' AND $allMatters = 1)
             OR (s.entity_type = 'person' AND $allPeople = 1)
             OR (s.entity_type <> 'person' AND s.matter_id IN (SELECT value FROM json_each($revealedMatters))))`,
      params: {
        allMatters: this.reveals.isConfidentialRevealed(CONFIDENTIAL_MATTERS_SCOPE) ? 1 : 0,
        allPeople: this.reveals.isConfidentialRevealed(CONFIDENTIAL_PEOPLE_SCOPE) ? 1 : 0,
        revealedMatters: JSON.stringify(this.reveals.revealedConfidentialScopes()),
      },
    };
  }

  search(input: SearchInput): SearchResult {
    const { query, includeProtected, limit } = SearchInput.parse(input);
    const match = ftsQuery(query);
    if (!match) return { hits: [], hiddenConfidential: 0 };
    const { db, audit } = this.ctx();
    if (includeProtected && !this.reveals.isProtectedSearchUnlocked()) {
      throw new AmparoError('CONFIDENTIAL', 'Unlock protected search first');
    }
    const visible = this.visibility();
    // Children of a matter in Deleted items stay indexed (a restore brings them back) but are not shown.
    const live = `(s.matter_id IS NULL OR s.matter_id NOT IN (SELECT id FROM matters WHERE deleted_at IS NOT NULL))`;
    const rows = db
      .prepare(
        `SELECT s.entity_type, s.entity_id, s.matter_id, s.title, snippet(search_index, 5, '', '', '…', 12) AS snippet
         FROM search_index s
         WHERE search_index MATCH $match AND ${live} AND ${visible.sql}
         ORDER BY rank LIMIT $limit`,
      )
      .all({ match, limit, ...visible.params }) as unknown as IndexRow[];
    const hidden = Number(
      db
        .prepare(
          `SELECT count(*) AS n FROM search_index s
           WHERE search_index MATCH $match AND s.classification = 'confidential' AND ${live} AND NOT ${visible.sql}`,
        )
        .get({ match, ...visible.params })?.n ?? 0,
    );
    const hits: SearchHit[] = rows.map((r) => ({
      entityType: r.entity_type,
      entityId: r.entity_id,
      matterId: r.matter_id,
      title: r.title,
      snippet: r.snippet,
      viaProtected: false,
    }));

    if (includeProtected) {
      // The hit names the person by pseudonym only; the matched protected text is never returned.
      const found = db
        .prepare(
          `SELECT p.id, p.pseudonym FROM protected_search ps JOIN people p ON p.id = ps.person_id
           WHERE protected_search MATCH $match AND p.deleted_at IS NULL ORDER BY rank LIMIT 200`,
        )
        .all({ match }) as { id: string; pseudonym: string }[];
      for (const person of found) {
        if (hits.some((h) => h.entityType === 'person' && h.entityId === person.id)) continue;
        hits.push({
          entityType: 'person',
          entityId: person.id,
          matterId: null,
          title: person.pseudonym,
          snippet: '',
          viaProtected: true,
        });
      }
      // The query itself may be a protected name: the log records that a search happened, not its text.
      audit.append({ action: 'search.protected', details: { matches: found.length } });
    }
    return { hits, hiddenConfidential: hidden };
  }

  unlockProtected(reason: string): string {
    const { db, audit } = this.ctx();
    return db.transaction(() => {
      audit.append({ action: 'search.protected', details: { unlocked: true, reason } });
      return new Date(this.reveals.unlockProtectedSearch()).toISOString();
    })();
  }
}
