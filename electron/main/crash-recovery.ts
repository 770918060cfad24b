// After the renderer crashes (or is killed) the vault is locked and the window reloads to the unlock
// screen. A renderer that crashes again and again is not reloaded forever: past a few crashes a minute
// the app says so and quits. Pure, so the rule is unit-tested.

export type CrashAction = 'ignore' | 'reload' | 'give-up';

export const MAX_RELOADS_PER_MINUTE = 3;

/** `render-process-gone` reasons (Electron's RenderProcessGoneDetails['reason']). */
export function createCrashRecovery(now: () => number = Date.now) {
  const crashes: number[] = [];
  return (reason: string): CrashAction => {
    if (reason === 'clean-exit') return 'ignore';
    const t = now();
    crashes.push(t);
    while (crashes.length > 0 && crashes[0]! <= t - 60_000) crashes.shift();
    return crashes.length > MAX_RELOADS_PER_MINUTE ? 'give-up' : 'reload';
  };
}
