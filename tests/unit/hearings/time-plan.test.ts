// The speaking plan's arithmetic: the sum against our share (over, under, exact, no share), start offsets,
// reordering (up, down, to an index, out of range) and the durations printed.
import { describe, expect, it } from 'vitest';
import {
  checkPlan,
  formatDuration,
  moveDown,
  moveTo,
  moveUp,
  startOffsets,
} from '../../../shared/hearing-time-plan';

const turns = (...seconds: number[]) => seconds.map((s) => ({ seconds: s }));

describe('checkPlan', () => {
  it.each([
    // turns (s), share (min), planned, share (s), difference, status
    [[300, 480, 240], 20, 1020, 1200, -180, 'under'],
    [[600, 600], 20, 1200, 1200, 0, 'exact'],
    [[600, 600, 1], 20, 1201, 1200, 1, 'over'],
    [[900, 900, 900], 30, 2700, 1800, 900, 'over'],
    [[], 10, 0, 600, -600, 'under'],
    [[], 0, 0, 0, 0, 'exact'],
    [[59], 0, 59, 0, 59, 'over'],
  ])('%j against %i min', (s, share, planned, shareSeconds, difference, status) => {
    expect(checkPlan(turns(...s), share)).toEqual({
      plannedSeconds: planned,
      shareSeconds,
      differenceSeconds: difference,
      status,
    });
  });

  it('says so when no share is set, with the sum still counted', () => {
    expect(checkPlan(turns(120, 60), null)).toEqual({
      plannedSeconds: 180,
      shareSeconds: null,
      differenceSeconds: null,
      status: 'no_share',
    });
  });

  it('counts a negative or fractional length as what it can be (0, whole seconds)', () => {
    expect(checkPlan(turns(-30, 90.7), 1).plannedSeconds).toBe(90);
  });
});

describe('startOffsets', () => {
  it.each([
    [[], []],
    [[300], [0]],
    [
      [300, 480, 240],
      [0, 300, 780],
    ],
    [
      [0, 0, 60],
      [0, 0, 0],
    ],
    [
      [3600, 1],
      [0, 3600],
    ],
  ])('%j → %j', (s, offsets) => {
    expect(startOffsets(turns(...s))).toEqual(offsets);
  });
});

describe('reordering', () => {
  const list = ['a', 'b', 'c', 'd'] as const;
  it.each([
    [0, 2, ['b', 'c', 'a', 'd']],
    [3, 0, ['d', 'a', 'b', 'c']],
    [1, 1, ['a', 'b', 'c', 'd']],
    [1, 99, ['a', 'c', 'd', 'b']],
    [2, -5, ['c', 'a', 'b', 'd']],
    [7, 0, ['a', 'b', 'c', 'd']],
  ])('moveTo(%i → %i)', (from, to, expected) => {
    expect(moveTo(list, from, to)).toEqual(expected);
  });

  it('moves up and down by one, stopping at the ends, without touching the input', () => {
    expect(moveUp(list, 2)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveUp(list, 0)).toEqual(['a', 'b', 'c', 'd']);
    expect(moveDown(list, 1)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveDown(list, 3)).toEqual(['a', 'b', 'c', 'd']);
    expect(list).toEqual(['a', 'b', 'c', 'd']);
  });

  it('moves the offsets with the turns', () => {
    const plan = turns(300, 480, 240);
    expect(startOffsets(moveTo(plan, 2, 0))).toEqual([0, 240, 540]);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [59, '0:59'],
    [725, '12:05'],
    [3600, '1:00:00'],
    [3725, '1:02:05'],
    [-180, '−3:00'],
  ])('%i s → %s', (s, text) => {
    expect(formatDuration(s)).toBe(text);
  });
});
