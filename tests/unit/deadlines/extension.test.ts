// Extensions and where a due moment stands: what the deadline history and the dashboard build on.
import { describe, expect, it } from 'vitest';
import { computeDeadline, extendDeadline, renderBasis, timeStatus } from '../../../electron/core/deadlines';

describe('extensions', () => {
  it('counts the extra days under the same rule from the due date in force, leaving the original as it was', () => {
    const original = computeDeadline({
      ruleId: 'iacthr-court',
      trigger: { date: '2026-03-13' },
      period: { unit: 'days', amount: 10 },
    });
    const snapshot = structuredClone(original);
    const extended = extendDeadline({
      ruleId: 'iacthr-court',
      previousDue: original.due.date,
      period: { unit: 'days', amount: 10 },
    });
    // From Wednesday 25 March: day 1 is Thursday 26 March, day 10 Saturday 4 April, moved to Monday 6 April.
    expect(extended.due.date).toBe('2026-04-06');
    expect(original).toEqual(snapshot);
    const text = renderBasis(extended, 'en').join('\n');
    expect(text).toContain('Extension granted: counted from the due date in force, Wednesday 25 March 2026.');
    expect(text).toContain('moves to Monday 6 April 2026');
  });

  it('takes a new date set by the forum, and refuses one before the date in force', () => {
    const set = extendDeadline({
      ruleId: 'iachr-note',
      previousDue: '2026-05-04',
      period: { unit: 'date', date: '2026-05-20' },
    });
    expect(set.due.date).toBe('2026-05-20');
    expect(() =>
      extendDeadline({
        ruleId: 'iachr-note',
        previousDue: '2026-05-04',
        period: { unit: 'date', date: '2026-05-01' },
      }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe('time status', () => {
  // 24:00 on Wednesday 25 March 2026 in San José is 06:00 UTC on 26 March.
  const due = { instant: '2026-03-26T06:00:00Z' };
  it.each([
    ['2026-03-20T12:00:00Z', 'open'],
    ['2026-03-23T06:00:01Z', 'dueSoon'],
    ['2026-03-26T05:59:59Z', 'dueSoon'],
    ['2026-03-26T06:00:00Z', 'overdue'],
  ] as const)('at %s it is %s', (now, status) => {
    expect(timeStatus(due, new Date(now))).toBe(status);
  });
});
