import { Alert, Button, Group, Loader, Pagination, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/useLoad';
import { useEnumOptions } from '../../components/options';
import { AUDIT_ACTIONS, type AuditAction, type AuditVerification } from '../../../../shared/schemas/audit';
import { formatTimestamp } from '../../app/format';
import { useAuditDetails } from './auditDetails';

const PAGE_SIZE = 50;

function VerificationResult({ result }: { result: AuditVerification }) {
  const { t } = useTranslation();
  if (result.ok) {
    return (
      <Alert color="teal" variant="light" title={t('audit.verify.okTitle')} role="status">
        {t('audit.verify.ok', { count: result.checked })}
      </Alert>
    );
  }
  const n = result.brokenAt ?? 0;
  return (
    <Alert color="red" variant="light" title={t('audit.verify.brokenTitle')} role="alert">
      {t(`audit.verify.${result.problem ?? 'edited'}`, { n })} {t('audit.verify.brokenAdvice')}
    </Alert>
  );
}

/** Everything done in the vault, in order, chained by hashes so an edit, a gap or a cut shows. */
export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const details = useAuditDetails();
  const actions = useEnumOptions('auditAction', AUDIT_ACTIONS);
  const [matterId, setMatterId] = useState<string | null>(null);
  const [action, setAction] = useState<AuditAction | null>(null);
  const [page, setPage] = useState(1);
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>(null);

  const mattersLoad = useLoad(
    () =>
      client.matters
        .list({ limit: 500 })
        .then((list) => list.items.map((m) => ({ value: m.id, label: m.title }))),
    [],
  );
  const matters = useMemo(() => mattersLoad.data ?? [], [mattersLoad.data]);
  const entries = useLoad(
    () =>
      client.audit.list({
        ...(matterId ? { matterId } : {}),
        ...(action ? { action } : {}),
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [matterId, action, page],
  );
  const { data } = entries;

  const titles = useMemo(() => new Map(matters.map((m) => [m.value, m.label])), [matters]);
  const pages = Math.max(1, Math.ceil((data?.total ?? 0) / PAGE_SIZE));

  const verify = async () => {
    setVerifying(true);
    setVerification(null);
    setVerifyError(null);
    try {
      setVerification(await client.audit.verify({}));
    } catch (err) {
      setVerifyError(err);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('audit.title')}</Title>
        <Button onClick={() => void verify()} loading={verifying}>
          {t('audit.verify.button')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('audit.intro')}
      </Text>
      {verification && <VerificationResult result={verification} />}
      <ErrorAlert error={verifyError} />
      <Group align="flex-end" gap="sm">
        <Select
          label={t('audit.filterMatter')}
          placeholder={t('audit.allMatters')}
          data={matters}
          value={matterId}
          onChange={(value) => {
            setMatterId(value);
            setPage(1);
          }}
          clearable
          searchable
          w={320}
        />
        <Select
          label={t('audit.filterAction')}
          placeholder={t('audit.allActions')}
          data={actions}
          value={action}
          onChange={(value) => {
            setAction(value as AuditAction | null);
            setPage(1);
          }}
          clearable
          w={280}
        />
      </Group>
      <ErrorAlert error={mattersLoad.error} onClose={() => mattersLoad.setError(null)} />
      <ErrorAlert error={entries.error} />
      {!data && !entries.error && <Loader size="sm" aria-label={t('common.loading')} />}
      {data && data.items.length === 0 && (
        <Text c="dimmed" role="status">
          {t('audit.empty')}
        </Text>
      )}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={800}>
          <Table aria-label={t('audit.title')} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('audit.at')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.record')}</Table.Th>
                <Table.Th>{t('audit.matter')}</Table.Th>
                <Table.Th>{t('audit.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((entry) => (
                <Table.Tr key={entry.seq}>
                  <Table.Td>{entry.seq}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatTimestamp(entry.at, i18n.language)}
                  </Table.Td>
                  <Table.Td>{entry.actor}</Table.Td>
                  <Table.Td>{t(`auditAction.${entry.action}`)}</Table.Td>
                  <Table.Td>
                    {entry.entityType
                      ? t(`entityType.${entry.entityType}`, { defaultValue: entry.entityType })
                      : ''}
                  </Table.Td>
                  <Table.Td>{entry.matterId ? (titles.get(entry.matterId) ?? '—') : ''}</Table.Td>
                  <Table.Td>{details(entry)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages > 1 && (
        <Group justify="center">
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            getControlProps={(control) => ({ 'aria-label': t(`matters.list.pageControl.${control}`) })}
            getItemProps={(item) => ({ 'aria-label': t('matters.list.pageN', { page: item }) })}
            withEdges
          />
        </Group>
      )}
    </Stack>
  );
}
