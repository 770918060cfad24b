// `amparo import <dir> FILE --mapping FILE [--dry-run] [--accept-refused] [--json]`: the batch path for a
// team's spreadsheet (one key derivation for the whole file, one transaction). The mapping is a JSON file
// (which column feeds which field); without it the guessed mapping is used and printed, to save and edit.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import en from '../../../shared/i18n/en.json';
import { ImportMapping, type ImportReport, type RowRefusal } from '../../../shared/schemas/import';
import { withUnlockedVault } from '../core-client';
import { escapeForTerminal as esc, toTerminalJson } from '../escape';
import { EXIT } from '../exit';
import { UsageError } from '../io';
import { flag, text, type Command } from './types';

const messages = en.import as unknown as {
  field: Record<string, string>;
  reason: Record<string, string>;
};

/** One refusal in the app's English sentences: `casos row 3: Opening date: “31/02/2023” is not a real date…`. */
export function describeRefusal(refusal: RowRefusal): string {
  const reasons = refusal.problems.map((p) => {
    const key = p.value === null && p.code === 'impossibleDate' ? 'impossibleDateHidden' : p.code;
    const template = messages.reason[key] ?? p.code;
    return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      if (name === 'field') return messages.field[p.field] ?? p.field;
      if (name === 'value') return p.value ?? '';
      if (name === 'row') return String(p.otherRow ?? '');
      if (name === 'max') return String(p.max ?? '');
      return name;
    });
  });
  return esc(`${refusal.table} row ${refusal.row} (${refusal.label}): ${reasons.join('; ')}`);
}

function summary(report: ImportReport): string {
  const { cases, people, facts } = report.counts;
  return `cases ${cases.accepted} accepted, ${cases.refused} refused; people ${people.accepted} accepted, ${people.refused} refused; facts ${facts.accepted} accepted, ${facts.refused} refused`;
}

async function readMapping(path: string): Promise<ImportMapping> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--mapping ${path}: not a readable JSON file (${(error as Error).message})`);
  }
  const parsed = ImportMapping.safeParse(raw);
  if (!parsed.success)
    throw new UsageError(`--mapping ${path}: expected {"tables": [{"table", "kind", "columns"}]}`);
  return parsed.data;
}

export const importSpreadsheet: Command = {
  name: 'import',
  usage: `import <dir> FILE [--mapping FILE] [--dry-run] [--accept-refused] [--json]
                                     Import cases, people and facts from a CSV or XLSX file in one
                                     transaction; --dry-run lists every row that would be refused and why`,
  options: {
    'passphrase-stdin': { type: 'boolean' },
    json: { type: 'boolean' },
    mapping: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'accept-refused': { type: 'boolean' },
  },
  args: 'paths',
  async run(ctx) {
    if (ctx.args.length !== 1) throw new UsageError('import needs exactly one spreadsheet file');
    const path = resolve(ctx.args[0]!);
    const mappingPath = text(ctx.values, 'mapping');
    const given = mappingPath ? await readMapping(resolve(mappingPath)) : undefined;
    const json = flag(ctx.values, 'json');
    return withUnlockedVault(ctx, async (core) => {
      const preview = await core.call('import:preview', { path, ...(given ? { mapping: given } : {}) });
      const mapping = { tables: preview.tables.map((t) => t.mapping) };
      if (!given) {
        ctx.note('amparo: no --mapping given; using this guessed mapping (save it to a file to edit it):');
        ctx.note(toTerminalJson(mapping));
      }
      const report = await core.call('import:dryRun', { path, mapping });
      if (flag(ctx.values, 'dry-run')) {
        if (json) ctx.out(toTerminalJson(report));
        else for (const refusal of report.refusals) ctx.out(describeRefusal(refusal));
        ctx.note(summary(report));
        return report.refusals.length > 0 ? EXIT.checkFailed : EXIT.ok;
      }
      if (report.refusals.length > 0 && !flag(ctx.values, 'accept-refused')) {
        for (const refusal of report.refusals) ctx.note(describeRefusal(refusal));
        ctx.note(summary(report));
        ctx.note('amparo: nothing imported; fix the file or the mapping, or pass --accept-refused');
        return EXIT.checkFailed;
      }
      const operationId = randomUUID();
      const onInterrupt = () => void core.call('import:cancel', { operationId }).catch(() => undefined);
      process.once('SIGINT', onInterrupt);
      try {
        const result = await core.call('import:run', {
          path,
          mapping,
          operationId,
          acceptRefusals: flag(ctx.values, 'accept-refused'),
          expectedSha256: report.sha256,
        });
        if (json) ctx.out(toTerminalJson(result));
        else for (const c of result.cases) ctx.out(esc(`${c.id}  ${c.reference}  ${c.title}`));
        ctx.note(
          `${result.cases.length} cases, ${result.people} people, ${result.facts} facts imported; ${result.refused} rows refused`,
        );
        return EXIT.ok;
      } finally {
        process.removeListener('SIGINT', onInterrupt);
      }
    });
  },
};
