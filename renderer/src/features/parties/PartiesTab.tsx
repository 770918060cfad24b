import {
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/fieldError';
import { FormButtons } from '../../components/FormButtons';
import { useEnumOptions } from '../../components/options';
import { SelectField } from '../../components/SelectField';
import { useSave } from '../../components/useSave';
import { AddPartyInput, PARTY_ROLES, type Party } from '../../../../shared/schemas/parties';
import type { Organisation, Person } from '../../../../shared/schemas/people';
import { IdentityReveal } from '../people/IdentityReveal';
import { OrganisationFormPanel } from '../people/OrganisationForm';
import { PersonFormPanel } from '../people/PersonForm';

type AddPartyFormInput = z.input<typeof AddPartyInput>;
type AddPartyFormOutput = z.output<typeof AddPartyInput>;
const FIELD_NAMES = ['role', 'personId', 'organisationId', 'familyOf', 'relationship'] as const;

interface Directory {
  people: Person[];
  organisations: Organisation[];
}

function AddPartyPanel({
  matterId,
  parties,
  directory,
  onDirectoryChange,
  onAdded,
  onCancel,
}: {
  matterId: string;
  parties: Party[];
  directory: Directory;
  onDirectoryChange: () => void;
  onAdded: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const roles = useEnumOptions('partyRole', PARTY_ROLES);
  const [who, setWho] = useState<'person' | 'organisation'>('person');
  const [creating, setCreating] = useState<'person' | 'organisation' | null>(null);
  // Entities made from this form, listed before the directory reloads.
  const [made, setMade] = useState<{ value: string; label: string }[]>([]);
  const form = useForm<AddPartyFormInput, unknown, AddPartyFormOutput>({
    resolver: zodResolver(AddPartyInput),
    defaultValues: { matterId, role: 'beneficiary', familyOf: null, relationship: '' },
  });
  const { register, control, handleSubmit, formState, setValue } = form;
  const errors = formState.errors;
  const familyOf = useWatch({ control, name: 'familyOf' });

  const personOptions = useMemo(() => {
    const options = directory.people.map((p) => ({ value: p.id, label: p.pseudonym }));
    return [...options, ...made.filter((m) => !options.some((o) => o.value === m.value))];
  }, [directory.people, made]);
  const orgOptions = useMemo(() => {
    const options = directory.organisations.map((o) => ({ value: o.id, label: o.name }));
    return [...options, ...made.filter((m) => !options.some((o) => o.value === m.value))];
  }, [directory.organisations, made]);
  const beneficiaries = useMemo(
    () =>
      parties
        .filter((p) => p.role === 'beneficiary' && p.personId)
        .map((p) => ({ value: p.personId as string, label: p.displayName })),
    [parties],
  );

  const { error, submit } = useSave(
    { setFieldError: form.setError, fields: FIELD_NAMES },
    async (values: AddPartyFormOutput) => {
      await client.parties.add(values);
      onAdded();
    },
  );

  return (
    <Paper withBorder p="md">
      <form noValidate onSubmit={handleSubmit(submit)} aria-label={t('parties.addTitle')}>
        <Stack gap="sm">
          <Title order={4}>{t('parties.addTitle')}</Title>
          <SegmentedControl
            aria-label={t('parties.who')}
            value={who}
            onChange={(value) => {
              const next = value === 'organisation' ? 'organisation' : 'person';
              setWho(next);
              setValue(next === 'person' ? 'organisationId' : 'personId', undefined);
              if (next === 'organisation') setValue('familyOf', null);
            }}
            data={[
              { value: 'person', label: t('parties.aPerson') },
              { value: 'organisation', label: t('parties.anOrganisation') },
            ]}
            w="fit-content"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {who === 'person' ? (
              <SelectField
                control={control}
                name="personId"
                label={t('parties.person')}
                description={t('parties.personDescription')}
                placeholder={t('parties.choosePerson')}
                data={personOptions}
                required={false}
                clearsTo="undefined"
                searchable
                nothingFoundMessage={t('parties.nobodyFound')}
                withAsterisk
              />
            ) : (
              <SelectField
                control={control}
                name="organisationId"
                label={t('parties.organisation')}
                placeholder={t('parties.chooseOrganisation')}
                data={orgOptions}
                required={false}
                clearsTo="undefined"
                // The schema reports "a person or an organisation" on personId.
                error={fieldError(errors.organisationId ?? errors.personId)}
                searchable
                nothingFoundMessage={t('parties.nobodyFound')}
                withAsterisk
              />
            )}
            <SelectField control={control} name="role" label={t('parties.role')} data={roles} />
          </SimpleGrid>
          <Group>
            <Button variant="default" size="xs" onClick={() => setCreating(who)}>
              {who === 'person' ? t('parties.newPerson') : t('parties.newOrganisation')}
            </Button>
          </Group>
          {who === 'person' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <SelectField
                control={control}
                name="familyOf"
                label={t('parties.familyOf')}
                description={t('parties.familyOfDescription')}
                placeholder={t('parties.notFamily')}
                data={beneficiaries}
                required={false}
                clearable
                disabled={beneficiaries.length === 0}
              />
              <TextInput
                {...register('relationship')}
                label={t('parties.relationship')}
                placeholder={t('parties.relationshipPlaceholder')}
                error={fieldError(errors.relationship)}
                disabled={!familyOf}
              />
            </SimpleGrid>
          )}
          <ErrorAlert error={error} title={t('parties.addFailed')} />
          <FormButtons
            submitLabel={t('parties.add')}
            submitting={formState.isSubmitting}
            onCancel={onCancel}
          />
        </Stack>
      </form>
      <Modal
        opened={creating === 'person'}
        onClose={() => setCreating(null)}
        title={t('people.newTitle')}
        size="xl"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {creating === 'person' && (
          <PersonFormPanel
            onSaved={(person) => {
              setCreating(null);
              setMade((prev) => [...prev, { value: person.id, label: person.pseudonym }]);
              setValue('personId', person.id, { shouldValidate: formState.isSubmitted });
              onDirectoryChange();
            }}
            onCancel={() => setCreating(null)}
          />
        )}
      </Modal>
      <Modal
        opened={creating === 'organisation'}
        onClose={() => setCreating(null)}
        title={t('organisations.newTitle')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {creating === 'organisation' && (
          <OrganisationFormPanel
            onSaved={(org) => {
              setCreating(null);
              setMade((prev) => [...prev, { value: org.id, label: org.name }]);
              setValue('organisationId', org.id, { shouldValidate: formState.isSubmitted });
              onDirectoryChange();
            }}
            onCancel={() => setCreating(null)}
          />
        )}
      </Modal>
    </Paper>
  );
}

/** Who is in the case and in what role: pseudonyms and organisation names; identities only on reveal. */
export function PartiesTab({ matterId }: { matterId: string }) {
  const { t } = useTranslation();
  const [parties, setParties] = useState<Party[] | null>(null);
  const [directory, setDirectory] = useState<Directory>({ people: [], organisations: [] });
  const [error, setError] = useState<unknown>(null);
  const [adding, setAdding] = useState(false);
  const [reload, setReload] = useState(0);
  const [removing, setRemoving] = useState<string | null>(null);
  const refresh = useCallback(() => setReload((n) => n + 1), []);

  useEffect(() => {
    let active = true;
    Promise.all([
      client.parties.list({ matterId }),
      client.people.list({}),
      client.organisations.list({}),
    ]).then(
      ([p, people, organisations]) => {
        if (!active) return;
        setParties(p);
        setDirectory({ people: people.items, organisations });
      },
      (err: unknown) => active && setError(err),
    );
    return () => {
      active = false;
    };
  }, [matterId, reload]);

  const people = useMemo(() => new Map(directory.people.map((p) => [p.id, p])), [directory.people]);
  const names = useMemo(
    () => new Map((parties ?? []).map((p) => [p.personId ?? p.organisationId, p.displayName])),
    [parties],
  );

  const remove = async (party: Party) => {
    setRemoving(party.id);
    setError(null);
    try {
      await client.trash.delete({ entityType: 'party', entityId: party.id });
      refresh();
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
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {!parties && !error && <Loader size="sm" aria-label={t('common.loading')} />}
      {parties && parties.length === 0 && (
        <Text c="dimmed" role="status">
          {t('parties.empty')}
        </Text>
      )}
      {parties && parties.length > 0 && (
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
    </Stack>
  );
}
