import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/fieldError';
import { useEnumOptions } from '../../components/options';
import { applyServerIssues } from '../../components/serverIssues';
import { CLASSIFICATIONS } from '../../../../shared/schemas/classification';
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
  const classifications = useEnumOptions('classification', CLASSIFICATIONS);
  const [error, setError] = useState<unknown>(null);
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

  const submit = async (fields: OrganisationFields) => {
    setError(null);
    try {
      onSaved(
        organisation
          ? await client.organisations.update({
              id: organisation.id,
              revision: organisation.revision,
              fields,
            })
          : await client.organisations.create(fields),
      );
    } catch (err) {
      if (!applyServerIssues(err, FIELD_NAMES, form.setError, organisation ? 'fields.' : '')) setError(err);
    }
  };

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
          <Controller
            control={control}
            name="orgType"
            render={({ field }) => (
              <Select
                label={t('organisations.fields.orgType')}
                data={types}
                value={field.value}
                onChange={(value) => value && field.onChange(value)}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                error={fieldError(errors.orgType)}
                allowDeselect={false}
                withAsterisk
              />
            )}
          />
          <Controller
            control={control}
            name="classification"
            render={({ field }) => (
              <Select
                label={t('classification.label')}
                data={classifications}
                value={field.value}
                onChange={(value) => value && field.onChange(value)}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                error={fieldError(errors.classification)}
                allowDeselect={false}
                withAsterisk
              />
            )}
          />
        </SimpleGrid>
        <Textarea
          {...register('notes')}
          label={t('organisations.fields.notes')}
          error={fieldError(errors.notes)}
          autosize
          minRows={2}
        />
        <ErrorAlert error={error} title={t('organisations.saveFailed')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={formState.isSubmitting}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={formState.isSubmitting}>
            {organisation ? t('common.save') : t('organisations.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
