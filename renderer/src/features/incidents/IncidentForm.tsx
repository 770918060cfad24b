import {
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/fieldError';
import { useEnumOptions, type Option } from '../../components/options';
import { applyServerIssues } from '../../components/serverIssues';
import { INCIDENT_KINDS, IncidentFields, type Incident } from '../../../../shared/schemas/case-file';
import { CLASSIFICATIONS } from '../../../../shared/schemas/classification';
import { todayIso } from '../matters/labels';

const FIELD_NAMES = [
  'occurredOn',
  'kind',
  'title',
  'description',
  'place',
  'source',
  'classification',
  'personIds',
  'tags',
] as const;

function fieldsOf(incident: Incident): IncidentFields {
  const { occurredOn, kind, title, description, place, source, classification, personIds, tags } = incident;
  return { occurredOn, kind, title, description, place, source, classification, personIds, tags };
}

interface IncidentFormProps {
  matterId: string;
  incident?: Incident;
  /** People who can be affected, by pseudonym. */
  people: Option[];
  onSaved: (incident: Incident) => void;
  onCancel: () => void;
}

/** A dated fact of the risk: what happened, where, who says so, and who it affected. */
export function IncidentForm({ matterId, incident, people, onSaved, onCancel }: IncidentFormProps) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const kinds = useEnumOptions('incidentKind', INCIDENT_KINDS);
  const classifications = useEnumOptions('classification', CLASSIFICATIONS);
  const [error, setError] = useState<unknown>(null);
  const form = useForm<IncidentFields>({
    resolver: zodResolver(IncidentFields),
    defaultValues: incident
      ? fieldsOf(incident)
      : {
          occurredOn: todayIso(),
          kind: 'threat',
          title: '',
          description: '',
          place: '',
          source: '',
          classification: 'restricted',
          personIds: [],
          tags: [],
        },
  });
  const { register, control, handleSubmit, formState } = form;
  const errors = formState.errors;

  const submit = async (fields: IncidentFields) => {
    setError(null);
    try {
      onSaved(
        incident
          ? await client.incidents.update({ id: incident.id, revision: incident.revision, fields })
          : await client.incidents.create({ matterId, ...fields }),
      );
    } catch (err) {
      // Whatever happens, the form keeps what the user typed.
      if (!applyServerIssues(err, FIELD_NAMES, form.setError, incident ? 'fields.' : '')) setError(err);
    }
  };

  return (
    <Paper withBorder p="md" className="amparo-no-print">
      <form
        noValidate
        onSubmit={handleSubmit(submit)}
        aria-label={incident ? t('incidents.editTitle') : t('incidents.newTitle')}
      >
        <Stack gap="sm">
          <Title order={4}>{incident ? t('incidents.editTitle') : t('incidents.newTitle')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Controller
              control={control}
              name="kind"
              render={({ field }) => (
                <Select
                  label={t('incidents.fields.kind')}
                  data={kinds}
                  value={field.value}
                  onChange={(value) => value && field.onChange(value)}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  name={field.name}
                  error={fieldError(errors.kind)}
                  allowDeselect={false}
                  withAsterisk
                />
              )}
            />
            <TextInput
              {...register('occurredOn')}
              type="date"
              label={t('incidents.fields.occurredOn')}
              error={fieldError(errors.occurredOn)}
              withAsterisk
            />
            <Controller
              control={control}
              name="classification"
              render={({ field }) => (
                <Select
                  label={t('classification.label')}
                  description={t('classification.description')}
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
          <TextInput
            {...register('title')}
            label={t('incidents.fields.title')}
            error={fieldError(errors.title)}
            withAsterisk
            autoFocus
          />
          <Textarea
            {...register('description')}
            label={t('incidents.fields.description')}
            description={t('incidents.fields.descriptionHelp')}
            error={fieldError(errors.description)}
            autosize
            minRows={3}
            maxRows={12}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              {...register('place')}
              label={t('incidents.fields.place')}
              error={fieldError(errors.place)}
            />
            <TextInput
              {...register('source')}
              label={t('incidents.fields.source')}
              description={t('incidents.fields.sourceDescription')}
              error={fieldError(errors.source)}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Controller
              control={control}
              name="personIds"
              render={({ field }) => (
                <MultiSelect
                  label={t('incidents.fields.people')}
                  description={t('incidents.fields.peopleDescription')}
                  data={people}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  name={field.name}
                  error={fieldError(errors.personIds)}
                  searchable
                  clearable
                  nothingFoundMessage={t('parties.nobodyFound')}
                />
              )}
            />
            <Controller
              control={control}
              name="tags"
              render={({ field }) => (
                <TagsInput
                  label={t('tags.label')}
                  description={t('tags.description')}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  name={field.name}
                  error={fieldError(errors.tags)}
                  clearable
                />
              )}
            />
          </SimpleGrid>
          <ErrorAlert error={error} title={t('incidents.saveFailed')} />
          <Group>
            <Button type="submit" loading={formState.isSubmitting}>
              {incident ? t('common.save') : t('incidents.create')}
            </Button>
            <Button variant="default" onClick={onCancel} disabled={formState.isSubmitting}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
