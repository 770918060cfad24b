import { Alert, Button, Group, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { EmailImportProgress, ImportEmailsResult } from '../../../../shared/schemas/communications';

/**
 * Saved e-mails (.eml) into the case: dropped on the panel (Electron) or picked, several at once, each
 * imported on its own with a line of result; a progress bar while it runs, and Cancel.
 */
export function EmailImportPanel({
  matterId,
  onImported,
  onOpen,
}: {
  matterId: string;
  onImported: () => void;
  onOpen: (communicationId: string) => void;
}) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const [dropNotice, setDropNotice] = useState(false);
  const [operation, setOperation] = useState<string | null>(null);
  const operationRef = useRef<string | null>(null);
  const [progress, setProgress] = useState<EmailImportProgress | null>(null);
  const [result, setResult] = useState<ImportEmailsResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(
    () =>
      client.events.onCommunicationsProgress((event) => {
        if (event.operationId === operationRef.current) setProgress(event);
      }),
    [],
  );

  const run = async (paths: string[]) => {
    if (paths.length === 0 || operationRef.current) return;
    const operationId = crypto.randomUUID();
    operationRef.current = operationId;
    setOperation(operationId);
    setProgress(null);
    setResult(null);
    setError(null);
    setDropNotice(false);
    try {
      setResult(await client.communications.importEmails({ matterId, operationId, paths }));
      onImported();
    } catch (err) {
      setError(err);
    } finally {
      operationRef.current = null;
      setOperation(null);
    }
  };

  const choose = async () => {
    try {
      const { paths } = await client.communications.chooseEmails({});
      await run(paths);
    } catch (err) {
      setError(err);
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const paths = [...event.dataTransfer.files]
      .map((file) => client.pathForFile(file))
      .filter((p): p is string => Boolean(p));
    if (paths.length === 0) setDropNotice(true);
    else void run(paths);
  };

  const percent = progress
    ? (100 * (progress.fileIndex + (progress.step === 'done' ? 1 : 0.5))) / progress.fileCount
    : 0;

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      bg={dragging ? 'var(--mantine-color-blue-light)' : undefined}
      role="region"
      aria-label={t('communications.import.dropZone')}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={4}>{t('communications.import.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('communications.import.hint')}
            </Text>
          </Stack>
          <Button onClick={() => void choose()} disabled={operation !== null}>
            {t('communications.import.choose')}
          </Button>
        </Group>
        {dropNotice && (
          <Alert color="yellow" variant="light">
            {t('communications.import.dropUnavailable')}
          </Alert>
        )}
        {operation && (
          <Stack gap={4}>
            <Text size="sm">
              {progress
                ? t('communications.import.progress', {
                    index: progress.fileIndex + 1,
                    count: progress.fileCount,
                    name: progress.name,
                  })
                : t('communications.import.starting')}
            </Text>
            <Progress value={percent} animated aria-label={t('communications.import.progressLabel')} />
            <Group>
              <Button
                variant="default"
                size="xs"
                onClick={() => void client.communications.cancel({ operationId: operation })}
              >
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
        <ErrorAlert error={error} title={t('communications.import.failed')} />
        {result && (
          <Stack gap={4} aria-label={t('communications.import.results')} role="group">
            <List size="sm" spacing={4}>
              {result.results.map((r) => (
                <List.Item key={r.path}>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {r.name}
                    </Text>
                    <Text
                      size="sm"
                      c={r.status === 'failed' ? 'red' : r.status === 'duplicate' ? 'orange' : 'teal'}
                    >
                      {r.status === 'imported'
                        ? t('communications.import.imported', { count: r.attachments })
                        : r.status === 'duplicate'
                          ? t('communications.import.duplicate')
                          : t(`errors.${r.code ?? 'INTERNAL'}`)}
                    </Text>
                    {r.communicationId && (
                      <Button variant="subtle" size="compact-xs" onClick={() => onOpen(r.communicationId!)}>
                        {t('communications.import.open')}
                      </Button>
                    )}
                  </Group>
                </List.Item>
              ))}
            </List>
            {result.cancelled && (
              <Text size="sm" c="dimmed">
                {t('communications.import.cancelled')}
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
