import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RestoreBackupForm } from './RestoreBackupForm';

/**
 * Settings' restore: the restored vault replaces the open one, so the app starts over on it (the core
 * reports it open and the Panel of the restored vault appears).
 */
export function RestoreBackupSection() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={3}>{t('bundles.restore.title')}</Title>
      <RestoreBackupForm onRestored={() => globalThis.location.reload()} />
    </Stack>
  );
}
