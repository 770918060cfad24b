import { useCallback, useEffect, useState } from 'react';
import { client } from '../../../api/client';
import type { QueueStatus } from '../../../../../shared/schemas/extraction';

/** While the queue works, how often its state is read again in case a progress event was missed. */
const POLL_MS = 2000;

/**
 * The vault's extraction queue, kept current by its progress events (and a slow poll while it works),
 * with its controls. `error` holds the last failed call.
 */
export function useExtractionQueue(): ExtractionQueueControl {
  const [queue, setQueue] = useState<QueueStatus | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      setQueue(await client.extraction.queue({}));
    } catch (err) {
      setError(err);
    }
  }, []);

  useEffect(() => {
    void reload();
    return client.events.onExtractionProgress((progress) => setQueue(progress));
  }, [reload]);

  const working = queue?.running === true || (queue !== null && queue.pending > 0 && !queue.paused);
  useEffect(() => {
    if (!working) return undefined;
    const timer = window.setInterval(() => void reload(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [working, reload]);

  const act = useCallback(
    async (action: () => Promise<unknown>) => {
      setError(null);
      try {
        const answer = await action();
        if (answer && typeof answer === 'object' && 'pending' in answer) setQueue(answer as QueueStatus);
        else await reload();
      } catch (err) {
        setError(err);
      }
    },
    [reload],
  );

  return { queue, error, setError, reload, act };
}

export interface ExtractionQueueControl {
  queue: QueueStatus | null;
  error: unknown;
  setError: (error: unknown) => void;
  reload: () => Promise<void>;
  /** Runs a control (pause, resume…), then shows the queue it answers with or reads it again. */
  act: (action: () => Promise<unknown>) => Promise<void>;
}
