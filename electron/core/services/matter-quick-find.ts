// The quick switcher's lookup (Ctrl+K): a case by its reference, its title or the pseudonym of one of its
// beneficiaries, accents and letter case ignored. Protected identities are never read. A confidential case
// not revealed now is found by its reference alone and comes back without its title; a confidential person
// not revealed now lends no pseudonym to the match.
//
// One pass over the live cases and one over their beneficiaries: at a few thousand cases that is a few
// milliseconds, cheaper than keeping a second index in step with every edit.
import type { ParsedInput } from '../../../shared/contract';
import type { MatterStatus, QuickFindHit } from '../../../shared/schemas/matter';
import { foldForSearch } from '../text/fold';
import type { Database } from '../vault/database';
import { CONFIDENTIAL_MATTERS_SCOPE } from './matters';
import { CONFIDENTIAL_PEOPLE_SCOPE } from './people';
import type { RevealState } from './reveal-state';

type CaseRow = {
  id: string;
  reference: string;
  title: string;
  status: MatterStatus;
  classification: string;
  archived_at: string | null;
  updated_at: string;
};

type BeneficiaryRow = {
  matter_id: string;
  pseudonym: string;
  classification: string;
};

/** Lower rank comes first: the reference starting with the words, then containing them, title, pseudonym. */
type Rank = 0 | 1 | 2 | 3;

export function quickFindMatters(
  db: Database,
  reveals: RevealState | undefined,
  { query, limit }: ParsedInput<'matters:quickFind'>,
): QuickFindHit[] {
  const allMatters = reveals?.isConfidentialRevealed(CONFIDENTIAL_MATTERS_SCOPE) ?? false;
  const allPeople = reveals?.isConfidentialRevealed(CONFIDENTIAL_PEOPLE_SCOPE) ?? false;
  const shown = (row: CaseRow) =>
    row.classification !== 'confidential' || allMatters || (reveals?.isConfidentialRevealed(row.id) ?? false);
  const rows = db
    .prepare(
      `SELECT id, reference, title, status, classification, archived_at, updated_at FROM matters
       WHERE deleted_at IS NULL ORDER BY updated_at DESC, id`,
    )
    .all<CaseRow>();
  const hit = (row: CaseRow, pseudonym: string | null): QuickFindHit => ({
    id: row.id,
    reference: row.reference,
    title: shown(row) ? row.title : null,
    status: row.status,
    archived: row.archived_at !== null,
    pseudonym,
  });

  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  // Nothing typed yet: the cases worked on most recently, archived ones left out.
  if (words.length === 0) {
    return rows
      .filter((r) => r.archived_at === null)
      .slice(0, limit)
      .map((r) => hit(r, null));
  }
  const matches = (text: string) => {
    const folded = foldForSearch(text);
    return words.every((w) => folded.includes(w));
  };

  const found = new Map<string, { rank: Rank; order: number; hit: QuickFindHit }>();
  rows.forEach((row, order) => {
    const folded = foldForSearch(row.reference);
    let rank: Rank | null = null;
    if (matches(row.reference)) rank = folded.startsWith(words[0]!) ? 0 : 1;
    else if (shown(row) && matches(row.title)) rank = 2;
    if (rank !== null) found.set(row.id, { rank, order, hit: hit(row, null) });
  });

  const byId = new Map(rows.map((r, order) => [r.id, { row: r, order }]));
  const beneficiaries = db
    .prepare(
      `SELECT mp.matter_id, p.pseudonym, p.classification FROM matter_parties mp
       JOIN people p ON p.id = mp.person_id
       WHERE mp.role = 'beneficiary' AND mp.deleted_at IS NULL AND p.deleted_at IS NULL`,
    )
    .all<BeneficiaryRow>();
  for (const b of beneficiaries) {
    if (found.has(b.matter_id)) continue;
    if (b.classification === 'confidential' && !allPeople) continue;
    const entry = byId.get(b.matter_id);
    // A hidden case is never tied to a person through the switcher.
    if (!entry || !shown(entry.row) || !matches(b.pseudonym)) continue;
    found.set(b.matter_id, { rank: 3, order: entry.order, hit: hit(entry.row, b.pseudonym) });
  }

  return [...found.values()]
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .slice(0, limit)
    .map((f) => f.hit);
}
