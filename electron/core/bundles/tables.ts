// Every table of the latest schema, and how its rows travel in a bundle. A test enumerates sqlite_master
// of a fresh vault and fails for a table missing here, so a new workflow cannot forget bundles: add one
// line for each of its tables.
//
//   case    rows that belong to the exported cases (`where` selects them; $cases is a JSON list of ids)
//   vault   vault-wide rows every case bundle carries (the vault's calendar edits)
//   backup  only in a full backup (settings, keys, bundle history)
//   blob    rebuilt on import from the attachment (its key never leaves the vault)
//   omit    never carried, with the reason
//
// `merge` says how an imported row meets a local one: `record` (compared by content with what both sides
// last had in common: one side changed → taken, both → a conflict), `append` (append-only history: added
// when missing, never changed), `link` (a pair of ids: added when missing), `none` (kept in the bundle for
// the reader, never merged: the audit excerpt; a backup restores it whole).

export type MergeRule = 'record' | 'append' | 'link' | 'none';

export interface CarriedTable {
  kind: 'case' | 'vault' | 'backup';
  /** The primary key's columns (the record's identity across vaults). */
  key: readonly string[];
  merge: MergeRule;
  /** SQL condition selecting the rows of the cases in $cases (kind `case`). */
  where?: string;
  /** A column holding public/restricted/confidential: confidential rows stay out of a redacted bundle. */
  classified?: boolean;
  /** Protected identities: never in a redacted bundle. */
  protectedValues?: boolean;
  /** Column naming the owner record of any table (tags): the row goes when its owner is left out. */
  ownerColumn?: string;
}

export type TableRule = CarriedTable | { kind: 'blob' } | { kind: 'omit'; reason: string };

const CASES = '(SELECT value FROM json_each($cases))';
const IN_CASES = `matter_id IN ${CASES}`;
const INCIDENTS = `(SELECT id FROM incidents WHERE ${IN_CASES})`;
const ITEMS = `(SELECT id FROM evidence_items WHERE ${IN_CASES})`;
const COMMUNICATIONS = `(SELECT id FROM communications WHERE ${IN_CASES})`;
const DEADLINES = `(SELECT id FROM deadlines WHERE ${IN_CASES})`;
const MEASURES = `(SELECT id FROM protection_measures WHERE ${IN_CASES})`;
const FILINGS = `(SELECT id FROM filings WHERE ${IN_CASES})`;
const ASSESSMENTS = `(SELECT id FROM risk_assessments WHERE ${IN_CASES})`;
/** People are vault-wide; a bundle carries those its cases name anywhere. */
const PEOPLE = `(
  SELECT person_id FROM matter_parties WHERE ${IN_CASES} AND person_id IS NOT NULL
  UNION SELECT family_of FROM matter_parties WHERE ${IN_CASES} AND family_of IS NOT NULL
  UNION SELECT person_id FROM incident_people WHERE incident_id IN ${INCIDENTS}
  UNION SELECT person_id FROM evidence_people WHERE item_id IN ${ITEMS}
  UNION SELECT person_id FROM protection_measure_people WHERE measure_id IN ${MEASURES})`;
const OWNERS = `(
  SELECT value FROM json_each($cases) UNION SELECT id FROM incidents WHERE ${IN_CASES}
  UNION SELECT id FROM notes WHERE ${IN_CASES} UNION SELECT id FROM evidence_items WHERE ${IN_CASES}
  UNION SELECT id FROM communications WHERE ${IN_CASES} UNION SELECT id FROM deadlines WHERE ${IN_CASES}
  UNION SELECT id FROM protection_measures WHERE ${IN_CASES} UNION SELECT id FROM people WHERE id IN ${PEOPLE})`;

const ID = ['id'] as const;
const FTS = 'full-text index derived from the records; rebuilt for imported records';

