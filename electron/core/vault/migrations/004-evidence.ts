import type { Migration } from './migration';

// Evidence: encrypted blobs with a key per file, evidence items with their description and
// links, the chain of custody (append-only), and exhibit numbers per filing (stable once given).
export const evidence: Migration = {
  version: 4,
  name: 'evidence',
  up(db) {
    db.exec(`
      -- One row per encrypted file in <vault>/blobs/. The key never leaves this (encrypted) database.
      CREATE TABLE evidence_blobs (
        id          TEXT PRIMARY KEY,
        key         BLOB NOT NULL CHECK (length(key) = 32),
        chunk_size  INTEGER NOT NULL,
        plain_size  INTEGER NOT NULL,
        stored_size INTEGER NOT NULL,
        sha256      TEXT NOT NULL,
        created_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE evidence_items (
        id                TEXT PRIMARY KEY,
        matter_id         TEXT NOT NULL REFERENCES matters (id),
        blob_id           TEXT NOT NULL UNIQUE REFERENCES evidence_blobs (id),
        -- A working copy (e.g. metadata removed) points at the item it was made from; originals have NULL.
        derived_from      TEXT REFERENCES evidence_items (id),
        derivation        TEXT,
        title             TEXT NOT NULL,
        description       TEXT NOT NULL DEFAULT '',
        event_date        TEXT,
        source            TEXT NOT NULL DEFAULT '',
        acquisition       TEXT NOT NULL DEFAULT '',
        classification    TEXT NOT NULL DEFAULT 'restricted',
        original_name     TEXT NOT NULL,
        media_type        TEXT NOT NULL,
        size              INTEGER NOT NULL,
        sha256            TEXT NOT NULL,
        metadata          TEXT NOT NULL DEFAULT '{}',
        acquired_at       TEXT NOT NULL,
        acquired_by       TEXT NOT NULL,
        last_verified_at  TEXT,
        last_verification TEXT,
        revision          INTEGER NOT NULL DEFAULT 1,
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL,
        deleted_at        TEXT
      ) STRICT;
      CREATE INDEX evidence_by_matter ON evidence_items (matter_id, acquired_at);
      CREATE INDEX evidence_by_origin ON evidence_items (derived_from);

      CREATE TABLE evidence_incidents (
        item_id     TEXT NOT NULL REFERENCES evidence_items (id) ON DELETE CASCADE,
        incident_id TEXT NOT NULL REFERENCES incidents (id),
        PRIMARY KEY (item_id, incident_id)
      ) STRICT;
      CREATE TABLE evidence_people (
        item_id   TEXT NOT NULL REFERENCES evidence_items (id) ON DELETE CASCADE,
        person_id TEXT NOT NULL REFERENCES people (id),
        PRIMARY KEY (item_id, person_id)
      ) STRICT;

      -- The chain of custody: every handling step, in UTC, by whom. Rows are never changed.
      CREATE TABLE evidence_custody (
        id        TEXT PRIMARY KEY,
        item_id   TEXT NOT NULL REFERENCES evidence_items (id) ON DELETE CASCADE,
        seq       INTEGER NOT NULL,
        at        TEXT NOT NULL,
        actor     TEXT NOT NULL,
        action    TEXT NOT NULL,
        file_name TEXT,
        size      INTEGER,
        sha256    TEXT,
        source    TEXT,
        outcome   TEXT,
        note      TEXT NOT NULL DEFAULT '',
        UNIQUE (item_id, seq)
      ) STRICT;
      CREATE TRIGGER evidence_custody_append_only BEFORE UPDATE ON evidence_custody
      BEGIN SELECT RAISE(ABORT, 'custody entries cannot be changed'); END;

      -- Exhibit numbers ("Anexo 1, 2, …") per filing of a matter: given once, never renumbered.
      CREATE TABLE evidence_exhibits (
        matter_id   TEXT NOT NULL REFERENCES matters (id),
        filing      TEXT NOT NULL,
        number      INTEGER NOT NULL CHECK (number > 0),
        item_id     TEXT NOT NULL REFERENCES evidence_items (id) ON DELETE CASCADE,
        assigned_at TEXT NOT NULL,
        PRIMARY KEY (matter_id, filing, number),
        UNIQUE (matter_id, filing, item_id)
      ) STRICT;
      CREATE TRIGGER evidence_exhibits_stable BEFORE UPDATE ON evidence_exhibits
      BEGIN SELECT RAISE(ABORT, 'exhibit numbers cannot be changed'); END;
    `);
  },
};
