import type { Migration } from './migration';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE vault_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE matters (
        id          TEXT PRIMARY KEY,
        title       TEXT NOT NULL,
        matter_type TEXT NOT NULL,
        forum       TEXT NOT NULL,
        reference   TEXT NOT NULL DEFAULT '',
        status      TEXT NOT NULL,
        opened_on   TEXT NOT NULL,
        summary     TEXT NOT NULL DEFAULT '',
        revision    INTEGER NOT NULL DEFAULT 1,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
    `);
  },
};
