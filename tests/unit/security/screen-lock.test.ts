import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  isNewScreenLock,
  screenLockSignal,
  watchScreenLock,
  type IdleState,
} from '../../../electron/main/screen-lock';

describe('screen lock per platform', () => {
  it('macOS and Windows have an event; Linux (and anything else) is polled', () => {
    expect(screenLockSignal('darwin')).toBe('event');
    expect(screenLockSignal('win32')).toBe('event');
    expect(screenLockSignal('linux')).toBe('poll');
    expect(screenLockSignal('freebsd')).toBe('poll');
  });

  it('locks once on the first "locked", never on idle or unknown', () => {
    expect(isNewScreenLock(null, 'locked')).toBe(true);
    expect(isNewScreenLock('active', 'locked')).toBe(true);
    expect(isNewScreenLock('idle', 'locked')).toBe(true);
    expect(isNewScreenLock('unknown', 'locked')).toBe(true);
    expect(isNewScreenLock('locked', 'locked')).toBe(false);
    for (const state of ['active', 'idle', 'unknown'] as const) {
      expect(isNewScreenLock(null, state)).toBe(false);
      expect(isNewScreenLock('locked', state)).toBe(false);
    }
  });
});

function harness(platform: NodeJS.Platform) {
  const monitor = Object.assign(new EventEmitter(), {
    state: 'active' as IdleState,
    thresholds: [] as number[],
    getSystemIdleState(threshold: number): IdleState {
      this.thresholds.push(threshold);
      return this.state;
    },
  });
  let tick: (() => void) | null = null;
  let locks = 0;
  const signal = watchScreenLock({
    platform,
    powerMonitor: monitor as never,
    onLocked: () => locks++,
    setInterval: (fn) => ((tick = fn), {}),
  });
  return { monitor, signal, tick: () => tick?.(), locks: () => locks, polling: () => tick !== null };
}

describe('watchScreenLock', () => {
  it('Linux: a poll that sees the session locked locks once per screen lock', () => {
    const h = harness('linux');
    expect(h.signal).toBe('poll');
    h.tick();
    expect(h.locks()).toBe(0);
    h.monitor.state = 'locked';
    h.tick();
    h.tick();
    expect(h.locks()).toBe(1);
    h.monitor.state = 'active';
    h.tick();
    h.monitor.state = 'locked';
    h.tick();
    expect(h.locks()).toBe(2);
    expect(h.monitor.thresholds.every((s) => s > 0)).toBe(true);
  });

  it('macOS and Windows: the lock-screen event locks, and nothing polls', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const h = harness(platform);
      expect(h.polling()).toBe(false);
      h.monitor.emit('lock-screen');
      expect(h.locks()).toBe(1);
    }
  });
});
