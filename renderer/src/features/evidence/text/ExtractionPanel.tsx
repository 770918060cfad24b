import { Alert, Group, Paper, Progress, Stack, Switch, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../../api/client';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { ExtractionStatus } from '../../../../../shared/schemas/extraction';
import { ExtractionStateBadge, isWithoutText } from './ExtractionStateBadge';

/** While this item waits, how often its state is read again. */
const POLL_MS = 3000;

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

  const [version, setVersion] = useState(0);
  const inHand = useRef(false);

  useEffect(() => {
    let active = true;
    Promise.all([client.extraction.status({ id: itemId }), client.extraction.queue({})]).then(
      ([item, queue]) => {
        if (!active) return;
        setStatus(item);
        setVaultOn(queue.enabled);
      },
      (err: unknown) => active && setError(err),
    );
    return () => {
      active = false;
    };
  }, [itemId, version]);

  // Progress events: this item's pages while it is read; read again once the queue leaves it.
  useEffect(
    () =>
      client.events.onExtractionProgress((queue) => {
        setVaultOn(queue.enabled);
        const current = queue.current?.itemId === itemId ? queue.current : null;
        if (current) {
          inHand.current = true;
          setStatus(
            (prev) =>
              prev && {
                ...prev,
                state: 'running',
                pagesDone: current.pagesDone,
                pagesTotal: current.pagesTotal,
              },
          );
        } else if (inHand.current) {
          inHand.current = false;
          setVersion((v) => v + 1);
        }
      }),
    [itemId],
  );

  // Waiting for its turn: look again now and then (the queue may be paused, or reading other items).
  const waiting = status?.state === 'pending';
  useEffect(() => {
    if (!waiting || !vaultOn) return undefined;
    const timer = window.setInterval(() => setVersion((v) => v + 1), POLL_MS);
    return () => window.clearInterval(timer);
  }, [waiting, vaultOn]);

  const setEnabled = async (enabled: boolean) => {
    setError(null);
    try {
      setStatus(await client.extraction.setItemEnabled({ id: itemId, enabled }));
    } catch (err) {
      setError(err);
    }
  };

  if (!status) return error ? <ErrorAlert error={error} /> : null;
  // Audio, video and other files without text: nothing to switch.
  if (isWithoutText(status)) return null;
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
          setStatus(await client.extraction.setItemEnabled({ id: itemId, enabled: false }));
          setConfirming(false);
        }}
      >
        <Text size="sm">{t('evidenceText.item.confirmOffBody')}</Text>
      </ConfirmDialog>
    </Paper>
  );
}
