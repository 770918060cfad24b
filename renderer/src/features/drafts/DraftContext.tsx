import { createContext, useContext, type ReactNode } from 'react';

/** The workspace screen a draft returns to after unlock (e.g. `{ name: 'case', id, place: { tab } }`). */
export type DraftScreen = Record<string, unknown>;

interface DraftPlace {
  /** Where the forms below are shown; saved with each draft. */
  screen: DraftScreen;
  /** Keys of drafts kept in the vault that no form has taken back yet: their forms open by themselves. */
  waiting: ReadonlySet<string>;
  /** A form took its draft back (or dropped it). */
  settle: (key: string) => void;
}

const DraftPlaceContext = createContext<DraftPlace>({
  screen: {},
  waiting: new Set(),
  settle: () => undefined,
});

export function DraftPlaceProvider({ value, children }: { value: DraftPlace; children: ReactNode }) {
  return <DraftPlaceContext.Provider value={value}>{children}</DraftPlaceContext.Provider>;
}

/** A part of a screen (a case's tab) refines where its forms are. */
export function DraftScreenProvider({ screen, children }: { screen: DraftScreen; children: ReactNode }) {
  const parent = useContext(DraftPlaceContext);
  return <DraftPlaceContext.Provider value={{ ...parent, screen }}>{children}</DraftPlaceContext.Provider>;
}

export function useDraftPlace(): DraftPlace {
  return useContext(DraftPlaceContext);
}

/** A form with this key has a draft waiting: open it. */
export function useDraftWaiting(key: string): boolean {
  return useContext(DraftPlaceContext).waiting.has(key);
}
