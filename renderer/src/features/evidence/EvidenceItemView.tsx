import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PrintButton } from '../../components/PrintButton';
import { useLoad } from '../../components/useLoad';
import type { Verification } from '../../../../shared/schemas/evidence';
import { ClassificationBadge } from '../confidential/ClassificationBadge';
import { CustodyReport } from './CustodyReport';
import { EvidenceEditForm } from './EvidenceEditForm';
import { EvidencePreview } from './EvidencePreview';
import { useEvidenceLinks } from './links';
import { MetadataPanel } from './MetadataPanel';
import { ExportMetadataWarning } from './ExportMetadataWarning';
import { VerificationBadge } from './VerificationBadge';
import { ExtractionPanel } from './text/ExtractionPanel';
import { queryTerms } from './text/matchWords';
import { useHitHighlights, type EvidenceFocus } from './text/useHitHighlights';

/** One evidence item: preview, metadata (with a warning when it identifies someone), integrity, custody. */
export function EvidenceItemView({
  id,
  matterId,
  onBack,
  onOpen,
  focus,
}: {
  id: string;
  matterId: string;
  /** Opened from a document hit: the page to show and the words to mark. */
  focus?: EvidenceFocus;
  onBack: () => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const loaded = useLoad(() => client.evidence.get({ id }), [id]);
  const { data: item, error, reload: load, replace: setItem } = loaded;
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'verify' | null>(null);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [exportFolder, setExportFolder] = useState<string | null>(null);
  const [exportOpen, setExportOpen] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const links = useEvidenceLinks(matterId);
  const highlights = useHitHighlights(id, focus);

  const run = async (kind: 'verify', action: () => Promise<void>) => {
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
        <EvidencePreview
          key={item.id}
          item={item}
          onChecked={load}
          focus={highlights ?? undefined}
          terms={focus ? queryTerms(focus.query) : undefined}
        />
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
        <PrintButton label={t('evidence.custody.print')} />
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

      <ExtractionPanel itemId={item.id} />

      <MetadataPanel item={item} onOpen={onOpen} onChanged={load} />

      <CustodyReport item={item} links={links} />

      <ConfirmDialog
        opened={exportOpen}
        title={t('evidence.export.title')}
        confirmLabel={
          item.metadata.risks.length > 0
            ? t('evidence.exportClean.exportOriginal')
            : t('evidence.export.confirm')
        }
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
        <Stack gap="sm">
          <Text size="sm">{t('evidence.export.warning', { folder: exportFolder ?? '' })}</Text>
          {item.metadata.risks.length > 0 && (
            <ExportMetadataWarning
              item={item}
              onExportClean={async () => {
                // The working copy already made, or a new one; then that copy is what leaves.
                const existing = item.workingCopies.find((w) => w.derivation === 'metadata_removed');
                const copyId =
                  existing?.id ??
                  (
                    await client.evidence.stripMetadata({
                      id: item.id,
                      title: t('evidence.metadata.copyTitle', { title: item.title }),
                    })
                  ).id;
                const result = await client.evidence.export({
                  ids: [copyId],
                  folder: exportFolder!,
                  confirmed: true,
                });
                setExportOpen(false);
                setExported(result.files[0]?.path ?? '');
                load();
              }}
            />
          )}
        </Stack>
      </ConfirmDialog>
    </Stack>
  );
}
