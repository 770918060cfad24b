import { useCallback, useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { client, errorCode } from '../../api/client';
import type { Filing, FilingFields } from '../../../../shared/schemas/filings';
import { clearPending, markPending } from '../drafts/pending';

/** How long typing must pause before the draft is written into the vault. */
const AUTOSAVE_MS = 1200;

export function fieldsOf(filing: Filing): FilingFields {
  const { title, lang, status, answers, document } = filing;
  return { title, lang, status, answers, document };
}

export interface FilingAutosave {
  /** The filing as last saved (its revision is the one the next save sends). */
  saved: Filing;
  savedAt: string | null;
  saving: boolean;
  /** The vault holds a newer revision (saved from another window or the command line). */
  conflict: boolean;
  error: unknown;
  /** Writes what is pending now (before a check, the leak guard, generation); resolves with the saved filing. */
  flush: (explicit?: boolean) => Promise<Filing>;
  /** Puts a filing the service returned (a restore, a leak replaced, a reload) in the form. */
  apply: (filing: Filing) => void;
  /** Something typed is not in the vault yet. */
  pending: () => boolean;
}

/** Debounced `filings:update` with the revision seen; a conflict stops autosaving until the user reloads. */
export function useFilingAutosave(initial: Filing, form: UseFormReturn<FilingFields>): FilingAutosave {
  const [saved, setSaved] = useState(initial);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const current = useRef(initial);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const running = useRef<Promise<Filing> | null>(null);
  const applying = useRef(false);

  const write = useCallback(
    async (explicit = false): Promise<Filing> => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      clearPending(`filing-autosave:${current.current.id}`);
      // One save at a time: the next one carries the revision the previous one returned.
      while (running.current) await running.current.catch(() => undefined);
      if (!dirty.current && !explicit) return current.current;
      dirty.current = false;
      setSaving(true);
      const run = client.filings.update({
        id: current.current.id,
        revision: current.current.revision,
        fields: form.getValues(),
        explicit,
      });
      running.current = run;
      try {
        const next = await run;
        current.current = next;
        setSaved(next);
        setSavedAt(next.updatedAt);
        setError(null);
        return next;
      } catch (err) {
        dirty.current = true;
        if (errorCode(err) === 'CONFLICT') setConflict(true);
        setError(err);
        throw err;
      } finally {
        running.current = null;
        setSaving(false);
      }
    },
    [form],
  );

  useEffect(() => {
    const subscription = form.watch(() => {
      if (applying.current || conflict) return;
      dirty.current = true;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void write(false).catch(() => undefined), AUTOSAVE_MS);
      // A lock asked for meanwhile writes it into the filing first (the draft hook keeps a copy as well).
      markPending(`filing-autosave:${current.current.id}`, () => write(false).then(() => undefined));
    });
    return () => subscription.unsubscribe();
  }, [form, write, conflict]);

  // Leaving the editor: what is pending is written (the unsaved delta is also kept as a draft).
  const writeRef = useRef(write);
  writeRef.current = write;
  useEffect(
    () => () => {
      if (dirty.current) void writeRef.current(false).catch(() => undefined);
    },
    [],
  );

  const apply = useCallback(
    (filing: Filing) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      dirty.current = false;
      current.current = filing;
      setSaved(filing);
      setSavedAt(filing.updatedAt);
      setConflict(false);
      setError(null);
      applying.current = true;
      form.reset(fieldsOf(filing));
      applying.current = false;
    },
    [form],
  );

  const pending = useCallback(() => dirty.current, []);
  return { saved, savedAt, saving, conflict, error, flush: write, apply, pending };
}
