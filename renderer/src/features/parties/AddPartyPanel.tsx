import {
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
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
import { OrganisationFormPanel } from '../people/OrganisationForm';
import { PersonFormPanel } from '../people/PersonForm';

type AddPartyFormInput = z.input<typeof AddPartyInput>;
type AddPartyFormOutput = z.output<typeof AddPartyInput>;
const FIELD_NAMES = ['role', 'personId', 'organisationId', 'familyOf', 'relationship'] as const;

/** Everyone the party can be chosen from. */
export interface Directory {
  people: Person[];
  organisations: Organisation[];
}

/** Adds someone to the case in a role: an existing person or organisation, or a new one made on the spot. */
export function AddPartyPanel({
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
