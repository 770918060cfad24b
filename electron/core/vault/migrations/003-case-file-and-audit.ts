import type { Migration } from './migration';

// The case file in depth (issue: confidentiality workflow): people with a pseudonym and a protected
// identity kept in its own table, organisations, roles in a matter, status history, incidents, risk
// assessments along Art. 25, notes and tags, full-text search, and the hash-chained audit log.
export const caseFileAndAudit: Migration = {
  version: 3,
  name: 'case-file-and-audit',
  up(db) {
    db.exec(`
      ALTER TABLE matters ADD COLUMN classification TEXT NOT NULL DEFAULT 'restricted';
      ALTER TABLE matters ADD COLUMN deleted_at TEXT;

      CREATE TABLE audit_log (
        seq         INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL,
        entity_type TEXT,
        entity_id   TEXT,
        matter_id   TEXT,
        details     TEXT NOT NULL DEFAULT '{}',
        prev_hash   TEXT NOT NULL,
        hash        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_by_matter ON audit_log (matter_id, seq);
      CREATE INDEX audit_by_action ON audit_log (action, seq);

      CREATE TABLE people (
        id             TEXT PRIMARY KEY,
        pseudonym      TEXT NOT NULL,
        classification TEXT NOT NULL DEFAULT 'confidential',
        revision       INTEGER NOT NULL DEFAULT 1,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        deleted_at     TEXT
      ) STRICT;

      -- Never joined into anything the renderer receives; read only by an explicit, logged reveal.
      CREATE TABLE protected_identities (
        person_id     TEXT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
        legal_name    TEXT NOT NULL DEFAULT '',
        aliases       TEXT NOT NULL DEFAULT '[]',
        date_of_birth TEXT,
        id_numbers    TEXT NOT NULL DEFAULT '[]',
        phones        TEXT NOT NULL DEFAULT '[]',
        addresses     TEXT NOT NULL DEFAULT '[]',
        notes         TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE organisations (
        id             TEXT PRIMARY KEY,
        name           TEXT NOT NULL,
        org_type       TEXT NOT NULL,
        classification TEXT NOT NULL DEFAULT 'public',
        notes          TEXT NOT NULL DEFAULT '',
        revision       INTEGER NOT NULL DEFAULT 1,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        deleted_at     TEXT
      ) STRICT;

      CREATE TABLE matter_parties (
        id              TEXT PRIMARY KEY,
        matter_id       TEXT NOT NULL REFERENCES matters (id),
        person_id       TEXT REFERENCES people (id),
        organisation_id TEXT REFERENCES organisations (id),
        role            TEXT NOT NULL,
        family_of       TEXT REFERENCES people (id),
        relationship    TEXT NOT NULL DEFAULT '',
        created_at      TEXT NOT NULL,
        deleted_at      TEXT,
        CHECK ((person_id IS NULL) <> (organisation_id IS NULL))
      ) STRICT;
      CREATE INDEX parties_by_matter ON matter_parties (matter_id);
      CREATE INDEX parties_by_person ON matter_parties (person_id);

      CREATE TABLE matter_status_history (
        id          TEXT PRIMARY KEY,
        matter_id   TEXT NOT NULL REFERENCES matters (id),
        from_status TEXT,
        to_status   TEXT NOT NULL,
        changed_on  TEXT NOT NULL,
        changed_at  TEXT NOT NULL,
        actor       TEXT NOT NULL,
        note        TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX status_by_matter ON matter_status_history (matter_id, changed_on);

      CREATE TABLE incidents (
        id             TEXT PRIMARY KEY,
        matter_id      TEXT NOT NULL REFERENCES matters (id),
        occurred_on    TEXT NOT NULL,
        kind           TEXT NOT NULL,
        title          TEXT NOT NULL,
        description    TEXT NOT NULL DEFAULT '',
        place          TEXT NOT NULL DEFAULT '',
        source         TEXT NOT NULL DEFAULT '',
        classification TEXT NOT NULL DEFAULT 'restricted',
        revision       INTEGER NOT NULL DEFAULT 1,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        deleted_at     TEXT
      ) STRICT;
      CREATE INDEX incidents_by_matter ON incidents (matter_id, occurred_on);

      CREATE TABLE incident_people (
        incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        person_id   TEXT NOT NULL REFERENCES people (id),
        PRIMARY KEY (incident_id, person_id)
      ) STRICT;

      CREATE TABLE risk_assessments (
        id                    TEXT PRIMARY KEY,
        matter_id             TEXT NOT NULL REFERENCES matters (id),
        assessed_on           TEXT NOT NULL,
        seriousness_rating    TEXT NOT NULL,
        seriousness_reasoning TEXT NOT NULL DEFAULT '',
        urgency_rating        TEXT NOT NULL,
        urgency_reasoning     TEXT NOT NULL DEFAULT '',
        irreparable_rating    TEXT NOT NULL,
        irreparable_reasoning TEXT NOT NULL DEFAULT '',
        created_at            TEXT NOT NULL,
        actor                 TEXT NOT NULL
      ) STRICT;
      CREATE INDEX risk_by_matter ON risk_assessments (matter_id, created_at);

      CREATE TABLE risk_assessment_incidents (
        assessment_id TEXT NOT NULL REFERENCES risk_assessments (id) ON DELETE CASCADE,
        incident_id   TEXT NOT NULL REFERENCES incidents (id),
        PRIMARY KEY (assessment_id, incident_id)
      ) STRICT;

      CREATE TABLE notes (
        id             TEXT PRIMARY KEY,
        matter_id      TEXT NOT NULL REFERENCES matters (id),
        title          TEXT NOT NULL,
        body           TEXT NOT NULL DEFAULT '',
        classification TEXT NOT NULL DEFAULT 'restricted',
        revision       INTEGER NOT NULL DEFAULT 1,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        deleted_at     TEXT
      ) STRICT;
      CREATE INDEX notes_by_matter ON notes (matter_id, updated_at);

      CREATE TABLE tags (
        entity_type TEXT NOT NULL,
        entity_id   TEXT NOT NULL,
        tag         TEXT NOT NULL,
        PRIMARY KEY (entity_type, entity_id, tag)
      ) STRICT;
      CREATE INDEX tags_by_tag ON tags (tag);

      -- Accent- and case-folded full-text search over what may be shown; protected identities have their
      -- own index, queried only after the user unlocks protected search for the session.
      CREATE VIRTUAL TABLE search_index USING fts5 (
        entity_type UNINDEXED, entity_id UNINDEXED, matter_id UNINDEXED, classification UNINDEXED,
        title, body,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE VIRTUAL TABLE protected_search USING fts5 (
        person_id UNINDEXED, body,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      -- Deleted rows are scrubbed from the index pages too, not just unlinked.
      INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1);
      INSERT INTO protected_search (protected_search, rank) VALUES ('secure-delete', 1);

      INSERT INTO search_index (entity_type, entity_id, matter_id, classification, title, body)
        SELECT 'matter', id, id, classification, title, reference || ' ' || summary FROM matters;
      INSERT INTO matter_status_history (id, matter_id, from_status, to_status, changed_on, changed_at, actor, note)
        SELECT lower(hex(randomblob(16))), id, NULL, status, opened_on, created_at, '', 'migrated' FROM matters;
    `);
  },
};
