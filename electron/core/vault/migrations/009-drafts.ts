import type { Migration } from './migration';

// Unsaved form drafts (JSON of the form's values), one per form key. A draft of a case goes with the case.
export const drafts: Migration = {
  version: 9,
  name: 'drafts',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        key TEXT PRIMARY KEY,
        matter_id TEXT REFERENCES matters (id) ON DELETE CASCADE,
        classification TEXT,
        screen TEXT NOT NULL,
        draft_values TEXT NOT NULL,
        saved_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX drafts_matter ON drafts (matter_id);
    `);
  },
};
