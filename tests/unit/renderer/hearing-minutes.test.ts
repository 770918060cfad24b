// A turn's length in the speaking plan: typed as whole minutes or mm:ss, kept in seconds.
import { describe, expect, it } from 'vitest';
import { formatMinutes, parseMinutes } from '../../../renderer/src/features/hearings/minutes';

describe('a turn length typed as minutes or mm:ss', () => {
  it('reads whole minutes and minutes:seconds as seconds', () => {
    expect(parseMinutes('5')).toBe(300);
    expect(parseMinutes(' 2:30 ')).toBe(150);
    expect(parseMinutes('0:45')).toBe(45);
    expect(parseMinutes('0')).toBe(0);
    expect(parseMinutes('240')).toBe(14_400);
    expect(parseMinutes('240:00')).toBe(14_400);
  });

  it('refuses what is not a length, or more than four hours', () => {
    for (const text of ['', '2:', '2:3', '2:60', '1:2:3', '-1', '2.5', '2,5', 'cinco', '240:01', '241'])
      expect(parseMinutes(text), text).toBeNull();
  });

  it('shows a saved length as m:ss', () => {
    expect(formatMinutes(300)).toBe('5:00');
    expect(formatMinutes(150)).toBe('2:30');
    expect(formatMinutes(45)).toBe('0:45');
    expect(formatMinutes(14_400)).toBe('240:00');
  });
});
