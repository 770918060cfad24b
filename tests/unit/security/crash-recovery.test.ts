import { describe, expect, it } from 'vitest';
import { createCrashRecovery, MAX_RELOADS_PER_MINUTE } from '../../../electron/main/crash-recovery';

describe('after a renderer crash', () => {
  it('a clean exit is not a crash', () => {
    expect(createCrashRecovery(() => 0)('clean-exit')).toBe('ignore');
  });

  it('reloads after a crash, a kill or running out of memory', () => {
    let now = 0;
    const afterCrash = createCrashRecovery(() => now);
    for (const reason of ['crashed', 'killed', 'oom']) {
      expect(afterCrash(reason)).toBe('reload');
      now += 61_000;
    }
  });

  it('gives up when the renderer keeps crashing within a minute, and recovers after a quiet minute', () => {
    let now = 0;
    const afterCrash = createCrashRecovery(() => now);
    expect(MAX_RELOADS_PER_MINUTE).toBe(3);
    for (let i = 0; i < 3; i++) {
      expect(afterCrash('crashed')).toBe('reload');
      now += 1_000;
    }
    expect(afterCrash('crashed')).toBe('give-up');
    now += 60_001;
    expect(afterCrash('crashed')).toBe('reload');
  });
});
