// From tables and a mapping to what would be written: every row either becomes a planned record or is
// refused with its reasons. Rows are checked with the same schemas the forms use, so an import accepts
// exactly what a user could have typed. Nothing here writes.
import type { z } from 'zod';
import { AmparoError } from '../../../shared/errors';
import {
  IMPORT_FIELDS,
  isProtectedImportField,
  type ImportKind,
  type ImportMapping,
  type ImportReport,
  type RowProblem,
  type RowRefusal,
} from '../../../shared/schemas/import';
import { IncidentFields } from '../../../shared/schemas/incidents';
import { DEFAULT_FORUM, MatterFields } from '../../../shared/schemas/matter';
import type { PartyRole } from '../../../shared/schemas/parties';
import { CreatePersonInput } from '../../../shared/schemas/people';
import { readDate } from './dates';
import type { Cell, Spreadsheet, Table } from './read-table';
import { codeFor, stateCodeFor, type ValueList } from './values';

/** What the vault already holds, looked up by the words a spreadsheet uses. */
export interface VaultLookups {
  caseByReference(reference: string): { id: string } | 'ambiguous' | undefined;
  personByPseudonym(pseudonym: string): { id: string } | 'ambiguous' | undefined;
}

/** A case or person that is either in this file (by its index in the plan) or already in the vault. */
export type Link = { file: number } | { vault: string };

export interface PlannedCase {
  fields: MatterFields;
}
export interface PlannedPerson {
  input: CreatePersonInput;
  matter: Link | null;
  role: PartyRole;
}
export interface PlannedFact {
  matter: Link;
  fields: Omit<IncidentFields, 'personIds'>;
  people: Link[];
}

export interface ImportPlan {
  cases: PlannedCase[];
  people: PlannedPerson[];
  facts: PlannedFact[];
  report: ImportReport;
}

