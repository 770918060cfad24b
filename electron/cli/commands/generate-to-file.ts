// The generate-to-file step that `filing generate` and `hearing binder` share: the profile, format and output
// options, and the leak guard's refusal, listed by place and kind (never the value) with exit status 9.
import { resolve } from 'node:path';
import { AmparoError, type LeakHitSummary } from '../../../shared/errors';
import en from '../../../shared/i18n/en.json';
import { escapeForTerminal as esc } from '../escape';
import { EXIT } from '../exit';
import { UsageError } from '../io';
import { sentenceFor } from '../messages';
import { flag, text, type Command, type Values } from './types';

/** `where: answers.urgency  A.L.Q.: legal name` — the place and the kind of value, never the value. */
export function leakLine(hit: LeakHitSummary): string {
  const where = hit.where.sectionKey
    ? `section ${hit.where.sectionKey}${hit.where.block === null ? '' : `, block ${hit.where.block + 1}`} (${hit.where.path})`
    : hit.where.path;
  const kind = (en.filingValueKind as Record<string, string>)[hit.valueKind] ?? hit.valueKind;
  return `  ${esc(where)}  ${esc(hit.pseudonym)}: ${kind}  [${hit.id}]`;
}

/** --profile, --format and --out checked; `missing` is the usage line when --profile or --out is absent. */
export function outputRequest(values: Values, missing: string, defaultFormat?: 'pdf') {
  const profile = text(values, 'profile');
  const format = text(values, 'format') ?? defaultFormat;
  const out = text(values, 'out');
  if (!profile || !out) throw new UsageError(missing);
  if (format !== 'pdf' && format !== 'docx') throw new UsageError('--format must be "pdf" or "docx"');
  return { profile, format, outPath: resolve(out), overwrite: flag(values, 'overwrite') } as const;
}

/** Runs the generation; a leak-guard refusal is reported on stderr and ends with exit status 9. */
export async function refusedByLeakGuard(
  ctx: Pick<Parameters<Command['run']>[0], 'note'>,
  generate: () => Promise<number>,
): Promise<number> {
  try {
    return await generate();
  } catch (error) {
    if (!(error instanceof AmparoError) || error.code !== 'LEAK_GUARD') throw error;
    const hits = error.leakHits ?? [];
    ctx.note(`amparo: LEAK_GUARD: ${hits.length} protected value(s) found; nothing was written`);
    for (const hit of hits) ctx.note(leakLine(hit));
    ctx.note(sentenceFor('LEAK_GUARD') ?? '');
    return EXIT.leakGuard;
  }
}
