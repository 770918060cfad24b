import { Button, Group, Loader, Paper, Table, Text } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';
import type { Loaded } from './useLoad';

/** A case tab's list of records: its error, loading, "nothing yet", or a striped table with its headings. */
export function RecordTable<T>({
  load,
  label,
  emptyText,
  headings,
  paperStyle,
  children,
}: {
  load: Pick<Loaded<readonly T[]>, 'data' | 'error'>;
  /** The table's accessible name. */
  label: string;
  emptyText: string;
  headings: string[];
  paperStyle?: CSSProperties;
  /** One row a record. */
  children: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={load.error} />
      {!load.data ? (
        !load.error && <Loader aria-label={t('common.loading')} />
      ) : load.data.length === 0 ? (
        <Text c="dimmed">{emptyText}</Text>
      ) : (
        <Paper withBorder style={paperStyle}>
          <Table striped highlightOnHover aria-label={label}>
            <Table.Thead>
              <Table.Tr>
                {headings.map((h) => (
                  <Table.Th key={h}>{h}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{load.data.map(children)}</Table.Tbody>
          </Table>
        </Paper>
      )}
    </>
  );
}

/** The Open / Delete pair at the end of a record's row; the labels say which record. */
export function OpenDeleteActions({
  openText,
  openLabel,
  deleteLabel,
  onOpen,
  onDelete,
}: {
  openText: string;
  openLabel: string;
  deleteLabel: string;
  onOpen: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="xs" variant="light" onClick={onOpen} aria-label={openLabel}>
        {openText}
      </Button>
      <Button size="xs" variant="subtle" color="red" onClick={onDelete} aria-label={deleteLabel}>
        {t('common.delete')}
      </Button>
    </Group>
  );
}
