import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { DropPanel } from '../../components/DropPanel';
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

// A calendar date that exists (2023-02-30 does not: Date would roll it over to March).
const isDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};
/** Empty, or a real date: anything else keeps the files out until it is fixed. */
const dateOk = (value: string) => value === '' || isDate(value);

/** A file or folder waiting for confirmation; unset fields follow the batch's. */
interface PendingRow {
  path: string;
  source?: string;
  eventDate?: string;
  classification?: Classification;
}

const baseName = (path: string) =>
  path
    .replace(/[\\/]+$/, '')
    .split(/[\\/]/)
    .pop() || path;

/**
 * Adding files to a case: drop them or pick them, with where they came from; one intake at a time, with
 * its progress and a cancel button, then a summary of what was added, skipped or refused.
 */
export function IntakePanel({
  matterId,
  onTaken,
  onOpen,
}: {
  matterId: string;
  onTaken: () => void;
  /** Opens an item of the case (the one a duplicate repeats). */
  onOpen?: (id: string) => void;
}) {
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
  const [pending, setPending] = useState<PendingRow[]>([]);
  const operationRef = useRef<string | null>(null);
  const rowValue = (row: PendingRow) => ({
    source: row.source ?? details.source,
    eventDate: row.eventDate ?? details.eventDate,
    classification: row.classification ?? details.classification,
  });
  // Typed text that is not a date, by field ('main' or a row's path): nothing is taken in until it is fixed.
  const [typedInvalid, setTypedInvalid] = useState<Record<string, boolean>>({});
  const markTyped = (key: string) => (invalid: boolean) =>
    setTypedInvalid((marks) => (marks[key] === invalid ? marks : { ...marks, [key]: invalid }));
  const datesOk =
    !Object.values(typedInvalid).some(Boolean) &&
    dateOk(details.eventDate) &&
    pending.every((row) => dateOk(rowValue(row).eventDate));
  const editRow = (index: number, change: Partial<PendingRow>) =>
    setPending((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  /** Chosen or dropped paths wait in the list, once each, until the user confirms. */
  const stage = (paths: string[]) => {
    setResult(null);
    setIntakeError(null);
    setPending((rows) => [
      ...rows,
      ...[...new Set(paths)].filter((p) => !rows.some((r) => r.path === p)).map((path) => ({ path })),
    ]);
  };

  useEffect(
    () =>
      client.events.onEvidenceProgress((event) => {
        if (event.operationId === operationRef.current) setProgress(event);
      }),
    [],
  );

  const take = useCallback(
    async (rows: PendingRow[]) => {
      if (rows.length === 0 || operationRef.current) return;
      const paths = rows.map((r) => r.path);
      const operationId = crypto.randomUUID();
      operationRef.current = operationId;
      setOperation(operationId);
      setProgress(null);
      setResult(null);
      setIntakeError(null);
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
          perPath: rows
            .filter((r) => r.source !== undefined || r.eventDate !== undefined || r.classification)
            .map((r) => ({
              path: r.path,
              ...(r.source !== undefined ? { source: r.source } : {}),
              ...(r.eventDate !== undefined ? { eventDate: r.eventDate ? r.eventDate : null } : {}),
              ...(r.classification ? { classification: r.classification } : {}),
            })),
        });
        setResult(added);
        setPending([]);
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
      stage(paths);
    } catch (err) {
      setIntakeError(err);
    }
  };

  const percent = progress && progress.bytesTotal > 0 ? (100 * progress.bytesDone) / progress.bytesTotal : 0;

  return (
    <DropPanel
      label={t('evidence.intake.dropZone')}
      title={t('evidence.intake.title')}
      titleOrder={3}
      hint={t('evidence.intake.hint')}
      chooseLabel={t('evidence.intake.choose')}
      onChoose={() => void choose()}
      busy={operation !== null}
      onPaths={stage}
      dropUnavailable={t('evidence.intake.dropUnavailable')}
      progress={
        operation
          ? {
              text: progress
                ? t('evidence.intake.progress', {
                    index: progress.fileIndex + 1,
                    count: progress.fileCount,
                    name: progress.name,
                    done: formatBytes(progress.bytesDone, i18n.language),
                    total: formatBytes(progress.bytesTotal, i18n.language),
                  })
                : t('evidence.intake.starting'),
              percent,
              label: t('evidence.intake.progressLabel'),
              cancelLabel: t('evidence.intake.cancel'),
              onCancel: () => void client.evidence.cancel({ operationId: operation }),
            }
          : null
      }
      outcome={
        <>
          <ErrorAlert error={intakeError} />
          {result && (
            <IntakeSummary
              result={result}
              onOpen={onOpen}
              onRemoved={(id) => {
                setResult((r) => r && { ...r, duplicates: r.duplicates?.filter((d) => d.id !== id) });
                onTaken();
              }}
            />
          )}
        </>
      }
    >
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
          error={dateOk(details.eventDate) && !typedInvalid.main ? undefined : t('validation.date')}
          onTypedInvalid={markTyped('main')}
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
      {pending.length > 0 && (
        <Stack gap="xs">
          <Text size="sm">{t('evidence.intakeRows.review', { count: pending.length })}</Text>
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label={t('evidence.intakeRows.tableLabel')} verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('evidence.intakeRows.file')}</Table.Th>
                  <Table.Th>{t('evidence.fields.source')}</Table.Th>
                  <Table.Th>{t('evidence.fields.eventDate')}</Table.Th>
                  <Table.Th>{t('evidence.fields.classification')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pending.map((row, index) => {
                  const value = rowValue(row);
                  const name = baseName(row.path);
                  return (
                    <Table.Tr key={row.path}>
                      <Table.Td maw={260} style={{ overflowWrap: 'anywhere' }} title={row.path}>
                        {name}
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          size="xs"
                          aria-label={t('evidence.intakeRows.sourceFor', { name })}
                          value={value.source}
                          maxLength={300}
                          onChange={(e) => editRow(index, { source: e.currentTarget.value })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <DateField
                          size="xs"
                          aria-label={t('evidence.intakeRows.dateFor', { name })}
                          value={value.eventDate}
                          // A red border marks the row; the alert under the list says what to fix (a
                          // small red message in each cell would be too faint to read).
                          error={!dateOk(value.eventDate) || typedInvalid[row.path] === true}
                          onTypedInvalid={markTyped(row.path)}
                          styles={{ input: { color: 'var(--mantine-color-text)' } }}
                          onChange={(date) => editRow(index, { eventDate: date ?? '' })}
                          clearable
                        />
                      </Table.Td>
                      <Table.Td>
                        <Select
                          size="xs"
                          aria-label={t('evidence.intakeRows.classificationFor', { name })}
                          data={classifications}
                          value={value.classification}
                          allowDeselect={false}
                          onChange={(v) => v && editRow(index, { classification: v as Classification })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('evidence.intakeRows.removeRow', { name })}
                          onClick={() => setPending((rows) => rows.filter((_, i) => i !== index))}
                        >
                          ×
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {!datesOk && (
            <Alert color="red" variant="light" role="alert">
              {t('evidence.intakeRows.fixDates')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending([])} disabled={operation !== null}>
              {t('evidence.intakeRows.discard')}
            </Button>
            <Button onClick={() => void take(pending)} disabled={!datesOk || operation !== null}>
              {t('evidence.intakeRows.confirm', { count: pending.length })}
            </Button>
          </Group>
        </Stack>
      )}
    </DropPanel>
  );
}

function IntakeSummary({
  result,
  onOpen,
  onRemoved,
}: {
  result: AddEvidenceResult;
  onOpen: ((id: string) => void) | undefined;
  onRemoved: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [removeError, setRemoveError] = useState<unknown>(null);
  const remove = async (id: string) => {
    setRemoveError(null);
    try {
      await client.trash.delete({ entityType: 'evidence', entityId: id });
      onRemoved(id);
    } catch (err) {
      setRemoveError(err);
    }
  };
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
      {(result.duplicates ?? []).map((d) => (
        <Alert key={d.id} color="yellow" variant="light" title={t('evidence.intakeRows.duplicateTitle')}>
          <Stack gap={6}>
            <Text size="sm">
              {t('evidence.intakeRows.duplicate', { name: d.name })}{' '}
              {onOpen ? (
                <Anchor component="button" type="button" size="sm" onClick={() => onOpen(d.existingId)}>
                  {d.existingTitle ?? t('evidence.intakeRows.confidentialItem')}
                </Anchor>
              ) : (
                <b>{d.existingTitle ?? t('evidence.intakeRows.confidentialItem')}</b>
              )}
            </Text>
            <Group gap="xs">
              <Button size="xs" variant="default" color="red" onClick={() => void remove(d.id)}>
                {t('evidence.intakeRows.removeDuplicate', { name: d.name })}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ))}
      <ErrorAlert error={removeError} />
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
