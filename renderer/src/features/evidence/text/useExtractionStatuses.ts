import { useEffect, useRef, useState } from 'react';
import { client } from '../../../api/client';
import type { ExtractionStatus } from '../../../../../shared/schemas/extraction';

/**
 * The extraction state of each listed item: read once, then kept current from the queue's progress
 * events (the item in hand shows its pages; an item the queue leaves is read again).
 */
export function useExtractionStatuses(itemIds: string[]): Map<string, ExtractionStatus> {
  const [statuses, setStatuses] = useState<Map<string, ExtractionStatus>>(new Map());
  const key = itemIds.join(',');
  const inHand = useRef<string | null>(null);

  useEffect(() => {
    let active = true;
    const ids = key ? key.split(',') : [];
    const listed = new Set(ids);
    const refresh = (id: string) =>
      client.extraction.status({ id }).then(
        (status) => active && setStatuses((prev) => new Map(prev).set(id, status)),
        // An item deleted meanwhile, or the vault locked: the row simply shows no state.
        () => undefined,
      );
    void Promise.all(ids.map(refresh));
    const unsubscribe = client.events.onExtractionProgress((queue) => {
      const current = queue.current?.itemId ?? null;
      if (inHand.current && inHand.current !== current && listed.has(inHand.current))
        void refresh(inHand.current);
      inHand.current = current;
      if (current && listed.has(current) && queue.current) {
        const { pagesDone, pagesTotal } = queue.current;
        setStatuses((prev) => {
          const before = prev.get(current);
          if (!before) return prev;
          return new Map(prev).set(current, { ...before, state: 'running', pagesDone, pagesTotal });
        });
      }
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, [key]);

  return statuses;
}
