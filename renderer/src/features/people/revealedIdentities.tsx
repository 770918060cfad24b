// Identities the user revealed on purpose, each until its time is up. Held only here, under the unlocked
// workspace: hiding, expiry and locking (which unmounts the workspace) drop them from memory and the DOM.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { client } from '../../api/client';
import type { ProtectedIdentity } from '../../../../shared/schemas/people';

export interface Revealed {
  identity: ProtectedIdentity;
  visibleUntil: string;
}

interface RevealedIdentities {
  get(personId: string): Revealed | undefined;
  /** Asks the core for the identity (it logs the reason); throws the client's error when refused. */
  reveal(personId: string, reason: string): Promise<void>;
  hide(personId: string): void;
  /** After an edit of an identity that is being shown: show what was saved, until the same time. */
  replace(personId: string, identity: ProtectedIdentity): void;
}

const Context = createContext<RevealedIdentities | null>(null);

export function RevealedIdentitiesProvider({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState<ReadonlyMap<string, Revealed>>(new Map());

  // Hide each identity when its time is up (the core stops answering for it at the same moment).
  useEffect(() => {
    if (shown.size === 0) return undefined;
    const next = Math.min(...[...shown.values()].map((r) => new Date(r.visibleUntil).getTime()));
    const timer = window.setTimeout(
      () => {
        const now = Date.now();
        setShown((prev) => new Map([...prev].filter(([, r]) => new Date(r.visibleUntil).getTime() > now)));
      },
      Math.max(0, next - Date.now()) + 50,
    );
    return () => window.clearTimeout(timer);
  }, [shown]);

  const reveal = useCallback(async (personId: string, reason: string) => {
    const { identity, visibleUntil } = await client.people.reveal({ personId, reason });
    setShown((prev) => new Map(prev).set(personId, { identity, visibleUntil }));
  }, []);

  const hide = useCallback((personId: string) => {
    setShown((prev) => {
      const next = new Map(prev);
      next.delete(personId);
      return next;
    });
    // Best effort: the core forgets the reveal too (it also ends at expiry and at lock).
    client.people.hide({ personId }).catch(() => undefined);
  }, []);

  const replace = useCallback((personId: string, identity: ProtectedIdentity) => {
    setShown((prev) => {
      const current = prev.get(personId);
      return current ? new Map(prev).set(personId, { ...current, identity }) : prev;
    });
  }, []);

  const value = useMemo<RevealedIdentities>(
    () => ({ get: (personId) => shown.get(personId), reveal, hide, replace }),
    [shown, reveal, hide, replace],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useRevealedIdentities(): RevealedIdentities {
  const value = useContext(Context);
  if (!value) throw new Error('useRevealedIdentities needs a RevealedIdentitiesProvider');
  return value;
}
