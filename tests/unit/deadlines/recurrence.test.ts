// Recurring duties and dates typed by hand.
import { describe, expect, it } from 'vitest';
import { manualDeadline, nextOccurrence, renderBasis } from '../../../electron/core/deadlines';

describe('recurring duties', () => {
  it('the State reports every 2 months: the next report counts from the previous due date', () => {
    const next = nextOccurrence({
      ruleId: 'iacthr-provisional-measures',
      recurrence: { every: { unit: 'months', amount: 2 }, from: 'due' },
      previousDue: '2026-03-31',
      fulfilledOn: '2026-03-27',
    });
    // 31 March + 2 months = Sunday 31 May 2026, a non-working day: Monday 1 June.
    expect(next.due.date).toBe('2026-06-01');
    const text = renderBasis(next, 'en').join('\n');
    expect(text).toContain('Recurring duty: every 2 months, counted from Tuesday 31 March 2026.');
    expect(text).toContain('moves to Monday 1 June 2026');
  });

  it('counted from the day it was fulfilled', () => {
    const next = nextOccurrence({
      ruleId: 'iachr-note',
      recurrence: { every: { unit: 'months', amount: 2 }, from: 'fulfilled' },
      previousDue: '2026-01-20',
      fulfilledOn: '2026-01-15',
    });
    // 15 January + 2 months = Sunday 15 March 2026: Monday 16 March.
    expect(next.due.date).toBe('2026-03-16');
    expect(renderBasis(next, 'es')[0]).toBe(
      'Obligación periódica: cada 2 meses, contados desde el jueves 15 de enero de 2026.',
    );
  });

  it('refuses a recurrence from fulfilment without the fulfilment date, and an absurd one', () => {
    expect(() =>
      nextOccurrence({
        ruleId: 'iachr-note',
        recurrence: { every: { unit: 'months', amount: 2 }, from: 'fulfilled' },
        previousDue: '2026-01-20',
      }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() =>
      nextOccurrence({
        ruleId: 'iachr-note',
        recurrence: { every: { unit: 'months', amount: 0 }, from: 'due' },
        previousDue: '2026-01-20',
      }),
    ).toThrow(
      expect.objectContaining({
        issues: [{ path: 'recurrence.every.amount', message: 'deadline.error.periodPositive' }],
      }),
    );
  });
});

describe('a date typed by hand', () => {
  it('keeps the forum’s date, time and zone and shows it in the user’s zone', () => {
    const result = manualDeadline({
      date: '2026-05-15',
      endTime: '17:00',
      zone: 'America/New_York',
      userZone: 'America/Mexico_City',
    });
    // 17:00 EDT (UTC−4) is 21:00 UTC, 15:00 in Mexico City (UTC−6).
    expect(result).toMatchObject({
      ruleId: null,
      due: { date: '2026-05-15', endTime: '17:00', instant: '2026-05-15T21:00:00Z' },
      inUserZone: { date: '2026-05-15', time: '15:00' },
    });
    expect(renderBasis(result, 'en')[0]).toBe('Date entered by hand: Friday 15 May 2026.');
  });

  it('refuses 2026-13-01', () => {
    expect(() => manualDeadline({ date: '2026-13-01', endTime: '24:00', zone: 'America/New_York' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});
