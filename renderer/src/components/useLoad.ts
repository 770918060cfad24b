import { useCallback, useEffect, useMemo, useState, type DependencyList } from 'react';

export interface Loaded<T> {
  /** The last value loaded, kept on screen while a reload runs; null before the first one arrives. */
  data: T | null;
  /** A load for the current inputs is under way (the first one, after the inputs changed, or a reload). */
  loading: boolean;
  /** Why the last load failed, or what a screen's own action put here with `setError` (one alert for both). */
  error: unknown;
  /** Shows an action's error in the same place; `setError(null)` dismisses whatever is shown. */
  setError: (error: unknown) => void;
  /** Loads again with the same inputs (after a save, a delete, a reveal…). */
  reload: () => void;
  /** Puts a value the screen already has (what a save returned) in place of the loaded one. */
  replace: (data: T) => void;
}

interface Settled<T> {
  token: object | null;
  data: T | null;
  error: unknown;
}

/**
 * Loads something through the client whenever `deps` change (or on `reload`), and ignores an answer that
 * arrives after the inputs changed or the screen went away, so a slow answer never overwrites a newer one.
 * Errors are kept, never swallowed. `load` null means "nothing to load yet" (e.g. no record chosen).
 */
export function useLoad<T>(load: (() => Promise<T>) | null, deps: DependencyList): Loaded<T> {
  const [reloads, setReloads] = useState(0);
  const [settled, setSettled] = useState<Settled<T>>({ token: null, data: null, error: null });
  const [actionError, setActionError] = useState<unknown>(null);
  // A fresh identity for each set of inputs: an answer counts only for the token it was asked with.
  const token = useMemo(() => ({}), [...deps, reloads]);
  const pending = load !== null;

  useEffect(() => {
    if (!load) return undefined;
    let active = true;
    load().then(
      (data) => {
        if (!active) return;
        setSettled({ token, data, error: null });
        setActionError(null);
      },
      (error: unknown) => {
        if (active) setSettled((prev) => ({ token, data: prev.data, error }));
      },
    );
    return () => {
      active = false;
    };
    // `load` is the closure of the render that made `token`; `token` changes exactly when it must run.
  }, [token]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const setError = useCallback((error: unknown) => {
    setActionError(error);
    if (error === null) setSettled((prev) => (prev.error === null ? prev : { ...prev, error: null }));
  }, []);

  const replace = useCallback((data: T) => setSettled((prev) => ({ ...prev, data, error: null })), []);

  return {
    replace,
    data: settled.data,
    loading: pending && settled.token !== token,
    error: actionError ?? settled.error,
    setError,
    reload,
  };
}
