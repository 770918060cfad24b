// `amparo case add | list`.
import { AmparoError } from '../../../shared/errors';
import { DEFAULT_FORUM, type MatterSummary, type MatterType } from '../../../shared/schemas/matter';
import { withUnlockedVault } from '../core-client';
import { escapeForTerminal, toTerminalJson } from '../escape';
import { EXIT } from '../exit';
import { UsageError } from '../io';
import { flag, text, type Command } from './types';

const CASE_FIELDS = [
  'title',
  'type',
  'reference',
  'forum',
  'status',
  'opened',
  'summary',
  'classification',
  'state',
] as const;

/** Validation problems named as the user typed them (`type`, `opened`), not by the contract's field names. */
const OPTION_NAMES: Record<string, string> = { matterType: 'type', openedOn: 'opened' };
function withOptionNames(error: unknown): never {
  if (error instanceof AmparoError && error.issues)
    throw new AmparoError(error.code, error.message, {
      issues: error.issues.map((i) => ({ ...i, path: OPTION_NAMES[i.path] ?? i.path })),
    });
  throw error;
}

export const caseAdd: Command = {
  name: 'case add',
  usage: `case add <dir> --from-json -|FILE  Add a case; JSON fields: title, type (both required), reference,
                                     forum, status, opened (YYYY-MM-DD), summary, classification,
                                     state (ISO 3166-1 alpha-2 code of the State, default MX)
  case add <dir> --title T --type TYPE [--reference R] [--forum F] [--status S] [--opened YYYY-MM-DD]
                 [--summary TEXT] [--classification public|restricted|confidential] [--state CC]   (same fields as options)`,
  options: {
    'passphrase-stdin': { type: 'boolean' },
    'from-json': { type: 'string' },
    json: { type: 'boolean' },
    ...Object.fromEntries(CASE_FIELDS.map((name) => [name, { type: 'string' } as const])),
  },
  textFields: CASE_FIELDS,
  async run(ctx) {
    return withUnlockedVault(ctx, async (core) => {
      const values = await ctx.readFields();
      const title = text(values, 'title');
      const type = text(values, 'type');
      if (!title || !type)
        throw new UsageError('case add needs a title and a type (--title/--type or --from-json)');
      const matter = await core
        .call('matters:create', {
          title,
          matterType: type as MatterType,
          // An unknown type is reported as such, not also as a missing forum.
          forum: (text(values, 'forum') ??
            DEFAULT_FORUM[type as MatterType] ??
            'other') as MatterSummary['forum'],
          reference: text(values, 'reference') ?? '',
          status: (text(values, 'status') ?? 'draft') as MatterSummary['status'],
          openedOn: text(values, 'opened') ?? new Date().toISOString().slice(0, 10),
          summary: text(values, 'summary') ?? '',
          classification: (text(values, 'classification') ?? 'restricted') as MatterSummary['classification'],
          state: text(values, 'state'),
        })
        .catch(withOptionNames);
      ctx.out(flag(values, 'json') ? toTerminalJson(matter) : matter.id);
      return EXIT.ok;
    });
  },
};

export const caseList: Command = {
  name: 'case list',
  usage: `case list <dir> [--json] [--archived] [--from-json -|FILE (field: query) | --query TEXT]`,
  options: {
    'passphrase-stdin': { type: 'boolean' },
    'from-json': { type: 'string' },
    json: { type: 'boolean' },
    archived: { type: 'boolean' },
    query: { type: 'string' },
  },
  textFields: ['query'],
  async run(ctx) {
    return withUnlockedVault(ctx, async (core) => {
      const values = await ctx.readFields();
      const items: MatterSummary[] = [];
      let hidden: number | undefined;
      for (let offset = 0; ; offset += 500) {
        const page = await core.call('matters:list', {
          archived: flag(values, 'archived'),
          query: text(values, 'query') ?? '',
          limit: 500,
          offset,
        });
        items.push(...page.items);
        hidden = page.hiddenConfidential;
        if (items.length >= page.total || page.items.length === 0) break;
      }
      if (flag(values, 'json')) {
        ctx.out(toTerminalJson(items));
      } else {
        for (const m of items)
          ctx.out(
            [m.id, m.reference || '-', m.matterType, m.status, m.openedOn, m.title]
              .map(escapeForTerminal)
              .join('\t'),
          );
      }
      if (hidden) ctx.note(`amparo: note: ${hidden} confidential case(s) not shown`);
      return EXIT.ok;
    });
  },
};
