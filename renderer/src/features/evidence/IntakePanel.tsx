import { Alert, Button, Group, Paper, Progress, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumOptions } from '../../components/options';
import { CLASSIFICATIONS, type Classification } from '../../../../shared/schemas/classification';
import type { AddEvidenceResult, EvidenceProgress } from '../../../../shared/schemas/evidence';
import { formatBytes } from '../../app/format';
import { DateField } from '../../components/DateField';

interface IntakeDetails {
  source: string;
  acquisition: string;
  eventDate: string;
  classification: Classification;
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * Adding files to a case: drop them or pick them, with where they came from; one intake at a time, with
 * its progress and a cancel button, then a summary of what was added, skipped or refused.
 */
export function IntakePanel({ matterId, onTaken }: { matterId: string; onTaken: () => void }) {
  const { t, i18n } = useTranslation();
  const classifications = useEnumOptions('classification', CLASSIFICATIONS);
  const [details, setDetails] = useState<IntakeDetails>({
    source: '',
    acquisition: '',
    eventDate: '',
    classification: 'restricted',
  });
  const [operation, setOperation] = useState<string | null>(null);
  const [progress, setProgress] = useState<EvidenceProgress | null>(null);
  const [result, setResult] = useState<AddEvidenceResult | null>(null);
  const [intakeError, setIntakeError] = useState<unknown>(null);
  const [dropNotice, setDropNotice] = useState(false);
  const [dragging, setDragging] = useState(false);
  const operationRef = useRef<string | null>(null);

  useEffect(
    () =>
      client.events.onEvidenceProgress((event) => {
        if (event.operationId === operationRef.current) setProgress(event);
      }),
    [],
  );

  const take = useCallback(
    async (paths: string[]) => {
      if (paths.length === 0 || operationRef.current) return;
      const operationId = crypto.randomUUID();
      operationRef.current = operationId;
      setOperation(operationId);
      setProgress(null);
      setResult(null);
      setIntakeError(null);
      setDropNotice(false);
      try {
        const added = await client.evidence.add({
          matterId,
          operationId,
          paths,
          fields: {
            source: details.source,
            acquisition: details.acquisition,
            eventDate: isDate(details.eventDate) ? details.eventDate : null,
            classification: details.classification,
          },
        });
        setResult(added);
      } catch (err) {
        setIntakeError(err);
      } finally {
        operationRef.current = null;
        setOperation(null);
        onTaken();
      }
    },
    [matterId, details, onTaken],
  );

  const choose = async () => {
    try {
      const { paths } = await client.dialog.chooseFiles({});
      await take(paths);
    } catch (err) {
      setIntakeError(err);
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const paths = [...event.dataTransfer.files]
      .map((file) => client.pathForFile(file))
      .filter((p): p is string => Boolean(p));
    if (paths.length === 0) setDropNotice(true);
    else void take(paths);
  };

  const percent = progress && progress.bytesTotal > 0 ? (100 * progress.bytesDone) / progress.bytesTotal : 0;

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
      aria-label={t('evidence.intake.dropZone')}
      role="region"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3} size="h4">
              {t('evidence.intake.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('evidence.intake.hint')}
            </Text>
          </Stack>
          <Button onClick={() => void choose()} disabled={operation !== null}>
            {t('evidence.intake.choose')}
          </Button>
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label={t('evidence.fields.source')}
            description={t('evidence.fields.sourceHint')}
            value={details.source}
            onChange={(e) => setDetails({ ...details, source: e.currentTarget.value })}
            maxLength={300}
          />
          <TextInput
            label={t('evidence.fields.acquisition')}
            description={t('evidence.fields.acquisitionHint')}
            value={details.acquisition}
            onChange={(e) => setDetails({ ...details, acquisition: e.currentTarget.value })}
            maxLength={300}
          />
          <DateField
            label={t('evidence.fields.eventDate')}
            description={t('evidence.fields.eventDateHint')}
            value={details.eventDate}
            onChange={(value) => setDetails({ ...details, eventDate: value ?? '' })}
            clearable
          />
          <Select
            label={t('evidence.fields.classification')}
            data={classifications}
            value={details.classification}
            allowDeselect={false}
            onChange={(value) => value && setDetails({ ...details, classification: value as Classification })}
          />
        </Group>
        {operation && (
          <Stack gap={4} role="status" aria-live="polite">
            <Group justify="space-between">
              <Text size="sm">
                {progress
                  ? t('evidence.intake.progress', {
                      index: progress.fileIndex + 1,
                      count: progress.fileCount,
                      name: progress.name,
                      done: formatBytes(progress.bytesDone, i18n.language),
                      total: formatBytes(progress.bytesTotal, i18n.language),
                    })
                  : t('evidence.intake.starting')}
              </Text>
              <Button
                size="xs"
                variant="default"
                color="red"
                onClick={() => void client.evidence.cancel({ operationId: operation })}
              >
                {t('evidence.intake.cancel')}
              </Button>
            </Group>
            <Progress value={percent} animated aria-label={t('evidence.intake.progressLabel')} />
          </Stack>
        )}
        {dropNotice && (
          <Alert color="yellow" variant="light">
            {t('evidence.intake.dropUnavailable')}
          </Alert>
        )}
        <ErrorAlert error={intakeError} />
        {result && <IntakeSummary result={result} />}
      </Stack>
    </Paper>
  );
}

function IntakeSummary({ result }: { result: AddEvidenceResult }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {(result.added.length > 0 || (result.failed.length === 0 && !result.cancelled)) && (
        <Alert color="green" variant="light" role="status">
          {t('evidence.intake.added', { count: result.added.length })}
        </Alert>
      )}
      {result.cancelled && (
        <Alert color="gray" variant="light" role="status">
          {t('errors.CANCELLED')}
        </Alert>
      )}
      {result.empty.length > 0 && (
        <Alert color="yellow" variant="light">
          {t('evidence.intake.empty', { names: result.empty.join(', ') })}
        </Alert>
      )}
      {(result.linked ?? []).length > 0 && (
        <Alert color="blue" variant="light" title={t('evidence.intake.linked')}>
          {result.linked!.map((l) => (
            <Text key={l.link} size="sm">
              {t('evidence.intake.linkedItem', { link: l.link, target: l.target })}
            </Text>
          ))}
        </Alert>
      )}
      {(result.skipped ?? []).length > 0 && (
        <Alert
          color="yellow"
          variant="light"
          title={t('evidence.intake.skipped', { count: result.skipped!.length })}
        >
          {result.skipped!.map((s) => (
            <Text key={s.path} size="sm">
              <b>{s.path}</b>: {t(`evidence.intake.skippedReason.${s.reason}`)}
            </Text>
          ))}
        </Alert>
      )}
      {result.failed.length > 0 && (
        <Alert
          color="red"
          variant="light"
          title={t('evidence.intake.failed', { count: result.failed.length })}
        >
          {result.failed.map((f) => (
            <Text key={f.path} size="sm">
              <b>{f.name}</b>: {t(`errors.${f.code}`, { defaultValue: t('errors.INTERNAL') })}
            </Text>
          ))}
        </Alert>
      )}
    </Stack>
  );
}
