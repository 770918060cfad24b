import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { useLoad } from '../../components/useLoad';

/**
 * On the Panel: no backup for as many days as the vault's setting allows (or never, in a vault that old).
 * A laptop gets seized without warning, so the reminder is where the lawyer looks first.
 */
export function BackupReminder({ onOpenSettings }: { onOpenSettings: () => void }) {
  const { t } = useTranslation();
  const status = useLoad(() => client.backup.status({}), []);
  if (!status.data?.due) return null;
  return (
    <Alert color="orange" variant="light" title={t('bundles.reminder.title')} data-testid="backup-reminder">
      {t(status.data.lastBackupAt ? 'bundles.reminder.since' : 'bundles.reminder.never', {
        days: status.data.remindAfterDays,
      })}{' '}
      <Button size="compact-sm" variant="light" color="orange" onClick={onOpenSettings}>
        {t('bundles.reminder.open')}
      </Button>
    </Alert>
  );
}
