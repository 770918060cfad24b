// What a lawyer reads instead of database names when a bundle is checked or merged: for every table a
// bundle carries, the name of its kind of record, the columns that identify one record, and how each
// column is labelled and shown. Bookkeeping columns (ids, revisions, timestamps of saving, the search
// text) are never shown. The renderer's verify and conflict screens and the command line's conflict list
// read the same map; `tests/unit/shared/bundle-labels.test.ts` fails for a carried column it does not know.
//
// Translation keys (shared/i18n/*.json, block `bundleLabels`):
//   bundleLabels.record.<table>      one record of the kind ("Case")
//   bundleLabels.records.<table>     the kind in a count ("Cases")
//   bundleLabels.tableField.<table>.<column>, else bundleLabels.field.<column>   the column's label

/**
 * How a value is shown:
 *   text, long (a text that may run to pages: cut short), date (YYYY-MM-DD), instant (ISO timestamp),
 *   time (HH:MM), number, bytes, yesno (1/0), hash (a long hex digest: its start), country (ISO code),
 *   json (a structure: summarised), list (a JSON list of words), list:<prefix> (a JSON list of values,
 *   each translated under <prefix>), enum:<prefix> (one value translated under <prefix>),
 *   ref:<table> (the id of another record: named by its kind, never by the id).
 */
export type FieldFormat =
  | 'text'
  | 'long'
  | 'date'
  | 'instant'
  | 'time'
  | 'number'
  | 'bytes'
  | 'yesno'
  | 'hash'
  | 'country'
  | 'json'
  | 'list'
  | `list:${string}`
  | `enum:${string}`
  | `ref:${string}`
  | 'ref';

export interface RecordLabels {
  /**
   * The columns that name one record, in order; a `ref:` column names it by the record it points at
   * (a role in a case by the person's pseudonym or the organisation's name).
   */
  identify: readonly string[];
  /** Every other carried column with how it is shown. */
  fields: Readonly<Record<string, FieldFormat>>;
  /** Columns of this table that are never shown (besides the common ones). */
  bookkeeping?: readonly string[];
}

/** Never shown as a field: the record's id and the marks of saving. `deleted_at` is its own line. */
export const BOOKKEEPING_COLUMNS = [
  'id',
  'revision',
  'created_at',
  'updated_at',
  'search_text',
  'deleted_at',
] as const;

/** Shown as "deleted on …" rather than as a field. */
export const DELETED_COLUMN = 'deleted_at';

const CLASSIFICATION: FieldFormat = 'enum:classification';
const CASE: FieldFormat = 'ref:matters';

