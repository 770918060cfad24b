// Forms with typing not yet saved as a draft. Autosave (debounced) keeps the vault's copy at most a second
// behind; a lock asked for in this window first sends what is pending, then locks. An idle auto-lock comes
// after minutes without typing, when every autosave has long finished.

type Flush = () => Promise<void>;

const pending = new Map<string, Flush>();

export function markPending(key: string, flush: Flush): void {
  pending.set(key, flush);
}

export function clearPending(key: string): void {
  pending.delete(key);
}

/**
 * Sends every pending draft now (the form values are captured synchronously, before the screens unmount)
 * and resolves when all are saved or after `timeoutMs`, whichever comes first: a lock never waits long.
 */
export function flushPendingDrafts(timeoutMs = 1500): Promise<void> {
  const flushes = [...pending.values()];
  pending.clear();
  if (flushes.length === 0) return Promise.resolve();
  const saved = Promise.allSettled(flushes.map((flush) => flush())).then(() => undefined);
  return Promise.race([saved, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
}

// Set from the moment a lock starts until the workspace opens again: forms unmounting meanwhile are being
// locked away (their draft is where the user was), not left by the user for another screen.
let locking = false;

export function setLocking(value: boolean): void {
  locking = value;
}

export function isLocking(): boolean {
  return locking;
}
