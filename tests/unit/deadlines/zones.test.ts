// The due moment in the user's zone: a lawyer in Mexico City or Tijuana filing in Washington or San José.
// Washington moves its clocks on 8 March and 1 November 2026; Mexico City has kept UTC−6 all year since
// 2022; Tijuana follows the United States' changes; Costa Rica has no daylight saving.
import { describe, expect, it } from 'vitest';
import { computeDeadline, renderBasis } from '../../../electron/core/deadlines';
import { days } from './table';

const ROWS = [
  // [rule, trigger, user zone, due date, UTC instant, user's date, user's time]
  [
    'iachr-note',
    '2026-02-20',
    'America/Mexico_City',
    '2026-03-02',
    '2026-03-03T05:00:00Z',
    '2026-03-02',
    '23:00',
  ],
  [
    'iachr-note',
    '2026-02-26',
    'America/Mexico_City',
    '2026-03-09',
    '2026-03-10T04:00:00Z',
    '2026-03-09',
    '22:00',
  ],
  [
    'iachr-note',
    '2026-02-26',
    'America/Tijuana',
    '2026-03-09',
    '2026-03-10T04:00:00Z',
    '2026-03-09',
    '21:00',
  ],
  [
    'iachr-note',
    '2026-10-20',
    'America/Mexico_City',
    '2026-10-30',
    '2026-10-31T04:00:00Z',
    '2026-10-30',
    '22:00',
  ],
  [
    'iachr-note',
    '2026-10-23',
    'America/Mexico_City',
    '2026-11-02',
    '2026-11-03T05:00:00Z',
    '2026-11-02',
    '23:00',
  ],
  [
    'iacthr-court',
    '2026-02-19',
    'America/Tijuana',
    '2026-03-02',
    '2026-03-03T06:00:00Z',
    '2026-03-02',
    '22:00',
  ],
  [
    'iacthr-court',
    '2026-03-13',
    'America/Tijuana',
    '2026-03-25',
    '2026-03-26T06:00:00Z',
    '2026-03-25',
    '23:00',
  ],
] as const;

describe('due moment across zones and daylight-saving changes', () => {
  it.each(ROWS)('%s from %s seen from %s', (rule, from, userZone, due, instant, userDate, userTime) => {
    const result = computeDeadline({ ruleId: rule, trigger: { date: from }, period: days(10), userZone });
    expect(result.due).toMatchObject({ date: due, endTime: '24:00', instant });
    expect(result.inUserZone).toEqual({ zone: userZone, date: userDate, time: userTime });
    expect(renderBasis(result, 'en').at(-1)).toContain(`In your time zone (${userZone})`);
  });

  it('says nothing more when the user’s clock reads the same (Mexico City and San José)', () => {
    const result = computeDeadline({
      ruleId: 'iacthr-court',
      trigger: { date: '2026-03-13' },
      period: days(10),
      userZone: 'America/Mexico_City',
    });
    expect(result.inUserZone).toBeUndefined();
    expect(result.basis.some((s) => s.step === 'userZone')).toBe(false);
  });

  it('a notice received late at night in Mexico City is the next day in Washington', () => {
    const result = computeDeadline({
      ruleId: 'iachr-note',
      trigger: { date: '2026-02-26', time: '23:30', zone: 'America/Mexico_City' },
      period: days(10),
    });
    // 23:30 UTC−6 is 00:30 on 27 February in New York (UTC−5): day 10 is Monday 9 March.
    expect(result.due.date).toBe('2026-03-09');
    expect(renderBasis(result, 'en').join('\n')).toContain(
      "which is Friday 27 February 2026 at 00:30 in the forum's zone (America/New_York)",
    );
  });
});
