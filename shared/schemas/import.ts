// Spreadsheet import: a CSV or XLSX file (chosen by path through the shell's dialog) whose tables hold
// cases, people or facts. The user maps columns to fields, sees a dry run that lists every row it would
// refuse and why, and imports the rest in one transaction.
import { z } from 'zod';
import { Classification } from './classification';
import { Id } from './common';

export const IMPORT_KINDS = ['cases', 'people', 'facts'] as const;
export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;

export const CASE_IMPORT_FIELDS = [
  'reference',
  'title',
  'matterType',
  'forum',
  'status',
  'openedOn',
  'summary',
  'classification',
  'state',
] as const;

/** Fields of a person that go only to the protected identity (never to the person, a list or the index). */
export const PROTECTED_IMPORT_FIELDS = [
  'legalName',
  'aliases',
  'dateOfBirth',
  'idNumbers',
  'phones',
  'addresses',
  'identityNotes',
] as const;

export const PERSON_IMPORT_FIELDS = [
  'pseudonym',
  'classification',
  'caseReference',
  'role',
  ...PROTECTED_IMPORT_FIELDS,
] as const;

export const FACT_IMPORT_FIELDS = [
  'caseReference',
  'occurredOn',
  'kind',
  'title',
  'description',
  'place',
  'source',
  'classification',
  'people',
  'tags',
] as const;

export const IMPORT_FIELDS = {
  cases: CASE_IMPORT_FIELDS,
  people: PERSON_IMPORT_FIELDS,
  facts: FACT_IMPORT_FIELDS,
} as const;

export type ImportField =
  | (typeof CASE_IMPORT_FIELDS)[number]
  | (typeof PERSON_IMPORT_FIELDS)[number]
  | (typeof FACT_IMPORT_FIELDS)[number];

/** Fields a row of each kind cannot do without. */
export const REQUIRED_IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  cases: ['title', 'matterType', 'openedOn'],
  people: ['pseudonym'],
  facts: ['caseReference', 'occurredOn', 'title'],
};

export const isProtectedImportField = (field: string): boolean =>
  (PROTECTED_IMPORT_FIELDS as readonly string[]).includes(field);

/** A spreadsheet file on this computer, chosen in the dialog (or named on the command line). */
export const ImportFileInput = z.object({ path: z.string().trim().min(1).max(4096) });

/** What one table (a CSV file, or one sheet of a workbook) holds and which column feeds which field. */
export const TableMapping = z.object({
  table: z.string().max(300),
  kind: z.enum([...IMPORT_KINDS, 'skip']),
  /** Column header → field name ('' or absent: the column is not imported). */
  columns: z.record(z.string().max(300), z.string().max(40)),
});
export type TableMapping = z.infer<typeof TableMapping>;

export const ImportMapping = z.object({ tables: z.array(TableMapping).max(50) });
export type ImportMapping = z.infer<typeof ImportMapping>;

export const PreviewImportInput = ImportFileInput.extend({ mapping: ImportMapping.optional() });

export const PreviewTable = z.object({
  name: z.string(),
  headers: z.array(z.string()),
  rowCount: z.number().int(),
  /** The first rows as text; in people tables, cells of protected or unmapped columns are null (never sent). */
  sampleRows: z.array(z.array(z.string().nullable())),
  /** The mapping in force: the one given, or one guessed from the table's name and headers. */
  mapping: TableMapping,
});
export type PreviewTable = z.infer<typeof PreviewTable>;

export const ImportPreview = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** CSV only: how the text was decoded and split. */
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  tables: z.array(PreviewTable),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const REFUSAL_CODES = [
  'required',
  'unknownValue',
  'impossibleDate',
  'tooLong',
  'unknownCase',
  'ambiguousCase',
  'caseRefused',
  'duplicateReference',
  'referenceInVault',
  'unknownPerson',
  'ambiguousPerson',
  'personRefused',
  'duplicatePseudonym',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export const RowProblem = z.object({
  code: z.enum(REFUSAL_CODES),
  field: z.string(),
  /** The column the field came from (a header), when there is one. */
  column: z.string().nullable(),
  /** Safe to show: never the value of a protected field. */
  value: z.string().nullable(),
  /** The other row involved (duplicate, refused case), as the spreadsheet numbers rows. */
  otherRow: z.number().int().nullable(),
  max: z.number().int().nullable(),
});
export type RowProblem = z.infer<typeof RowProblem>;

export const RowRefusal = z.object({
  table: z.string(),
  kind: ImportKind,
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: z.number().int(),
  /** Reference and title, pseudonym, or fact title: what the user recognises the row by (never protected). */
  label: z.string(),
  problems: z.array(RowProblem),
});
export type RowRefusal = z.infer<typeof RowRefusal>;

const KindCounts = z.object({ accepted: z.number().int(), refused: z.number().int() });

export const ImportReport = z.object({
  /** SHA-256 of the file checked; give it to `import:run` so a file changed since is refused. */
  sha256: z.string(),
  counts: z.object({ cases: KindCounts, people: KindCounts, facts: KindCounts }),
  refusals: z.array(RowRefusal),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const DryRunImportInput = ImportFileInput.extend({ mapping: ImportMapping });

export const RunImportInput = DryRunImportInput.extend({
  operationId: Id,
  /** Import the accepted rows although some are refused (the user saw the dry run). */
  acceptRefusals: z.boolean().default(false),
  /** The dry run's `sha256`: the file must still be the one the user checked (else FILE_CHANGED). */
  expectedSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type RunImportInput = z.input<typeof RunImportInput>;

export const ImportResult = z.object({
  /** The cases created; a confidential one's title is left out, as lists leave such cases out. */
  cases: z.array(
    z.object({ id: Id, reference: z.string(), title: z.string(), classification: Classification }),
  ),
  people: z.number().int(),
  facts: z.number().int(),
  refused: z.number().int(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportProgress = z.object({
  operationId: z.string(),
  phase: z.enum(['reading', 'checking', 'writing', 'done']),
  done: z.number().int(),
  total: z.number().int(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

export const ChooseSpreadsheetResult = z.object({ path: z.string().nullable() });
