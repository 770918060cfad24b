import type { Migration } from './migration';

// Filings drafted from the case file: the draft (structured answers and rich sections as JSON), its versions
// (bounded: autosaves within a few minutes coalesce into one), the redaction profiles that decide what each
// recipient sees, every generated document, and the leak guard's "keep" decisions — stored as hashes of the
// value with its context, so not even the encrypted database repeats the protected value a second time.
export const filings: Migration = {
  version: 12,
  name: 'filings',
  up(db) {
    db.exec(`
      CREATE TABLE filings (
        id                      TEXT PRIMARY KEY,
        matter_id               TEXT NOT NULL REFERENCES matters (id),
        kind                    TEXT NOT NULL CHECK (kind IN ('precautionary_request', 'petition', 'observations')),
        -- The document's language, independent of the UI language.
        lang                    TEXT NOT NULL CHECK (lang IN ('es', 'en')),
        title                   TEXT NOT NULL,
        -- The structured answers of the kind (JSON) and the free-text sections (tiptap JSON per section).
        answers                 TEXT NOT NULL,
        document                TEXT NOT NULL,
        -- Observations: the communication answered.
        answers_communication_id TEXT REFERENCES communications (id),
        -- The name of this filing's exhibit list in evidence_exhibits (set once: numbers are never redone).
        exhibit_list            TEXT NOT NULL,
        status                  TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final', 'filed')),
        -- The latest version number (filing_versions).
        version                 INTEGER NOT NULL DEFAULT 0,
        revision                INTEGER NOT NULL DEFAULT 1,
        created_at              TEXT NOT NULL,
        updated_at              TEXT NOT NULL,
        deleted_at              TEXT
      ) STRICT;
      CREATE INDEX filings_by_matter ON filings (matter_id, updated_at);

      CREATE TABLE filing_versions (
        filing_id     TEXT NOT NULL REFERENCES filings (id) ON DELETE CASCADE,
        version       INTEGER NOT NULL,
        title         TEXT NOT NULL,
        lang          TEXT NOT NULL,
        answers       TEXT NOT NULL,
        document      TEXT NOT NULL,
        -- create | autosave | explicit | restore | leak_fix
        reason        TEXT NOT NULL,
        restored_from INTEGER,
        saved_at      TEXT NOT NULL,
        saved_by      TEXT NOT NULL,
        PRIMARY KEY (filing_id, version)
      ) STRICT;

      CREATE TABLE redaction_profiles (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        -- commission | state | co_counsel | public, or NULL for a profile made from scratch.
        base       TEXT,
        built_in   INTEGER NOT NULL DEFAULT 0,
        -- The rules as JSON (people by pseudonym/name per role and per person, exclusions, petitioner withheld).
        rules      TEXT NOT NULL,
        revision   INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX redaction_profiles_builtin ON redaction_profiles (base) WHERE built_in = 1;

      CREATE TABLE filing_generations (
        id           TEXT PRIMARY KEY,
        filing_id    TEXT NOT NULL REFERENCES filings (id),
        version      INTEGER NOT NULL,
        profile_id   TEXT NOT NULL REFERENCES redaction_profiles (id),
        profile_name TEXT NOT NULL,
        format       TEXT NOT NULL CHECK (format IN ('pdf', 'docx')),
        sha256       TEXT NOT NULL,
        size         INTEGER NOT NULL,
        -- The exhibits printed, as JSON [{evidenceId, number, title, sha256}].
        exhibits     TEXT NOT NULL,
        -- file | preview
        destination  TEXT NOT NULL,
        -- The evidence item "filed version" keeping the generated file in the case.
        evidence_id  TEXT REFERENCES evidence_items (id),
        generated_at TEXT NOT NULL,
        generated_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX filing_generations_by_filing ON filing_generations (filing_id, generated_at);

      -- "Keep" decisions of the leak guard: the hit's fingerprint (SHA-256 of person, kind of value, folded
      -- value and folded context) and the value's own hash (person + kind + folded value), never the value.
      CREATE TABLE leak_decisions (
        filing_id   TEXT NOT NULL REFERENCES filings (id) ON DELETE CASCADE,
        fingerprint TEXT NOT NULL,
        value_hash  TEXT NOT NULL,
        person_id   TEXT NOT NULL REFERENCES people (id),
        value_kind  TEXT NOT NULL,
        reason      TEXT NOT NULL,
        decided_by  TEXT NOT NULL,
        decided_at  TEXT NOT NULL,
        PRIMARY KEY (filing_id, fingerprint)
      ) STRICT;
    `);
  },
};
