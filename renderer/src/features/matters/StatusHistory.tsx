import { Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/useLoad';
import type { Matter } from '../../../../shared/schemas/matter';
import { ChangeStatusPanel } from './ChangeStatusPanel';
import { formatIsoDate, formatTimestamp } from '../../app/format';

/** Where the matter has stood before the forum, with dates and who recorded each change. */
export function StatusHistory({ matter, onChanged }: { matter: Matter; onChanged: (m: Matter) => void }) {
  const { t, i18n } = useTranslation();
  const history = useLoad(
    () => client.matters.statusHistory({ matterId: matter.id }),
    [matter.id, matter.revision],
  );
  const [changing, setChanging] = useState(false);

  const items = history.data ? [...history.data].reverse() : null;

  return (
    <Stack gap="sm">
      <Group justify="space-between" maw={880}>
        <Title order={3}>{t('status.historyTitle')}</Title>
        {!changing && (
          <Button variant="default" onClick={() => setChanging(true)}>
            {t('status.change')}
          </Button>
        )}
      </Group>
      {changing && (
        <ChangeStatusPanel
          matter={matter}
          onChanged={(next) => {
            setChanging(false);
            onChanged(next);
          }}
          onCancel={() => setChanging(false)}
        />
      )}
      <ErrorAlert error={history.error} />
      {!history && <Loader size="sm" aria-label={t('common.loading')} />}
      {items && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('status.empty')}
        </Text>
      )}
      {items && items.length > 0 && (
        <Table.ScrollContainer minWidth={640} maw={880}>
          <Table aria-label={t('status.historyTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('status.changedOn')}</Table.Th>
                <Table.Th>{t('status.transition')}</Table.Th>
                <Table.Th>{t('status.actor')}</Table.Th>
                <Table.Th>{t('status.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((change) => (
                <Table.Tr key={String(change.id)}>
                  <Table.Td
                    style={{ whiteSpace: 'nowrap' }}
                    title={formatTimestamp(change.changedAt, i18n.language)}
                  >
                    {formatIsoDate(change.changedOn, i18n.language)}
                  </Table.Td>
                  <Table.Td>
                    {change.fromStatus
                      ? t('status.fromTo', {
                          from: t(`matterStatus.${change.fromStatus}`),
                          to: t(`matterStatus.${change.toStatus}`),
                        })
                      : t(`matterStatus.${change.toStatus}`)}
                  </Table.Td>
                  <Table.Td>{change.actor}</Table.Td>
                  <Table.Td className="amparo-prewrap">{change.note}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
