// Deadlines as an iCalendar file (ical-generator) for the user's own calendar: one event per deadline, at
// the due moment in the forum's time zone (TZID with a VTIMEZONE drawn from the same time-zone data the
// engine counts with), an alarm one day before, and a UID that stays the same for a deadline across exports
// so a calendar updates the event instead of duplicating it. Only references and titles: a confidential
// case's deadline is its reference alone, and no person, note or basis text goes in.
import ical, { ICalAlarmType } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import { formatDate, translate, type Lang } from './render';
import { deadlinesText } from './texts';

export interface IcsDeadline {
  id: string;
  reference: string;
  /** Null for a confidential case's deadline: the event says only the reference. */
  title: string | null;
  due: { date: string; endTime: string; zone: string; instant: string };
  status: 'open' | 'fulfilled' | 'waived';
}

/** How long before the due moment the event starts: it sits on the last hour, on the right day. */
const EVENT_MINUTES = 60;

export function deadlinesToIcs(deadlines: IcsDeadline[], lang: Lang, now: Date): string {
  const years = deadlines.map((d) => Number(d.due.date.slice(0, 4)));
  const range = {
    from: Math.min(...years, now.getUTCFullYear()) - 1,
    to: Math.max(...years, now.getUTCFullYear()) + 1,
  };
  const calendar = ical({
    prodId: { company: 'Amparo', product: 'Amparo', language: lang.toUpperCase() },
    name: deadlinesText(lang, 'ics.calendarName'),
    timezone: { name: null, generator: (zone) => vtimezone(zone, range) },
  });
  for (const d of deadlines) {
    const end = Temporal.Instant.from(d.due.instant).toZonedDateTimeISO(d.due.zone);
    const start = end.subtract({ minutes: EVENT_MINUTES });
    const reference = d.reference.trim() || deadlinesText(lang, 'ics.noReference');
    const summary = `${reference} — ${d.title ?? deadlinesText(lang, 'ics.withheld')}`;
    const dueText = `${translate(lang, 'cli.due')}: ${formatDate(d.due.date, lang)} ${translate(lang, 'cli.at')} ${d.due.endTime} (${d.due.zone})`;
    const event = calendar.createEvent({
      id: `${d.id}@amparo`,
      start,
      end,
      timezone: d.due.zone,
      stamp: now,
      summary:
        d.status === 'open' ? summary : `${summary} (${deadlinesText(lang, `ics.status.${d.status}`)})`,
      description: dueText,
    });
    if (d.status === 'open')
      event.createAlarm({
        type: ICalAlarmType.display,
        trigger: 24 * 3600,
        description: `${reference}: ${dueText}`,
      });
  }
  return calendar.toString();
}

const offset = (o: string) => o.replace(':', '').slice(0, 5);
const local = (t: Temporal.PlainDateTime) => t.toString({ smallestUnit: 'second' }).replace(/[-:]/g, '');

/**
 * A VTIMEZONE for the years the file covers, from the runtime's time-zone data (Temporal): one observance per
 * offset change, or a single one for a zone without changes (Costa Rica, Mexico City since 2022).
 */
export function vtimezone(zone: string, years: { from: number; to: number }): string {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  let at = Temporal.PlainDate.from({ year: years.from, month: 1, day: 1 }).toZonedDateTime({
    timeZone: zone,
  });
  const stop = Temporal.PlainDate.from({ year: years.to + 1, month: 1, day: 1 }).toZonedDateTime({
    timeZone: zone,
  });
  const first = offset(at.offset);
  lines.push(
    'BEGIN:STANDARD',
    `DTSTART:${local(at.toPlainDateTime())}`,
    `TZOFFSETFROM:${first}`,
    `TZOFFSETTO:${first}`,
    'END:STANDARD',
  );
  for (let i = 0; i < 1000; i++) {
    const next = at.getTimeZoneTransition('next');
    if (!next || Temporal.ZonedDateTime.compare(next, stop) >= 0) break;
    const before = next.subtract({ nanoseconds: 1 });
    const from = before.offsetNanoseconds;
    const kind = next.offsetNanoseconds > from ? 'DAYLIGHT' : 'STANDARD';
    // DTSTART is the wall-clock time of the change read in the offset in force before it.
    const wall = next.toInstant().toZonedDateTimeISO(before.offset).toPlainDateTime();
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${local(wall)}`,
      `TZOFFSETFROM:${offset(before.offset)}`,
      `TZOFFSETTO:${offset(next.offset)}`,
      `END:${kind}`,
    );
    at = next;
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
