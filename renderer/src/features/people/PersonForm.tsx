import { Alert, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/fieldError';
import { LengthDescription } from '../../components/lengthLimit';
import { FormButtons } from '../../components/FormButtons';
import { ClassificationField } from '../../components/SelectField';
import { useSave } from '../../components/useSave';
import { Classification } from '../../../../shared/schemas/classification';
import {
  EMPTY_PROFILE,
  PersonProfile,
  ProtectedIdentity,
  Pseudonym,
  type Person,
} from '../../../../shared/schemas/people';
import { initialsFromName } from '../../../../shared/text/initials';
import { PersonProfileFields } from './PersonProfileFields';
import { useRevealedIdentities } from './revealedIdentities';
import { DateFormField } from '../../components/DateField';

/** One value per line in a textarea, checked by the shared schema's list rule. */
const lines = <T extends z.ZodType<string[], string[]>>(list: T) =>
  z
    .string()
    .transform((text) =>
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(list);

const { shape } = ProtectedIdentity;
const PersonForm = z.object({
  pseudonym: Pseudonym,
  classification: Classification,
  legalName: shape.legalName,
  aliases: lines(shape.aliases),
  dateOfBirth: z
    .string()
    .transform((v) => v.trim() || null)
    .pipe(shape.dateOfBirth),
  idNumbers: lines(shape.idNumbers),
  phones: lines(shape.phones),
  addresses: lines(shape.addresses),
  notes: shape.notes,
  profile: PersonProfile,
});
type PersonFormInput = z.input<typeof PersonForm>;
type PersonFormOutput = z.output<typeof PersonForm>;

const IDENTITY_FIELDS = [
  'legalName',
  'aliases',
  'dateOfBirth',
  'idNumbers',
  'phones',
  'addresses',
  'notes',
] as const;
const FIELD_NAMES: readonly string[] = ['pseudonym', 'classification', ...IDENTITY_FIELDS];

const BLANK: PersonFormInput = {
  pseudonym: '',
  classification: 'restricted',
  legalName: '',
  aliases: '',
  dateOfBirth: '',
  idNumbers: '',
  phones: '',
  addresses: '',
  notes: '',
  profile: EMPTY_PROFILE,
};

function toInput(person: Person | undefined, identity: ProtectedIdentity | undefined): PersonFormInput {
  return {
    ...BLANK,
    ...(person
      ? {
          pseudonym: person.pseudonym,
          classification: person.classification,
          profile: person.profile ?? EMPTY_PROFILE,
        }
      : {}),
    ...(identity
      ? {
          legalName: identity.legalName,
          aliases: identity.aliases.join('\n'),
          dateOfBirth: identity.dateOfBirth ?? '',
          idNumbers: identity.idNumbers.join('\n'),
          phones: identity.phones.join('\n'),
          addresses: identity.addresses.join('\n'),
          notes: identity.notes,
        }
      : {}),
  };
}

function identityOf(values: PersonFormOutput): ProtectedIdentity {
  const { legalName, aliases, dateOfBirth, idNumbers, phones, addresses, notes } = values;
  return { legalName, aliases, dateOfBirth, idNumbers, phones, addresses, notes };
}

const isBlank = (identity: ProtectedIdentity) =>
  !identity.legalName &&
  !identity.dateOfBirth &&
  !identity.notes.trim() &&
  [identity.aliases, identity.idNumbers, identity.phones, identity.addresses].every((l) => l.length === 0);

const isBlankProfile = (profile: PersonProfile) =>
  profile.roles.length === 0 && profile.gender === null && profile.classification === 'restricted';

interface PersonFormProps {
  /** The person being edited; absent for a new person. */
  person?: Person;
  onSaved: (person: Person) => void;
  onCancel: () => void;
}

/**
 * A person: the pseudonym that is always safe to show, and the protected identity. For a new person the
 * pseudonym follows the legal name's initials until the user edits it. After a save the form is cleared
 * and closed, so the typed identity is not kept anywhere in the renderer.
 */
export function PersonFormPanel({ person, onSaved, onCancel }: PersonFormProps) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const identities = useRevealedIdentities();
  // Editing an identity that exists needs it revealed now; one that does not exist can be added.
  const revealed = person ? identities.get(person.id) : undefined;
  const identityEditable = !person || !person.hasIdentity || revealed !== undefined;
  const [initial] = useState(() => toInput(person, revealed?.identity));
  // Opened on a revealed identity: when the reveal ends (hidden, expired), the form closes with it.
  const [startedRevealed] = useState(revealed !== undefined);
  const stillRevealed = revealed !== undefined;
  useEffect(() => {
    if (startedRevealed && !stillRevealed) onCancel();
  }, [startedRevealed, stillRevealed, onCancel]);
  const pseudonymTouched = useRef(Boolean(person));
  const form = useForm<PersonFormInput, unknown, PersonFormOutput>({
    resolver: zodResolver(PersonForm),
    defaultValues: initial,
  });
  const { register, control, handleSubmit, formState, setValue } = form;
  const errors = formState.errors;

  const legalName = register('legalName');
  const pseudonymValue = useWatch({ control, name: 'pseudonym' });
  const pseudonym = register('pseudonym');

  const { error, submit } = useSave(
    {
      setFieldError: form.setError,
      fields: FIELD_NAMES,
      // `fields.pseudonym`, `identity.legalName`, `identity.phones.2`: the form has one field per list.
      prefix: (path) => path.replace(/^(fields|identity)\./, '').replace(/\.\d+$/, ''),
    },
    async (values: PersonFormOutput) => {
      const fields = { pseudonym: values.pseudonym, classification: values.classification };
      const identity = identityOf(values);
      // A withheld profile is not in the form: sending the blank one would overwrite it unseen.
      const profile =
        !person?.profileWithheld && (person?.profile || !isBlankProfile(values.profile))
          ? { profile: values.profile }
          : {};
      let saved: Person;
      if (!person) {
        saved = await client.people.create(
          isBlank(identity) ? { ...fields, ...profile } : { ...fields, identity, ...profile },
        );
      } else if (identityEditable && !(isBlank(identity) && !person.hasIdentity)) {
        saved = await client.people.update({
          id: person.id,
          revision: person.revision,
          fields,
          identity,
          ...profile,
        });
        identities.replace(person.id, identity);
      } else {
        saved = await client.people.update({ id: person.id, revision: person.revision, fields, ...profile });
      }
      // Nothing typed into the identity stays in the form once it is saved.
      form.reset(BLANK);
      onSaved(saved);
    },
  );

  return (
    <form noValidate onSubmit={handleSubmit(submit)}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            {...pseudonym}
            onChange={(event) => {
              pseudonymTouched.current = true;
              void pseudonym.onChange(event);
            }}
            label={t('people.fields.pseudonym')}
            description={
              <LengthDescription value={pseudonymValue} max={60}>
                {t('people.fields.pseudonymDescription')}
              </LengthDescription>
            }
            error={fieldError(errors.pseudonym, 60)}
            spellCheck={false}
            autoComplete="off"
            withAsterisk
          />
          <ClassificationField control={control} name="classification" withDescription={false} />
        </SimpleGrid>
        {person?.profileWithheld ? (
          <Alert color="gray" variant="light">
            {t('personProfile.withheld')}
          </Alert>
        ) : (
          <PersonProfileFields control={control} />
        )}
        <Title order={3} size="h5">
          {t('people.protectedIdentity')}
        </Title>
        {identityEditable ? (
          <>
            <Text size="sm" c="dimmed">
              {t('people.protectedIdentityDescription')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                {...legalName}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  void legalName.onChange(event);
                  if (!pseudonymTouched.current) {
                    setValue('pseudonym', initialsFromName(value), { shouldValidate: formState.isSubmitted });
                  }
                }}
                label={t('people.fields.legalName')}
                error={fieldError(errors.legalName)}
                spellCheck={false}
                autoComplete="off"
                data-autofocus={person ? undefined : true}
              />
              <DateFormField
                control={control}
                name="dateOfBirth"
                emptyAs=""
                label={t('people.fields.dateOfBirth')}
                clearable
              />
              <Textarea
                {...register('aliases')}
                label={t('people.fields.aliases')}
                description={t('people.fields.onePerLine')}
                error={fieldError(errors.aliases)}
                autosize
                minRows={2}
                spellCheck={false}
              />
              <Textarea
                {...register('idNumbers')}
                label={t('people.fields.idNumbers')}
                description={t('people.fields.onePerLine')}
                error={fieldError(errors.idNumbers)}
                autosize
                minRows={2}
                spellCheck={false}
              />
              <Textarea
                {...register('phones')}
                label={t('people.fields.phones')}
                description={t('people.fields.onePerLine')}
                error={fieldError(errors.phones)}
                autosize
                minRows={2}
                spellCheck={false}
              />
              <Textarea
                {...register('addresses')}
                label={t('people.fields.addresses')}
                description={t('people.fields.onePerLine')}
                error={fieldError(errors.addresses)}
                autosize
                minRows={2}
                spellCheck={false}
              />
            </SimpleGrid>
            <Textarea
              {...register('notes')}
              label={t('people.fields.identityNotes')}
              error={fieldError(errors.notes)}
              autosize
              minRows={2}
            />
          </>
        ) : (
          <Alert color="gray" variant="light">
            {t('people.revealToEdit')}
          </Alert>
        )}
        <ErrorAlert error={error} title={t('people.saveFailed')} />
        <FormButtons
          submitLabel={person ? t('common.save') : t('people.create')}
          submitting={formState.isSubmitting}
          onCancel={onCancel}
          inDialog
        />
      </Stack>
    </form>
  );
}
