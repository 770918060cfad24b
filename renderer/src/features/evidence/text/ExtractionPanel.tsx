import { Alert, Group, Paper, Progress, Stack, Switch, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../../api/client';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { ExtractionStatus } from '../../../../../shared/schemas/extraction';
import { ExtractionStateBadge } from './ExtractionStateBadge';

/** While this item waits or is read, how often its state is read again. */
const POLL_MS = 1500;

/**
 * One item's text for search: its state (with the reason when it could not be read, pages while it is
 * read), and the switch that keeps its text out of the index (turning it off deletes that text, after
 * asking).
 */
export function ExtractionPanel({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ExtractionStatus | null>(null);
  const [vaultOn, setVaultOn] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      const [item, queue] = await Promise.all([
        client.extraction.status({ id: itemId }),
        client.extraction.queue({}),
      ]);
      setStatus(item);
      setVaultOn(queue.enabled);
    } catch (err) {
      setError(err);
    }
  }, [itemId]);

  useEffect(() => {
    void reload();
    return client.events.onExtractionProgress(() => void reload());
  }, [reload]);

  const moving = status?.state === 'pending' || status?.state === 'running';
  useEffect(() => {
    if (!moving || !vaultOn) return undefined;
    const timer = window.setInterval(() => void reload(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [moving, vaultOn, reload]);

  const setEnabled = async (enabled: boolean) => {
    setError(null);
    try {
      setStatus(await client.extraction.setItem({ id: itemId, enabled }));
    } catch (err) {
      setError(err);
    }
  };

  if (!status) return error ? <ErrorAlert error={error} /> : null;
  const running = status.state === 'running';
  return (
    <Paper
      withBorder
      p="md"
      className="amparo-no-print"
      component="section"
      aria-label={t('evidenceText.item.title')}
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={4} size="h5">
            {t('evidenceText.item.title')}
          </Title>
          <ExtractionStateBadge status={status} />
        </Group>
        {!vaultOn && (
          <Text size="sm" c="dimmed">
            {t('evidenceText.item.vaultOff')}
          </Text>
        )}
        {running && (
          <Progress
            value={
              status.pagesTotal
                ? (Math.min(status.pagesDone, status.pagesTotal) / status.pagesTotal) * 100
                : 0
            }
            animated={!status.pagesTotal}
            striped={!status.pagesTotal}
            aria-label={t('evidenceText.queue.itemProgress')}
          />
        )}
        {status.state === 'failed' && status.reason && (
          <Alert color="orange" variant="light" p="xs" data-testid="extraction-reason">
            {t(`extractionText.reason.${status.reason}`)}
          </Alert>
        )}
        {status.state === 'done' && (
          <Text size="sm" c="dimmed">
            {status.pagesDone > 0
              ? t('evidenceText.item.pages', { count: status.pagesDone })
              : t('evidenceText.item.noText')}
            {status.engine &&
              ` · ${t('evidenceText.item.engine', { engine: status.engine, version: status.engineVersion ?? '' }).trim()}`}
          </Text>
        )}
        <Switch
          label={t('evidenceText.item.toggle')}
          description={t('evidenceText.item.toggleDescription')}
          checked={status.enabled}
          onChange={(event) => {
            if (event.currentTarget.checked) void setEnabled(true);
            else setConfirming(true);
          }}
        />
        <ErrorAlert error={error} onClose={() => setError(null)} />
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('evidenceText.item.confirmOffTitle')}
        confirmLabel={t('evidenceText.item.confirmOff')}
        danger
        onClose={() => setConfirming(false)}
        onConfirm={async () => {
          setStatus(await client.extraction.setItem({ id: itemId, enabled: false }));
          setConfirming(false);
        }}
      >
        <Text size="sm">{t('evidenceText.item.confirmOffBody')}</Text>
      </ConfirmDialog>
    </Paper>
  );
}
