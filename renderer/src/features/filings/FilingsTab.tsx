import { Badge, Button, Drawer, Group, Stack, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { useUndoableDelete } from '../../components/undoableDelete';
import { OpenDeleteActions, RecordTable } from '../../components/RecordTable';
import { useLoad } from '../../components/useLoad';
import { formatTimestamp } from '../../app/format';
import type { CompletenessReport } from '../../../../shared/schemas/filings';
import { useDraftPlace } from '../drafts/DraftContext';
import { FilingEditor } from './FilingEditor';
import { NewFilingForm } from './NewFilingForm';
import { filingDraftKey } from './draft-key';
import { ProfilesPanel } from './profiles/ProfilesPanel';

/** The case's filings ("Escritos"): its drafts with their completeness, a new one, or one open in the editor. */
export function FilingsTab({ matterId }: { matterId: string }) {
  const { t, i18n } = useTranslation();
  const { waiting } = useDraftPlace();
  // A draft left unsaved at a lock reopens its editor.
  const [open, setOpen] = useState<string | null>(() => {
    const prefix = filingDraftKey(matterId, '');
    const key = [...waiting].find((k) => k.startsWith(prefix));
    return key ? key.slice(prefix.length) : null;
  });
  const [creating, setCreating] = useState(false);
  const [profilesOpen, setProfilesOpen] = useState(false);
  const removeUndoably = useUndoableDelete();
  const list = useLoad(
    open
      ? null
      : async () => {
          const filings = await client.filings.list({ matterId });
          const checks = await Promise.all(
            filings.map((f) =>
              client.filings.check({ id: f.id }).catch((): CompletenessReport | null => null),
            ),
          );
          return filings.map((filing, i) => ({ filing, check: checks[i] ?? null }));
        },
    [matterId, open],
  );

  if (open)
    return <FilingEditor key={open} filingId={open} matterId={matterId} onClose={() => setOpen(null)} />;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3}>{t('filings.title')}</Title>
        <Group gap="xs">
          <Button variant="default" onClick={() => setProfilesOpen(true)}>
            {t('filingProfiles.open')}
          </Button>
          {!creating && <Button onClick={() => setCreating(true)}>{t('filings.new.button')}</Button>}
        </Group>
      </Group>
      <Drawer
        opened={profilesOpen}
        onClose={() => setProfilesOpen(false)}
        title={t('filingProfiles.title')}
        position="right"
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {profilesOpen && <ProfilesPanel matterId={matterId} />}
      </Drawer>
      {creating && (
        <NewFilingForm
          matterId={matterId}
          onCreated={(filing) => {
            setCreating(false);
            setOpen(filing.id);
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      <RecordTable
        load={list}
        label={t('filings.title')}
        emptyText={t('filings.empty')}
        headings={[
          t('filings.list.title'),
          t('filings.list.kind'),
          t('filings.list.lang'),
          t('filings.list.saved'),
          t('filings.list.completeness'),
          t('common.actions'),
        ]}
      >
        {({ filing, check }) => (
          <Table.Tr key={filing.id}>
            <Table.Td>{filing.title}</Table.Td>
            <Table.Td>{t(`filings.kind.${filing.kind}`)}</Table.Td>
            <Table.Td>{t(`filings.lang.${filing.lang}`)}</Table.Td>
            <Table.Td>{formatTimestamp(filing.updatedAt, i18n.language)}</Table.Td>
            <Table.Td>
              {check ? (
                <Group gap={4}>
                  <Badge color="green" variant="light" size="sm">
                    {t('filings.list.met', { count: check.met })}
                  </Badge>
                  {check.missing + check.weak > 0 && (
                    <Badge color="red" variant="light" size="sm">
                      {t('filings.list.missing', { count: check.missing + check.weak })}
                    </Badge>
                  )}
                </Group>
              ) : (
                '—'
              )}
            </Table.Td>
            <Table.Td>
              <OpenDeleteActions
                openText={t('filings.list.open')}
                openLabel={t('filings.list.openFor', { title: filing.title })}
                deleteLabel={t('filings.list.deleteFor', { title: filing.title })}
                onOpen={() => setOpen(filing.id)}
                onDelete={() =>
                  void removeUndoably(
                    'filing',
                    filing.id,
                    t('filings.deleted', { title: filing.title }),
                    list.reload,
                  )
                }
              />
            </Table.Td>
          </Table.Tr>
        )}
      </RecordTable>
    </Stack>
  );
}
