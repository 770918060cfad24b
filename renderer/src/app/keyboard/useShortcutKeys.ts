import { useHotkeys } from '@mantine/hooks';
import { useEffect } from 'react';
import { runShortcut, SHORTCUTS } from './shortcuts';

function typingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/**
 * Listens for the app-wide shortcuts. Modifier shortcuts work from inside fields too (locking must work
 * wherever the focus is); `?` only outside them, whatever keyboard layout produces it.
 */
export function useShortcutKeys(): void {
  useHotkeys(
    SHORTCUTS.filter((s) => s.keys.includes('+')).map((s) => [s.keys, () => void runShortcut(s.id)]),
    [],
    true,
  );
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (typingTarget(event.target) || event.defaultPrevented) return;
      if (runShortcut('help')) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
