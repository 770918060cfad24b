import type { Migration } from './migration';

// Hearings and working meetings of a case: the record itself, who takes part, the speaking plan, the chronology
// and exhibits picked from the case file, the State's expected questions with our answers, and every binder
// generated. The request window and the hearing date are deadlines pointing here (deadlines.hearing_id, kind
// hearing_request / hearing); the outcome is a communication. Those two links carry no foreign key on purpose:
// a redacted bundle leaving out a confidential communication must not take the hearing with it.
export const hearings: Migration = {
  version: 15,
  name: 'hearings',
  up(db) {
    db.exec(`
      CREATE TABLE hearings (
        id                       TEXT PRIMARY KEY,
        matter_id                TEXT NOT NULL REFERENCES matters (id),
        -- public_hearing | working_meeting | court_hearing | state_meeting (the State or the Mechanism)
        kind                     TEXT NOT NULL
          CHECK (kind IN ('public_hearing', 'working_meeting', 'court_hearing', 'state_meeting')),
        title                    TEXT NOT NULL,
        -- The binder's language, independent of the UI language.
        lang                     TEXT NOT NULL CHECK (lang IN ('es', 'en')),
        forum                    TEXT NOT NULL DEFAULT '',
        session_period           TEXT NOT NULL DEFAULT '',
        -- The first day of the period of sessions: the request window is counted back from it.
        sessions_start_on        TEXT,
        -- The hearing's own local date, time and IANA zone (the forum's, e.g. America/New_York).
        held_on                  TEXT,
        start_time               TEXT,
        zone                     TEXT NOT NULL,
        -- A place or a video link, as text: Amparo never opens it.
        place                    TEXT NOT NULL DEFAULT '',
        -- requested | granted | denied | scheduled | held | cancelled
        status                   TEXT NOT NULL DEFAULT 'requested'
          CHECK (status IN ('requested', 'granted', 'denied', 'scheduled', 'held', 'cancelled')),
        requested_on             TEXT,
        total_minutes            INTEGER CHECK (total_minutes IS NULL OR total_minutes >= 0),
        our_minutes              INTEGER CHECK (our_minutes IS NULL OR our_minutes >= 0),
        sharing_note             TEXT NOT NULL DEFAULT '',
        -- The three key asks, as a JSON array of at most three strings.
        key_asks                 TEXT NOT NULL DEFAULT '[]',
        -- The communication recording the outcome (no foreign key: see above).
        outcome_communication_id TEXT,
        -- The name of this hearing's exhibit list in evidence_exhibits (set once: numbers are never redone).
        exhibit_list             TEXT NOT NULL,
        classification           TEXT NOT NULL DEFAULT 'restricted',
        revision                 INTEGER NOT NULL DEFAULT 1,
        created_at               TEXT NOT NULL,
        updated_at               TEXT NOT NULL,
        deleted_at               TEXT
      ) STRICT;
      CREATE INDEX hearings_by_matter ON hearings (matter_id, held_on);
      CREATE INDEX hearings_by_date ON hearings (held_on) WHERE deleted_at IS NULL;

      -- Who takes part. Our side names people of the case by id only (shown by pseudonym); the State's
      -- delegation and the bench are named in free text (public officials).
      CREATE TABLE hearing_participants (
        id          TEXT PRIMARY KEY,
        hearing_id  TEXT NOT NULL REFERENCES hearings (id) ON DELETE CASCADE,
        side        TEXT NOT NULL CHECK (side IN ('ours', 'state', 'bench')),
        person_id   TEXT REFERENCES people (id),
        name        TEXT NOT NULL DEFAULT '',
        role        TEXT NOT NULL DEFAULT '',
        -- on_camera | voice_only | not_present
        presence    TEXT NOT NULL DEFAULT 'on_camera'
          CHECK (presence IN ('on_camera', 'voice_only', 'not_present')),
        position    INTEGER NOT NULL,
        revision    INTEGER NOT NULL DEFAULT 1,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        CHECK (person_id IS NULL OR name = '')
      ) STRICT;
      CREATE INDEX hearing_participants_by_hearing ON hearing_participants (hearing_id, position);

      -- The speaking plan: ordered turns (position 0, 1, …), each with its speaker, topic, length and points.
      CREATE TABLE hearing_turns (
        id             TEXT PRIMARY KEY,
        hearing_id     TEXT NOT NULL REFERENCES hearings (id) ON DELETE CASCADE,
        position       INTEGER NOT NULL,
        participant_id TEXT REFERENCES hearing_participants (id) ON DELETE SET NULL,
        topic          TEXT NOT NULL DEFAULT '',
        seconds        INTEGER NOT NULL CHECK (seconds >= 0),
        talking_points TEXT NOT NULL DEFAULT '',
        revision       INTEGER NOT NULL DEFAULT 1,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX hearing_turns_by_hearing ON hearing_turns (hearing_id, position);

      -- Facts of the case's timeline picked for the hearing's chronology, in the order chosen.
      CREATE TABLE hearing_chronology (
        hearing_id  TEXT NOT NULL REFERENCES hearings (id) ON DELETE CASCADE,
        incident_id TEXT NOT NULL REFERENCES incidents (id),
        position    INTEGER NOT NULL,
        PRIMARY KEY (hearing_id, incident_id)
      ) STRICT;

      -- Evidence items to show, in the order chosen; the number is the item's in the hearing's exhibit list.
      CREATE TABLE hearing_exhibits (
        hearing_id  TEXT NOT NULL REFERENCES hearings (id) ON DELETE CASCADE,
        evidence_id TEXT NOT NULL REFERENCES evidence_items (id),
        position    INTEGER NOT NULL,
        PRIMARY KEY (hearing_id, evidence_id)
      ) STRICT;

      -- What the State is expected to ask or argue, the answer prepared and who gives it.
      CREATE TABLE hearing_questions (
        id             TEXT PRIMARY KEY,
        hearing_id     TEXT NOT NULL REFERENCES hearings (id) ON DELETE CASCADE,
        position       INTEGER NOT NULL,
        question       TEXT NOT NULL,
        answer         TEXT NOT NULL DEFAULT '',
        answerer_id    TEXT REFERENCES hearing_participants (id) ON DELETE SET NULL,
        revision       INTEGER NOT NULL DEFAULT 1,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX hearing_questions_by_hearing ON hearing_questions (hearing_id, position);

      -- Every binder generated: profile, SHA-256, size and the exhibits printed (like filing_generations).
      CREATE TABLE hearing_binders (
        id           TEXT PRIMARY KEY,
        hearing_id   TEXT NOT NULL REFERENCES hearings (id),
        profile_id   TEXT NOT NULL REFERENCES redaction_profiles (id),
        profile_name TEXT NOT NULL,
        lang         TEXT NOT NULL,
        format       TEXT NOT NULL CHECK (format IN ('pdf', 'docx')),
        sha256       TEXT NOT NULL,
        size         INTEGER NOT NULL,
        -- The exhibits printed, as JSON [{evidenceId, number, title, sha256}].
        exhibits     TEXT NOT NULL,
        -- file | preview
        destination  TEXT NOT NULL,
        generated_at TEXT NOT NULL,
        generated_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX hearing_binders_by_hearing ON hearing_binders (hearing_id, generated_at);
    `);
  },
};
