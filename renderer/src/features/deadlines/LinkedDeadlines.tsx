import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/useLoad';
import { DeadlineBadges } from './DeadlineBadges';
import { DueMoment } from './DueMoment';

/** The deadlines a communication created, with where each stands (fulfilled by a reply, open, overdue…). */
export function LinkedDeadlines({
  communicationId,
  refreshKey,
}: {
  communicationId: string;
  refreshKey?: unknown;
}) {
  const { t } = useTranslation();
  const list = useLoad(() => client.deadlines.list({ communicationId }), [communicationId, refreshKey]);
  const items = list.data?.items ?? [];
  return (
    <Stack gap="xs" component="section" aria-label={t('deadlines.linked.title')}>
      <Title order={4}>{t('deadlines.linked.title')}</Title>
      <ErrorAlert error={list.error} />
      {list.data && items.length === 0 && <Text size="sm">{t('deadlines.linked.none')}</Text>}
      {items.map((d) => (
        <Group key={d.id} justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {d.withheld ? d.matterReference : d.title}
            </Text>
            <DueMoment deadline={d} />
          </Stack>
          <DeadlineBadges deadline={d} />
        </Group>
      ))}
    </Stack>
  );
}
