// Which reminder a due moment calls for now: due tomorrow, due today (both by the forum's calendar day, the
// day the limit is counted in) or overdue. The text names only the case's reference, never a title or a
// person, because a desktop notification can be read over a shoulder or on a locked screen.
import { Temporal } from 'temporal-polyfill';
import type { Lang } from './render';
import { deadlinesText } from './texts';

export type ReminderKind = 'due_tomorrow' | 'due_today' | 'overdue';

export function reminderKind(
  due: { date: string; zone: string; instant: string },
  now: Date,
): ReminderKind | undefined {
  const instant = Temporal.Instant.from(due.instant);
  if (instant.epochMilliseconds <= now.getTime()) return 'overdue';
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(due.zone)
    .toPlainDate();
  const day = Temporal.PlainDate.from(due.date);
  if (Temporal.PlainDate.compare(day, today) === 0) return 'due_today';
  if (Temporal.PlainDate.compare(day, today.add({ days: 1 })) === 0) return 'due_tomorrow';
  return undefined;
}

export function reminderText(kind: ReminderKind, reference: string, lang: Lang): string {
  const ref = reference.trim() || deadlinesText(lang, 'reminder.noReference');
  return deadlinesText(lang, `reminder.${kind}`, { reference: ref });
}
