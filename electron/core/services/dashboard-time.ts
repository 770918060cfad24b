// The user's calendar for the dashboard: today, where this week and this month end, in the user's own
// zone and with the week starting where the UI locale starts it. Boundaries are instants at second
// precision, the way deadlines store theirs, so SQL compares them as text.
import { Temporal } from 'temporal-polyfill';

export interface ViewerClock {
  now: Date;
  zone: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekStartsOn: number;
}

export function systemZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Midnight at the start of a day in a zone, as stored instants read (…T06:00:00Z). */
export function startOfDay(date: Temporal.PlainDate, zone: string): string {
  return date.toZonedDateTime({ timeZone: zone }).toInstant().toString({ smallestUnit: 'second' });
}

export function instantKey(now: Date): string {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime()).toString({
    smallestUnit: 'second',
    roundingMode: 'floor',
  });
}

export interface Boundaries {
  today: Temporal.PlainDate;
  now: string;
  weekStart: Temporal.PlainDate;
  /** First day of next week / next month; a limit ending at 24:00 of the day before still belongs before. */
  nextWeek: Temporal.PlainDate;
  nextMonth: Temporal.PlainDate;
}

export function boundaries({ now, zone, weekStartsOn }: ViewerClock): Boundaries {
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(zone).toPlainDate();
  const back = ((today.dayOfWeek % 7) - weekStartsOn + 7) % 7;
  const weekStart = today.subtract({ days: back });
  return {
    today,
    now: instantKey(now),
    weekStart,
    nextWeek: weekStart.add({ days: 7 }),
    nextMonth: today.with({ day: 1 }).add({ months: 1 }),
  };
}

const clocks = new Map<string, Intl.DateTimeFormat>();
/** Limits cluster on a few instants (24:00 in the forum's zone): each reading is kept, up to a bound. */
const readings = new Map<string, { date: string; time: string }>();

/** Wall-clock date and time of an epoch moment in a zone (Intl, cached per zone: dashboards read hundreds). */
function wallClock(ms: number, zone: string): { date: string; time: string } {
  let format = clocks.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clocks.set(zone, format);
  }
  const parts: Record<string, string> = {};
  for (const p of format.formatToParts(ms)) parts[p.type] = p.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The due moment as the user's clock reads it, when that differs (midnight reads as 24:00 the day before). */
export function inUserZone(
  due: { date: string; endTime: string; zone: string; instant: string },
  userZone: string,
): { zone: string; date: string; time: string } | undefined {
  if (userZone === due.zone) return undefined;
  const key = `${userZone} ${due.instant}`;
  let clock = readings.get(key);
  if (!clock) {
    const ms = Date.parse(due.instant);
    clock = wallClock(ms, userZone);
    if (clock.time === '00:00') clock = { date: wallClock(ms - 60_000, userZone).date, time: '24:00' };
    if (readings.size >= 20_000) readings.clear();
    readings.set(key, clock);
  }
  if (clock.date === due.date && clock.time === due.endTime) return undefined;
  return { zone: userZone, ...clock };
}
