import type { Migration } from './migration';

// A person's profile for the Commission's differentiated approach (roles such as defender, journalist,
// migrant, child; gender). Sensitive but not identifying: its own row, its own classification.
export const personProfile: Migration = {
  version: 8,
  name: 'person-profile',
  up(db) {
    db.exec(`
      CREATE TABLE person_profiles (
        person_id          TEXT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
        roles              TEXT NOT NULL DEFAULT '[]',
        other_role         TEXT NOT NULL DEFAULT '',
        gender             TEXT,
        gender_description TEXT NOT NULL DEFAULT '',
        classification     TEXT NOT NULL DEFAULT 'restricted'
      ) STRICT;
    `);
  },
};
