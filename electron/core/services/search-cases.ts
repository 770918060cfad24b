// The case shown beside each search hit (records and document pages): every case of a page read in one
// query, and named only while it may be shown.
import type { Database } from '../vault/database';
import { CONFIDENTIAL_MATTERS_SCOPE } from './matters';
import type { RevealState } from './reveal-state';

export type HitCase = { reference: string; title: string } | null;

/** Reference and title of each of these cases; null for a confidential case not revealed (or none). */
export function casesOf(db: Database, reveals: RevealState, ids: string[]): Map<string, HitCase> {
  const unique = [...new Set(ids)];
  const found = new Map<string, HitCase>(unique.map((id) => [id, null]));
  if (unique.length === 0) return found;
  const rows = db
    .prepare(
      `SELECT id, reference, title, classification FROM matters
       WHERE id IN (SELECT value FROM json_each($ids))`,
    )
    .all<{ id: string; reference: string; title: string; classification: string }>({
      ids: JSON.stringify(unique),
    });
  for (const m of rows) {
    const shown =
      m.classification !== 'confidential' ||
      reveals.isConfidentialRevealed(CONFIDENTIAL_MATTERS_SCOPE) ||
      reveals.isConfidentialRevealed(m.id);
    if (shown) found.set(m.id, { reference: m.reference, title: m.title });
  }
  return found;
}
