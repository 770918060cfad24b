// `amparo deadline rules | compute`: the deadline calculator, which needs no vault. It prints the due date,
// the end time with its zone and the calculation basis in English or Spanish, from the same engine and the
// same i18n keys as the app.
import { readFile } from 'node:fs/promises';
import { AmparoError } from '../../../shared/errors';
import type { DeadlineRule } from '../../../shared/schemas/deadline';
import {
  computeDeadline,
  formatDate,
  parseRule,
  presetRules,
  renderBasis,
  translate,
  type Lang,
} from '../../core/deadlines';
import { escapeForTerminal as esc, toTerminalJson } from '../escape';
import { EXIT } from '../exit';
import { UsageError } from '../io';
import { flag, text, type Command, type Values } from './types';

function language(values: Values): Lang {
  const lang = text(values, 'lang') ?? 'en';
  if (lang !== 'en' && lang !== 'es') throw new UsageError('--lang must be "en" or "es"');
  return lang;
}

/** Validation messages that are `deadline.error.*` keys, in the chosen language. */
function translated(error: unknown, lang: Lang): unknown {
  if (!(error instanceof AmparoError) || !error.issues) return error;
  const issues = error.issues.map((issue) => ({
    ...issue,
    message: issue.message.startsWith('deadline.')
      ? translate(lang, issue.message.slice('deadline.'.length))
      : issue.message,
  }));
  return new AmparoError(error.code, error.message, { issues });
}

export const deadlineRules: Command = {
  name: 'deadline rules',
  usage: `deadline rules [--json] [--lang es|en]
                                     List the deadline counting rules (no vault needed)`,
  options: { json: { type: 'boolean' }, lang: { type: 'string' } },
  vault: false,
  async run({ values, out }) {
    const lang = language(values);
    const rules = [...presetRules().values()];
    if (flag(values, 'json')) {
      out(
        toTerminalJson(
          rules.map((r) => ({
            id: r.id,
            version: r.version,
            name: r.name,
            source: r.source.citation,
            verify: r.verify,
            zone: r.zone,
            defaultPeriod: r.period.default ?? null,
          })),
        ),
      );
    } else {
      for (const r of rules)
        out(
          [
            r.id,
            esc(r.name[lang]),
            esc(r.source.citation[lang]),
            r.verify ? translate(lang, 'cli.verify') : '-',
          ].join('\t'),
        );
    }
    return EXIT.ok;
  },
};

const PERIOD_OPTIONS = ['days', 'working-days', 'months', 'until'] as const;

function period(values: Values) {
  const given = PERIOD_OPTIONS.filter((name) => text(values, name) !== undefined);
  if (given.length > 1) throw new UsageError('Give only one of --days, --working-days, --months, --until');
  const name = given[0];
  if (name === undefined) return undefined;
  const value = text(values, name)!;
  if (name === 'until') return { unit: 'date' as const, date: value };
  // Not a whole number: passed as NaN so the schema reports it like any other bad period.
  const amount = /^[+-]?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  return { unit: name, amount };
}

function list(values: Values, name: string): string[] {
  return (text(values, name) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

async function rulesWith(
  file: string | undefined,
): Promise<{ rules: ReadonlyMap<string, DeadlineRule>; id?: string }> {
  if (!file) return { rules: presetRules() };
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new AmparoError('VALIDATION_FAILED', `--rule-file: ${(error as Error).message}`);
  }
  const rule = parseRule(data);
  return { rules: new Map([...presetRules(), [rule.id, rule]]), id: rule.id };
}

export const deadlineCompute: Command = {
  name: 'deadline compute',
  usage: `deadline compute --rule ID --from YYYY-MM-DD [--time HH:MM [--zone ZONE]]
      (--days N | --working-days N | --months N | --until YYYY-MM-DD) [--user-zone ZONE]
      [--closed DATE,…] [--recess FROM..TO,…] [--rule-file FILE] [--lang es|en] [--json]
                                     Compute a deadline and its basis (no vault needed)`,
  options: {
    rule: { type: 'string' },
    'rule-file': { type: 'string' },
    from: { type: 'string' },
    time: { type: 'string' },
    zone: { type: 'string' },
    days: { type: 'string' },
    'working-days': { type: 'string' },
    months: { type: 'string' },
    until: { type: 'string' },
    'user-zone': { type: 'string' },
    closed: { type: 'string' },
    recess: { type: 'string' },
    lang: { type: 'string' },
    json: { type: 'boolean' },
  },
  vault: false,
  async run({ values, out }) {
    const lang = language(values);
    const from = text(values, 'from');
    if (!from) throw new UsageError('deadline compute needs --from YYYY-MM-DD');
    try {
      const { rules, id } = await rulesWith(text(values, 'rule-file'));
      const ruleId = text(values, 'rule') ?? id;
      if (!ruleId) throw new UsageError('deadline compute needs --rule ID (see `amparo deadline rules`)');
      const time = text(values, 'time');
      const zone = text(values, 'zone');
      const closedName = { en: translate('en', 'cli.closedName'), es: translate('es', 'cli.closedName') };
      const recess = list(values, 'recess').map((range) => {
        const [start, end] = range.split('..');
        return { from: start ?? '', to: end ?? start ?? '' };
      });
      const result = computeDeadline(
        {
          ruleId,
          trigger: { date: from, ...(time ? { time } : {}), ...(zone ? { zone } : {}) },
          ...(period(values) ? { period: period(values) } : {}),
          closures: list(values, 'closed').map((date) => ({ date, name: closedName })),
          recess,
          userZone: text(values, 'user-zone') ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
        },
        rules,
      );
      const basis = renderBasis(result, lang);
      if (flag(values, 'json')) {
        out(toTerminalJson({ ...result, basisText: basis }));
        return EXIT.ok;
      }
      const at = translate(lang, 'cli.at');
      out(
        `${translate(lang, 'cli.due')}: ${formatDate(result.due.date, lang)} ${at} ${result.due.endTime} (${result.due.zone})`,
      );
      if (result.inUserZone)
        out(
          `${translate(lang, 'cli.inYourZone')}: ${formatDate(result.inUserZone.date, lang)} ${at} ${result.inUserZone.time} (${result.inUserZone.zone})`,
        );
      out(`${translate(lang, 'cli.basis')}:`);
      basis.forEach((line, index) => out(`  ${index + 1}. ${esc(line)}`));
      return EXIT.ok;
    } catch (error) {
      throw translated(error, lang);
    }
  },
};
