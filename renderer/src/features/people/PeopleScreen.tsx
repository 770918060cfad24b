import { RowActions } from '../../components/RowActions';
import {
  Button,
  Group,
  Loader,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/useLoad';
import { useEnumOptions } from '../../components/options';
import {
  GENDERS,
  PROFILE_ROLES,
  type Gender,
  type Organisation,
  type Person,
  type ProfileRole,
} from '../../../../shared/schemas/people';
import { ClassificationBadge } from '../confidential/ClassificationBadge';
import { HiddenConfidentialNotice } from '../confidential/HiddenConfidentialNotice';
import { DeleteRecordDialog, type DeleteTarget } from './DeleteRecordDialog';
import { IdentityReveal } from './IdentityReveal';
import { OrganisationFormPanel } from './OrganisationForm';
import { PersonFormPanel } from './PersonForm';
import { ProfileSummary } from './ProfileSummary';

type Editing =
  { kind: 'person'; person?: Person } | { kind: 'organisation'; organisation?: Organisation } | null;

/** Everyone in the vault, by pseudonym, and the organisations; identities only when revealed. */
export function PeopleScreen() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debouncedQuery] = useDebouncedValue(query.trim(), 300);
  const [roles, setRoles] = useState<ProfileRole[]>([]);
  const [gender, setGender] = useState<Gender | null>(null);
  const roleOptions = useEnumOptions('profileRole', PROFILE_ROLES);
  const genderOptions = useEnumOptions('gender', GENDERS);
  const filtered = Boolean(debouncedQuery) || roles.length > 0 || gender !== null;
  const loaded = useLoad(
    () =>
      Promise.all([
        client.people.list({ query: debouncedQuery, roles, ...(gender ? { gender } : {}) }),
        client.organisations.list({}),
      ]).then(([people, organisations]) => ({ people, organisations })),
    [debouncedQuery, roles, gender],
  );
  const { error, reload: refresh } = loaded;
  const people = loaded.data?.people ?? null;
  const organisations = loaded.data?.organisations ?? null;
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);

  const closeEditor = () => setEditing(null);

  return (
    <Stack gap="lg">
      <Title order={2}>{t('people.title')}</Title>
      <ErrorAlert error={error} />

      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={3}>{t('people.peopleTitle')}</Title>
          <Button onClick={() => setEditing({ kind: 'person' })}>{t('people.add')}</Button>
        </Group>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            type="search"
            label={t('people.search')}
            description={t('people.searchDescription')}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            w={320}
            spellCheck={false}
            autoComplete="off"
          />
          <MultiSelect
            label={t('personProfile.filterRoles')}
            data={roleOptions}
            value={roles}
            onChange={(value) => setRoles(value as ProfileRole[])}
            placeholder={t('personProfile.filterAny')}
            clearable
            w={280}
          />
          <Select
            label={t('personProfile.gender')}
            data={genderOptions}
            value={gender}
            onChange={(value) => setGender(value as Gender | null)}
            placeholder={t('personProfile.filterAny')}
            clearable
            w={200}
          />
        </Group>
        {(roles.length > 0 || gender) && (
          <Text size="sm" c="dimmed">
            {t('personProfile.filterNote')}
          </Text>
        )}
        {people && <HiddenConfidentialNotice count={people.hiddenConfidential} onRevealed={refresh} />}
        {!people && !error && <Loader size="sm" aria-label={t('common.loading')} />}
        {people && people.items.length === 0 && (
          <Text c="dimmed" role="status">
            {filtered ? t('people.noMatches') : t('people.empty')}
          </Text>
        )}
        {people && people.items.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={t('people.peopleTitle')} verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('people.fields.pseudonym')}</Table.Th>
                  <Table.Th>{t('classification.label')}</Table.Th>
                  <Table.Th>{t('personProfile.title')}</Table.Th>
                  <Table.Th>{t('people.protectedIdentity')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.items.map((person) => (
                  <Table.Tr key={person.id}>
                    <Table.Td fw={600}>{person.pseudonym}</Table.Td>
                    <Table.Td>
                      <ClassificationBadge value={person.classification} />
                    </Table.Td>
                    <Table.Td>
                      <ProfileSummary person={person} />
                    </Table.Td>
                    <Table.Td>
                      <IdentityReveal
                        personId={person.id}
                        pseudonym={person.pseudonym}
                        hasIdentity={person.hasIdentity}
                      />
                    </Table.Td>
                    <Table.Td>
                      <RowActions
                        editLabel={t('people.editFor', { name: person.pseudonym })}
                        deleteLabel={t('people.deleteFor', { name: person.pseudonym })}
                        onEdit={() => setEditing({ kind: 'person', person })}
                        onDelete={() =>
                          setDeleting({ kind: 'person', id: person.id, name: person.pseudonym })
                        }
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={3}>{t('organisations.title')}</Title>
          <Button variant="default" onClick={() => setEditing({ kind: 'organisation' })}>
            {t('organisations.add')}
          </Button>
        </Group>
        {organisations && organisations.length === 0 && (
          <Text c="dimmed" role="status">
            {t('organisations.empty')}
          </Text>
        )}
        {organisations && organisations.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={t('organisations.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('organisations.fields.name')}</Table.Th>
                  <Table.Th>{t('organisations.fields.orgType')}</Table.Th>
                  <Table.Th>{t('classification.label')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {organisations.map((org) => (
                  <Table.Tr key={org.id}>
                    <Table.Td fw={500}>{org.name}</Table.Td>
                    <Table.Td>{t(`orgType.${org.orgType}`)}</Table.Td>
                    <Table.Td>
                      <ClassificationBadge value={org.classification} />
                    </Table.Td>
                    <Table.Td>
                      <RowActions
                        editLabel={t('organisations.editFor', { name: org.name })}
                        deleteLabel={t('organisations.deleteFor', { name: org.name })}
                        onEdit={() => setEditing({ kind: 'organisation', organisation: org })}
                        onDelete={() => setDeleting({ kind: 'organisation', id: org.id, name: org.name })}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      <Modal
        opened={editing?.kind === 'person'}
        onClose={closeEditor}
        title={editing?.kind === 'person' && editing.person ? t('people.editTitle') : t('people.newTitle')}
        size="xl"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing?.kind === 'person' && (
          <PersonFormPanel
            person={editing.person}
            onSaved={() => {
              closeEditor();
              refresh();
            }}
            onCancel={closeEditor}
          />
        )}
      </Modal>
      <Modal
        opened={editing?.kind === 'organisation'}
        onClose={closeEditor}
        title={
          editing?.kind === 'organisation' && editing.organisation
            ? t('organisations.editTitle')
            : t('organisations.newTitle')
        }
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing?.kind === 'organisation' && (
          <OrganisationFormPanel
            organisation={editing.organisation}
            onSaved={() => {
              closeEditor();
              refresh();
            }}
            onCancel={closeEditor}
          />
        )}
      </Modal>
      <DeleteRecordDialog
        target={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={() => {
          setDeleting(null);
          refresh();
        }}
      />
    </Stack>
  );
}
