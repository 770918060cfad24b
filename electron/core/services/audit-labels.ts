// Names the records an audit page speaks of, so a reader sees who was revealed and what was changed: a
// case by its reference, a person by pseudonym, evidence, facts and notes by title. Protected identities
// are never read. A confidential record (or any record of a confidential case) not revealed now is named
// only as 'confidential', as the lists name it.
import type { AuditEntry, AuditPage } from '../../../shared/schemas/audit';
import { CONFIDENTIAL_MATTERS_SCOPE } from './matters';
import { CONFIDENTIAL_PEOPLE_SCOPE } from './people';
import type { RevealState } from './reveal-state';
import type { VaultContext } from './vault-context';

/** Stands for a label that may not be shown now. */
export const CONFIDENTIAL_LABEL = 'confidential';

interface Named {
  label: string;
  classification: string;
  matterId: string | null;
}

/** Per entity type: its safe label, its classification and its case. Purged rows are simply not found. */
const LOOKUPS: Record<string, string> = {
  matter: `SELECT CASE WHEN reference <> '' THEN reference ELSE title END AS label, classification,
           id AS matterId FROM matters WHERE id = $id`,
  person: `SELECT pseudonym AS label, classification, NULL AS matterId FROM people WHERE id = $id`,
  organisation: `SELECT name AS label, classification, NULL AS matterId FROM organisations WHERE id = $id`,
  incident: `SELECT title AS label, classification, matter_id AS matterId FROM incidents WHERE id = $id`,
  note: `SELECT title AS label, classification, matter_id AS matterId FROM notes WHERE id = $id`,
  evidence: `SELECT title AS label, classification, matter_id AS matterId FROM evidence_items WHERE id = $id`,
  // follow-up: protection measures (named by authority, or their kind)
  measure: `SELECT CASE WHEN authority <> '' THEN authority ELSE kind END AS label, classification,
            matter_id AS matterId FROM protection_measures WHERE id = $id`,
  communication: `SELECT subject AS label, classification, matter_id AS matterId FROM communications WHERE id = $id`,
  risk_assessment: `SELECT assessed_on AS label, 'restricted' AS classification, matter_id AS matterId
                    FROM risk_assessments WHERE id = $id`,
  party: `SELECT coalesce(p.pseudonym, o.name) AS label, coalesce(p.classification, o.classification)
          AS classification, mp.matter_id AS matterId FROM matter_parties mp
          LEFT JOIN people p ON p.id = mp.person_id LEFT JOIN organisations o ON o.id = mp.organisation_id
          WHERE mp.id = $id`,
  // filings
  filing: `SELECT f.title AS label, m.classification, f.matter_id AS matterId FROM filings f
           JOIN matters m ON m.id = f.matter_id WHERE f.id = $id`,
  redaction_profile: `SELECT name AS label, 'restricted' AS classification, NULL AS matterId
                      FROM redaction_profiles WHERE id = $id`,
  // hearings (a part is named by its hearing)
  hearing: `SELECT title AS label, classification, matter_id AS matterId FROM hearings WHERE id = $id`,
  hearing_participant: `SELECT h.title AS label, h.classification, h.matter_id AS matterId FROM hearing_participants x
                        JOIN hearings h ON h.id = x.hearing_id WHERE x.id = $id`,
  hearing_turn: `SELECT h.title AS label, h.classification, h.matter_id AS matterId FROM hearing_turns x
                 JOIN hearings h ON h.id = x.hearing_id WHERE x.id = $id`,
  hearing_question: `SELECT h.title AS label, h.classification, h.matter_id AS matterId FROM hearing_questions x
                     JOIN hearings h ON h.id = x.hearing_id WHERE x.id = $id`,
};

export class AuditLabels {
  constructor(
    private readonly ctx: () => VaultContext,
    private readonly reveals: RevealState,
  ) {}

  label(page: AuditPage): AuditPage {
    const { db } = this.ctx();
    const cache = new Map<string, Named | null>();
    const named = (type: string, id: string): Named | null => {
      const key = `${type}:${id}`;
      if (!cache.has(key)) {
        const sql = LOOKUPS[type];
        cache.set(key, sql ? ((db.prepare(sql).get({ id }) as Named | undefined) ?? null) : null);
      }
      return cache.get(key) ?? null;
    };
    const caseShown = (matterId: string) => {
      const m = named('matter', matterId);
      return (
        !m ||
        m.classification !== 'confidential' ||
        this.reveals.isConfidentialRevealed(CONFIDENTIAL_MATTERS_SCOPE) ||
        this.reveals.isConfidentialRevealed(matterId)
      );
    };
    const recordShown = (type: string, n: Named) => {
      if (type === 'matter') return caseShown(n.matterId!);
      if (type === 'person' || type === 'organisation')
        return (
          n.classification !== 'confidential' ||
          this.reveals.isConfidentialRevealed(CONFIDENTIAL_PEOPLE_SCOPE)
        );
      // Inside a case: hidden with a hidden case, and when confidential itself until that case is revealed.
      if (!n.matterId) return n.classification !== 'confidential';
      if (!caseShown(n.matterId)) return false;
      return n.classification !== 'confidential' || this.reveals.isConfidentialRevealed(n.matterId);
    };
    const labelOf = (entry: AuditEntry): Pick<AuditEntry, 'recordLabel' | 'matterLabel'> => {
      let recordLabel: string | null = null;
      if (entry.entityType && entry.entityId) {
        const n = named(entry.entityType, entry.entityId);
        if (n) recordLabel = recordShown(entry.entityType, n) ? n.label : CONFIDENTIAL_LABEL;
      }
      let matterLabel: string | null = null;
      if (entry.matterId) {
        const m = named('matter', entry.matterId);
        if (m) matterLabel = caseShown(entry.matterId) ? m.label : CONFIDENTIAL_LABEL;
      }
      return { recordLabel, matterLabel };
    };
    return { ...page, items: page.items.map((entry) => ({ ...entry, ...labelOf(entry) })) };
  }
}
