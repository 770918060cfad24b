import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { useFieldError } from '../../components/fieldError';
import { LengthDescription } from '../../components/lengthLimit';
import { MultiSelectField, TagsField } from '../../components/ListFields';
import { useEnumOptions, type Option } from '../../components/options';
import { ClassificationField, SelectField } from '../../components/SelectField';
import { useSave } from '../../components/useSave';
import { INCIDENT_KINDS, IncidentFields, type Incident } from '../../../../shared/schemas/incidents';
import { todayIso } from '../matters/labels';
import { OccurredOnField } from './OccurredOnField';
import type { z } from 'zod';
import { DraftForm } from '../drafts/DraftForm';
import { useDraft } from '../drafts/useDraft';

const FIELD_NAMES = [
  'occurredOn',
  'occurredPrecision',
  'occurredQualifier',
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
  const { occurredOn, occurredPrecision, occurredQualifier, kind, title, description } = incident;
  const { place, source, classification, personIds, tags } = incident;
  return {
    occurredOn,
    occurredPrecision,
    occurredQualifier,
    kind,
    title,
    description,
    place,
    source,
    classification,
    personIds,
    tags,
  };
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
  const form = useForm<z.input<typeof IncidentFields>, unknown, IncidentFields>({
    resolver: zodResolver(IncidentFields),
    defaultValues: incident
      ? fieldsOf(incident)
      : {
          occurredOn: todayIso(),
          occurredPrecision: 'day',
          occurredQualifier: 'exact',
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
  const titleValue = useWatch({ control, name: 'title' });
  const errors = formState.errors;
  const draft = useDraft(incident ? `incident:${incident.id}` : `incident:new:${matterId}`, matterId, form);

  const { error, submit } = useSave(
    { setFieldError: form.setError, fields: FIELD_NAMES, prefix: incident ? 'fields.' : '' },
    async (fields: IncidentFields) => {
      const saved = incident
        ? await client.incidents.update({ id: incident.id, revision: incident.revision, fields })
        : await client.incidents.create({ matterId, ...fields });
      draft.discard();
      onSaved(saved);
    },
  );

  return (
    <DraftForm
      title={incident ? t('incidents.editTitle') : t('incidents.newTitle')}
      className="amparo-no-print"
      draft={draft}
      onReset={() => form.reset()}
      onSubmit={handleSubmit(submit)}
      error={error}
      errorTitle={t('incidents.saveFailed')}
      submitLabel={incident ? t('common.save') : t('incidents.create')}
      submitting={formState.isSubmitting}
      onCancel={onCancel}
    >
      <OccurredOnField control={control} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <SelectField control={control} name="kind" label={t('incidents.fields.kind')} data={kinds} />
        <ClassificationField control={control} name="classification" />
      </SimpleGrid>
      <TextInput
        {...register('title')}
        label={t('incidents.fields.title')}
        description={<LengthDescription value={titleValue} max={300} />}
        error={fieldError(errors.title, 300)}
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
        <MultiSelectField
          control={control}
          name="personIds"
          label={t('incidents.fields.people')}
          description={t('incidents.fields.peopleDescription')}
          data={people}
          nothingFoundMessage={t('parties.nobodyFound')}
        />
        <TagsField control={control} name="tags" />
      </SimpleGrid>
    </DraftForm>
  );
}
