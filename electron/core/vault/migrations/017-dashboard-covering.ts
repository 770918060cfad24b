import type { Migration } from './migration';

// The dashboard's two whole-vault reads, index-only: every open deadline by due moment (the counts), and
// each running case with its newest sent communication (inactivity). SQLite does not count a partial
// index's own WHERE columns as covered, so those columns are repeated in the keys; without them each entry
// costs a table row read (and a communication's body or a deadline's basis can spill onto overflow pages).
// The running-cases index is keyed by id so the per-case seeks into the communications index go in order.
export const dashboardCovering: Migration = {
  version: 17,
  name: 'dashboard-covering',
  up(db) {
    db.exec(`
      DROP INDEX IF EXISTS deadlines_open;
      DROP INDEX IF EXISTS communications_sent_live;
      CREATE INDEX deadlines_open_due ON deadlines (due_instant, matter_id, status, deleted_at)
        WHERE status = 'open' AND deleted_at IS NULL;
      CREATE INDEX communications_last_sent ON communications (matter_id, occurred_on, direction, deleted_at)
        WHERE direction = 'sent' AND deleted_at IS NULL;
      CREATE INDEX matters_running ON matters (id, matter_type, status, opened_on, reference, deleted_at, archived_at)
        WHERE deleted_at IS NULL AND archived_at IS NULL;
    `);
  },
};
