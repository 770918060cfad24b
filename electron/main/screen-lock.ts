// Locking the vault when the screen locks. Electron emits `lock-screen` only on macOS and Windows; on
// Linux the only signal is `powerMonitor.getSystemIdleState()`, which answers 'locked' only when the
// desktop tells Chromium its screen saver is active (a bare window manager may never say so; the idle
// auto-lock still applies there). Type-only Electron import.
import type { PowerMonitor } from 'electron';

export type ScreenLockSignal = 'event' | 'poll';

/** How this platform tells us the screen was locked. */
export function screenLockSignal(platform: NodeJS.Platform): ScreenLockSignal {
  return platform === 'darwin' || platform === 'win32' ? 'event' : 'poll';
}

export type IdleState = ReturnType<PowerMonitor['getSystemIdleState']>;

/**
 * Lock once per screen lock: on the poll that first sees 'locked' after any other state. A screen that
 * stays locked does not lock again, and 'unknown' (the desktop cannot tell) never locks.
 */
export function isNewScreenLock(previous: IdleState | null, current: IdleState): boolean {
  return current === 'locked' && previous !== 'locked';
}

export interface ScreenLockWatchOptions {
  platform: NodeJS.Platform;
  powerMonitor: Pick<PowerMonitor, 'on' | 'getSystemIdleState'>;
  onLocked: () => void;
  /** How often Linux is asked (the check is a cheap D-Bus/X11 query). */
  intervalMs?: number;
  setInterval?: (fn: () => void, ms: number) => { unref?: () => void };
}

/** Seconds of idleness that count as "idle"; only the 'locked' answer matters here. */
const IDLE_THRESHOLD_SECONDS = 60;
export const SCREEN_LOCK_POLL_MS = 5_000;

export function watchScreenLock(options: ScreenLockWatchOptions): ScreenLockSignal {
  const signal = screenLockSignal(options.platform);
  // Harmless where it never fires; the only signal where it does.
  options.powerMonitor.on('lock-screen', options.onLocked);
  if (signal === 'event') return signal;
  let previous: IdleState | null = null;
  const poll = () => {
    const current = options.powerMonitor.getSystemIdleState(IDLE_THRESHOLD_SECONDS);
    if (isNewScreenLock(previous, current)) options.onLocked();
    previous = current;
  };
  const timer = (options.setInterval ?? setInterval)(poll, options.intervalMs ?? SCREEN_LOCK_POLL_MS);
  timer.unref?.();
  return signal;
}