export const BUNDLE_LABELS: Readonly<Record<string, RecordLabels>> = {
  matters: {
    identify: ['reference', 'title'],
    fields: {
      title: 'text',
      matter_type: 'enum:matterType',
      forum: 'enum:forum',
      reference: 'text',
      status: 'enum:matterStatus',
      opened_on: 'date',
      summary: 'long',
      archived_at: 'instant',
      classification: CLASSIFICATION,
      state: 'country',
    },
  },
  matter_status_history: {
    identify: ['changed_on'],
    fields: {
      matter_id: CASE,
      from_status: 'enum:matterStatus',
      to_status: 'enum:matterStatus',
      changed_on: 'date',
      changed_at: 'instant',
      actor: 'text',
      note: 'long',
    },
  },
  people: { identify: ['pseudonym'], fields: { pseudonym: 'text', classification: CLASSIFICATION } },
  protected_identities: {
    identify: ['person_id'],
    fields: {
      person_id: 'ref:people',
      legal_name: 'text',
      aliases: 'list',
      date_of_birth: 'date',
      id_numbers: 'json',
      phones: 'json',
      addresses: 'json',
      notes: 'long',
    },
  },
  person_profiles: {
    identify: ['person_id'],
    fields: {
      person_id: 'ref:people',
      roles: 'list:profileRole',
      other_role: 'text',
      gender: 'enum:gender',
      gender_description: 'text',
      classification: CLASSIFICATION,
    },
  },
  organisations: {
    identify: ['name'],
    fields: { name: 'text', org_type: 'enum:orgType', classification: CLASSIFICATION, notes: 'long' },
  },
  matter_parties: {
    identify: ['person_id', 'organisation_id'],
    fields: {
      matter_id: CASE,
      person_id: 'ref:people',
      organisation_id: 'ref:organisations',
      role: 'enum:partyRole',
      family_of: 'ref:people',
      relationship: 'text',
    },
  },
  incidents: {
    identify: ['occurred_on', 'title'],
    fields: {
      matter_id: CASE,
      occurred_on: 'date',
      kind: 'enum:incidentKind',
      title: 'text',
      description: 'long',
      place: 'text',
      source: 'text',
      classification: CLASSIFICATION,
      occurred_precision: 'enum:incidents.precision',
      occurred_qualifier: 'enum:incidents.qualifier',
    },
  },
  incident_people: { identify: [], fields: { incident_id: 'ref:incidents', person_id: 'ref:people' } },
  risk_assessments: {
    identify: ['assessed_on'],
    fields: {
      matter_id: CASE,
      assessed_on: 'date',
      seriousness_rating: 'enum:riskRating',
      seriousness_reasoning: 'long',
      urgency_rating: 'enum:riskRating',
      urgency_reasoning: 'long',
      irreparable_rating: 'enum:riskRating',
      irreparable_reasoning: 'long',
      actor: 'text',
    },
  },
  risk_assessment_incidents: {
    identify: [],
    fields: { assessment_id: 'ref:risk_assessments', incident_id: 'ref:incidents' },
  },
  notes: {
    identify: ['title'],
    fields: { matter_id: CASE, title: 'text', body: 'long', classification: CLASSIFICATION },
  },
  tags: { identify: ['tag'], fields: { entity_type: 'enum:entityType', entity_id: 'ref', tag: 'text' } },
  audit_log: {
    identify: ['at'],
    fields: {
      seq: 'number',
      at: 'instant',
      actor: 'text',
      action: 'enum:auditAction',
      entity_type: 'enum:entityType',
      entity_id: 'ref',
      matter_id: CASE,
      details: 'json',
    },
    bookkeeping: ['prev_hash', 'hash'],
  },
  evidence_items: {
    identify: ['title'],
    fields: {
      matter_id: CASE,
      derived_from: 'ref:evidence_items',
      derivation: 'enum:evidence.derivation',
      title: 'text',
      description: 'long',
      event_date: 'date',
      source: 'text',
      acquisition: 'text',
      classification: CLASSIFICATION,
      original_name: 'text',
      media_type: 'text',
      size: 'bytes',
      sha256: 'hash',
      metadata: 'json',
      acquired_at: 'instant',
      acquired_by: 'text',
      last_verified_at: 'instant',
      last_verification: 'enum:evidence.verify.status',
    },
    // The stored file's own id, and the file name's original bytes (the readable name is shown).
    bookkeeping: ['blob_id', 'original_name_raw'],
  },
  evidence_custody: {
    identify: ['at'],
    fields: {
      item_id: 'ref:evidence_items',
      seq: 'number',
      at: 'instant',
      actor: 'text',
      action: 'enum:evidence.custody.action',
      file_name: 'text',
      size: 'bytes',
      sha256: 'hash',
      source: 'text',
      outcome: 'text',
      note: 'long',
    },
  },
  evidence_exhibits: {
    identify: ['filing', 'number'],
    fields: {
      matter_id: CASE,
      filing: 'text',
      number: 'number',
      item_id: 'ref:evidence_items',
      assigned_at: 'instant',
    },
  },
  evidence_incidents: {
    identify: [],
    fields: { item_id: 'ref:evidence_items', incident_id: 'ref:incidents' },
  },
  evidence_people: { identify: [], fields: { item_id: 'ref:evidence_items', person_id: 'ref:people' } },
  communications: {
    identify: ['occurred_on', 'subject'],
    fields: {
      matter_id: CASE,
      direction: 'enum:communications.direction',
      counterpart: 'enum:communications.counterpart',
      counterpart_name: 'text',
      channel: 'enum:communications.channel',
      kind: 'enum:communications.kind',
      occurred_on: 'date',
      occurred_time: 'time',
      zone: 'text',
      notified_on: 'date',
      reference: 'text',
      note_number: 'text',
      subject: 'text',
      body: 'long',
      classification: CLASSIFICATION,
      in_reply_to: 'ref:communications',
      origin: 'enum:bundleLabels.value.origin',
      email: 'json',
      message_id: 'text',
      raw_evidence_id: 'ref:evidence_items',
    },
  },
  communication_attachments: {
    identify: [],
    fields: { communication_id: 'ref:communications', evidence_id: 'ref:evidence_items', position: 'number' },
  },
  deadlines: {
    identify: ['title', 'due_date'],
    fields: {
      matter_id: CASE,
      communication_id: 'ref:communications',
      title: 'text',
      kind: 'enum:deadlines.kind',
      mode: 'enum:bundleLabels.value.mode',
      rule_id: 'text',
      rule_version: 'number',
      trigger_kind: 'text',
      trigger_date: 'date',
      trigger_time: 'time',
      trigger_zone: 'text',
      period: 'json',
      due_date: 'date',
      end_time: 'time',
      zone: 'text',
      due_instant: 'instant',
      basis: 'json',
      verify: 'yesno',
      status: 'enum:deadlines.status',
      fulfilled_by: 'ref:communications',
      fulfilled_on: 'date',
      waived_reason: 'text',
      recurrence: 'json',
      previous_id: 'ref:deadlines',
      hearing_id: 'ref:hearings',
      notes: 'long',
    },
  },
  deadline_events: {
    identify: ['on_date'],
    fields: {
      deadline_id: 'ref:deadlines',
      kind: 'enum:deadlines.event',
      on_date: 'date',
      previous_due_date: 'date',
      new_due_date: 'date',
      basis: 'json',
      communication_id: 'ref:communications',
      note: 'long',
      recorded_at: 'instant',
      recorded_by: 'text',
    },
  },
  calendar_closures: {
    identify: ['name', 'from_date'],
    fields: {
      rule_id: 'text',
      kind: 'enum:deadlines.calendars',
      from_date: 'date',
      to_date: 'date',
      name: 'text',
    },
  },
  protection_measures: {
    identify: ['kind', 'authority'],
    fields: {
      matter_id: CASE,
      kind: 'enum:measureKind',
      description: 'long',
      authority: 'text',
      agreed_on: 'date',
      agreed_with_beneficiaries: 'yesno',
      status: 'enum:measureStatus',
      classification: CLASSIFICATION,
    },
  },
  protection_measure_people: {
    identify: [],
    fields: { measure_id: 'ref:protection_measures', person_id: 'ref:people' },
  },
  protection_measure_status: {
    identify: ['on_date'],
    fields: {
      measure_id: 'ref:protection_measures',
      status: 'enum:measureStatus',
      on_date: 'date',
      communication_id: 'ref:communications',
      incident_id: 'ref:incidents',
      note: 'long',
      recorded_at: 'instant',
      recorded_by: 'text',
    },
  },
  filings: {
    identify: ['title'],
    fields: {
      matter_id: CASE,
      kind: 'enum:filings.kind',
      lang: 'enum:bundleLabels.value.lang',
      title: 'text',
      answers: 'json',
      document: 'json',
      answers_communication_id: 'ref:communications',
      exhibit_list: 'text',
      status: 'enum:bundleLabels.value.filingStatus',
      version: 'number',
    },
  },
  filing_versions: {
    identify: ['title', 'version'],
    fields: {
      filing_id: 'ref:filings',
      version: 'number',
      title: 'text',
      lang: 'enum:bundleLabels.value.lang',
      answers: 'json',
      document: 'json',
      reason: 'text',
      restored_from: 'number',
      saved_at: 'instant',
      saved_by: 'text',
    },
  },
  leak_decisions: {
    identify: ['decided_at'],
    fields: {
      filing_id: 'ref:filings',
      fingerprint: 'hash',
      value_hash: 'hash',
      person_id: 'ref:people',
      value_kind: 'enum:filingValueKind',
      reason: 'text',
      decided_by: 'text',
      decided_at: 'instant',
    },
  },
  filing_generations: {
    identify: ['profile_name', 'generated_at'],
    fields: {
      filing_id: 'ref:filings',
      version: 'number',
      profile_id: 'ref:redaction_profiles',
      profile_name: 'text',
      format: 'text',
      sha256: 'hash',
      size: 'bytes',
      exhibits: 'json',
      destination: 'text',
      evidence_id: 'ref:evidence_items',
      generated_at: 'instant',
      generated_by: 'text',
    },
  },
  redaction_profiles: {
    identify: ['name'],
    fields: { name: 'text', base: 'text', built_in: 'yesno', rules: 'json' },
  },
  // Search inside the evidence: each item's reading state and the text of its pages.
  evidence_extraction: {
    identify: ['item_id'],
    fields: {
      item_id: 'ref:evidence_items',
      state: 'enum:extractionText.state',
      reason: 'enum:extractionText.reason',
      pages_done: 'number',
      pages_total: 'number',
      engine: 'text',
      engine_version: 'text',
      source_sha256: 'hash',
    },
  },
  evidence_text: {
    identify: ['item_id', 'page'],
    fields: {
      item_id: 'ref:evidence_items',
      page: 'number',
      chunk: 'number',
      method: 'enum:extractionText.method',
      text: 'long',
    },
    // The words' boxes for highlighting: derived from the file with the text, nothing a person reads.
    bookkeeping: ['boxes'],
  },
  // Hearings: the record, who takes part, the speaking plan, what is shown, the State's questions, binders.
  hearings: {
    identify: ['held_on', 'title'],
    fields: {
      matter_id: CASE,
      kind: 'enum:hearingCore.kind',
      title: 'text',
      lang: 'enum:bundleLabels.value.lang',
      forum: 'text',
      session_period: 'text',
      sessions_start_on: 'date',
      held_on: 'date',
      start_time: 'time',
      zone: 'text',
      place: 'text',
      status: 'enum:hearingsUi.status',
      requested_on: 'date',
      total_minutes: 'number',
      our_minutes: 'number',
      sharing_note: 'long',
      key_asks: 'list',
      outcome_communication_id: 'ref:communications',
      exhibit_list: 'text',
      classification: CLASSIFICATION,
    },
  },
  hearing_participants: {
    // Our side by the person's pseudonym, the State's delegation and the bench by the name typed.
    identify: ['person_id', 'name'],
    fields: {
      hearing_id: 'ref:hearings',
      side: 'enum:hearingsUi.side',
      person_id: 'ref:people',
      name: 'text',
      role: 'text',
      presence: 'enum:hearingsUi.presence',
      position: 'number',
    },
  },
  hearing_turns: {
    identify: ['participant_id', 'topic'],
    fields: {
      hearing_id: 'ref:hearings',
      position: 'number',
      participant_id: 'ref:hearing_participants',
      topic: 'text',
      seconds: 'number',
      talking_points: 'long',
    },
  },
  hearing_chronology: {
    identify: ['incident_id'],
    fields: { hearing_id: 'ref:hearings', incident_id: 'ref:incidents', position: 'number' },
  },
  hearing_exhibits: {
    identify: ['evidence_id'],
    fields: { hearing_id: 'ref:hearings', evidence_id: 'ref:evidence_items', position: 'number' },
  },
  hearing_questions: {
    identify: ['question'],
    fields: {
      hearing_id: 'ref:hearings',
      position: 'number',
      question: 'long',
      answer: 'long',
      answerer_id: 'ref:hearing_participants',
    },
  },
  hearing_binders: {
    identify: ['profile_name', 'generated_at'],
    fields: {
      hearing_id: 'ref:hearings',
      profile_id: 'ref:redaction_profiles',
      profile_name: 'text',
      lang: 'enum:bundleLabels.value.lang',
      format: 'text',
      sha256: 'hash',
      size: 'bytes',
      exhibits: 'json',
      destination: 'text',
      generated_at: 'instant',
      generated_by: 'text',
    },
  },
  vault_settings: { identify: ['key'], fields: { key: 'text', value: 'json' } },
  vault_identity: {
    identify: ['signing_fingerprint'],
    fields: { signing_public: 'hash', signing_fingerprint: 'hash', age_recipient: 'text' },
    // The private keys: never shown anywhere.
    bookkeeping: ['signing_private', 'age_identity'],
  },
  bundle_signers: {
    identify: ['fingerprint'],
    fields: {
      fingerprint: 'hash',
      public_key: 'hash',
      name: 'text',
      first_seen_at: 'instant',
      confirmed_by: 'text',
      confirmed_at: 'instant',
    },
  },
  bundle_log: {
    identify: ['at'],
    fields: {
      bundle_id: 'hash',
      direction: 'enum:bundleLabels.value.direction',
      at: 'instant',
      signer_fingerprint: 'hash',
      cases: 'json',
      since: 'hash',
      file_name: 'text',
    },
  },
  // Which content each record had in each bundle: the merge's memory, nothing a person reads.
  bundle_marks: { identify: [], fields: {}, bookkeeping: ['bundle_id', 'table_name', 'record_key', 'mark'] },
};

