import { useCallback, useEffect, useRef, useState } from 'react';
import { clearPending, markPending } from '../drafts/pending';

/** How long typing must pause before a row of the plan is written into the vault. */
const AUTOSAVE_MS = 900;

export interface AutosavedPart<F> {
  values: F;
  /** Changes some fields; they are written once typing pauses (or at once before a lock). */
  change: (patch: Partial<F>) => void;
  saving: boolean;
  error: unknown;
  /** Writes what is pending now. */
  flush: () => Promise<void>;
}

/**
 * One row of the planning screen (a turn, a question) edited in place: what is typed stays on screen and
 * reaches the vault after a pause, one save at a time with the revision the previous one returned. A lock
 * asked for meanwhile writes it first, and leaving the screen writes what is pending, so nothing is lost.
 */
export function useAutosavedPart<F>(
  id: string,
  revision: number,
  initial: F,
  /** Writes the fields with the revision seen; resolves with the row's new revision. */
  save: (revision: number, fields: F) => Promise<number>,
): AutosavedPart<F> {
  const [values, setValues] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const current = useRef(initial);
  const seen = useRef(revision);
  if (revision > seen.current) seen.current = revision;
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const running = useRef<Promise<unknown> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;
  const key = `hearing-part:${id}`;

  const write = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    clearPending(key);
    while (running.current) await running.current.catch(() => undefined);
    if (!dirty.current) return;
    dirty.current = false;
    setSaving(true);
    const run = saveRef.current(seen.current, current.current);
    running.current = run;
    try {
      const next = await run;
      if (next > seen.current) seen.current = next;
      setError(null);
    } catch (err) {
      dirty.current = true;
      setError(err);
    } finally {
      running.current = null;
      setSaving(false);
    }
  }, [key]);

  const change = useCallback(
    (patch: Partial<F>) => {
      current.current = { ...current.current, ...patch };
      setValues(current.current);
      dirty.current = true;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void write(), AUTOSAVE_MS);
      markPending(key, write);
    },
    [key, write],
  );

  // Leaving the screen (another tab, closing the plan): what is pending is written.
  const writeRef = useRef(write);
  writeRef.current = write;
  useEffect(
    () => () => {
      if (dirty.current) void writeRef.current();
    },
    [],
  );

  return { values, change, saving, error, flush: write };
}
