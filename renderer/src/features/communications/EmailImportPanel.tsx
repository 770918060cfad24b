import { Button, Group, List, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { DropPanel } from '../../components/DropPanel';
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

  const percent = progress
    ? (100 * (progress.fileIndex + (progress.step === 'done' ? 1 : 0.5))) / progress.fileCount
    : 0;

  return (
    <DropPanel
      label={t('communications.import.dropZone')}
      title={t('communications.import.title')}
      titleOrder={4}
      hint={t('communications.import.hint')}
      chooseLabel={t('communications.import.choose')}
      onChoose={() => void choose()}
      busy={operation !== null}
      onPaths={(paths) => void run(paths)}
      dropUnavailable={t('communications.import.dropUnavailable')}
      progress={
        operation
          ? {
              text: progress
                ? t('communications.import.progress', {
                    index: progress.fileIndex + 1,
                    count: progress.fileCount,
                    name: progress.name,
                  })
                : t('communications.import.starting'),
              percent,
              label: t('communications.import.progressLabel'),
              cancelLabel: t('common.cancel'),
              onCancel: () => void client.communications.cancel({ operationId: operation }),
            }
          : null
      }
      outcome={
        <>
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
        </>
      }
    />
  );
}
