import { useEffect } from 'react';
import { client } from '../api/client';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

/**
 * Tells the core the user is active (so auto-lock counts from the last keystroke or click), at most once
 * every `intervalMs`. Mounted only while the vault is unlocked.
 */
export function useActivityReporter(intervalMs = 30_000): void {
  useEffect(() => {
    let last = Number.NEGATIVE_INFINITY;
    const report = () => {
      const now = Date.now();
      if (now - last < intervalMs) return;
      last = now;
      // Best effort: a failed report only means auto-lock may come a little sooner.
      client.session.activity({}).catch(() => undefined);
    };
    const options: AddEventListenerOptions = { capture: true, passive: true };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, report, options);
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, report, options);
    };
  }, [intervalMs]);
}
