import { Stack, Switch, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExtractionQueueView } from '../evidence/text/ExtractionQueuePanel';
import { useExtractionQueue } from '../evidence/text/useExtractionQueue';

/** The vault's switch for reading documents' text into search, and the queue of documents being read. */
export function ExtractionSection() {
  const { t } = useTranslation();
  const control = useExtractionQueue();
  const { queue, error, setError, act } = control;
  const [pending, setPending] = useState<boolean | null>(null);

  return (
    <Stack gap="xs" component="section" aria-labelledby="extraction-settings-title">
      <Title order={3} id="extraction-settings-title">
        {t('evidenceText.settings.title')}
      </Title>
      <Switch
        label={t('evidenceText.settings.switch')}
        description={t('evidenceText.settings.description')}
        checked={pending ?? queue?.enabled ?? false}
        disabled={!queue || pending !== null}
        onChange={(event) => {
          const enabled = event.currentTarget.checked;
          setPending(enabled);
          void act(() => client.extraction.setVaultEnabled({ enabled })).finally(() => setPending(null));
        }}
      />
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {queue && !queue.enabled ? null : <ExtractionQueueView always control={control} />}
    </Stack>
  );
}
