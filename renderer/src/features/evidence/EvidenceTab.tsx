import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumOptions } from '../../components/options';
import { CLASSIFICATIONS, type Classification } from '../../../../shared/schemas/classification';
import type {
  AddEvidenceResult,
  EvidenceList,
  EvidenceProgress,
  VaultVerification,
} from '../../../../shared/schemas/evidence';
import { ClassificationBadge } from '../confidential/ClassificationBadge';
import { HiddenConfidentialNotice } from '../confidential/HiddenConfidentialNotice';
import { formatIsoDate, formatTimestamp } from '../matters/labels';
import { EvidenceItemView } from './EvidenceItemView';
import { exhibitLabel, formatBytes } from './format';
import { VerificationBadge } from './VerificationBadge';

interface IntakeDetails {
  source: string;
  acquisition: string;
  eventDate: string;
  classification: Classification;
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The evidence of a case: add files (drop or pick), see them with their exhibit numbers, open one. */
export function EvidenceTab({ matterId, initialOpenId }: { matterId: string; initialOpenId?: string }) {
  const { t, i18n } = useTranslation();
  const classifications = useEnumOptions('classification', CLASSIFICATIONS);
  const [list, setList] = useState<EvidenceList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  const [openId, setOpenId] = useState<string | null>(initialOpenId ?? null);
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
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<VaultVerification | null>(null);
  const operationRef = useRef<string | null>(null);

  useEffect(() => {
    let active = true;
    client.evidence.list({ matterId }).then(
      (loaded) => active && setList(loaded),
      (err: unknown) => active && setError(err),
    );
    return () => {
      active = false;
    };
  }, [matterId, reload]);

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
        setReload((n) => n + 1);
      }
    },
    [matterId, details],
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

  const verifyAll = async () => {
    setVerifying(true);
    setVerification(null);
    try {
      setVerification(await client.evidence.verifyAll({ matterId }));
      setReload((n) => n + 1);
    } catch (err) {
      setError(err);
    } finally {
      setVerifying(false);
    }
  };

  if (openId) {
    return (
      <EvidenceItemView
        key={openId}
        id={openId}
        matterId={matterId}
        onBack={() => {
          setOpenId(null);
          setReload((n) => n + 1);
        }}
        onOpen={setOpenId}
      />
    );
  }

  const percent = progress && progress.bytesTotal > 0 ? (100 * progress.bytesDone) / progress.bytesTotal : 0;

  return (
    <Stack gap="md">
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
            <TextInput
              label={t('evidence.fields.eventDate')}
              description={t('evidence.fields.eventDateHint')}
              placeholder="YYYY-MM-DD"
              value={details.eventDate}
              error={details.eventDate && !isDate(details.eventDate) ? t('validation.date') : undefined}
              onChange={(e) => setDetails({ ...details, eventDate: e.currentTarget.value })}
            />
            <Select
              label={t('evidence.fields.classification')}
              data={classifications}
              value={details.classification}
              allowDeselect={false}
              onChange={(value) =>
                value && setDetails({ ...details, classification: value as Classification })
              }
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

      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('evidence.list.title')}
        </Title>
        <Button variant="default" onClick={() => void verifyAll()} loading={verifying}>
          {t('evidence.verify.all')}
        </Button>
      </Group>
      {verification && (
        <Alert
          color={verification.problems.length === 0 ? 'green' : 'red'}
          variant="light"
          role="status"
          title={
            verification.problems.length === 0
              ? t('evidence.verify.allOk', { count: verification.checked })
              : t('evidence.verify.allProblems', { count: verification.problems.length })
          }
        >
          {verification.problems.map((p) => (
            <Text key={p.itemId} size="sm">
              {p.title || t('evidence.confidentialItem')}: {t(`evidence.verify.status.${p.status}`)}
            </Text>
          ))}
        </Alert>
      )}
      <ErrorAlert error={error} />
      {list && (
        <HiddenConfidentialNotice
          count={list.hiddenConfidential}
          matterId={matterId}
          onRevealed={() => setReload((n) => n + 1)}
        />
      )}
      {!list && !error && <Loader aria-label={t('common.loading')} />}
      {list && list.items.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('evidence.list.empty')}
        </Text>
      )}
      {list && list.items.length > 0 && (
        <Table highlightOnHover verticalSpacing="xs" aria-label={t('evidence.list.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evidence.list.exhibit')}</Table.Th>
              <Table.Th>{t('evidence.fields.title')}</Table.Th>
              <Table.Th>{t('evidence.list.kind')}</Table.Th>
              <Table.Th>{t('evidence.fields.eventDate')}</Table.Th>
              <Table.Th>{t('evidence.list.size')}</Table.Th>
              <Table.Th>{t('evidence.list.acquired')}</Table.Th>
              <Table.Th>{t('evidence.list.integrity')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((item) => (
              <Table.Tr
                key={item.id}
                onClick={() => setOpenId(item.id)}
                style={{ cursor: 'pointer' }}
                tabIndex={0}
                onKeyDown={(e) => e.key === 'Enter' && setOpenId(item.id)}
              >
                <Table.Td>{item.exhibits.map((x) => exhibitLabel(t, x)).join(', ') || '—'}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {item.title}
                    </Text>
                    {item.derivedFrom && (
                      <Badge size="xs" variant="outline">
                        {t('evidence.workingCopy')}
                      </Badge>
                    )}
                    {item.metadataRisks.length > 0 && (
                      <Tooltip label={t('evidence.metadata.riskShort')}>
                        <Badge size="xs" color="orange" variant="light">
                          {t('evidence.metadata.badge')}
                        </Badge>
                      </Tooltip>
                    )}
                    <ClassificationBadge value={item.classification} />
                  </Group>
                </Table.Td>
                <Table.Td>{t(`evidence.kind.${item.kind}`)}</Table.Td>
                <Table.Td>{item.eventDate ? formatIsoDate(item.eventDate, i18n.language) : '—'}</Table.Td>
                <Table.Td>{formatBytes(item.size, i18n.language)}</Table.Td>
                <Table.Td>{formatTimestamp(item.acquiredAt, i18n.language)}</Table.Td>
                <Table.Td>
                  <VerificationBadge status={item.lastVerification} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
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
