import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { useLoad } from '../../components/useLoad';
import type { Matter } from '../../../../shared/schemas/matter';
import { formatIsoDate } from '../../app/format';
import { incidentDate } from '../incidents/labels';

/**
 * The place for what comes next in the case. Until follow-up work (deadlines, tasks) fills it, it shows
 * where the case stands: the latest status and the latest fact. Hidden when there is nothing to say.
 */
export function NextSteps({ matter, onOpenTimeline }: { matter: Matter; onOpenTimeline: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const history = useLoad(
    () => client.matters.statusHistory({ matterId: matter.id }),
    [matter.id, matter.revision],
  );
  const facts = useLoad(() => client.incidents.list({ matterId: matter.id, order: 'desc' }), [matter.id]);
  const status = history.data?.at(-1);
  const fact = facts.data?.items[0];
  if (!status && !fact) return null;
  return (
    <Paper withBorder p="md" maw={880} component="section" aria-labelledby="next-steps-title">
      <Stack gap="xs">
        <Title order={3} size="h4" id="next-steps-title">
          {t('nextSteps.title')}
        </Title>
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
      </Stack>
    </Paper>
  );
}
