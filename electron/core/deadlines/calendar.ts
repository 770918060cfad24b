// Which days a forum does not work: its weekend, its country's holidays from the date-holidays library
// (only the types the rule names, e.g. "public", never "observance" such as Valentine's Day), the rule's and
// the vault's extra closures, and recess periods. Every answer carries its reason, for the basis.
import Holidays from 'date-holidays';
import { Temporal } from 'temporal-polyfill';
import type { DeadlineRule, LocalizedText, RecessPeriod, SkipReason } from '../../../shared/schemas/deadline';

export interface NonWorking {
  reason: SkipReason;
  name?: LocalizedText;
}

export interface ForumCalendar {
  /** Why the day is not a working day, or undefined when it is one. */
  nonWorking(date: Temporal.PlainDate): NonWorking | undefined;
  /** The recess period holding the day, if any (whatever the rule does with recesses). */
  recessOn(date: Temporal.PlainDate): RecessPeriod | undefined;
}

type HolidayKey = string;
const holidayCache = new Map<HolidayKey, Map<string, LocalizedText>>();

/** The library's holidays of one year, by YYYY-MM-DD, with their names in English and Spanish. */
function holidaysOf(spec: NonNullable<DeadlineRule['calendar']['holidays']>, year: number) {
  const key = `${spec.country}/${spec.state ?? ''}/${[...spec.types].sort().join(',')}/${year}`;
  let byDate = holidayCache.get(key);
  if (!byDate) {
    byDate = new Map();
    const hd = spec.state ? new Holidays(spec.country, spec.state) : new Holidays(spec.country);
    const types = new Set<string>(spec.types);
    const english = hd.getHolidays(year, 'en').filter((h) => types.has(h.type));
    const spanish = new Map(
      hd
        .getHolidays(year, 'es')
        .filter((h) => types.has(h.type))
        .map((h) => [`${h.date.slice(0, 10)}/${h.rule}`, h.name]),
    );
    for (const h of english) {
      const date = h.date.slice(0, 10);
      const es = spanish.get(`${date}/${h.rule}`) ?? h.name;
      const prior = byDate.get(date);
      byDate.set(
        date,
        prior ? { en: `${prior.en}; ${h.name}`, es: `${prior.es}; ${es}` } : { en: h.name, es },
      );
    }
    holidayCache.set(key, byDate);
  }
  return byDate;
}

/** Whether date-holidays knows the country (and state) a rule names. */
export function holidayCalendarExists(country: string, state?: string): boolean {
  const hd = new Holidays();
  const countries = hd.getCountries() ?? {};
  if (!(country in countries)) return false;
  if (!state) return true;
  return state in (hd.getStates(country) ?? {});
}

export function forumCalendar(
  rule: DeadlineRule,
  extra: { closures?: { date: string; name: LocalizedText }[]; recess?: RecessPeriod[] } = {},
): ForumCalendar {
  const weekend = new Set(rule.calendar.weekend);
  const closures = new Map<string, LocalizedText>();
  const annual: { monthDay: string; since?: number; name: LocalizedText }[] = [];
  for (const c of rule.calendar.extra) {
    if (c.date.length === 5) annual.push({ monthDay: c.date, since: c.since, name: c.name });
    else closures.set(c.date, c.name);
  }
  for (const c of extra.closures ?? []) closures.set(c.date, c.name);
  const recess = [...rule.recess.periods, ...(extra.recess ?? [])];

  const recessOn = (date: Temporal.PlainDate) => {
    const iso = date.toString();
    return recess.find((r) => r.from <= iso && iso <= r.to);
  };

  return {
    recessOn,
    nonWorking(date) {
      const iso = date.toString();
      const closed = closures.get(iso);
      if (closed) return { reason: 'closure', name: closed };
      const monthDay = iso.slice(5);
      const yearly = annual.find(
        (a) => a.monthDay === monthDay && (a.since === undefined || date.year >= a.since),
      );
      if (yearly) return { reason: 'holiday', name: yearly.name };
      if (rule.calendar.holidays) {
        const holiday = holidaysOf(rule.calendar.holidays, date.year).get(iso);
        if (holiday) return { reason: 'holiday', name: holiday };
      }
      if (weekend.has(date.dayOfWeek)) return { reason: 'weekend' };
      if (rule.recess.handling === 'non-working') {
        const period = recessOn(date);
        if (period) return period.name ? { reason: 'recess', name: period.name } : { reason: 'recess' };
      }
      return undefined;
    },
  };
}
