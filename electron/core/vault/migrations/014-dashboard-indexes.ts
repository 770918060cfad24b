import type { Migration } from './migration';

// The dashboard reads open deadlines by due moment across every case, and each running case's newest sent
// communication (inactivity). Partial indexes hold only those rows, so counting them touches no other.
export const dashboardIndexes: Migration = {
  version: 14,
  name: 'dashboard-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX deadlines_open ON deadlines (due_instant, matter_id)
        WHERE status = 'open' AND deleted_at IS NULL;
      CREATE INDEX communications_sent_live ON communications (matter_id, occurred_on)
        WHERE direction = 'sent' AND deleted_at IS NULL;
    `);
  },
};
