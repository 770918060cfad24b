import { Button, Center, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';

/** Shown while the app asks the core for settings and vault state, or when that failed. */
export function StartScreen({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md">
      {error ? (
        <Stack maw={480}>
          <ErrorAlert error={error} title={t('start.failed')} />
          <Button onClick={onRetry}>{t('common.retry')}</Button>
        </Stack>
      ) : (
        <Loader aria-label={t('common.loading')} />
      )}
    </Center>
  );
}
