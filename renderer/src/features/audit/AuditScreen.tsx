import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/useLoad';
import { useEnumOptions } from '../../components/options';
import {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditEntry,
  type AuditVerification,
} from '../../../../shared/schemas/audit';
import { formatTimestamp } from '../../app/format';
import { useAuditDetails } from './auditDetails';
import type { MatterPlace } from '../matters/MatterScreen';

/** Where an entry's record is shown: its case (on the record's tab), or the people screen. */
function placeOf(entry: AuditEntry): MatterPlace | undefined {
  switch (entry.entityType) {
    case 'incident':
      return { tab: 'timeline', recordId: entry.entityId ?? undefined };
    case 'note':
      return { tab: 'notes', recordId: entry.entityId ?? undefined };
    case 'evidence':
      return { tab: 'evidence', evidenceId: entry.entityId ?? undefined };
    case 'party':
      return { tab: 'people' };
    case 'risk_assessment':
      return { tab: 'risk' };
    default:
      return undefined;
  }
}

interface AuditScreenProps {
  onOpenMatter: (matterId: string, place?: MatterPlace) => void;
  onOpenPeople: () => void;
}

/** The case filter: a case found by reference, title or pseudonym (any number of cases, fetched as typed). */
function MatterPicker({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const [debounced] = useDebouncedValue(search, 150);
  // Once picked, the box shows the case's label: searching for it again would only find itself.
  const typed = picked && debounced === picked.label ? '' : debounced;
  const found = useLoad(() => client.matters.quickFind({ query: typed, limit: 30 }), [typed]);
  const options = useMemo(() => {
    const list = (found.data ?? []).map((m) => ({
      value: m.id,
      label: [m.reference, m.title].filter(Boolean).join(' · ') || m.id,
    }));
    if (picked && !list.some((o) => o.value === picked.value)) list.unshift(picked);
    return list;
  }, [found.data, picked]);
  return (
    <Select
      label={t('audit.filterMatter')}
      placeholder={t('finding.audit.matterPicker')}
      data={options}
      value={value}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The core already matched the words (pseudonyms too); the box must not filter them out again.
      filter={({ options: all }) => all}
      onChange={(id, option) => {
        setPicked(id && option ? { value: id, label: option.label } : null);
        onChange(id);
      }}
      nothingFoundMessage={t('finding.switcher.empty')}
      clearable
      w={360}
      maw="100%"
    />
  );
}

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
export function AuditScreen({ onOpenMatter, onOpenPeople }: AuditScreenProps) {
  const { t, i18n } = useTranslation();
  const details = useAuditDetails();
  const actions = useEnumOptions('auditAction', AUDIT_ACTIONS);
  const [matterId, setMatterId] = useState<string | null>(null);
  const [action, setAction] = useState<AuditAction | null>(null);
  const [page, setPage] = useState(1);
  const [pickerKey, setPickerKey] = useState(0);
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>(null);

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
        <MatterPicker
          // A new picker when cleared from outside, so its box empties too.
          key={pickerKey}
          value={matterId}
          onChange={(value) => {
            setMatterId(value);
            setPage(1);
          }}
        />
        {matterId && (
          // The select's own clear button is mouse-only; this one is for everyone.
          <Button
            variant="subtle"
            onClick={() => {
              setMatterId(null);
              setPickerKey((n) => n + 1);
              setPage(1);
            }}
          >
            {t('finding.audit.clearMatter')}
          </Button>
        )}
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
                    <RecordCell entry={entry} onOpenMatter={onOpenMatter} onOpenPeople={onOpenPeople} />
                  </Table.Td>
                  <Table.Td>
                    {entry.matterId && entry.matterLabel && entry.matterLabel !== CONFIDENTIAL ? (
                      <Anchor
                        component="button"
                        size="sm"
                        onClick={() => onOpenMatter(entry.matterId!)}
                        aria-label={t('finding.audit.open', { label: entry.matterLabel })}
                      >
                        {entry.matterLabel}
                      </Anchor>
                    ) : entry.matterLabel === CONFIDENTIAL ? (
                      t('finding.audit.confidentialCase')
                    ) : entry.matterId ? (
                      '—'
                    ) : (
                      ''
                    )}
                  </Table.Td>
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

/** Stands for a record the core will not name now (see AuditLabels). */
const CONFIDENTIAL = 'confidential';

/** The record's kind and safe name, linked to where it is shown. */
function RecordCell({ entry, onOpenMatter, onOpenPeople }: { entry: AuditEntry } & AuditScreenProps) {
  const { t } = useTranslation();
  if (!entry.entityType) return null;
  const kind = t(`entityType.${entry.entityType}`, { defaultValue: entry.entityType });
  const label = entry.recordLabel;
  if (!label) return <>{kind}</>;
  if (label === CONFIDENTIAL) return <>{`${kind}: ${t('finding.audit.confidentialRecord')}`}</>;
  const isPerson = entry.entityType === 'person' || entry.entityType === 'organisation';
  const matterId = entry.entityType === 'matter' ? entry.entityId : entry.matterId;
  const open = isPerson
    ? onOpenPeople
    : matterId && entry.matterLabel !== CONFIDENTIAL && entry.action !== 'record.purge'
      ? () => onOpenMatter(matterId, placeOf(entry))
      : null;
  return (
    <>
      {`${t('audit.recordKind', { kind })} `}
      {open ? (
        <Anchor component="button" size="sm" onClick={open} aria-label={t('finding.audit.open', { label })}>
          {label}
        </Anchor>
      ) : (
        label
      )}
    </>
  );
}
