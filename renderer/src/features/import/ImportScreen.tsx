import { Alert, Anchor, Button, Group, List, Progress, Stack, Stepper, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, errorCode } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ClassificationBadge } from '../confidential/ClassificationBadge';
import type {
  ImportPreview,
  ImportProgress,
  ImportReport,
  ImportResult,
  TableMapping,
} from '../../../../shared/schemas/import';
import { MappingStep, missingFields } from './MappingStep';
import { ReportView } from './ReportView';

const STEPS = ['file', 'mapping', 'check', 'import'] as const;

/**
 * The spreadsheet import wizard: choose a file, map its columns (guessed from the headers), see the dry
 * run's refused rows with their reasons, then import in one transaction with progress and cancel.
 */
export function ImportScreen({ onOpenMatter }: { onOpenMatter: (id: string) => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [path, setPath] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<TableMapping[]>([]);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const operationRef = useRef<string | null>(null);
  const sampleRequest = useRef(0);

  useEffect(
    () =>
      client.events.onImportProgress((event) => {
        if (event.operationId === operationRef.current) setProgress(event);
      }),
    [],
  );

  const choose = async () => {
    setError(null);
    try {
      const chosen = await client.dialog.chooseSpreadsheet({});
      if (!chosen.path) return;
      setBusy(true);
      const read = await client.import.preview({ path: chosen.path });
      setPath(chosen.path);
      setPreview(read);
      setMapping(read.tables.map((table) => table.mapping));
      setReport(null);
      setStep(1);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  /** A new mapping changes which columns' first values the core may show: ask again. */
  const changeMapping = async (next: TableMapping[]) => {
    const before = mapping;
    setMapping(next);
    if (!path) return;
    const request = ++sampleRequest.current;
    try {
      const read = await client.import.preview({ path, mapping: { tables: next } });
      if (request !== sampleRequest.current) return;
      // A table whose kind just changed (no columns yet) takes the columns guessed for its new kind.
      const guessed = next.map((m, i) =>
        m.kind !== before[i]?.kind && m.kind !== 'skip' && !Object.values(m.columns).some(Boolean)
          ? (read.tables[i]?.mapping ?? m)
          : m,
      );
      if (guessed.some((m, i) => m !== next[i])) setMapping(guessed);
      setPreview((current) =>
        current
          ? {
              ...current,
              tables: current.tables.map((table, i) => ({
                ...table,
                sampleRows: read.tables[i]?.sampleRows ?? [],
              })),
            }
          : current,
      );
    } catch (err) {
      setError(err);
    }
  };

  const check = async () => {
    if (!path) return;
    setError(null);
    setBusy(true);
    try {
      setReport(await client.import.dryRun({ path, mapping: { tables: mapping } }));
      setStep(2);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const run = async () => {
    if (!path || !report) return;
    const operationId = crypto.randomUUID();
    operationRef.current = operationId;
    setError(null);
    setProgress(null);
    setCancelled(false);
    setStep(3);
    try {
      const done = await client.import.run({
        path,
        mapping: { tables: mapping },
        operationId,
        acceptRefusals: report.refusals.length > 0,
        expectedSha256: report.sha256,
      });
      setResult(done);
      setStep(4);
    } catch (err) {
      if (errorCode(err) === 'CANCELLED') {
        setCancelled(true);
        setStep(2);
      } else {
        setError(err);
        setStep(2);
      }
    } finally {
      operationRef.current = null;
    }
  };

  const restart = () => {
    setStep(0);
    setPath(null);
    setPreview(null);
    setMapping([]);
    setReport(null);
    setResult(null);
    setProgress(null);
    setCancelled(false);
  };

  const incomplete = mapping.some((m) => missingFields(m).length > 0);
  const accepted = report
    ? report.counts.cases.accepted + report.counts.people.accepted + report.counts.facts.accepted
    : 0;
  const percent = progress && progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : 0;

  return (
    <Stack gap="md">
      <Title order={2}>{t('import.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('import.intro')}
      </Text>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Stepper active={step} allowNextStepsSelect={false} size="sm">
        {STEPS.map((name) => (
          <Stepper.Step key={name} label={t(`import.steps.${name}`)} />
        ))}
        <Stepper.Completed>{null}</Stepper.Completed>
      </Stepper>

      {step === 0 && (
        <Group>
          <Button onClick={() => void choose()} loading={busy}>
            {t('import.chooseFile')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('import.noFile')}
          </Text>
        </Group>
      )}

      {preview && step >= 1 && step <= 2 && (
        <Stack gap={2}>
          <Text size="sm" fw={500} data-testid="import-file">
            {t('import.fileInfo', { name: preview.fileName, format: preview.format.toUpperCase() })}
          </Text>
          {preview.encoding && (
            <Text size="xs" c="dimmed">
              {t('import.csvInfo', {
                encoding: preview.encoding.toUpperCase(),
                delimiter: preview.delimiter === '\t' ? 'TAB' : preview.delimiter,
              })}
            </Text>
          )}
        </Stack>
      )}

      {step === 1 && preview && (
        <>
          <MappingStep
            tables={preview.tables}
            mapping={mapping}
            onChange={(next) => void changeMapping(next)}
          />
          <Group>
            <Button variant="default" onClick={restart}>
              {t('import.back')}
            </Button>
            <Button onClick={() => void check()} loading={busy} disabled={incomplete}>
              {t('import.check')}
            </Button>
          </Group>
        </>
      )}

      {step === 2 && report && (
        <>
          {cancelled && (
            <Alert color="gray" variant="light" role="status">
              {t('import.cancelled')}
            </Alert>
          )}
          <ReportView report={report} />
          <Group>
            <Button variant="default" onClick={() => setStep(1)}>
              {t('import.fixMapping')}
            </Button>
            {accepted > 0 ? (
              <Button onClick={() => void run()}>
                {report.refusals.length > 0 ? t('import.importAccepted') : t('import.importAll')}
              </Button>
            ) : (
              <Text size="sm">{t('import.nothingToImport')}</Text>
            )}
          </Group>
        </>
      )}

      {step === 3 && (
        <Stack gap="sm">
          <Text size="sm" role="status">
            {t(`import.phase.${progress?.phase ?? 'reading'}`, {
              done: progress?.done ?? 0,
              total: progress?.total ?? 0,
            })}
          </Text>
          <Progress
            value={progress?.phase === 'writing' || progress?.phase === 'done' ? percent : 5}
            animated
            aria-label={t('import.progressLabel')}
          />
          <Group>
            <Button
              variant="default"
              onClick={() => {
                const id = operationRef.current;
                if (id) void client.import.cancel({ operationId: id });
              }}
            >
              {t('import.cancel')}
            </Button>
          </Group>
        </Stack>
      )}

      {step === 4 && result && (
        <Stack gap="sm">
          <Alert color="teal" variant="light" role="status">
            {t('import.result', {
              cases: t('import.nCases', { count: result.cases.length }),
              people: t('import.nPeople', { count: result.people }),
              facts: t('import.nFacts', { count: result.facts }),
            })}{' '}
            {result.refused > 0 && t('import.resultRefused', { count: result.refused })}
          </Alert>
          {result.cases.length > 0 && (
            <>
              <Title order={3} size="h4">
                {t('import.importedCases')}
              </Title>
              <List spacing={4}>
                {result.cases.map((c) => (
                  <List.Item key={c.id}>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor component="button" type="button" onClick={() => onOpenMatter(c.id)}>
                        {[c.reference, c.title].filter(Boolean).join(' · ') || t('import.untitledCase')}
                      </Anchor>
                      {c.classification === 'confidential' && (
                        <ClassificationBadge value={c.classification} />
                      )}
                    </Group>
                  </List.Item>
                ))}
              </List>
            </>
          )}
          <Group>
            <Button variant="default" onClick={restart}>
              {t('import.another')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
