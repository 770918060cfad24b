// Where the user looks from: their own zone, and the first day of the week the date pickers use, so the
// dashboard's "this week" and the calendar's rows agree with every other calendar in the app.
import { useDatesContext } from '@mantine/dates';

export function userZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function useViewer(): { zone: string; weekStartsOn: number } {
  const dates = useDatesContext();
  return { zone: userZone(), weekStartsOn: dates.getFirstDayOfWeek() };
}