export const TABLES: Readonly<Record<string, TableRule>> = {
  matters: { kind: 'case', key: ID, merge: 'record', where: `id IN ${CASES}`, classified: true },
  matter_status_history: { kind: 'case', key: ID, merge: 'append', where: IN_CASES },
  people: { kind: 'case', key: ID, merge: 'record', where: `id IN ${PEOPLE}`, classified: true },
  protected_identities: {
    kind: 'case',
    key: ['person_id'],
    merge: 'record',
    where: `person_id IN ${PEOPLE}`,
    protectedValues: true,
  },
  person_profiles: {
    kind: 'case',
    key: ['person_id'],
    merge: 'record',
    where: `person_id IN ${PEOPLE}`,
    classified: true,
  },
  organisations: {
    kind: 'case',
    key: ID,
    merge: 'record',
    where: `id IN (SELECT organisation_id FROM matter_parties WHERE ${IN_CASES})`,
    classified: true,
  },
  matter_parties: { kind: 'case', key: ID, merge: 'record', where: IN_CASES },
  incidents: { kind: 'case', key: ID, merge: 'record', where: IN_CASES, classified: true },
  incident_people: {
    kind: 'case',
    key: ['incident_id', 'person_id'],
    merge: 'link',
    where: `incident_id IN ${INCIDENTS}`,
  },
  risk_assessments: { kind: 'case', key: ID, merge: 'record', where: IN_CASES },
  risk_assessment_incidents: {
    kind: 'case',
    key: ['assessment_id', 'incident_id'],
    merge: 'link',
    where: `assessment_id IN ${ASSESSMENTS}`,
  },
  notes: { kind: 'case', key: ID, merge: 'record', where: IN_CASES, classified: true },
  tags: {
    kind: 'case',
    key: ['entity_type', 'entity_id', 'tag'],
    merge: 'link',
    where: `entity_id IN ${OWNERS}`,
    ownerColumn: 'entity_id',
  },
  audit_log: { kind: 'case', key: ['seq'], merge: 'none', where: IN_CASES },
  evidence_items: { kind: 'case', key: ID, merge: 'record', where: IN_CASES, classified: true },
  evidence_blobs: { kind: 'blob' },
  evidence_custody: { kind: 'case', key: ID, merge: 'append', where: `item_id IN ${ITEMS}` },
  evidence_exhibits: {
    kind: 'case',
    key: ['matter_id', 'filing', 'number'],
    merge: 'append',
    where: IN_CASES,
  },
  evidence_incidents: {
    kind: 'case',
    key: ['item_id', 'incident_id'],
    merge: 'link',
    where: `item_id IN ${ITEMS}`,
  },
  evidence_people: {
    kind: 'case',
    key: ['item_id', 'person_id'],
    merge: 'link',
    where: `item_id IN ${ITEMS}`,
  },
  // search inside the evidence: the text taken from documents is a record of the case (a confidential
  // item's text leaves a redacted bundle with its item, through the foreign key); the index is rebuilt by
  // the schema's triggers as the rows are written.
  evidence_extraction: { kind: 'case', key: ['item_id'], merge: 'record', where: `item_id IN ${ITEMS}` },
  evidence_text: {
    kind: 'case',
    key: ['item_id', 'page', 'chunk'],
    merge: 'record',
    where: `item_id IN ${ITEMS}`,
  },
  evidence_text_index: { kind: 'omit', reason: FTS },
  evidence_text_terms: { kind: 'omit', reason: 'a view of the evidence text index vocabulary' },
  communications: { kind: 'case', key: ID, merge: 'record', where: IN_CASES, classified: true },
  communication_attachments: {
    kind: 'case',
    key: ['communication_id', 'evidence_id'],
    merge: 'link',
    where: `communication_id IN ${COMMUNICATIONS}`,
  },
  deadlines: { kind: 'case', key: ID, merge: 'record', where: IN_CASES },
  deadline_events: { kind: 'case', key: ID, merge: 'append', where: `deadline_id IN ${DEADLINES}` },
  deadline_reminders: { kind: 'omit', reason: 'reminders already shown on this computer: local state' },
  calendar_closures: { kind: 'vault', key: ID, merge: 'record' },
  protection_measures: { kind: 'case', key: ID, merge: 'record', where: IN_CASES, classified: true },
  protection_measure_people: {
    kind: 'case',
    key: ['measure_id', 'person_id'],
    merge: 'link',
    where: `measure_id IN ${MEASURES}`,
  },
  protection_measure_status: {
    kind: 'case',
    key: ID,
    merge: 'append',
    where: `measure_id IN ${MEASURES}`,
  },
  // Filings: drafts may hold a protected value the user chose to keep (leak guard), so a redacted bundle
  // leaves every filing table out. Redaction profiles are the vault's own (each vault has its built-in
  // four, one per base), and the generation log points at them: both travel in backups only; the audit
  // excerpt still says what was generated, and a document kept in the case travels as an evidence item.
  filings: { kind: 'case', key: ID, merge: 'record', where: IN_CASES, protectedValues: true },
  filing_versions: {
    kind: 'case',
    key: ['filing_id', 'version'],
    merge: 'append',
    where: `filing_id IN ${FILINGS}`,
    protectedValues: true,
  },
  leak_decisions: {
    kind: 'case',
    key: ['filing_id', 'fingerprint'],
    merge: 'append',
    where: `filing_id IN ${FILINGS}`,
    protectedValues: true,
  },
  filing_generations: { kind: 'backup', key: ID, merge: 'none' },
  redaction_profiles: { kind: 'backup', key: ID, merge: 'none' },
  vault_settings: { kind: 'backup', key: ['key'], merge: 'record' },
  vault_identity: { kind: 'backup', key: ID, merge: 'none' },
  bundle_signers: { kind: 'backup', key: ['fingerprint'], merge: 'none' },
  bundle_log: { kind: 'backup', key: ['bundle_id'], merge: 'none' },
  bundle_marks: { kind: 'backup', key: ['bundle_id', 'table_name', 'record_key'], merge: 'none' },
  drafts: { kind: 'omit', reason: 'unsaved form text of this computer, never a record of the case' },
  vault_meta: { kind: 'omit', reason: "this database's own id and audit head; a restore sets its own" },
  search_index: { kind: 'omit', reason: FTS },
  protected_search: { kind: 'omit', reason: FTS },
  search_terms: { kind: 'omit', reason: 'a view of the search index vocabulary' },
};

/** FTS5 keeps each index in shadow tables named after it; they go with their index. */
export function ruleFor(table: string): TableRule | undefined {
  const own = TABLES[table];
  if (own) return own;
  const shadow = /^(.+)_(data|idx|content|docsize|config)$/.exec(table);
  const base = shadow ? TABLES[shadow[1]!] : undefined;
  return base?.kind === 'omit' ? { kind: 'omit', reason: `shadow table of ${shadow![1]}` } : undefined;
}

export type CarriedEntry = [string, CarriedTable];

/** The tables a bundle carries: case bundles the `case` and `vault` ones, backups every carried table. */
export function carriedTables(backup: boolean): CarriedEntry[] {
  return Object.entries(TABLES).filter((entry): entry is CarriedEntry => {
    const kind = entry[1].kind;
    return kind === 'case' || kind === 'vault' || (backup && kind === 'backup');
  });
}
