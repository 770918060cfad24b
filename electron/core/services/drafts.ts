// Unsaved form drafts. They live in the vault (so they are encrypted with it and never touch the renderer's
// storage), follow the classification of their case, and go when the case is deleted.
import type { Draft, DraftList, SaveDraftInput } from '../../../shared/schemas/drafts';
import { CONFIDENTIAL_MATTERS_SCOPE } from './matters';
import { requireLiveMatter } from './records';
import type { RevealState } from './reveal-state';
import type { VaultContext } from './vault-context';

type DraftRow = {
  key: string;
  matter_id: string | null;
  classification: string | null;
  screen: string;
  draft_values: string;
  saved_at: string;
  matter_classification: string | null;
};

export class DraftService {
  constructor(
    private readonly ctx: () => VaultContext,
    private readonly reveals: RevealState,
  ) {}

  save(input: SaveDraftInput): void {
    const { db, now } = this.ctx();
    const classification =
      typeof input.values.classification === 'string' ? input.values.classification : null;
    db.transaction(() => {
      if (input.matterId) requireLiveMatter(db, input.matterId);
      db.prepare(
        `INSERT INTO drafts (key, matter_id, classification, screen, draft_values, saved_at)
         VALUES ($key, $matterId, $classification, $screen, $values, $at)
         ON CONFLICT (key) DO UPDATE SET matter_id = excluded.matter_id, classification = excluded.classification,
           screen = excluded.screen, draft_values = excluded.draft_values, saved_at = excluded.saved_at`,
      ).run({
        key: input.key,
        matterId: input.matterId,
        classification,
        screen: JSON.stringify(input.screen),
        values: JSON.stringify(input.values),
        at: now().toISOString(),
      });
    })();
  }

  /** One draft (by key) or all of them, newest first; confidential ones only while revealed. */
  get(key?: string): DraftList {
    const rows = this.ctx()
      .db.prepare(
        `SELECT d.*, m.classification AS matter_classification FROM drafts d
         LEFT JOIN matters m ON m.id = d.matter_id
         WHERE (d.matter_id IS NULL OR m.deleted_at IS NULL) AND ($key IS NULL OR d.key = $key)
         ORDER BY d.saved_at DESC, d.key`,
      )
      .all<DraftRow>({ key: key ?? null });
    const shown = rows.filter((row) => this.visible(row));
    return { items: shown.map(toDraft), hiddenConfidential: rows.length - shown.length };
  }

  discard(key: string): void {
    this.ctx().db.prepare('DELETE FROM drafts WHERE key = $key').run({ key });
  }

  /** The drafts of a case go with it (deleting it to the bin counts: a restored case starts clean). */
  discardForMatter(matterId: string): void {
    this.ctx().db.prepare('DELETE FROM drafts WHERE matter_id = $matterId').run({ matterId });
  }

  private visible(row: DraftRow): boolean {
    if (!row.matter_id) return row.classification !== 'confidential';
    const matterRevealed = this.reveals.isConfidentialRevealed(row.matter_id);
    if (
      row.matter_classification === 'confidential' &&
      !matterRevealed &&
      !this.reveals.isConfidentialRevealed(CONFIDENTIAL_MATTERS_SCOPE)
    )
      return false;
    return row.classification !== 'confidential' || matterRevealed;
  }
}

function toDraft(row: DraftRow): Draft {
  return {
    key: row.key,
    matterId: row.matter_id,
    screen: JSON.parse(row.screen) as Draft['screen'],
    values: JSON.parse(row.draft_values) as Draft['values'],
    savedAt: row.saved_at,
  };
}