/** The labels of a table; undefined for a table this map does not know (a test keeps that from happening). */
export function labelsFor(table: string): RecordLabels | undefined {
  return BUNDLE_LABELS[table];
}

/** Is this column hidden from a lawyer (bookkeeping of the table or common to all)? */
export function isBookkeeping(table: string, column: string): boolean {
  return (
    (BOOKKEEPING_COLUMNS as readonly string[]).includes(column) ||
    (BUNDLE_LABELS[table]?.bookkeeping ?? []).includes(column)
  );
}

export const recordKindKey = (table: string) => `bundleLabels.record.${table}`;
export const recordsKindKey = (table: string) => `bundleLabels.records.${table}`;

/** The translation keys to try for a column's label, most specific first. */
export function fieldLabelKeys(table: string, column: string): [string, string] {
  return [`bundleLabels.tableField.${table}.${column}`, `bundleLabels.field.${column}`];
}

/** The prefix under which the values of an `enum:` / `list:` column are translated. */
export function valuePrefix(format: FieldFormat): string | null {
  const match = /^(?:enum|list):(.+)$/.exec(format);
  return match ? match[1]! : null;
}

/** The kind of record a `ref:` column points at. */
export function refTable(format: FieldFormat): string | null {
  const match = /^ref:(.+)$/.exec(format);
  return match ? match[1]! : null;
}
