import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import type { DraftScreen } from './DraftContext';

/**
 * Right after unlock: finds the drafts kept in the vault, goes back to the screen of the newest one, and
 * says so. Returns what the draft context needs (keys still waiting for their forms).
 */
export function useRestoredDrafts(
  screen: DraftScreen,
  goTo: (screen: DraftScreen) => void,
  isKnownScreen: (screen: DraftScreen) => boolean,
  /** Where to go when no draft brings the user back (where they were at the lock), once that is known. */
  fallback?: DraftScreen,
) {
  const { t } = useTranslation();
  const [waiting, setWaiting] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    let active = true;
    client.drafts.get({}).then(
      ({ items, hiddenConfidential }) => {
        if (!active) return;
        setWaiting(new Set(items.map((draft) => draft.key)));
        const newest = items[0];
        if (newest && isKnownScreen(newest.screen)) {
          goTo(newest.screen);
          notifications.show({
            closeButtonProps: { 'aria-label': t('common.dismiss') },
            id: 'draft-restored',
            title: t('drafts.backTitle'),
            message: t('drafts.backNotice'),
            color: 'blue',
            autoClose: 8000,
          });
        } else if (fallback && isKnownScreen(fallback)) goTo(fallback);
        if (hiddenConfidential > 0) {
          notifications.show({
            closeButtonProps: { 'aria-label': t('common.dismiss') },
            message: t('drafts.hiddenConfidential', { count: hiddenConfidential }),
            color: 'gray',
            autoClose: 10000,
          });
        }
      },
      () => {
        if (active && fallback && isKnownScreen(fallback)) goTo(fallback);
      },
    );
    return () => {
      active = false;
    };
    // Once per unlock: the workspace mounts when the vault opens.
  }, []);

  const settle = useCallback(
    (key: string) =>
      setWaiting((prev) => {
        if (!prev.has(key)) return prev;
        const next = new Set(prev);
        next.delete(key);
        return next;
      }),
    [],
  );

  return useMemo(() => ({ screen, waiting, settle }), [screen, waiting, settle]);
}
