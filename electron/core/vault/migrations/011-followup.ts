import type { Migration } from './migration';

// Follow-up: the letters that come and go (communications, their attachments as evidence items), the
// deadlines they set (with every extension and status change kept as an event, never overwritten), the
// protection measures the State reports (with their status history), the vault's own calendar edits and
// the reminders already shown. Settings that belong to the vault, not to the laptop, live in vault_settings.
export const followup: Migration = {
  version: 11,
  name: 'followup',
  up(db) {
    db.exec(`
      CREATE TABLE communications (
        id                TEXT PRIMARY KEY,
        matter_id         TEXT NOT NULL REFERENCES matters (id),
        direction         TEXT NOT NULL CHECK (direction IN ('received', 'sent')),
        -- commission | state | court | beneficiary | co_counsel | national_authority | other
        counterpart       TEXT NOT NULL,
        counterpart_name  TEXT NOT NULL DEFAULT '',
        -- portal | email | letter | meeting | call | other
        channel           TEXT NOT NULL,
        -- What it is: request_for_information | state_report | observations | resolution | extension_request |
        -- extension_decision | hearing_notice | acknowledgement | petition | other
        kind              TEXT NOT NULL DEFAULT 'other',
        -- When it was received or sent: the forum-side local date, optional time and IANA zone.
        occurred_on       TEXT NOT NULL,
        occurred_time     TEXT,
        zone              TEXT,
        -- The notification date when it differs (deadlines count from it).
        notified_on       TEXT,
        reference         TEXT NOT NULL DEFAULT '',
        note_number       TEXT NOT NULL DEFAULT '',
        subject           TEXT NOT NULL,
        -- Plain text; an e-mail's HTML part is kept only as text converted from it, never as live HTML.
        body              TEXT NOT NULL DEFAULT '',
        classification    TEXT NOT NULL DEFAULT 'restricted',
        -- The earlier communication this one answers.
        in_reply_to       TEXT REFERENCES communications (id),
        -- manual | eml
        origin            TEXT NOT NULL DEFAULT 'manual',
        -- An imported e-mail: its headers as JSON (from, to, cc, date, message-id) and the raw .eml item.
        email             TEXT,
        message_id        TEXT,
        raw_evidence_id   TEXT REFERENCES evidence_items (id),
        revision          INTEGER NOT NULL DEFAULT 1,
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL,
        deleted_at        TEXT
      ) STRICT;
      CREATE INDEX communications_by_matter ON communications (matter_id, occurred_on);
      CREATE INDEX communications_sent ON communications (matter_id, direction, occurred_on);
      CREATE INDEX communications_reply ON communications (in_reply_to);
      CREATE INDEX communications_message ON communications (matter_id, message_id);

      CREATE TABLE communication_attachments (
        communication_id TEXT NOT NULL REFERENCES communications (id) ON DELETE CASCADE,
        evidence_id      TEXT NOT NULL REFERENCES evidence_items (id),
        position         INTEGER NOT NULL,
        PRIMARY KEY (communication_id, evidence_id)
      ) STRICT;
      CREATE INDEX communication_attachments_item ON communication_attachments (evidence_id);

      CREATE TABLE deadlines (
        id                TEXT PRIMARY KEY,
        matter_id         TEXT NOT NULL REFERENCES matters (id),
        -- The communication that created the obligation (a request for information), if any.
        communication_id  TEXT REFERENCES communications (id),
        title             TEXT NOT NULL,
        -- response | report | observations | brief | petition | hearing_request | hearing | other
        kind              TEXT NOT NULL DEFAULT 'response',
        -- How the date was set: a rule of the engine, or typed by hand.
        mode              TEXT NOT NULL CHECK (mode IN ('rule', 'manual')),
        rule_id           TEXT,
        rule_version      INTEGER,
        trigger_kind      TEXT,
        trigger_date      TEXT,
        trigger_time      TEXT,
        trigger_zone      TEXT,
        -- The period as JSON ({unit, amount} or {unit: 'date', date}).
        period            TEXT,
        -- The current due moment: the forum's local date, end time and zone, and the same instant in UTC.
        due_date          TEXT NOT NULL,
        end_time          TEXT NOT NULL,
        zone              TEXT NOT NULL,
        due_instant       TEXT NOT NULL,
        -- The calculation basis (structured steps) of the current due date, and the rule's "verify" flag.
        basis             TEXT NOT NULL,
        verify            INTEGER NOT NULL DEFAULT 0,
        -- open | fulfilled | waived. "Due soon" and "overdue" are computed from due_instant and the clock.
        status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fulfilled', 'waived')),
        fulfilled_by      TEXT REFERENCES communications (id),
        fulfilled_on      TEXT,
        waived_reason     TEXT,
        -- A recurring duty ({every, from}) and the occurrence this one follows.
        recurrence        TEXT,
        previous_id       TEXT REFERENCES deadlines (id),
        -- A hearing's deadlines (request window, the hearing itself) point at it (hearings come later).
        hearing_id        TEXT,
        notes             TEXT NOT NULL DEFAULT '',
        revision          INTEGER NOT NULL DEFAULT 1,
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL,
        deleted_at        TEXT
      ) STRICT;
      CREATE INDEX deadlines_due ON deadlines (status, due_instant);
      CREATE INDEX deadlines_by_matter ON deadlines (matter_id, due_instant);
      CREATE INDEX deadlines_by_communication ON deadlines (communication_id);

      -- Append-only history of a deadline: created, extension requested / granted / denied, fulfilled,
      -- waived, reopened, edited. An extension keeps the due date before and after with its basis.
      CREATE TABLE deadline_events (
        id                TEXT PRIMARY KEY,
        deadline_id       TEXT NOT NULL REFERENCES deadlines (id) ON DELETE CASCADE,
        kind              TEXT NOT NULL,
        on_date           TEXT NOT NULL,
        previous_due_date TEXT,
        new_due_date      TEXT,
        basis             TEXT,
        communication_id  TEXT REFERENCES communications (id),
        note              TEXT NOT NULL DEFAULT '',
        recorded_at       TEXT NOT NULL,
        recorded_by       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX deadline_events_by_deadline ON deadline_events (deadline_id, recorded_at);

      -- Reminders already shown, so a restart does not notify twice.
      CREATE TABLE deadline_reminders (
        deadline_id TEXT NOT NULL REFERENCES deadlines (id) ON DELETE CASCADE,
        -- due_tomorrow | due_today | overdue
        kind        TEXT NOT NULL,
        due_instant TEXT NOT NULL,
        shown_at    TEXT NOT NULL,
        PRIMARY KEY (deadline_id, kind, due_instant)
      ) STRICT;

      -- The vault's edits to forum calendars: extra closures and recess periods per rule (NULL: every rule).
      CREATE TABLE calendar_closures (
        id         TEXT PRIMARY KEY,
        rule_id    TEXT,
        kind       TEXT NOT NULL CHECK (kind IN ('closure', 'recess')),
        from_date  TEXT NOT NULL,
        to_date    TEXT NOT NULL,
        name       TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE protection_measures (
        id                        TEXT PRIMARY KEY,
        matter_id                 TEXT NOT NULL REFERENCES matters (id),
        -- panic_button | cctv | escort | patrols | shelter | relocation | emergency_line | other
        kind                      TEXT NOT NULL,
        description               TEXT NOT NULL DEFAULT '',
        -- Who implements it (the Mechanism, a state police…).
        authority                 TEXT NOT NULL DEFAULT '',
        agreed_on                 TEXT,
        -- 1 agreed with the beneficiaries, 0 imposed without their agreement, NULL not known.
        agreed_with_beneficiaries INTEGER,
        -- The latest status of its history (proposed | agreed | implemented | failing | withdrawn).
        status                    TEXT NOT NULL,
        classification            TEXT NOT NULL DEFAULT 'restricted',
        revision                  INTEGER NOT NULL DEFAULT 1,
        created_at                TEXT NOT NULL,
        updated_at                TEXT NOT NULL,
        deleted_at                TEXT
      ) STRICT;
      CREATE INDEX protection_measures_by_matter ON protection_measures (matter_id);

      CREATE TABLE protection_measure_people (
        measure_id TEXT NOT NULL REFERENCES protection_measures (id) ON DELETE CASCADE,
        person_id  TEXT NOT NULL REFERENCES people (id),
        PRIMARY KEY (measure_id, person_id)
      ) STRICT;

      -- Append-only: each status with its date and what shows it (a communication or an incident).
      CREATE TABLE protection_measure_status (
        id               TEXT PRIMARY KEY,
        measure_id       TEXT NOT NULL REFERENCES protection_measures (id) ON DELETE CASCADE,
        status           TEXT NOT NULL,
        on_date          TEXT NOT NULL,
        communication_id TEXT REFERENCES communications (id),
        incident_id      TEXT REFERENCES incidents (id),
        note             TEXT NOT NULL DEFAULT '',
        recorded_at      TEXT NOT NULL,
        recorded_by      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX protection_measure_status_by_measure ON protection_measure_status (measure_id, on_date);

      -- Settings that travel with the vault (inactivity months per matter type, reminder days…), as JSON.
      CREATE TABLE vault_settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
