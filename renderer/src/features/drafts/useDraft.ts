import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { client } from '../../api/client';
import { useDraftPlace } from './DraftContext';
import { clearPending, isLocking, markPending } from './pending';

/** How long typing must pause before the draft is saved in the vault. */
const AUTOSAVE_MS = 800;

export interface DraftState {
  /** When the draft shown was saved, if the form started from one (for the notice). */
  restoredAt: string | null;
  /**
   * Drop the draft: after a successful save, on Cancel, or when the user discards it (`keepDrafting`: the
   * form stays open, its next changes become a new draft).
   */
  discard: (options?: { keepDrafting?: boolean }) => void;
  /**
   * Runs the form's save; the draft is dropped when it succeeds. Meanwhile nothing is drafted, so a save
   * that closes the form (unmounting it) leaves no draft behind; a failed save keeps drafting.
   */
  whileSaving: (save: () => Promise<void>) => Promise<void>;
}

/**
 * Keeps a form's unsaved values as a draft in the vault (never in the renderer's storage): restores it
 * when the form opens, autosaves changes once typing pauses, and lets a lock flush what is still pending.
 */
export function useDraft<T extends FieldValues>(
  /** null: this form keeps no draft. */
  key: string | null,
  matterId: string | null,
  form: UseFormReturn<T>,
): DraftState {
  const { screen, settle } = useDraftPlace();
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const discarded = useRef(false);
  // A draft of this form is in the vault (saved since it opened or restored, not discarded).
  const kept = useRef(false);
  const screenRef = useRef(screen);
  screenRef.current = screen;
  const { reset, watch, getValues } = form;

  /** `away`: the user left the form for another screen, so after unlock it is not "where they were". */
  const save = useCallback(
    async (away = false) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (!key) return;
      clearPending(key);
      if (discarded.current) return;
      const values = getValues() as Record<string, unknown>;
      const screen = away ? { ...screenRef.current, away: true } : screenRef.current;
      kept.current = true;
      await client.drafts.save({ key, matterId, screen, values }).catch(() => undefined);
    },
    [key, matterId, getValues],
  );

  // Take back a draft kept in the vault.
  useEffect(() => {
    if (!key) return undefined;
    let active = true;
    client.drafts.get({ key }).then(
      ({ items }) => {
        const draft = items[0];
        settle(key);
        if (!active || !draft) return;
        kept.current = true;
        reset(draft.values as T, { keepDefaultValues: true });
        setRestoredAt(draft.savedAt);
      },
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [key, reset, settle]);

  // Autosave once typing pauses; until then a lock flushes it.
  useEffect(() => {
    if (!key) return undefined;
    const subscription = watch(() => {
      if (discarded.current) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
      markPending(key, () => save());
    });
    return () => subscription.unsubscribe();
  }, [watch, save, key]);

  // Leaving the form without saving or cancelling: keep what was typed. Left for another screen (not
  // locked away), the draft waits for the form without being where the user returns after unlock.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(
    () => () => {
      const unsaved = timer.current !== null || kept.current;
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (unsaved && !discarded.current && !isLocking()) void saveRef.current(true);
    },
    [],
  );

  const discard = useCallback(
    (options?: { keepDrafting?: boolean }) => {
      if (!key) return;
      discarded.current = true;
      // The form's own reset right after this is not typing: resume drafting only after it.
      if (options?.keepDrafting) setTimeout(() => (discarded.current = false), 0);
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      clearPending(key);
      settle(key);
      setRestoredAt(null);
      void client.drafts.discard({ key }).catch(() => undefined);
    },
    [key, settle],
  );

  const whileSaving = useCallback(
    async (run: () => Promise<void>) => {
      const before = discarded.current;
      discarded.current = true;
      try {
        await run();
      } catch (error) {
        discarded.current = before;
        throw error;
      }
      discard();
    },
    [discard],
  );

  return { restoredAt, discard, whileSaving };
}
