import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { formatIsoDate } from '../../app/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/useLoad';
import { BackupReminder } from '../bundles/BackupReminder';
import { WeeklyDeadlinesChart } from '../charts/WeeklyDeadlinesChart';
import { DeadlineSection, type DeadlineOpeners } from './DeadlineSection';
import { InactivitySection } from './InactivitySection';
import { useViewer } from './viewer';

/** The first screen after unlock: what is overdue and due soon across all cases, and which cases went quiet. */
export function DashboardScreen({
  openers,
  onOpenCalendar,
  onOpenSettings,
}: {
  openers: DeadlineOpeners;
  onOpenCalendar: () => void;
  onOpenSettings: () => void;
}) {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  const load = useLoad(() => client.dashboard.get(viewer), [viewer.zone, viewer.weekStartsOn]);
  const d = load.data;
  const language = i18n.language;
  return (
    <Stack gap="lg" maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{t('dashboard.title')}</Title>
        <Button variant="default" onClick={onOpenCalendar}>
          {t('dashboard.openCalendar')}
        </Button>
      </Group>
      <BackupReminder onOpenSettings={onOpenSettings} />
      <ErrorAlert error={load.error} onClose={() => load.setError(null)} />
      {!d && load.loading && <Loader aria-label={t('common.loading')} />}
      {d && (
        <>
          <Text size="sm" c="dimmed">
            {t('dashboard.today', { date: formatIsoDate(d.today, language), zone: d.zone })}
          </Text>
          <DeadlineSection
            id="dashboard-overdue"
            title={t('dashboard.overdue')}
            empty={t('dashboard.emptyOverdue')}
            items={d.overdue.items}
            total={d.overdue.total}
            openers={openers}
          />
          <DeadlineSection
            id="dashboard-week"
            title={t('dashboard.thisWeek', { date: formatIsoDate(d.weekEnd, language) })}
            empty={t('dashboard.emptyWeek')}
            items={d.thisWeek.items}
            total={d.thisWeek.total}
            openers={openers}
          />
          <DeadlineSection
            id="dashboard-month"
            title={t('dashboard.thisMonth', { date: formatIsoDate(d.monthEnd, language) })}
            empty={t('dashboard.emptyMonth')}
            items={d.thisMonth.items}
            total={d.thisMonth.total}
            openers={openers}
          />
          <InactivitySection
            inactivity={d.inactivity}
            onOpenCase={openers.onOpenCase}
            onOpenSettings={onOpenSettings}
          />
          <WeeklyDeadlinesChart weeks={d.perWeek} />
        </>
      )}
    </Stack>
  );
}
