import { Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { HiddenConfidentialNotice } from './HiddenConfidentialNotice';

interface MatterListStateProps {
  matterId: string;
  /** The loaded list, or null while loading. */
  list: { items: unknown[]; hiddenConfidential: number } | null;
  error: unknown;
  onErrorClose: () => void;
  onRevealed: () => void;
  emptyText: string;
}

/** What sits above a matter's list: its error, the hidden-confidential notice, loading, or "nothing yet". */
export function MatterListState({
  matterId,
  list,
  error,
  onErrorClose,
  onRevealed,
  emptyText,
}: MatterListStateProps) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={error} onClose={onErrorClose} />
      {list && (
        <HiddenConfidentialNotice
          count={list.hiddenConfidential}
          matterId={matterId}
          onRevealed={onRevealed}
        />
      )}
      {!list && !error && <Loader size="sm" aria-label={t('common.loading')} />}
      {list && list.items.length === 0 && (
        <Text c="dimmed" role="status">
          {emptyText}
        </Text>
      )}
    </>
  );
}
