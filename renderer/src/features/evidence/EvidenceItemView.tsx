import {
  Alert,
  Badge,
  Button,
  Code,
  DataList,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { EvidenceItem, Verification } from '../../../../shared/schemas/evidence';
import { ClassificationBadge } from '../confidential/ClassificationBadge';
import { formatIsoDate, formatTimestamp } from '../matters/labels';
import { EvidenceEditForm } from './EvidenceEditForm';
import { EvidencePreview } from './EvidencePreview';
import { exhibitLabel, formatBytes } from './format';
import { useEvidenceLinks } from './links';
import { VerificationBadge } from './VerificationBadge';

/** One evidence item: preview, metadata (with a warning when it identifies someone), integrity, custody. */
export function EvidenceItemView({
  id,
  matterId,
  onBack,
  onOpen,
}: {
  id: string;
  matterId: string;
  onBack: () => void;
  onOpen: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [item, setItem] = useState<EvidenceItem | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'verify' | 'strip' | 'exhibit' | null>(null);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [exportFolder, setExportFolder] = useState<string | null>(null);
  const [exportOpen, setExportOpen] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [filing, setFiling] = useState('');
  const [editing, setEditing] = useState(false);
  const links = useEvidenceLinks(matterId);

  const load = useCallback(() => {
    client.evidence.get({ id }).then(setItem, setError);
  }, [id]);
  useEffect(load, [load]);

  const run = async (kind: 'verify' | 'strip' | 'exhibit', action: () => Promise<void>) => {
    setBusy(kind);
    setActionError(null);
    try {
      await action();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(null);
    }
  };

  if (!item) {
    return (
      <Stack gap="md" align="flex-start">
        {error ? <ErrorAlert error={error} /> : <Loader aria-label={t('common.loading')} />}
        <Button variant="default" onClick={onBack}>
          {t('evidence.item.back')}
        </Button>
      </Stack>
    );
  }

  const verify = () =>
    run('verify', async () => {
      setVerification(await client.evidence.verify({ id: item.id }));
      load();
    });
  const chooseExport = async () => {
    setActionError(null);
    setExported(null);
    try {
      const { path } = await client.dialog.chooseFolder({ purpose: 'export' });
      if (path) {
        setExportFolder(path);
        setExportOpen(true);
      }
    } catch (err) {
      setActionError(err);
    }
  };
  const strip = () =>
    run('strip', async () => {
      const copy = await client.evidence.stripMetadata({
        id: item.id,
        title: t('evidence.metadata.copyTitle', { title: item.title }),
      });
      onOpen(copy.id);
    });
  const assign = () =>
    run('exhibit', async () => {
      await client.evidence.assignExhibit({ itemId: item.id, filing: filing.trim() });
      setFiling('');
      load();
    });

  const linked = (options: { value: string; label: string }[], ids: string[], hidden: string) =>
    ids.map((linkedId) => options.find((o) => o.value === linkedId)?.label ?? hidden).join('\n') || '—';
  const risks = item.metadata.risks;
  const details: [string, string][] = [
    [t('evidence.fields.description'), item.description || '—'],
    [t('evidence.fields.eventDate'), item.eventDate ? formatIsoDate(item.eventDate, language) : '—'],
    [t('evidence.fields.source'), item.source || '—'],
    [t('evidence.fields.acquisition'), item.acquisition || '—'],
    [t('evidence.item.originalName'), item.originalName],
    [t('evidence.item.type'), `${t(`evidence.kind.${item.kind}`)} (${item.mediaType})`],
    [
      t('evidence.list.size'),
      `${formatBytes(item.size, language)} (${item.size.toLocaleString(language)} B)`,
    ],
    [t('evidence.item.acquired'), `${formatTimestamp(item.acquiredAt, language)} — ${item.acquiredBy}`],
    [t('evidence.item.exhibits'), item.exhibits.map((x) => exhibitLabel(t, x)).join(', ') || '—'],
    [t('evidence.item.tags'), item.tags.join(', ') || '—'],
    [t('evidence.fields.incidents'), linked(links.incidents, item.incidentIds, t('risk.hiddenIncident'))],
    [t('evidence.fields.people'), linked(links.people, item.personIds, t('evidence.edit.hiddenPerson'))],
  ];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" className="amparo-no-print">
        <Stack gap={4}>
          <Title order={3}>{item.title}</Title>
          <Group gap="xs">
            <ClassificationBadge value={item.classification} />
            <VerificationBadge status={item.lastVerification} />
            {item.derivedFrom && <Badge variant="outline">{t('evidence.workingCopy')}</Badge>}
          </Group>
        </Stack>
        <Button variant="default" onClick={onBack}>
          {t('evidence.item.back')}
        </Button>
      </Group>

      {item.derivedFrom && (
        <Alert color="blue" variant="light" className="amparo-no-print">
          <Group justify="space-between">
            <Text size="sm">{t('evidence.item.derivedNote')}</Text>
            <Button size="xs" variant="default" onClick={() => onOpen(item.derivedFrom!)}>
              {t('evidence.item.openOriginal')}
            </Button>
          </Group>
        </Alert>
      )}

      <Paper withBorder p="md" className="amparo-no-print">
        <EvidencePreview key={item.id} item={item} onChecked={load} />
      </Paper>

      {editing && (
        <EvidenceEditForm
          key={item.revision}
          item={item}
          links={links}
          onSaved={(saved) => {
            setItem(saved);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
          onReload={async () => setItem(await client.evidence.get({ id: item.id }))}
        />
      )}

      <Group className="amparo-no-print">
        {!editing && (
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('evidence.edit.button')}
          </Button>
        )}
        <Button onClick={() => void verify()} loading={busy === 'verify'}>
          {t('evidence.verify.one')}
        </Button>
        <Button variant="default" onClick={() => void chooseExport()}>
          {t('evidence.export.button')}
        </Button>
        <Button variant="default" onClick={() => window.print()}>
          {t('evidence.custody.print')}
        </Button>
        <Button variant="subtle" color="red" onClick={() => setDeleteOpen(true)}>
          {t('evidence.item.delete')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={deleteOpen}
        title={t('evidence.item.deleteTitle')}
        confirmLabel={t('evidence.item.delete')}
        danger
        onClose={() => setDeleteOpen(false)}
        onConfirm={async () => {
          await client.trash.delete({ entityType: 'evidence', entityId: item.id });
          setDeleteOpen(false);
          onBack();
        }}
      >
        {t('evidence.item.deleteBody')}
      </ConfirmDialog>
      {verification && (
        <Alert
          color={verification.status === 'ok' ? 'green' : 'red'}
          variant="light"
          role="status"
          className="amparo-no-print"
          title={t(`evidence.verify.badge.${verification.status}`)}
        >
          {t(`evidence.verify.status.${verification.status}`)}
        </Alert>
      )}
      {exported && (
        <Alert color="green" variant="light" role="status" className="amparo-no-print">
          {t('evidence.export.done', { path: exported })}
        </Alert>
      )}
      <ErrorAlert error={actionError} />

      <Stack gap="xs" className="amparo-no-print">
        <Title order={4}>{t('evidence.metadata.title')}</Title>
        {risks.length > 0 && (
          <Alert color="orange" variant="light" role="note" title={t('evidence.metadata.warningTitle')}>
            <Stack gap={6}>
              <Text size="sm">
                {t('evidence.metadata.warning', {
                  risks: risks.map((r) => t(`evidence.metadata.risk.${r}`)).join(', '),
                })}
              </Text>
              {item.metadata.gps && (
                <Text size="sm">
                  {t('evidence.metadata.gps', {
                    latitude: item.metadata.gps.latitude.toFixed(5),
                    longitude: item.metadata.gps.longitude.toFixed(5),
                  })}
                </Text>
              )}
              {item.metadata.strippable && (
                <Group>
                  <Button size="xs" color="orange" onClick={() => void strip()} loading={busy === 'strip'}>
                    {t('evidence.metadata.strip')}
                  </Button>
                  <Text size="xs" c="dimmed">
                    {t('evidence.metadata.stripHint')}
                  </Text>
                </Group>
              )}
            </Stack>
          </Alert>
        )}
        {item.metadata.fields.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('evidence.metadata.none')}
          </Text>
        ) : (
          <Table withTableBorder verticalSpacing={4} aria-label={t('evidence.metadata.title')}>
            <Table.Tbody>
              {item.metadata.fields.map((f, index) => (
                <Table.Tr key={`${f.group}-${f.name}-${index}`}>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {f.group}
                    </Text>
                  </Table.Td>
                  <Table.Td>{f.name}</Table.Td>
                  <Table.Td>{f.value}</Table.Td>
                  <Table.Td>
                    {f.risk && (
                      <Badge size="xs" color="orange" variant="light">
                        {t(`evidence.metadata.risk.${f.risk}`)}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {item.workingCopies.length > 0 && (
          <Group gap="xs">
            <Text size="sm">{t('evidence.item.workingCopies')}</Text>
            {item.workingCopies.map((c) => (
              <Button key={c.id} size="xs" variant="light" onClick={() => onOpen(c.id)}>
                {c.title}
              </Button>
            ))}
          </Group>
        )}
        <Group align="flex-end">
          <TextInput
            label={t('evidence.item.filing')}
            description={t('evidence.item.filingHint')}
            value={filing}
            onChange={(e) => setFiling(e.currentTarget.value)}
            maxLength={100}
          />
          <Button variant="default" onClick={() => void assign()} loading={busy === 'exhibit'}>
            {t('evidence.item.assignExhibit')}
          </Button>
        </Group>
      </Stack>

      {/* The custody report: the only thing printed from this screen. */}
      <Stack gap="sm" className="amparo-print-area">
        <Title order={4}>{t('evidence.custody.title')}</Title>
        <Text size="sm" className="amparo-print-only">
          {item.title}
        </Text>
        <DataList labelWidth="200px" withDivider maw={880}>
          {details.map(([label, value]) => (
            <DataList.Item key={label}>
              <DataList.ItemLabel>{label}</DataList.ItemLabel>
              <DataList.ItemValue className="amparo-prewrap">{value}</DataList.ItemValue>
            </DataList.Item>
          ))}
          <DataList.Item>
            <DataList.ItemLabel>SHA-256</DataList.ItemLabel>
            <DataList.ItemValue>
              <Code style={{ wordBreak: 'break-all' }}>{item.sha256}</Code>
            </DataList.ItemValue>
          </DataList.Item>
        </DataList>
        <Table withTableBorder verticalSpacing={4} aria-label={t('evidence.custody.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('evidence.custody.when')}</Table.Th>
              <Table.Th>{t('evidence.custody.who')}</Table.Th>
              <Table.Th>{t('evidence.custody.what')}</Table.Th>
              <Table.Th>{t('evidence.custody.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {item.custody.map((c) => (
              <Table.Tr key={c.seq}>
                <Table.Td>{c.seq}</Table.Td>
                <Table.Td>
                  <Text size="sm">{c.at.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}</Text>
                </Table.Td>
                <Table.Td>{c.actor}</Table.Td>
                <Table.Td>{t(`evidence.custody.action.${c.action}`)}</Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    {c.fileName && <Text size="xs">{t('evidence.custody.file', { name: c.fileName })}</Text>}
                    {c.size !== null && <Text size="xs">{t('evidence.custody.size', { size: c.size })}</Text>}
                    {c.sha256 && (
                      <Text size="xs" style={{ wordBreak: 'break-all' }}>
                        SHA-256 {c.sha256}
                      </Text>
                    )}
                    {c.source && <Text size="xs">{t('evidence.custody.source', { source: c.source })}</Text>}
                    {c.outcome && (
                      <Text size="xs">
                        {t('evidence.custody.outcome', {
                          outcome: t(`evidence.verify.badge.${c.outcome}`, { defaultValue: c.outcome }),
                        })}
                      </Text>
                    )}
                    {c.note && <Text size="xs">{c.note}</Text>}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>

      <ConfirmDialog
        opened={exportOpen}
        title={t('evidence.export.title')}
        confirmLabel={t('evidence.export.confirm')}
        onClose={() => setExportOpen(false)}
        onConfirm={async () => {
          const result = await client.evidence.export({
            ids: [item.id],
            folder: exportFolder!,
            confirmed: true,
          });
          setExportOpen(false);
          setExported(result.files[0]?.path ?? '');
          load();
        }}
      >
        <Text size="sm">{t('evidence.export.warning', { folder: exportFolder ?? '' })}</Text>
      </ConfirmDialog>
    </Stack>
  );
}
