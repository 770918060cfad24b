import { profileLabel } from './profileLabel';
import { Badge, Button, Group, Loader, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../../api/client';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLoad } from '../../../components/useLoad';
import type { RedactionProfile } from '../../../../../shared/schemas/filings';
import { ProfileForm } from './ProfileForm';

type Editing = { profile: RedactionProfile | null; base: RedactionProfile | null };

/** The vault's redaction profiles: the built-in ones and the user's own; new from a base, edit, delete. */
export function ProfilesPanel({ matterId }: { matterId: string }) {
  const { t } = useTranslation();
  const list = useLoad(() => client.filingProfiles.list({}), []);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [baseId, setBaseId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<RedactionProfile | null>(null);
  const profiles = list.data ?? [];
  const builtIns = profiles.filter((p) => p.builtIn);
  const chosenBase = builtIns.find((p) => p.id === baseId) ?? builtIns[0] ?? null;

  if (editing)
    return (
      <ProfileForm
        matterId={matterId}
        profile={editing.profile}
        base={editing.base}
        onCancel={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
    );

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('filingProfiles.intro')}
      </Text>
      <ErrorAlert error={list.error} />
      <Group align="flex-end">
        <Select
          label={t('filingProfiles.new.base')}
          data={builtIns.map((p) => ({ value: p.id, label: profileLabel(t, p) }))}
          value={chosenBase?.id ?? null}
          onChange={setBaseId}
          allowDeselect={false}
          w={240}
        />
        <Button disabled={!chosenBase} onClick={() => setEditing({ profile: null, base: chosenBase })}>
          {t('filingProfiles.new.button')}
        </Button>
      </Group>
      {!list.data ? (
        !list.error && <Loader aria-label={t('common.loading')} />
      ) : (
        <Paper withBorder>
          <Table striped aria-label={t('filingProfiles.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('filingProfiles.list.name')}</Table.Th>
                <Table.Th>{t('filingProfiles.list.base')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {profiles.map((p) => (
                <Table.Tr key={p.id} data-testid="profile-row">
                  <Table.Td>
                    <Group gap={6}>
                      <Text size="sm">{profileLabel(t, p)}</Text>
                      {p.builtIn && (
                        <Badge size="sm" variant="light">
                          {t('filingProfiles.list.builtIn')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{p.base ? t(`filingProfiles.base.${p.base}`) : '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setEditing({ profile: p, base: null })}
                        aria-label={t('filingProfiles.list.editFor', { name: profileLabel(t, p) })}
                      >
                        {t('common.edit')}
                      </Button>
                      {!p.builtIn && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setDeleting(p)}
                          aria-label={t('filingProfiles.list.deleteFor', { name: profileLabel(t, p) })}
                        >
                          {t('common.delete')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('filingProfiles.delete.title')}
        confirmLabel={t('common.delete')}
        danger
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await client.filingProfiles.delete({ id: deleting.id });
          setDeleting(null);
          list.reload();
        }}
      >
        <Text>{t('filingProfiles.delete.body', { name: deleting?.name ?? '' })}</Text>
      </ConfirmDialog>
    </Stack>
  );
}
