import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ListScaffold } from '../../components/ListScaffold';
import { useUndoableDelete } from '../../components/undoableDelete';
import { useLoad } from '../../components/useLoad';
import type { Party } from '../../../../shared/schemas/parties';
import { IdentityReveal } from '../people/IdentityReveal';
import { AddPartyPanel, type Directory } from './AddPartyPanel';

/** Who is in the case and in what role: pseudonyms and organisation names; identities only on reveal. */
export function PartiesTab({ matterId }: { matterId: string }) {
  const { t } = useTranslation();
  const loaded = useLoad(
    () =>
      Promise.all([
        client.parties.list({ matterId }),
        client.people.list({}),
        client.organisations.list({}),
      ]).then(([parties, people, organisations]) => ({
        parties,
        directory: { people: people.items, organisations } satisfies Directory,
      })),
    [matterId],
  );
  const { setError, reload: refresh } = loaded;
  const parties = loaded.data?.parties ?? null;
  const directory = useMemo<Directory>(
    () => loaded.data?.directory ?? { people: [], organisations: [] },
    [loaded.data],
  );
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);

  const people = useMemo(() => new Map(directory.people.map((p) => [p.id, p])), [directory.people]);
  const names = useMemo(
    () => new Map((parties ?? []).map((p) => [p.personId ?? p.organisationId, p.displayName])),
    [parties],
  );

  const removeUndoably = useUndoableDelete();
  const remove = async (party: Party) => {
    setRemoving(party.id);
    setError(null);
    try {
      await removeUndoably('party', party.id, t('undo.partyRemoved', { name: party.displayName }), refresh);
    } catch (err) {
      setError(err);
    } finally {
      setRemoving(null);
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3}>{t('parties.title')}</Title>
        {!adding && <Button onClick={() => setAdding(true)}>{t('parties.addButton')}</Button>}
      </Group>
      <Text size="sm" c="dimmed">
        {t('parties.pseudonymsOnly')}
      </Text>
      {adding && parties && (
        <AddPartyPanel
          matterId={matterId}
          parties={parties}
          directory={directory}
          onDirectoryChange={refresh}
          onAdded={() => {
            setAdding(false);
            refresh();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      <ListScaffold load={loaded} items={(data) => data.parties} emptyText={t('parties.empty')}>
        {({ parties }) => (
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label={t('parties.title')} verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('parties.name')}</Table.Th>
                  <Table.Th>{t('parties.role')}</Table.Th>
                  <Table.Th>{t('parties.family')}</Table.Th>
                  <Table.Th>{t('people.protectedIdentity')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {parties.map((party) => {
                  const person = party.personId ? people.get(party.personId) : undefined;
                  return (
                    <Table.Tr key={party.id}>
                      <Table.Td fw={600}>{party.displayName}</Table.Td>
                      <Table.Td>{t(`partyRole.${party.role}`)}</Table.Td>
                      <Table.Td>
                        {party.familyOf
                          ? t('parties.familyOfValue', {
                              name: names.get(party.familyOf) ?? people.get(party.familyOf)?.pseudonym ?? '—',
                              relationship: party.relationship || t('parties.family'),
                            })
                          : ''}
                      </Table.Td>
                      <Table.Td>
                        {party.personId ? (
                          <IdentityReveal
                            personId={party.personId}
                            pseudonym={party.displayName}
                            // A confidential person hidden from lists may still have one: let the core answer.
                            hasIdentity={person?.hasIdentity ?? true}
                          />
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t('parties.organisationNoIdentity')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          loading={removing === party.id}
                          onClick={() => void remove(party)}
                          aria-label={t('parties.removeFor', { name: party.displayName })}
                        >
                          {t('parties.remove')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListScaffold>
    </Stack>
  );
}
