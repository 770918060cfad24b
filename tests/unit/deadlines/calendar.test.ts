// Which weekdays of 2026 each forum's calendar closes, against the lists of public holidays written out by
// hand, so that a change in the date-holidays library (or in its public/observance types) is noticed.
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { forumCalendar, presetRule } from '../../../electron/core/deadlines';

function closedWeekdays(ruleId: string, year: number): string[] {
  const calendar = forumCalendar(presetRule(ruleId));
  const out: string[] = [];
  for (let d = Temporal.PlainDate.from({ year, month: 1, day: 1 }); d.year === year; d = d.add({ days: 1 }))
    if (d.dayOfWeek <= 5 && calendar.nonWorking(d)) out.push(d.toString());
  return out;
}

describe('forum calendars for 2026', () => {
  it('Washington, D.C.: the federal holidays, Emancipation Day and the observed 3 July; no observances', () => {
    expect(closedWeekdays('iachr-note', 2026)).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-04-16',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ]);
  });

  it('Mexico: the mandatory rest days, moved to Mondays where the law says so; Holy Week is worked', () => {
    expect(closedWeekdays('mx-federal-working-days', 2026)).toEqual([
      '2026-01-01',
      '2026-02-02',
      '2026-03-16',
      '2026-05-01',
      '2026-09-16',
      '2026-11-16',
      '2026-12-25',
    ]);
  });

  it('Mexico, Amparo Law: the fixed dates of art. 19', () => {
    expect(closedWeekdays('mx-amparo', 2026)).toEqual([
      '2026-01-01',
      '2026-02-05',
      '2026-05-01',
      '2026-05-05',
      '2026-09-16',
      '2026-10-12',
      '2026-11-20',
      '2026-12-25',
    ]);
  });

  it('Costa Rica: Holy Thursday and Friday, 1 May, 15 September, 1 December and Christmas among the weekdays', () => {
    const closed = closedWeekdays('iacthr-court', 2026);
    for (const day of [
      '2026-01-01',
      '2026-04-02',
      '2026-04-03',
      '2026-05-01',
      '2026-09-15',
      '2026-12-01',
      '2026-12-25',
    ])
      expect(closed).toContain(day);
    // 11 April, 25 July and 15 August fall on Saturdays, 2 August on a Sunday; the October holiday is the
    // library's to place. Nothing else is closed.
    expect(closed.filter((d) => !d.startsWith('2026-10'))).toHaveLength(7);
  });

  it('names each holiday in both languages', () => {
    const calendar = forumCalendar(presetRule('iacthr-court'));
    expect(calendar.nonWorking(Temporal.PlainDate.from('2026-09-15'))).toEqual({
      reason: 'holiday',
      name: { en: 'Independence Day', es: 'Día de la Independencia' },
    });
    expect(calendar.nonWorking(Temporal.PlainDate.from('2026-09-16'))).toBeUndefined();
  });
});
