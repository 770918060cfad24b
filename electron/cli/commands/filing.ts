// `amparo filing draft | check | generate`. A draft is made pre-filled from the case file; `check` prints the
// completeness panel; `generate` refuses while the leak guard has unresolved hits, listing each by where it
// is and what kind of value it is — never the value — and ends with exit status 9.
import { AmparoError } from '../../../shared/errors';
import { FILING_KINDS, type FilingKind } from '../../../shared/schemas/filings';
import en from '../../../shared/i18n/en.json';
import es from '../../../shared/i18n/es.json';
import { withUnlockedVault, type CoreClient } from '../core-client';
import { escapeForTerminal as esc, toTerminalJson } from '../escape';
import { EXIT } from '../exit';
import { UsageError } from '../io';
import { outputRequest, refusedByLeakGuard } from './generate-to-file';
import { flag, text, type Command, type Values } from './types';

const CASE_AND_DRAFT = {
  'passphrase-stdin': { type: 'boolean' },
  case: { type: 'string' },
  draft: { type: 'string' },
  json: { type: 'boolean' },
} as const;

function lang(values: Values): 'es' | 'en' {
  const l = text(values, 'lang') ?? 'es';
  if (l !== 'es' && l !== 'en') throw new UsageError('--lang must be "es" or "en"');
  return l;
}

/** The draft, checked to belong to the case named (a draft id of another case is not found). */
async function draftOf(core: CoreClient, values: Values) {
  const ref = text(values, 'case');
  const id = text(values, 'draft');
  if (!ref || !id) throw new UsageError('Give --case REF and --draft ID');
  const matter = await core.call('matters:find', { ref });
  const filing = await core.call('filings:get', { id });
  if (filing.matterId !== matter.id) throw new AmparoError('NOT_FOUND', `No draft ${id} in case ${ref}`);
  return filing;
}

export const filingDraft: Command = {
  name: 'filing draft',
  usage: `filing draft <dir> --case REF --kind ${FILING_KINDS.join('|')} [--lang es|en] [--json]
                                     Create a draft pre-filled from the case file; prints its id`,
  options: {
    'passphrase-stdin': { type: 'boolean' },
    case: { type: 'string' },
    kind: { type: 'string' },
    lang: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(ctx) {
    const { values } = ctx;
    const ref = text(values, 'case');
    const kind = text(values, 'kind');
    if (!ref || !kind) throw new UsageError('filing draft needs --case and --kind');
    if (!(FILING_KINDS as readonly string[]).includes(kind))
      throw new UsageError(`--kind must be one of ${FILING_KINDS.join(', ')}`);
    const language = lang(values);
    return withUnlockedVault(ctx, async (core) => {
      const matter = await core.call('matters:find', { ref });
      const filing = await core.call('filings:create', {
        matterId: matter.id,
        kind: kind as FilingKind,
        lang: language,
      });
      ctx.out(flag(values, 'json') ? toTerminalJson(filing) : filing.id);
      return EXIT.ok;
    });
  },
};

export const filingCheck: Command = {
  name: 'filing check',
  usage: `filing check <dir> --case REF --draft ID [--json]
                                     The completeness panel: met / missing / weak per element, its source
                                     and the field that fixes it; exit status 5 when an element is missing`,
  options: CASE_AND_DRAFT,
  async run(ctx) {
    return withUnlockedVault(ctx, async (core) => {
      const filing = await draftOf(core, ctx.values);
      const report = await core.call('filings:check', { id: filing.id });
      const words = filing.lang === 'es' ? es : en;
      if (flag(ctx.values, 'json')) ctx.out(toTerminalJson(report));
      else {
        for (const e of report.elements) {
          const why = e.reason
            ? (
                (words.filingCheck as Record<string, string>)[e.reason.replace(/^filingCheck\./, '')] ??
                e.reason
              ).replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(e.detail?.[k] ?? k))
            : '';
          ctx.out([e.state, esc(e.element[filing.lang]), esc(e.source), e.path, esc(why)].join('\t'));
        }
        if (report.timeliness)
          ctx.out(['timeliness', report.timeliness.state, report.timeliness.dueDate].join('\t'));
        ctx.note(`amparo: ${report.met} met, ${report.weak} weak, ${report.missing} missing`);
      }
      return report.missing ? EXIT.checkFailed : EXIT.ok;
    });
  },
};

export const filingGenerate: Command = {
  name: 'filing generate',
  usage: `filing generate <dir> --case REF --draft ID --profile NAME --format pdf|docx --out FILE
               [--overwrite] [--keep] [--chart] [--json]
                                     Generate the document under a redaction profile (commission, state,
                                     co_counsel, public or a profile's name); --keep also keeps it in the
                                     case as a "filed version". Refused (exit 9) while the leak guard finds
                                     protected values: each listed by place and kind, never the value`,
  options: {
    ...CASE_AND_DRAFT,
    profile: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    overwrite: { type: 'boolean' },
    keep: { type: 'boolean' },
    chart: { type: 'boolean' },
  },
  async run(ctx) {
    const { values } = ctx;
    const request = outputRequest(values, 'filing generate needs --profile and --out FILE');
    return withUnlockedVault(ctx, async (core) => {
      const filing = await draftOf(core, values);
      return refusedByLeakGuard(ctx, async () => {
        const result = await core.call('filings:generate', {
          filingId: filing.id,
          ...request,
          keepInCase: flag(values, 'keep'),
          includeChart: flag(values, 'chart'),
        });
        if (flag(values, 'json')) ctx.out(toTerminalJson(result.generation));
        else
          ctx.out(
            [
              result.generation.sha256,
              result.generation.size,
              esc(result.path ?? ''),
              result.generation.evidenceId ?? '-',
            ].join('\t'),
          );
        return EXIT.ok;
      });
    });
  },
};
