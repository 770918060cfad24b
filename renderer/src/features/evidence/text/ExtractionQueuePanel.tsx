import { Alert, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useExtractionQueue, type ExtractionQueueControl } from './useExtractionQueue';

/**
 * The documents waiting to have their text read: the one in hand with its pages, the whole queue, and
 * pause / resume / stop. Hidden while there is nothing to read, unless `always`.
 */
export function ExtractionQueuePanel({
  refresh,
  ...props
}: {
  matterId?: string;
  always?: boolean;
  /** Changed by the parent when it added or removed items: the counts are read again. */
  refresh?: number;
}) {
  const control = useExtractionQueue();
  const { reload } = control;
  useEffect(() => {
    if (refresh) void reload();
  }, [refresh, reload]);
  return <ExtractionQueueView {...props} control={control} />;
}

/** The panel over a queue state its parent already holds (Settings, beside the vault switch). */
export function ExtractionQueueView({
  matterId,
  always = false,
  control,
}: {
  matterId?: string;
  always?: boolean;
  control: ExtractionQueueControl;
}) {
  const { t } = useTranslation();
  const { queue, error, setError, act } = control;
  if (!queue) return null;
  const busy = queue.running || queue.pending > 0;
  if (!always && !busy && !queue.paused) return null;

  const all = queue.done + queue.failed + queue.pending;
  const queuePercent = all > 0 ? ((queue.done + queue.failed) / all) * 100 : 100;
  const current = queue.current;
  const itemPercent =
    current && current.pagesTotal
      ? (Math.min(current.pagesDone, current.pagesTotal) / current.pagesTotal) * 100
      : 0;

  return (
    <Paper
      withBorder
      p="sm"
      data-testid="extraction-queue"
      aria-label={t('evidenceText.queue.title')}
      component="section"
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={4} size="h5">
            {t('evidenceText.queue.title')}
          </Title>
          {queue.enabled && (
            <Group gap="xs">
              {queue.paused ? (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => void act(() => client.extraction.resume({}))}
                >
                  {t('evidenceText.queue.resume')}
                </Button>
              ) : (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => void act(() => client.extraction.pause({}))}
                >
                  {t('evidenceText.queue.pause')}
                </Button>
              )}
              {current && (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => void act(() => client.extraction.cancel({}))}
                >
                  {t('evidenceText.queue.cancel')}
                </Button>
              )}
            </Group>
          )}
        </Group>
        {!queue.enabled && (
          <Text size="sm" c="dimmed">
            {t('evidenceText.queue.off')}
          </Text>
        )}
        {queue.enabled && current && (
          <Stack gap={4}>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {current.pagesTotal
                ? t('evidenceText.queue.currentPages', {
                    title: current.title,
                    done: current.pagesDone,
                    total: current.pagesTotal,
                  })
                : t('evidenceText.queue.current', { title: current.title })}
            </Text>
            <Progress
              value={itemPercent}
              animated={!current.pagesTotal}
              striped={!current.pagesTotal}
              aria-label={t('evidenceText.queue.itemProgress')}
              data-testid="extraction-item-progress"
            />
          </Stack>
        )}
        {queue.enabled && (
          <Stack gap={4}>
            <Progress
              value={queuePercent}
              color="teal"
              aria-label={t('evidenceText.queue.queueProgress')}
              data-testid="extraction-queue-progress"
            />
            <Text size="sm" c="dimmed" role="status">
              {t('evidenceText.queue.counts', {
                done: queue.done,
                pending: queue.pending,
                failed: queue.failed,
                disabled: queue.disabled,
              })}
            </Text>
          </Stack>
        )}
        {queue.enabled && queue.paused && (
          <Alert color="yellow" variant="light" p="xs">
            {t('evidenceText.queue.paused')}
          </Alert>
        )}
        {queue.enabled && !busy && !queue.paused && (
          <Text size="sm" c="dimmed">
            {t('evidenceText.queue.idle')}
          </Text>
        )}
        {queue.enabled && !queue.running && !queue.paused && queue.pending > 0 && (
          <Group>
            <Button
              size="xs"
              variant="light"
              onClick={() => void act(() => client.extraction.start(matterId ? { matterId } : {}))}
            >
              {t('evidenceText.queue.start')}
            </Button>
          </Group>
        )}
        <ErrorAlert error={error} onClose={() => setError(null)} />
      </Stack>
    </Paper>
  );
}
