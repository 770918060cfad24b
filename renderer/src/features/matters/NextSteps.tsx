import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { useLoad } from '../../components/useLoad';
import type { Matter } from '../../../../shared/schemas/matter';
import { formatIsoDate } from '../../app/format';
import { incidentDate } from '../incidents/labels';
import { CaseCharts } from '../charts/CaseCharts';
import { DueText } from '../dashboard/DueText';
import { PlaceLink } from '../dashboard/links';
import { useViewer } from '../dashboard/viewer';
import type { MatterTab } from './MatterScreen';

const STATUS_COLOR = { overdue: 'red', dueSoon: 'orange', open: 'blue' } as const;

/**
 * What comes next in the case: its next open deadlines and the requests still unanswered, then where the
 * case stands (the latest status and fact), and below, the escalation and measures charts.
 */
export function NextSteps({
  matter,
  onOpenTimeline,
  onOpenTab,
}: {
  matter: Matter;
  onOpenTimeline: () => void;
  onOpenTab?: (tab: MatterTab) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const viewer = useViewer();
  const history = useLoad(
    () => client.matters.statusHistory({ matterId: matter.id }),
    [matter.id, matter.revision],
  );
  const facts = useLoad(() => client.incidents.list({ matterId: matter.id, order: 'desc' }), [matter.id]);
  const figures = useLoad(
    () => client.dashboard.case({ matterId: matter.id, zone: viewer.zone }),
    [matter.id, viewer.zone],
  );
  const status = history.data?.at(-1);
  const fact = facts.data?.items[0];
  const next = figures.data?.nextDeadlines ?? [];
  const unanswered = figures.data?.unanswered ?? [];
  const open = (tab: MatterTab) => onOpenTab?.(tab);
  if (!status && !fact && next.length === 0 && unanswered.length === 0 && !figures.data) return null;
  return (
    <>
      <Paper withBorder p="md" maw={880} component="section" aria-labelledby="next-steps-title">
        <Stack gap="xs">
          <Title order={3} size="h4" id="next-steps-title">
            {t('nextSteps.title')}
          </Title>
          {next.length > 0 && (
            <Stack gap={4} data-testid="next-deadlines">
              <Text size="sm" fw={600}>
                {t('nextSteps.deadlines')}
              </Text>
              {next.map((d) => (
                <Group key={d.deadlineId} gap="xs" wrap="wrap">
                  <PlaceLink onClick={() => open('deadlines')}>
                    {d.title ?? t('dashboard.confidential')}
                  </PlaceLink>
                  <DueText due={d.due} />
                  {d.timeStatus && d.timeStatus !== 'open' && (
                    <Badge size="xs" variant="light" color={STATUS_COLOR[d.timeStatus]}>
                      {t(`dashboard.timeStatus.${d.timeStatus}`)}
                    </Badge>
                  )}
                </Group>
              ))}
            </Stack>
          )}
          {unanswered.length > 0 && (
            <Stack gap={4} data-testid="unanswered-requests">
              <Text size="sm" fw={600}>
                {t('nextSteps.unanswered', { count: unanswered.length })}
              </Text>
              {unanswered.map((u) => (
                <Group key={u.id} gap="xs" wrap="wrap">
                  <PlaceLink onClick={() => open('correspondence')}>
                    {u.subject ?? t('dashboard.confidentialCommunication')}
                  </PlaceLink>
                  <Text size="sm" c="dimmed">
                    {t('nextSteps.received', { date: formatIsoDate(u.notifiedOn ?? u.occurredOn, language) })}
                  </Text>
                  {u.deadline ? (
                    <DueText due={u.deadline.due} />
                  ) : (
                    <Text size="sm">{t('nextSteps.noDeadline')}</Text>
                  )}
                </Group>
              ))}
            </Stack>
          )}
          {status && (
            <Text size="sm">
              {t('nextSteps.status', {
                status: t(`matterStatus.${status.toStatus}`),
                date: formatIsoDate(status.changedOn, language),
              })}
              {status.note ? ` — ${status.note}` : ''}
            </Text>
          )}
          {fact && (
            <Text size="sm" className="amparo-wrap-anywhere">
              {t('nextSteps.lastFact', { date: incidentDate(t, fact, language) })}{' '}
              <Text
                component="button"
                type="button"
                size="sm"
                c="var(--mantine-primary-color-filled)"
                td="underline"
                onClick={onOpenTimeline}
                style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer' }}
              >
                {fact.title}
              </Text>
            </Text>
          )}
          {!status && !fact && next.length === 0 && unanswered.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('nextSteps.nothing')}
            </Text>
          )}
        </Stack>
      </Paper>
      {figures.data && <CaseCharts data={figures.data} />}
    </>
  );
}
