import { SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/fieldError';
import { FormButtons } from '../../components/FormButtons';
import { useEnumOptions } from '../../components/options';
import { ClassificationField, SelectField } from '../../components/SelectField';
import { useSave } from '../../components/useSave';
import { ORGANISATION_TYPES, OrganisationFields, type Organisation } from '../../../../shared/schemas/people';

const FIELD_NAMES = ['name', 'orgType', 'classification', 'notes'] as const;

interface OrganisationFormProps {
  organisation?: Organisation;
  onSaved: (organisation: Organisation) => void;
  onCancel: () => void;
}

/** An NGO, a State body, the Commission…: entities that take roles in cases. Nothing in them is protected. */
export function OrganisationFormPanel({ organisation, onSaved, onCancel }: OrganisationFormProps) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const types = useEnumOptions('orgType', ORGANISATION_TYPES);
  const form = useForm<OrganisationFields>({
    resolver: zodResolver(OrganisationFields),
    defaultValues: organisation
      ? {
          name: organisation.name,
          orgType: organisation.orgType,
          classification: organisation.classification,
          notes: organisation.notes,
        }
      : { name: '', orgType: 'ngo', classification: 'public', notes: '' },
  });
  const { register, control, handleSubmit, formState } = form;
  const errors = formState.errors;

  const { error, submit } = useSave(
    { setFieldError: form.setError, fields: FIELD_NAMES, prefix: organisation ? 'fields.' : '' },
    async (fields: OrganisationFields) =>
      onSaved(
        organisation
          ? await client.organisations.update({
              id: organisation.id,
              revision: organisation.revision,
              fields,
            })
          : await client.organisations.create(fields),
      ),
  );

  return (
    <form noValidate onSubmit={handleSubmit(submit)}>
      <Stack gap="md">
        <TextInput
          {...register('name')}
          label={t('organisations.fields.name')}
          error={fieldError(errors.name)}
          withAsterisk
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <SelectField
            control={control}
            name="orgType"
            label={t('organisations.fields.orgType')}
            data={types}
          />
          <ClassificationField control={control} name="classification" withDescription={false} />
        </SimpleGrid>
        <Textarea
          {...register('notes')}
          label={t('organisations.fields.notes')}
          error={fieldError(errors.notes)}
          autosize
          minRows={2}
        />
        <ErrorAlert error={error} title={t('organisations.saveFailed')} />
        <FormButtons
          submitLabel={organisation ? t('common.save') : t('organisations.create')}
          submitting={formState.isSubmitting}
          onCancel={onCancel}
          inDialog
        />
      </Stack>
    </form>
  );
}
