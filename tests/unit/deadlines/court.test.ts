// The Inter-American Court's counting (agreement of 21 August 2014) with Costa Rica's real holidays. Each
// due date was worked out on a 2026 calendar: 1 January 2026 is a Thursday, Easter Sunday is 5 April.
import { describe, expect, it } from 'vitest';
import { computeDeadline } from '../../../electron/core/deadlines';
import { check, days, months, type Row } from './table';

const RECESS_2026 = [{ from: '2026-12-19', to: '2027-01-10' }];

const ROWS: Row[] = [
  {
    name: 'notified on a Friday: counting begins on Monday',
    rule: 'iacthr-court',
    from: '2026-03-13',
    period: days(10),
    due: '2026-03-25',
    phrases: [
      'Saturday 14 March 2026: weekend',
      'Sunday 15 March 2026: weekend',
      'Counting starts on Monday 16 March 2026, the first working day after the trigger (day 1)',
      'day 10 is Wednesday 25 March 2026',
      'Expires on Wednesday 25 March 2026 at 24:00, America/Costa_Rica time',
    ],
  },
  {
    name: 'ends on a Saturday: moves to Monday',
    rule: 'iacthr-court',
    from: '2026-03-05',
    period: days(9),
    due: '2026-03-16',
    phrases: ['Falls on Saturday 14 March 2026, a non-working day: moves to Monday 16 March 2026'],
  },
  {
    name: 'ends on Costa Rica’s Independence Day',
    rule: 'iacthr-court',
    from: '2026-09-04',
    period: days(9),
    due: '2026-09-16',
    phrases: [
      'Tuesday 15 September 2026: holiday (Independence Day)',
      'moves to Wednesday 16 September 2026, the next working day',
    ],
  },
  {
    name: 'ends on Good Friday: Friday, weekend, Monday',
    rule: 'iacthr-court',
    from: '2026-03-31',
    period: days(3),
    due: '2026-04-06',
    phrases: [
      'Friday 3 April 2026: holiday (Good Friday)',
      'Saturday 4 April 2026: weekend',
      'moves to Monday 6 April 2026',
    ],
  },
  {
    name: 'notified the day before Maundy Thursday: counting begins after Easter',
    rule: 'iacthr-court',
    from: '2026-04-01',
    period: days(5),
    due: '2026-04-10',
    phrases: ['Thursday 2 April 2026: holiday (Maundy Thursday)', 'Counting starts on Monday 6 April 2026'],
  },
  {
    name: 'ends on 1 December (the rule adds the army-abolition holiday)',
    rule: 'iacthr-court',
    from: '2026-11-27',
    period: days(2),
    due: '2026-12-02',
    phrases: ['Tuesday 1 December 2026: holiday (Abolition of the Army Day)'],
  },
  {
    name: 'ends on Christmas Day',
    rule: 'iacthr-provisional-measures',
    from: '2026-12-18',
    period: days(5),
    due: '2026-12-28',
    phrases: ['Friday 25 December 2026: holiday (Christmas Day)', 'moves to Monday 28 December 2026'],
  },
  {
    name: 'ends inside the year-end recess: first working day after it',
    rule: 'iacthr-court',
    from: '2026-12-04',
    period: days(15),
    extra: { recess: RECESS_2026 },
    due: '2027-01-11',
    phrases: [
      'day 15 is Monday 21 December 2026',
      'Falls on Monday 21 December 2026, inside the recess (Saturday 19 December 2026 to Sunday 10 January 2027): may be filed on Monday 11 January 2027',
    ],
  },
  {
    name: 'provisional measures: the recess does not extend the limit',
    rule: 'iacthr-provisional-measures',
    from: '2026-12-04',
    period: days(15),
    extra: { recess: RECESS_2026 },
    due: '2026-12-21',
    phrases: ['under this rule the recess does not extend the limit'],
  },
  {
    name: 'a month counted from the day before counting begins',
    rule: 'iacthr-court',
    from: '2026-01-30',
    period: months(1),
    due: '2026-03-02',
    phrases: [
      'Counting starts on Monday 2 February 2026',
      '1 month from Sunday 1 February 2026 ends on Sunday 1 March 2026',
      'moves to Monday 2 March 2026',
    ],
  },
  {
    name: 'in Spanish',
    rule: 'iacthr-court',
    from: '2026-03-05',
    period: days(9),
    due: '2026-03-16',
    lang: 'es',
    phrases: [
      'Corte Interamericana de Derechos Humanos, Acuerdo de 21 de agosto de 2014',
      'El cómputo inicia el viernes 6 de marzo de 2026, el primer día hábil siguiente',
      'sábado 14 de marzo de 2026: fin de semana, día inhábil',
      'Cae el sábado 14 de marzo de 2026, día inhábil: se traslada al lunes 16 de marzo de 2026',
      'Vence el lunes 16 de marzo de 2026 a las 24:00, hora de America/Costa_Rica',
    ],
  },
];

describe('Inter-American Court counting', () => {
  it.each(ROWS.map((row) => [row.name, row] as const))('%s', (_, row) => {
    check(row);
  });

  it('stores the forum’s local date, 24:00, the zone and the UTC instant', () => {
    const { result } = check(ROWS[0]!);
    expect(result).toMatchObject({
      ruleId: 'iacthr-court',
      ruleVersion: 1,
      verify: false,
      // 24:00 on 25 March in San José (UTC−6, no daylight saving) is 06:00 UTC on 26 March.
      due: {
        date: '2026-03-25',
        endTime: '24:00',
        zone: 'America/Costa_Rica',
        instant: '2026-03-26T06:00:00Z',
      },
    });
    expect(result.basis[0]).toMatchObject({ step: 'rule', ruleId: 'iacthr-court' });
  });

  it('asks for the period that each provisional-measures order sets', () => {
    expect(() =>
      computeDeadline({ ruleId: 'iacthr-provisional-measures', trigger: { date: '2026-03-02' } }),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        issues: [{ path: 'period', message: 'deadline.error.periodRequired' }],
      }),
    );
  });
});
