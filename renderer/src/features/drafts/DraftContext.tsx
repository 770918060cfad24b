import { createContext, useContext, type ReactNode } from 'react';
import { useShownPlace } from '../../app/lastPlace';

/** The workspace screen a draft returns to after unlock (e.g. `{ name: 'case', id, place: { tab } }`). */
export type DraftScreen = Record<string, unknown>;

interface DraftPlace {
  /** Where the forms below are shown; saved with each draft. */
  screen: DraftScreen;
  /** Keys of drafts kept in the vault that no form has taken back yet: their forms open by themselves. */
  waiting: ReadonlySet<string>;
  /** A form took its draft back (or dropped it). */
  settle: (key: string) => void;
  /** How many refinements down from the workspace (the deepest shown is where the user is). */
  depth?: number;
}

const DraftPlaceContext = createContext<DraftPlace>({
  screen: {},
  waiting: new Set(),
  settle: () => undefined,
});

export function DraftPlaceProvider({ value, children }: { value: DraftPlace; children: ReactNode }) {
  useShownPlace(value.screen, value.depth ?? 0);
  return <DraftPlaceContext.Provider value={value}>{children}</DraftPlaceContext.Provider>;
}

/** A part of a screen (a case's tab) refines where its forms are. */
export function DraftScreenProvider({ screen, children }: { screen: DraftScreen; children: ReactNode }) {
  const parent = useContext(DraftPlaceContext);
  const depth = (parent.depth ?? 0) + 1;
  useShownPlace(screen, depth);
  return (
    <DraftPlaceContext.Provider value={{ ...parent, screen, depth }}>{children}</DraftPlaceContext.Provider>
  );
}

export function useDraftPlace(): DraftPlace {
  return useContext(DraftPlaceContext);
}

/** A form with this key has a draft waiting: open it. */
export function useDraftWaiting(key: string): boolean {
  return useContext(DraftPlaceContext).waiting.has(key);
}
