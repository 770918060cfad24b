import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ListScaffold } from '../../components/ListScaffold';
import { useLoad } from '../../components/useLoad';
import { formatIsoDate, formatTimestamp } from '../../app/format';
import { CRITERIA, RATING_COLOR } from './criteria';
import { RiskForm } from './RiskForm';
import { useDraftPlace } from '../drafts/DraftContext';

/** The Art. 25 assessment (seriousness, urgency, irreparable harm), newest first; older ones are kept. */
export function RiskTab({ matterId }: { matterId: string }) {
  const { t, i18n } = useTranslation();
  const loaded = useLoad(
    () =>
      Promise.all([client.risk.list({ matterId }), client.incidents.list({ matterId, order: 'desc' })]).then(
        ([assessments, list]) => ({ assessments, incidents: list.items }),
      ),
    [matterId],
  );
  const { waiting } = useDraftPlace();
  const [adding, setAdding] = useState(() => waiting.has(`risk:new:${matterId}`));
  const assessments = loaded.data?.assessments ?? null;
  const incidents = useMemo(() => loaded.data?.incidents ?? [], [loaded.data]);
  const titles = useMemo(() => new Map(incidents.map((i) => [i.id, i])), [incidents]);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3}>{t('risk.title')}</Title>
        {!adding && assessments && <Button onClick={() => setAdding(true)}>{t('risk.new')}</Button>}
      </Group>
      <Text size="sm" c="dimmed">
        {t('risk.intro')}
      </Text>
      {adding && assessments && (
        <RiskForm
          matterId={matterId}
          previous={assessments?.[0]}
          incidents={incidents}
          onSaved={() => {
            setAdding(false);
            loaded.reload();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      <ListScaffold load={loaded} items={(data) => data.assessments} emptyText={t('risk.empty')}>
        {({ assessments }) => (
          <Stack
            component="ol"
            gap="sm"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('risk.history')}
          >
            {assessments.map((a, index) => (
              <Paper component="li" key={a.id} withBorder p="md">
                <Stack gap="xs">
                  <Group gap="xs">
                    <Text fw={700}>{formatIsoDate(a.assessedOn, i18n.language)}</Text>
                    {index === 0 && <Badge variant="light">{t('risk.current')}</Badge>}
                    <Text size="sm" c="dimmed">
                      {t('risk.by', { actor: a.actor, at: formatTimestamp(a.createdAt, i18n.language) })}
                    </Text>
                  </Group>
                  {CRITERIA.map((criterion) => (
                    <Stack key={criterion} gap={2}>
                      <Group gap="xs">
                        <Text size="sm" fw={600}>
                          {t(`risk.criteria.${criterion}`)}
                        </Text>
                        <Badge color={RATING_COLOR[a[criterion].rating]} variant="light">
                          {t(`riskRating.${a[criterion].rating}`)}
                        </Badge>
                      </Group>
                      {a[criterion].reasoning && (
                        <Text size="sm" className="amparo-prewrap">
                          {a[criterion].reasoning}
                        </Text>
                      )}
                    </Stack>
                  ))}
                  {a.incidentIds.length > 0 && (
                    <Text size="sm">
                      {t('risk.linked', {
                        titles: a.incidentIds
                          .map((id) => titles.get(id)?.title ?? t('risk.hiddenIncident'))
                          .join('; '),
                      })}
                    </Text>
                  )}
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </ListScaffold>
    </Stack>
  );
}
