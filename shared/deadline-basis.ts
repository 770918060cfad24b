// The calculation basis in words, from the i18n block `deadline.basis` (the app's i18next reads the same
// keys and the same parameters): each step becomes one sentence a lawyer can check against a calendar.
import en from './i18n/en.json';
import es from './i18n/es.json';
import type { BasisStep, ComputeResult } from './schemas/deadline';

export type Lang = 'en' | 'es';

type Messages = Record<string, unknown>;
const CATALOGUES: Record<Lang, Messages> = { en: en.deadline, es: es.deadline };

/** A key under `deadline.` with {{name}} parameters; `count` picks the _one/_other form, as in i18next. */
export function translate(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const plural = typeof params.count === 'number' ? `${key}_${params.count === 1 ? 'one' : 'other'}` : key;
  const text = lookup(CATALOGUES[lang], plural) ?? lookup(CATALOGUES[lang], key) ?? `deadline.${key}`;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? `{{${name}}}`));
}

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) node = (node as Messages | undefined)?.[part];
  return typeof node === 'string' ? node : undefined;
}

/** "Saturday 14 March 2026" / "sábado 14 de marzo de 2026": the weekday is what a lawyer checks first. */
export function formatDate(iso: string, lang: Lang): string {
  const parts = new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return lang === 'es'
    ? `${part('weekday')} ${part('day')} de ${part('month')} de ${part('year')}`
    : `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

const SKIP_KEYS = {
  weekend: 'skipWeekend',
  holiday: 'skipHoliday',
  closure: 'skipClosure',
  recess: 'skipRecess',
};

/** The i18n key (under `deadline.basis.`) and the parameters of one step, already formatted for `lang`. */
export function stepMessage(
  step: BasisStep,
  lang: Lang,
): { key: string; params: Record<string, string | number> } {
  const d = (iso: string) => formatDate(iso, lang);
  const back = (direction: string) => (direction === 'backward' ? 'Backward' : '');
  switch (step.step) {
    case 'rule':
      return {
        key: step.url ? 'ruleUrl' : 'rule',
        params: {
          name: step.name[lang],
          version: step.version,
          source: step.source[lang],
          url: step.url ?? '',
        },
      };
    case 'verify':
      return step.note
        ? { key: 'verifyNote', params: { note: step.note[lang] } }
        : { key: 'verify', params: {} };
    case 'manual':
      return { key: 'manual', params: { date: d(step.date) } };
    case 'triggerShift':
      return {
        key: 'triggerShift',
        params: {
          givenDate: d(step.given),
          givenTime: step.given.slice(11, 16),
          givenZone: step.givenZone,
          localDate: d(step.local),
          localTime: step.local.slice(11, 16),
          zone: step.zone,
        },
      };
    case 'trigger':
      return {
        key: 'trigger',
        params: { kind: translate(lang, `trigger.${step.kind}`), date: d(step.date) },
      };
    case 'skip':
      return { key: SKIP_KEYS[step.reason], params: { date: d(step.date), name: step.name?.[lang] ?? '' } };
    case 'skipRange':
      return { key: 'skipRangeRecess', params: { from: d(step.from), to: d(step.to) } };
    case 'countStart': {
      const start = step.start === 'next-day' ? 'countStartNextDay' : 'countStartNextWorkingDay';
      return { key: `${start}${back(step.direction)}`, params: { date: d(step.date) } };
    }
    case 'count': {
      const base = step.unit === 'calendar-days' ? 'countCalendar' : 'countWorking';
      return {
        key: `${base}${back(step.direction)}`,
        params: { count: step.amount, first: d(step.first), last: d(step.last) },
      };
    }
    case 'months': {
      const base = step.constrainedFrom === undefined ? 'months' : 'monthsConstrained';
      return {
        key: `${base}${back(step.direction)}`,
        params: {
          count: step.amount,
          anchor: d(step.anchor),
          result: d(step.result),
          day: step.constrainedFrom ?? '',
        },
      };
    }
    case 'fixedDate':
      return { key: 'fixedDate', params: { date: d(step.date) } };
    case 'roll':
      return {
        key: step.direction === 'next-working-day' ? 'rollNext' : 'rollPrevious',
        params: { from: d(step.from), to: d(step.to) },
      };
    case 'recessExtension':
      return {
        key: 'recessExtension',
        params: {
          from: d(step.from),
          recessFrom: d(step.recessFrom),
          recessTo: d(step.recessTo),
          to: d(step.to),
        },
      };
    case 'recessIgnored':
      return {
        key: 'recessIgnored',
        params: { date: d(step.date), recessFrom: d(step.recessFrom), recessTo: d(step.recessTo) },
      };
    case 'expires':
      return { key: 'expires', params: { date: d(step.date), endTime: step.endTime, zone: step.zone } };
    case 'userZone': {
      const [date, time] = step.dateTime.split('T');
      return { key: 'userZone', params: { zone: step.zone, date: d(date!), time: time! } };
    }
    case 'extension':
      return { key: 'extension', params: { from: d(step.from) } };
    case 'recurrence':
      return {
        key: 'recurrence',
        params: {
          amount: step.every.amount,
          unit: translate(lang, `unit.${step.every.unit}`),
          from: d(step.from),
        },
      };
  }
}

export function renderStep(step: BasisStep, lang: Lang): string {
  const { key, params } = stepMessage(step, lang);
  return translate(lang, `basis.${key}`, params);
}

/** The whole basis, one sentence per step, in order. */
export function renderBasis(result: Pick<ComputeResult, 'basis'>, lang: Lang): string[] {
  return result.basis.map((step) => renderStep(step, lang));
}
