// Spreadsheet import: preview a file's tables, dry-run a mapping (every refused row and why), and import
// the accepted rows in one transaction through the same services the forms use, so every record gets its
// audit entry, status history and search-index row exactly as if typed. Protected fields of people go to
// the protected identity through PeopleService, and nowhere else: not the preview, not the report.
import type { ParsedInput } from '../../../shared/contract';
import { AmparoError } from '../../../shared/errors';
import type {
  ImportKind,
  ImportMapping,
  ImportPreview,
  ImportProgress,
  ImportReport,
  ImportResult,
} from '../../../shared/schemas/import';
import { guessColumns, guessMapping } from '../import/guess';
import {
  cellText,
  planImport,
  hiddenColumns,
  type ImportPlan,
  type Link,
  type VaultLookups,
} from '../import/plan';
import { readSpreadsheet, type Spreadsheet } from '../import/read-table';
import { OperationRunner, type Operation, type RunnerOptions } from '../operations/runner';
import type { IncidentService } from './incidents';
import type { MatterService } from './matters';
import type { PartyService } from './parties';
import type { PeopleService } from './people';
import type { VaultContext } from './vault-context';

const SAMPLE_ROWS = 5;

export interface ImportDeps {
  matters: MatterService;
  people: PeopleService;
  parties: PartyService;
  incidents: IncidentService;
}

/**
 * The mapping in force for each table: the caller's where given, else a guess. A table given a kind but
 * no columns (the user just changed its kind) gets the columns guessed for that kind.
 */
function mappingFor(sheet: Spreadsheet, given: ImportMapping | undefined): ImportMapping {
  return {
    tables: sheet.tables.map((t) => {
      const mapping = given?.tables.find((m) => m.table === t.name);
      if (!mapping) return guessMapping(t.name, t.headers);
      const empty = mapping.kind !== 'skip' && !Object.values(mapping.columns).some(Boolean);
      return empty ? { ...mapping, columns: guessColumns(mapping.kind as ImportKind, t.headers) } : mapping;
    }),
  };
}

export class ImportService {
  private readonly runner: OperationRunner<ImportProgress>;

  constructor(
    private readonly ctx: () => VaultContext,
    private readonly deps: ImportDeps,
    options: RunnerOptions<ImportProgress> = {},
  ) {
    this.runner = new OperationRunner(options);
  }

  /** The vault's references and pseudonyms, read once per check (a query per row would be slow). */
  private lookups(): VaultLookups {
    const { db } = this.ctx();
    const index = (rows: { id: string; key: string }[]) => {
      const byKey = new Map<string, string[]>();
      for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row.id]);
      return (key: string) => {
        const ids = byKey.get(key.trim().toLowerCase()) ?? [];
        return ids.length === 1 ? { id: ids[0]! } : ids.length > 1 ? ('ambiguous' as const) : undefined;
      };
    };
    const lower = (rows: { id: string; key: string }[]) =>
      rows.map((r) => ({ id: r.id, key: r.key.toLowerCase() }));
    const cases = index(
      lower(
        db
          .prepare(`SELECT id, reference AS key FROM matters WHERE deleted_at IS NULL AND reference <> ''`)
          .all<{ id: string; key: string }>(),
      ),
    );
    const people = index(
      lower(
        db
          .prepare('SELECT id, pseudonym AS key FROM people WHERE deleted_at IS NULL')
          .all<{ id: string; key: string }>(),
      ),
    );
    return { caseByReference: cases, personByPseudonym: people };
  }

  async preview({ path, mapping }: ParsedInput<'import:preview'>): Promise<ImportPreview> {
    this.ctx(); // only with an unlocked vault
    const sheet = await readSpreadsheet(path);
    const inForce = mappingFor(sheet, mapping);
    return {
      fileName: sheet.fileName,
      format: sheet.format,
      encoding: sheet.encoding,
      delimiter: sheet.delimiter,
      tables: sheet.tables.map((table, i) => {
        const hidden = hiddenColumns(inForce, table.name, table.headers);
        return {
          name: table.name,
          headers: table.headers,
          rowCount: table.rows.length,
          sampleRows: table.rows
            .slice(0, SAMPLE_ROWS)
            .map((row) => table.headers.map((h, c) => (hidden.has(h) ? null : cellText(row[c])))),
          mapping: inForce.tables[i]!,
        };
      }),
    };
  }

  private async plan(
    path: string,
    mapping: ImportMapping,
    op?: Operation<ImportProgress>,
  ): Promise<ImportPlan> {
    op?.progress({ operationId: op.id, phase: 'reading', done: 0, total: 0 });
    const sheet = await readSpreadsheet(path);
    op?.throwIfCancelled();
    const total = sheet.tables.reduce((n, t) => n + t.rows.length, 0);
    op?.progress({ operationId: op.id, phase: 'checking', done: 0, total });
    return planImport(sheet, mapping, this.lookups());
  }

  async dryRun({ path, mapping }: ParsedInput<'import:dryRun'>): Promise<ImportReport> {
    this.ctx();
    return (await this.plan(path, mapping)).report;
  }

  async run(input: ParsedInput<'import:run'>): Promise<ImportResult> {
    this.ctx();
    return this.runner.run(input.operationId, async (op) => {
      const plan = await this.plan(input.path, input.mapping, op);
      if (input.expectedSha256 && plan.report.sha256 !== input.expectedSha256)
        throw new AmparoError('FILE_CHANGED', 'The spreadsheet changed since it was checked; check it again');
      const refused = plan.report.refusals.length;
      if (refused > 0 && !input.acceptRefusals)
        throw new AmparoError('VALIDATION_FAILED', `${refused} rows would be refused; see the dry run`);
      // The last moment to cancel: the writing below is one transaction, all of it or none.
      op.throwIfCancelled();
      const result = this.write(plan, op, refused);
      op.progress({ operationId: op.id, phase: 'done', done: 1, total: 1 });
      return result;
    });
  }

  private write(plan: ImportPlan, op: Operation<ImportProgress>, refused: number): ImportResult {
    const { db, audit } = this.ctx();
    const { matters, people, parties, incidents } = this.deps;
    const total = plan.cases.length + plan.people.length + plan.facts.length;
    let done = 0;
    const step = () => {
      done += 1;
      if (done % 50 === 0 || done === total)
        op.progress({ operationId: op.id, phase: 'writing', done, total });
    };
    return db.transaction(() => {
      const created = plan.cases.map((c) => {
        const matter = matters.create(c.fields);
        step();
        const { id, reference, title, classification } = matter;
        return { id, reference, title: classification === 'confidential' ? '' : title, classification };
      });
      const caseId = (link: Link) => ('file' in link ? created[link.file]!.id : link.vault);
      const personIds = plan.people.map((p) => {
        const person = people.create(p.input);
        if (p.matter)
          parties.add({
            matterId: caseId(p.matter),
            role: p.role,
            personId: person.id,
            familyOf: null,
            relationship: '',
          });
        step();
        return person.id;
      });
      for (const fact of plan.facts) {
        incidents.create(caseId(fact.matter), {
          ...fact.fields,
          personIds: [...new Set(fact.people.map((l) => ('file' in l ? personIds[l.file]! : l.vault)))],
        });
        step();
      }
      audit.append({
        action: 'import',
        details: { cases: created.length, people: personIds.length, facts: plan.facts.length, refused },
      });
      return { cases: created, people: personIds.length, facts: plan.facts.length, refused };
    })();
  }

  cancel(operationId: string): void {
    this.runner.cancel(operationId);
  }

  abortAll(): void {
    this.runner.abortAll();
  }
}
