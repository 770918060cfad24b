import type { Migration } from './migration';

// A file name that is not valid UTF-8 keeps its exact bytes beside the escaped form in original_name.
export const evidenceRawNames: Migration = {
  version: 6,
  name: 'evidence-raw-names',
  up(db) {
    db.exec(`ALTER TABLE evidence_items ADD COLUMN original_name_raw BLOB;`);
  },
};
