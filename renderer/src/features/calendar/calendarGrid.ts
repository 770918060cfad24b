// The days a month or week view shows, as YYYY-MM-DD (dayjs on plain dates: no time of day involved).
import dayjs from 'dayjs';

export type CalendarView = 'month' | 'week';

const ISO = 'YYYY-MM-DD';

export function addDays(date: string, days: number): string {
  return dayjs(date, ISO).add(days, 'day').format(ISO);
}

export function addMonths(date: string, months: number): string {
  return dayjs(date, ISO).add(months, 'month').format(ISO);
}

export function startOfWeek(date: string, weekStartsOn: number): string {
  const d = dayjs(date, ISO);
  return d.subtract((d.day() - weekStartsOn + 7) % 7, 'day').format(ISO);
}

/** Whole weeks: the month's weeks (4 to 6 rows), or the one week holding `cursor`. */
export function visibleWeeks(cursor: string, view: CalendarView, weekStartsOn: number): string[][] {
  const first =
    view === 'month'
      ? startOfWeek(dayjs(cursor, ISO).startOf('month').format(ISO), weekStartsOn)
      : startOfWeek(cursor, weekStartsOn);
  const last = view === 'month' ? dayjs(cursor, ISO).endOf('month').format(ISO) : addDays(first, 6);
  const weeks: string[][] = [];
  for (let start = first; start <= last; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)));
  }
  return weeks;
}

export function today(): string {
  return dayjs().format(ISO);
}

export const sameMonth = (a: string, b: string) => a.slice(0, 7) === b.slice(0, 7);
