import { Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HiddenConfidentialNotice } from '../features/confidential/HiddenConfidentialNotice';
import { ErrorAlert } from './ErrorAlert';
import type { Loaded } from './useLoad';

interface ListScaffoldProps<T> {
  /** What `useLoad` returned for this list. */
  load: Loaded<T>;
  /** The rows of the loaded value. */
  items: (data: T) => readonly unknown[];
  emptyText: ReactNode;
  /**
   * Lists that hide confidential records: how many are hidden, and the matter whose records the notice
   * reveals (none: confidential cases and people in vault-wide lists). After a reveal the list reloads.
   */
  hiddenConfidential?: { count: (data: T) => number; matterId?: string };
  errorTitle?: string;
  /** The list itself, drawn only when there is at least one row. */
  children: (data: T) => ReactNode;
}

/** Every list's frame: its error, the hidden-confidential notice, loading, "nothing yet", or the rows. */
export function ListScaffold<T>({
  load,
  items,
  emptyText,
  hiddenConfidential,
  errorTitle,
  children,
}: ListScaffoldProps<T>) {
  const { t } = useTranslation();
  const { data, error } = load;
  const rows = data === null ? null : items(data);
  return (
    <>
      <ErrorAlert error={error} title={errorTitle} onClose={() => load.setError(null)} />
      {data !== null && hiddenConfidential && (
        <HiddenConfidentialNotice
          count={hiddenConfidential.count(data)}
          matterId={hiddenConfidential.matterId}
          onRevealed={load.reload}
        />
      )}
      {data === null && !error && <Loader size="sm" aria-label={t('common.loading')} />}
      {rows && rows.length === 0 && (
        <Text c="dimmed" role="status">
          {emptyText}
        </Text>
      )}
      {data !== null && rows && rows.length > 0 && children(data)}
    </>
  );
}
