// Where the user is in the unlocked workspace, so that unlocking the same vault again returns there rather
// than to the Panel. Each place provider (the workspace, a case's tab, a hearing being planned) reports its
// screen with its depth; the deepest one shown is where the user is. Screen names and record ids only,
// never case text; the App keeps the last one across a lock and drops it when another vault opens.
import { useEffect } from 'react';
import type { DraftScreen } from '../features/drafts/DraftContext';

const shown = new Map<object, { depth: number; screen: DraftScreen }>();

/** Reports a place while it is shown. */
export function useShownPlace(screen: DraftScreen, depth: number): void {
  useEffect(() => {
    const key = {};
    shown.set(key, { depth, screen });
    return () => {
      shown.delete(key);
    };
  }, [screen, depth]);
}

/** The deepest place shown now (read at lock, before the workspace unmounts). */
export function currentPlace(): DraftScreen | null {
  let best: { depth: number; screen: DraftScreen } | null = null;
  for (const place of shown.values()) if (!best || place.depth > best.depth) best = place;
  return best?.screen ?? null;
}
