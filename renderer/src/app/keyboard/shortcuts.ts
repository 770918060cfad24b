import { useEffect, useSyncExternalStore } from 'react';

/** The app-wide shortcuts, in the order the help panel lists them. `keys` in Mantine's hotkey notation. */
export const SHORTCUTS = [
  { id: 'quickSwitch', keys: 'mod+K' },
  { id: 'search', keys: 'mod+F' },
  { id: 'newCase', keys: 'mod+N' },
  { id: 'lock', keys: 'mod+L' },
  { id: 'help', keys: '?' },
] as const;
export type ShortcutId = (typeof SHORTCUTS)[number]['id'];

// What each shortcut does right now. A feature mounted elsewhere (the quick switcher) registers its own
// handler with `useShortcut`; the workspace registers the rest. The help panel lists only those registered.
const handlers = new Map<ShortcutId, () => void>();
const listeners = new Set<() => void>();
let version = 0;

function changed() {
  version += 1;
  for (const listener of listeners) listener();
}

export function runShortcut(id: ShortcutId): boolean {
  const handler = handlers.get(id);
  handler?.();
  return handler !== undefined;
}

export function hasShortcut(id: ShortcutId): boolean {
  return handlers.has(id);
}

/** Binds a shortcut to `handler` while the calling component is mounted. */
export function useShortcut(id: ShortcutId, handler: () => void): void {
  useEffect(() => {
    handlers.set(id, handler);
    changed();
    return () => {
      if (handlers.get(id) === handler) handlers.delete(id);
      changed();
    };
  }, [id, handler]);
}

/** Re-renders when shortcuts are registered or dropped (for the help panel). */
export function useShortcutsVersion(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => version,
  );
}

/** Keys as the user reads them on this system: ⌘ on macOS, Ctrl (as the keyboard's language names it) elsewhere. */
export function displayKeys(keys: string, macos: boolean, ctrl: string): string[] {
  return keys.split('+').map((part) => (part === 'mod' ? (macos ? '⌘' : ctrl) : part));
}
