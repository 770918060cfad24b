import { Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Shown while the passphrase is turned into the key (Argon2id, in a worker thread of the main process).
 * The derivation reports no progress of its own, so the bar is indeterminate and the text counts the
 * seconds since it was mounted.
 */
export function DerivingProgress() {
  const { t } = useTranslation();
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 250);
    return () => clearInterval(timer);
  }, []);
  return (
    <Stack gap={4} data-testid="deriving-progress">
      <Progress value={100} animated striped aria-label={t('keyDerivation.label')} />
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {t('keyDerivation.progress', { seconds })}
      </Text>
    </Stack>
  );
}
