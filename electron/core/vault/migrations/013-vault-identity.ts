import type { Migration } from './migration';

// Bundles: the vault's own keys (an Ed25519 key that signs what it exports, an age identity others encrypt
// bundles to), the signer keys it has met, and every bundle it made or took in with a mark per record, so
// an incremental bundle carries only what changed and a merge knows what both sides last had in common.
// The keys are made by the bundles service on first use (a migration holds no crypto code of its own).
export const vaultIdentity: Migration = {
  version: 13,
  name: 'vault-identity',
  up(db) {
    db.exec(`
      CREATE TABLE vault_identity (
        id                  INTEGER PRIMARY KEY CHECK (id = 1),
        -- PKCS#8 DER of the Ed25519 private key, and the SPKI DER of its public key.
        signing_private     BLOB NOT NULL,
        signing_public      BLOB NOT NULL,
        -- lowercase hex SHA-256 of signing_public (the SPKI DER).
        signing_fingerprint TEXT NOT NULL,
        -- The age X25519 identity (AGE-SECRET-KEY-1…) and its recipient (age1…).
        age_identity        TEXT NOT NULL,
        age_recipient       TEXT NOT NULL,
        created_at          TEXT NOT NULL
      ) STRICT;

      CREATE TABLE bundle_signers (
        fingerprint   TEXT PRIMARY KEY,
        public_key    BLOB NOT NULL,
        name          TEXT NOT NULL DEFAULT '',
        first_seen_at TEXT NOT NULL,
        confirmed_by  TEXT NOT NULL,
        confirmed_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE bundle_log (
        bundle_id          TEXT PRIMARY KEY,
        -- export | import | backup | restore
        direction          TEXT NOT NULL,
        at                 TEXT NOT NULL,
        signer_fingerprint TEXT NOT NULL,
        -- JSON list of matter ids
        cases              TEXT NOT NULL DEFAULT '[]',
        since              TEXT,
        file_name          TEXT NOT NULL DEFAULT ''
      ) STRICT;

      -- The SHA-256 of each record's content as it was in a bundle.
      CREATE TABLE bundle_marks (
        bundle_id  TEXT NOT NULL REFERENCES bundle_log (bundle_id) ON DELETE CASCADE,
        table_name TEXT NOT NULL,
        record_key TEXT NOT NULL,
        mark       TEXT NOT NULL,
        PRIMARY KEY (bundle_id, table_name, record_key)
      ) STRICT;
      CREATE INDEX bundle_marks_by_record ON bundle_marks (table_name, record_key);
    `);
  },
};
