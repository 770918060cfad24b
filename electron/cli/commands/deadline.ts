// `amparo deadline rules | compute`: the deadline calculator, which needs no vault. It prints the due date,
// the end time with its zone and the calculation basis in English or Spanish, from the same engine and the
// same i18n keys as the app.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
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
import { deadlinesText } from '../../core/deadlines/texts';
import { withUnlockedVault, type CoreClient } from '../core-client';
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
      : issue.message.startsWith('deadlines.')
        ? deadlinesText(lang, issue.message.slice('deadlines.'.length))
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

// follow-up: stored deadlines — `amparo deadline list | ics | add` on a vault.

async function caseId(core: CoreClient, ref: string | undefined): Promise<string | undefined> {
  if (ref === undefined) return undefined;
  return (await core.call('matters:find', { ref })).id;
}

function wholeNumber(value: string): number {
  return /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
}

export const deadlineList: Command = {
  name: 'deadline list',
  usage: `deadline list <dir> [--case REF] [--due-within DAYS] [--overdue] [--status open|fulfilled|waived|all]
      [--lang es|en] [--json]          List stored deadlines by due moment (confidential cases by reference)`,
  options: {
    'passphrase-stdin': { type: 'boolean' },
    case: { type: 'string' },
    'due-within': { type: 'string' },
    overdue: { type: 'boolean' },
    status: { type: 'string' },
    lang: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(ctx) {
    const { values } = ctx;
    const lang = language(values);
    const within = text(values, 'due-within');
    const days = within === undefined ? undefined : wholeNumber(within);
    if (days !== undefined && Number.isNaN(days))
      throw new UsageError('--due-within must be a whole number of days');
    return withUnlockedVault(ctx, async (core) => {
      const matterId = await caseId(core, text(values, 'case'));
      const { items, hiddenConfidential } = await core.call('deadlines:list', {
        ...(matterId ? { matterId } : {}),
        ...(days !== undefined ? { dueWithinDays: days } : {}),
        ...(flag(values, 'overdue') ? { overdue: true } : {}),
        status: (text(values, 'status') ?? 'all') as 'all',
      });
      if (flag(values, 'json')) {
        // Only what a list needs; no notes, and a withheld title stays empty.
        ctx.out(
          toTerminalJson(
            items.map((d) => ({
              id: d.id,
              matterId: d.matterId,
              reference: d.matterReference,
              title: d.withheld ? null : d.title,
              kind: d.kind,
              status: d.status,
              timeStatus: d.timeStatus,
              due: d.due,
              inUserZone: d.inUserZone,
              ruleId: d.ruleId,
              verify: d.verify,
            })),
          ),
        );
        return EXIT.ok;
      }
      if (items.length === 0) ctx.note(deadlinesText(lang, 'cli.none'));
      for (const d of items)
        ctx.out(
          [
            d.id,
            esc(d.matterReference || '-'),
            `${d.due.date} ${d.due.endTime} ${d.due.zone}`,
            d.status === 'open' ? d.timeStatus : d.status,
            d.verify ? translate(lang, 'cli.verify') : '-',
            esc(d.withheld ? deadlinesText(lang, 'cli.withheld') : d.title),
          ].join('\t'),
        );
      if (hiddenConfidential)
        ctx.note(
          `amparo: note: ${hiddenConfidential} deadline(s) of confidential cases shown by reference only`,
        );
      return EXIT.ok;
    });
  },
};

export const deadlineIcs: Command = {
  name: 'deadline ics',
  usage: `deadline ics <dir> --out FILE [--all] [--lang es|en]
                                     Write the open deadlines (or --all) to an .ics calendar file`,
  options: {
    'passphrase-stdin': { type: 'boolean' },
    out: { type: 'string' },
    all: { type: 'boolean' },
    lang: { type: 'string' },
  },
  async run(ctx) {
    const { values } = ctx;
    const lang = language(values);
    const out = text(values, 'out');
    if (!out) throw new UsageError('deadline ics needs --out FILE');
    return withUnlockedVault(
      ctx,
      async (core) => {
        const result = await core.call('deadlines:exportIcs', {
          include: flag(values, 'all') ? 'all' : 'open',
          lang,
        });
        ctx.note(deadlinesText(lang, 'exported', { count: result.events }));
        ctx.out(esc(result.path ?? ''));
        return EXIT.ok;
      },
      resolve(out),
    );
  },
};

const ADD_FIELDS = [
  'title',
  'kind',
  'notes',
  'rule',
  'from',
  'time',
  'zone',
  'days',
  'working-days',
  'months',
  'until',
  'due',
  'end-time',
  'communication',
] as const;

export const deadlineAdd: Command = {
  name: 'deadline add',
  usage: `deadline add <dir> --case REF --from-json -|FILE
                                     Add a deadline; JSON fields (strings): title (required), kind, notes, and
                                     either rule, from (YYYY-MM-DD), time, zone and one of days, working-days,
                                     months, until; or due (YYYY-MM-DD), end-time (HH:MM) and zone (by hand)`,
  options: {
    'passphrase-stdin': { type: 'boolean' },
    'from-json': { type: 'string' },
    case: { type: 'string' },
    json: { type: 'boolean' },
    lang: { type: 'string' },
    ...Object.fromEntries(ADD_FIELDS.map((name) => [name, { type: 'string' } as const])),
  },
  textFields: ADD_FIELDS,
  async run(ctx) {
    const lang = language(ctx.values);
    const ref = text(ctx.values, 'case');
    if (!ref) throw new UsageError('deadline add needs --case REF');
    return withUnlockedVault(ctx, async (core) => {
      const values = await ctx.readFields();
      const title = text(values, 'title');
      if (!title) throw new UsageError('deadline add needs a title (in --from-json)');
      const matterId = (await caseId(core, ref))!;
      const due = text(values, 'due');
      const rule = text(values, 'rule');
      if (Boolean(due) === Boolean(rule))
        throw new UsageError(
          'deadline add needs either "rule" with "from" and a period, or "due" (a date by hand)',
        );
      const zone = text(values, 'zone');
      const time = text(values, 'time');
      const date = due
        ? {
            mode: 'manual' as const,
            date: due,
            endTime: text(values, 'end-time') ?? '24:00',
            zone: zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
          }
        : {
            mode: 'rule' as const,
            ruleId: rule!,
            trigger: {
              date: text(values, 'from') ?? '',
              ...(time ? { time } : {}),
              ...(time && zone ? { zone } : {}),
            },
            ...(period(values) ? { period: period(values) } : {}),
          };
      try {
        const created = await core.call('deadlines:create', {
          matterId,
          title,
          kind: (text(values, 'kind') ?? 'response') as 'response',
          notes: text(values, 'notes') ?? '',
          communicationId: text(values, 'communication') ?? null,
          recurrence: null,
          date: date as never,
        });
        if (flag(values, 'json'))
          ctx.out(toTerminalJson({ ...created, basisText: renderBasis(created, lang) }));
        else {
          ctx.out(created.id);
          const at = translate(lang, 'cli.at');
          ctx.note(
            `${translate(lang, 'cli.due')}: ${formatDate(created.due.date, lang)} ${at} ${created.due.endTime} (${created.due.zone})`,
          );
        }
        return EXIT.ok;
      } catch (error) {
        throw translated(error, lang);
      }
    });
  },
};
