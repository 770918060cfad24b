import type { Migration } from './migration';

// The State a matter is brought against (ISO 3166-1 alpha-2). Existing matters are the team's Mexican
// ones, hence the default. ALTER TABLE keeps the table STRICT; TEXT satisfies it.
export const matterState: Migration = {
  version: 10,
  name: 'matter-state',
  up(db) {
    db.exec(`
      ALTER TABLE matters ADD COLUMN state TEXT NOT NULL DEFAULT 'MX';
      CREATE INDEX matters_state ON matters (state);
    `);
  },
};
