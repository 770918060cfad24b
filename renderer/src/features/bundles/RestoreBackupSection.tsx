import { Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RestoreBackupForm } from './RestoreBackupForm';

/**
 * Settings' restore: the restored vault replaces the open one, so the app starts over on it (the core
 * reports it open and the Panel of the restored vault appears). A region of its own: its fields share
 * words with the backup section above it.
 */
export function RestoreBackupSection() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={3} id={headingId}>
        {t('bundles.restore.title')}
      </Title>
      <Text size="sm">{t('bundles.restore.replacesOpen')}</Text>
      <RestoreBackupForm onRestored={() => globalThis.location.reload()} />
    </Stack>
  );
}
