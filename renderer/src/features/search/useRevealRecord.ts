import { useEffect } from 'react';

/** How long the found record stays highlighted. */
const HIGHLIGHT_MS = 4000;
/** How long to wait for the record's tab to load it before giving up. */
const WAIT_MS = 10_000;

/**
 * Once the element marked `data-record-id={recordId}` appears (its tab loads asynchronously), scrolls it
 * into view, focuses it for keyboard and screen-reader users, and highlights it for a few seconds.
 */
export function useRevealRecord(recordId: string | undefined): void {
  useEffect(() => {
    if (!recordId) return undefined;
    let timer: number | undefined;
    const find = () => document.querySelector<HTMLElement>(`[data-record-id="${CSS.escape(recordId)}"]`);
    const reveal = (el: HTMLElement) => {
      observer.disconnect();
      el.scrollIntoView({ block: 'center' });
      if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
      el.focus({ preventScroll: true });
      el.classList.add('amparo-found');
      el.setAttribute('data-found', 'true');
      timer = window.setTimeout(() => {
        el.classList.remove('amparo-found');
        el.removeAttribute('data-found');
      }, HIGHLIGHT_MS);
    };
    const observer = new MutationObserver(() => {
      const el = find();
      if (el) reveal(el);
    });
    const now = find();
    if (now) reveal(now);
    else observer.observe(document.body, { childList: true, subtree: true });
    const giveUp = window.setTimeout(() => observer.disconnect(), WAIT_MS);
    return () => {
      observer.disconnect();
      window.clearTimeout(giveUp);
      if (timer) window.clearTimeout(timer);
    };
  }, [recordId]);
}
