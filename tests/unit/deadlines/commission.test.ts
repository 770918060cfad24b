// The Commission's presets with Washington, D.C.'s public holidays (date-holidays' "public" type only:
// observances such as St. Patrick's Day or the day after Thanksgiving are working days).
import { describe, expect, it } from 'vitest';
import { computeDeadline } from '../../../electron/core/deadlines';
import { check, days, months, workingDays, type Row } from './table';

const ROWS: Row[] = [
  {
    name: 'a note’s 14 days ending on D.C. Emancipation Day',
    rule: 'iachr-note',
    from: '2026-04-02',
    period: days(14),
    due: '2026-04-17',
    phrases: [
      'Verify:',
      'Counting starts on Friday 3 April 2026, the day after the trigger (day 1)',
      'Thursday 16 April 2026: holiday (Emancipation Day)',
      'moves to Friday 17 April 2026',
      'America/New_York',
    ],
  },
  {
    name: 'an observance is not a holiday (St. Patrick’s Day)',
    rule: 'iachr-note',
    from: '2026-03-07',
    period: days(10),
    due: '2026-03-17',
  },
  {
    name: 'Independence Day observed on Friday 3 July',
    rule: 'iachr-note',
    from: '2026-06-23',
    period: days(10),
    due: '2026-07-06',
    phrases: [
      'Friday 3 July 2026: holiday (Independence Day (substitute day))',
      'Saturday 4 July 2026: holiday (Independence Day)',
    ],
  },
  {
    name: 'working days around Thanksgiving (the day after is worked)',
    rule: 'iachr-note',
    from: '2026-11-20',
    period: workingDays(5),
    due: '2026-11-30',
    phrases: ['Thursday 26 November 2026: holiday (Thanksgiving Day)', '5 working days'],
  },
  {
    name: 'six-month petition clock, same day number',
    rule: 'iachr-petition-six-months',
    from: '2026-03-16',
    due: '2026-09-16',
    phrases: [
      '6 months from Monday 16 March 2026 end on Wednesday 16 September 2026, the same day of the month',
    ],
  },
  {
    name: 'six months from a leap day',
    rule: 'iachr-petition-six-months',
    from: '2028-02-29',
    due: '2028-08-29',
    phrases: ['6 months from Tuesday 29 February 2028 end on Tuesday 29 August 2028'],
  },
  {
    name: 'three months after an Article 50 report, from 30 November',
    rule: 'iachr-article-50-three-months',
    from: '2026-11-30',
    due: '2027-03-01',
    phrases: [
      '3 months from Monday 30 November 2026: that month has no day 30, so the period ends on its last day, Sunday 28 February 2027',
      'moves to Monday 1 March 2027',
    ],
  },
  {
    name: 'hearing request: 50 days before the period of sessions, moved earlier off a weekend',
    rule: 'iachr-hearing-request',
    from: '2027-03-01',
    due: '2027-01-08',
    phrases: [
      'Counting back starts on Sunday 28 February 2027, the day before the event (day 1)',
      'day 50 is Sunday 10 January 2027',
      'moves back to Friday 8 January 2027, the previous working day',
    ],
  },
  {
    name: 'a fixed date in the note still rolls off a weekend',
    rule: 'iachr-note',
    from: '2026-05-04',
    period: { unit: 'date', date: '2026-05-16' },
    due: '2026-05-18',
    phrases: ['Date set: Saturday 16 May 2026.', 'moves to Monday 18 May 2026'],
  },
];

describe('Inter-American Commission counting', () => {
  it.each(ROWS.map((row) => [row.name, row] as const))('%s', (_, row) => {
    check(row);
  });

  it('marks its presets "verify"', () => {
    const result = computeDeadline({
      ruleId: 'iachr-note',
      trigger: { date: '2026-03-02' },
      period: days(10),
    });
    expect(result.verify).toBe(true);
    expect(result.basis[1]).toMatchObject({ step: 'verify' });
  });

  it('refuses a unit the rule does not count in', () => {
    expect(() =>
      computeDeadline({
        ruleId: 'iachr-petition-six-months',
        trigger: { date: '2026-03-02' },
        period: days(180),
      }),
    ).toThrow(
      expect.objectContaining({
        issues: [{ path: 'period.unit', message: 'deadline.error.unitNotAllowed' }],
      }),
    );
  });

  it('refuses a fixed date before the trigger', () => {
    expect(() =>
      computeDeadline({
        ruleId: 'iachr-note',
        trigger: { date: '2026-05-04' },
        period: { unit: 'date', date: '2026-05-01' },
      }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it.each([
    [
      'one month from 31 January 2026 (not a leap year)',
      '2026-01-31',
      '2026-03-02',
      'Saturday 28 February 2026',
    ],
    ['one month from 31 January 2028 (a leap year)', '2028-01-31', '2028-02-29', 'Tuesday 29 February 2028'],
  ])('%s ends on the last day of February', (_, from, due, lastDay) => {
    check({
      name: '',
      rule: 'iachr-note',
      from,
      period: months(1),
      due,
      phrases: [`that month has no day 31, so the period ends on its last day, ${lastDay}`],
    });
  });

  it('twelve months from a leap day end on 28 February', () => {
    check({
      name: '',
      rule: 'iachr-note',
      from: '2028-02-29',
      period: months(12),
      due: '2029-02-28',
      phrases: ['that month has no day 29', 'Wednesday 28 February 2029'],
    });
  });
});
