import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ListScaffold } from '../../components/ListScaffold';
import { useLoad } from '../../components/useLoad';
import type { DeletedItem } from '../../../../shared/schemas/trash';
import { formatTimestamp } from '../../app/format';

/** Deleted items: restorable until the user empties the bin (which purges them for good). */
export function TrashScreen() {
  const { t, i18n } = useTranslation();
  const deleted = useLoad(() => client.trash.list({}), []);
  const { data: items, setError, reload: refresh } = deleted;
  const [restoring, setRestoring] = useState<string | null>(null);
  const [emptying, setEmptying] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const restore = async (entry: DeletedItem) => {
    setRestoring(entry.entityId);
    setError(null);
    setNotice(null);
    try {
      await client.trash.restore({ entityType: entry.entityType, entityId: entry.entityId });
      setNotice(t('trash.restored', { label: entry.label }));
      refresh();
    } catch (err) {
      setError(err);
    } finally {
      setRestoring(null);
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('trash.title')}</Title>
        <Button
          color="red"
          variant="light"
          onClick={() => setEmptying(true)}
          disabled={!items || items.length === 0}
        >
          {t('trash.empty')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('trash.intro')}
      </Text>
      {notice && (
        <Text size="sm" c="teal" role="status">
          {notice}
        </Text>
      )}
      <ListScaffold load={deleted} items={(list) => list} emptyText={t('trash.nothing')}>
        {(items) => (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={t('trash.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('trash.item')}</Table.Th>
                  <Table.Th>{t('trash.type')}</Table.Th>
                  <Table.Th>{t('trash.deletedAt')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((entry) => (
                  <Table.Tr key={`${entry.entityType}:${entry.entityId}`}>
                    <Table.Td fw={500}>{entry.label}</Table.Td>
                    <Table.Td>{t(`entityType.${entry.entityType}`)}</Table.Td>
                    <Table.Td>{formatTimestamp(entry.deletedAt, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        loading={restoring === entry.entityId}
                        onClick={() => void restore(entry)}
                        aria-label={t('trash.restoreFor', { label: entry.label })}
                      >
                        {t('trash.restore')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListScaffold>
      <ConfirmDialog
        opened={emptying}
        title={t('trash.emptyTitle')}
        confirmLabel={t('trash.emptyConfirm')}
        danger
        onClose={() => setEmptying(false)}
        onConfirm={async () => {
          const { purged } = await client.trash.empty({});
          setEmptying(false);
          setNotice(t('trash.purged', { count: purged }));
          refresh();
        }}
      >
        <Text size="sm">{t('trash.emptyBody', { count: items?.length ?? 0 })}</Text>
      </ConfirmDialog>
    </Stack>
  );
}