const PERSON_IDENTITY_KEYS: Record<string, string> = {
  legalName: 'legalName',
  aliases: 'aliases',
  dateOfBirth: 'dateOfBirth',
  idNumbers: 'idNumbers',
  phones: 'phones',
  addresses: 'addresses',
  identityNotes: 'notes',
};

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** Several values in one cell (aliases, phones, addresses): one per line, or separated by `;` or `|`. */
const splitList = (text: string) =>
  text
    .split(/[;|\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Pseudonyms of the people a fact names: also `,`, since pseudonyms are initials or aliases. */
const splitNames = (text: string) =>
  text
    .split(/[;,|\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

const refKey = (reference: string) => reference.trim().toLowerCase();
const nameKey = (pseudonym: string) => pseudonym.trim().toLowerCase();

/** Checks the mapping against the file: unknown tables, headers or fields are the caller's mistake. */
export function checkMapping(sheet: Spreadsheet, mapping: ImportMapping): void {
  for (const tableMapping of mapping.tables) {
    const table = sheet.tables.find((t) => t.name === tableMapping.table);
    if (!table) throw new AmparoError('VALIDATION_FAILED', `The file has no table "${tableMapping.table}"`);
    if (tableMapping.kind === 'skip') continue;
    const allowed = IMPORT_FIELDS[tableMapping.kind] as readonly string[];
    const used = new Set<string>();
    for (const [column, field] of Object.entries(tableMapping.columns)) {
      if (!field) continue;
      if (!table.headers.includes(column))
        throw new AmparoError('VALIDATION_FAILED', `Table "${table.name}" has no column "${column}"`);
      if (!allowed.includes(field))
        throw new AmparoError('VALIDATION_FAILED', `"${field}" is not a field of ${tableMapping.kind}`);
      if (used.has(field))
        throw new AmparoError(
          'VALIDATION_FAILED',
          `Two columns of "${table.name}" feed the field "${field}"`,
        );
      used.add(field);
    }
  }
}

class RowReader {
  readonly problems: RowProblem[] = [];
  private readonly columnOf = new Map<string, { index: number; header: string }>();

  constructor(
    table: Table,
    columns: Record<string, string>,
    private readonly cells: Cell[],
  ) {
    for (const [header, field] of Object.entries(columns)) {
      if (field) this.columnOf.set(field, { index: table.headers.indexOf(header), header });
    }
  }

  column(field: string): string | null {
    return this.columnOf.get(field)?.header ?? null;
  }

  cell(field: string): Cell {
    const at = this.columnOf.get(field);
    return at ? (this.cells[at.index] ?? null) : null;
  }

  text(field: string): string {
    return cellText(this.cell(field));
  }

  refuse(field: string, code: RowProblem['code'], extra: Partial<RowProblem> = {}): void {
    const shown = isProtectedImportField(field) ? null : (extra.value ?? null);
    this.problems.push({
      code,
      field,
      column: this.column(field),
      otherRow: null,
      max: null,
      ...extra,
      value: shown,
    });
  }

  /** A required field: refused when empty. */
  required(field: string): string {
    const value = this.text(field);
    if (!value) this.refuse(field, 'required');
    return value;
  }

  /** A value of a fixed list, `fallback` when the cell is empty. */
  code<T extends string>(field: string, list: ValueList, fallback: T | undefined): T | undefined {
    const value = this.text(field);
    if (!value) {
      if (fallback === undefined) this.refuse(field, 'required');
      return fallback;
    }
    const code = codeFor(list, value) as T | undefined;
    if (!code) this.refuse(field, 'unknownValue', { value });
    return code;
  }

  /** The State a case is against, by code or name; the schema's default (Mexico) when empty. */
  state(field: string): string | undefined {
    const value = this.text(field);
    if (!value) return undefined;
    const code = stateCodeFor(value);
    if (!code) this.refuse(field, 'unknownValue', { value });
    return code;
  }

  date(field: string, { optional = false } = {}): string | null {
    const cell = this.cell(field);
    if (!cellText(cell)) {
      if (!optional) this.refuse(field, 'required');
      return null;
    }
    const reading = readDate(cell);
    if (!reading.ok) this.refuse(field, 'impossibleDate', { value: cellText(cell) });
    return reading.ok ? reading.iso : null;
  }

  /** Problems the shared schema finds (lengths, mostly), attributed to the import field. */
  schemaIssues(error: z.ZodError, fieldOf: (path: PropertyKey[]) => string): void {
    for (const issue of error.issues) {
      const field = fieldOf(issue.path);
      if (this.problems.some((p) => p.field === field)) continue;
      if (issue.code === 'too_big') this.refuse(field, 'tooLong', { max: Number(issue.maximum) });
      else if (issue.message === 'validation.required') this.refuse(field, 'required');
      else this.refuse(field, 'unknownValue', { value: this.text(field) });
    }
  }
}

interface TableRows {
  table: Table;
  columns: Record<string, string>;
}

function tablesOf(sheet: Spreadsheet, mapping: ImportMapping, kind: ImportKind): TableRows[] {
  return mapping.tables
    .filter((m) => m.kind === kind)
    .map((m) => ({ table: sheet.tables.find((t) => t.name === m.table)!, columns: m.columns }));
}

export function planImport(sheet: Spreadsheet, mapping: ImportMapping, vault: VaultLookups): ImportPlan {
  checkMapping(sheet, mapping);
  const refusals: RowRefusal[] = [];
  const cases: PlannedCase[] = [];
  const people: PlannedPerson[] = [];
  const facts: PlannedFact[] = [];
  const counts = {
    cases: { accepted: 0, refused: 0 },
    people: { accepted: 0, refused: 0 },
    facts: { accepted: 0, refused: 0 },
  };
  const refuseRow = (kind: ImportKind, table: Table, row: number, label: string, problems: RowProblem[]) => {
    refusals.push({ table: table.name, kind, row, label, problems });
    counts[kind].refused += 1;
  };

  // References of the file's cases: accepted ones by plan index, refused ones by their row.
  const fileCases = new Map<string, { index: number } | { refusedRow: number }>();
  const firstRowOfReference = new Map<string, number>();
  for (const { table, columns } of tablesOf(sheet, mapping, 'cases')) {
    table.rows.forEach((cells, i) => {
      const rowNumber = i + 2;
      const r = new RowReader(table, columns, cells);
      const reference = r.text('reference');
      const title = r.required('title');
      const matterType = r.code<MatterFields['matterType']>('matterType', 'matterType', undefined);
      const forum = r.code<MatterFields['forum']>(
        'forum',
        'forum',
        matterType ? DEFAULT_FORUM[matterType] : 'other',
      );
      const status = r.code<MatterFields['status']>('status', 'status', 'draft');
      const openedOn = r.date('openedOn');
      const classification = r.code<MatterFields['classification']>(
        'classification',
        'classification',
        'restricted',
      );
      const state = r.state('state');
      const key = refKey(reference);
      if (key) {
        const earlier = firstRowOfReference.get(key);
        if (earlier !== undefined)
          r.refuse('reference', 'duplicateReference', { value: reference, otherRow: earlier });
        else if (vault.caseByReference(reference))
          r.refuse('reference', 'referenceInVault', { value: reference });
        if (earlier === undefined) firstRowOfReference.set(key, rowNumber);
      }
      const candidate = {
        title,
        matterType,
        forum,
        reference,
        status,
        openedOn,
        summary: r.text('summary'),
        classification,
        state,
      };
      const parsed = MatterFields.safeParse(candidate);
      if (!parsed.success && r.problems.length === 0) r.schemaIssues(parsed.error, (p) => String(p[0]));
      const label = [reference, title].filter(Boolean).join(' · ') || `#${rowNumber}`;
      if (r.problems.length > 0 || !parsed.success) {
        refuseRow('cases', table, rowNumber, label, r.problems);
        if (key && !fileCases.has(key)) fileCases.set(key, { refusedRow: rowNumber });
        return;
      }
      if (key) fileCases.set(key, { index: cases.length });
      cases.push({ fields: parsed.data });
      counts.cases.accepted += 1;
    });
  }

  /** The case a person or fact names: in this file first, then in the vault. */
  const linkCase = (r: RowReader, field: string, reference: string): Link | null => {
    const inFile = fileCases.get(refKey(reference));
    if (inFile && 'index' in inFile) return { file: inFile.index };
    if (inFile) {
      r.refuse(field, 'caseRefused', { value: reference, otherRow: inFile.refusedRow });
      return null;
    }
    const found = vault.caseByReference(reference);
    if (found === 'ambiguous') r.refuse(field, 'ambiguousCase', { value: reference });
    else if (!found) r.refuse(field, 'unknownCase', { value: reference });
    return found && found !== 'ambiguous' ? { vault: found.id } : null;
  };

  const filePeople = new Map<string, { index: number } | { refusedRow: number }>();
  const firstRowOfPseudonym = new Map<string, number>();
  for (const { table, columns } of tablesOf(sheet, mapping, 'people')) {
    table.rows.forEach((cells, i) => {
      const rowNumber = i + 2;
      const r = new RowReader(table, columns, cells);
      const pseudonym = r.required('pseudonym');
      const classification = r.code<CreatePersonInput['classification']>(
        'classification',
        'classification',
        'restricted',
      );
      const role = r.code<PartyRole>('role', 'role', 'beneficiary');
      const reference = r.text('caseReference');
      const matter = reference ? linkCase(r, 'caseReference', reference) : null;
      const key = nameKey(pseudonym);
      if (key) {
        const earlier = firstRowOfPseudonym.get(key);
        if (earlier !== undefined)
          r.refuse('pseudonym', 'duplicatePseudonym', { value: pseudonym, otherRow: earlier });
        else firstRowOfPseudonym.set(key, rowNumber);
      }
      const identityGiven = Object.keys(PERSON_IDENTITY_KEYS).some((f) => r.text(f));
      const identity = identityGiven
        ? {
            legalName: r.text('legalName'),
            aliases: splitList(r.text('aliases')),
            dateOfBirth: r.date('dateOfBirth', { optional: true }),
            idNumbers: splitList(r.text('idNumbers')),
            phones: splitList(r.text('phones')),
            addresses: splitList(r.text('addresses')),
            notes: r.text('identityNotes'),
          }
        : undefined;
      const parsed = CreatePersonInput.safeParse({ pseudonym, classification, identity });
      if (!parsed.success && r.problems.length === 0) {
        r.schemaIssues(parsed.error, (path) => {
          if (path[0] !== 'identity') return String(path[0]);
          const key = String(path[1]);
          return Object.entries(PERSON_IDENTITY_KEYS).find(([, k]) => k === key)?.[0] ?? 'legalName';
        });
      }
      if (r.problems.length > 0 || !parsed.success) {
        refuseRow('people', table, rowNumber, pseudonym || `#${rowNumber}`, r.problems);
        if (key && !filePeople.has(key)) filePeople.set(key, { refusedRow: rowNumber });
        return;
      }
      if (key) filePeople.set(key, { index: people.length });
      people.push({ input: parsed.data, matter, role: role ?? 'beneficiary' });
      counts.people.accepted += 1;
    });
  }

  for (const { table, columns } of tablesOf(sheet, mapping, 'facts')) {
    table.rows.forEach((cells, i) => {
      const rowNumber = i + 2;
      const r = new RowReader(table, columns, cells);
      const reference = r.required('caseReference');
      const matter = reference ? linkCase(r, 'caseReference', reference) : null;
      const occurredOn = r.date('occurredOn');
      const title = r.required('title');
      const kind = r.code<IncidentFields['kind']>('kind', 'kind', 'other');
      const classification = r.code<IncidentFields['classification']>(
        'classification',
        'classification',
        'restricted',
      );
      const links: Link[] = [];
      for (const pseudonym of splitNames(r.text('people'))) {
        const inFile = filePeople.get(nameKey(pseudonym));
        if (inFile && 'index' in inFile) links.push({ file: inFile.index });
        else if (inFile)
          r.refuse('people', 'personRefused', { value: pseudonym, otherRow: inFile.refusedRow });
        else {
          const found = vault.personByPseudonym(pseudonym);
          if (found === 'ambiguous') r.refuse('people', 'ambiguousPerson', { value: pseudonym });
          else if (!found) r.refuse('people', 'unknownPerson', { value: pseudonym });
          else links.push({ vault: found.id });
        }
      }
      const candidate = {
        occurredOn,
        kind,
        title,
        description: r.text('description'),
        place: r.text('place'),
        source: r.text('source'),
        classification,
        personIds: [],
        tags: [...new Set(splitNames(r.text('tags')))],
      };
      const parsed = IncidentFields.safeParse(candidate);
      if (!parsed.success && r.problems.length === 0) r.schemaIssues(parsed.error, (p) => String(p[0]));
      if (r.problems.length > 0 || !parsed.success || !matter) {
        refuseRow('facts', table, rowNumber, title || `#${rowNumber}`, r.problems);
        return;
      }
      const { occurredOn: on, occurredPrecision, occurredQualifier, kind: k, title: t } = parsed.data;
      const { description, place, source, tags } = parsed.data;
      const fields = {
        occurredOn: on,
        occurredPrecision,
        occurredQualifier,
        kind: k,
        title: t,
        description,
        place,
        source,
        tags,
      };
      facts.push({
        matter,
        fields: { ...fields, classification: parsed.data.classification },
        people: links,
      });
      counts.facts.accepted += 1;
    });
  }

  refusals.sort((a, b) => (a.table === b.table ? a.row - b.row : 0));
  return { cases, people, facts, report: { sha256: sheet.sha256, counts, refusals } };
}

/**
 * Column headers whose cells must not leave the core: in a table of people, those mapped to protected
 * fields and those not mapped at all (an unrecognised column of a people sheet may well be a legal name).
 */
export function hiddenColumns(mapping: ImportMapping, table: string, headers: string[]): Set<string> {
  const tableMapping = mapping.tables.find((t) => t.table === table);
  if (!tableMapping || tableMapping.kind !== 'people') return new Set();
  return new Set(
    headers.filter((header) => {
      const field = tableMapping.columns[header] ?? '';
      return !field || isProtectedImportField(field);
    }),
  );
}
