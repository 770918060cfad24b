import { Paper, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { client } from '../../api/client';
import { useFieldError } from '../../components/fieldError';
import { FormButtons } from '../../components/FormButtons';
import { MultiSelectField, TagsField } from '../../components/ListFields';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { ClassificationField } from '../../components/SelectField';
import { useSave } from '../../components/useSave';
import { EvidenceFields, type EvidenceItem } from '../../../../shared/schemas/evidence';
import { withUnlisted, type EvidenceLinks } from './links';
import { DateFormField } from '../../components/DateField';

type EvidenceFormInput = z.input<typeof EvidenceFields>;

const FIELD_NAMES = Object.keys(EvidenceFields.shape);

function fieldsOf(item: EvidenceItem): EvidenceFormInput {
  const { title, description, eventDate, source, acquisition, classification, tags, incidentIds, personIds } =
    item;
  return { title, description, eventDate, source, acquisition, classification, tags, incidentIds, personIds };
}

interface EvidenceEditFormProps {
  item: EvidenceItem;
  links: EvidenceLinks;
  onSaved: (item: EvidenceItem) => void;
  onCancel: () => void;
  /** After a CONFLICT: fetch the latest saved version (discards what was typed). */
  onReload: () => Promise<void>;
}

/** What the team says about an item: its description, dates, source, and what it is linked to. */
export function EvidenceEditForm({ item, links, onSaved, onCancel, onReload }: EvidenceEditFormProps) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const form = useForm<EvidenceFormInput, unknown, EvidenceFields>({
    resolver: zodResolver(EvidenceFields),
    defaultValues: fieldsOf(item),
  });
  const { register, control, handleSubmit, formState } = form;
  const errors = formState.errors;
  const { error, submit } = useSave(
    {
      setFieldError: form.setError,
      fields: FIELD_NAMES,
      // `fields.tags.3` belongs to the tags field.
      prefix: (path) => path.replace(/^fields\./, '').replace(/\.\d+$/, ''),
    },
    async (fields: EvidenceFields) =>
      onSaved(await client.evidence.update({ id: item.id, revision: item.revision, fields })),
  );

  return (
    <Paper withBorder p="md" className="amparo-no-print">
      <form noValidate onSubmit={handleSubmit(submit)} aria-label={t('evidence.edit.title')}>
        <Stack gap="sm">
          <Title order={4}>{t('evidence.edit.title')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              {...register('title')}
              label={t('evidence.fields.title')}
              error={fieldError(errors.title)}
              withAsterisk
              autoFocus
            />
            <DateFormField
              control={control}
              name="eventDate"
              label={t('evidence.fields.eventDate')}
              description={t('evidence.fields.eventDateHint')}
              clearable
            />
            <ClassificationField control={control} name="classification" />
          </SimpleGrid>
          <Textarea
            {...register('description')}
            label={t('evidence.fields.description')}
            error={fieldError(errors.description)}
            autosize
            minRows={3}
            maxRows={12}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              {...register('source')}
              label={t('evidence.fields.source')}
              description={t('evidence.fields.sourceHint')}
              error={fieldError(errors.source)}
            />
            <TextInput
              {...register('acquisition')}
              label={t('evidence.fields.acquisition')}
              description={t('evidence.fields.acquisitionHint')}
              error={fieldError(errors.acquisition)}
            />
            <MultiSelectField
              control={control}
              name="incidentIds"
              label={t('evidence.fields.incidents')}
              description={t('evidence.fields.incidentsHint')}
              data={withUnlisted(links.incidents, item.incidentIds, t('risk.hiddenIncident'))}
              nothingFoundMessage={t('evidence.edit.noIncidents')}
            />
            <MultiSelectField
              control={control}
              name="personIds"
              label={t('evidence.fields.people')}
              description={t('evidence.fields.peopleHint')}
              data={withUnlisted(links.people, item.personIds, t('evidence.edit.hiddenPerson'))}
              nothingFoundMessage={t('evidence.edit.nobody')}
            />
          </SimpleGrid>
          <TagsField control={control} name="tags" />
          <SaveErrorAlert
            error={error}
            title={t('evidence.edit.saveFailed')}
            conflict={{
              title: t('evidence.edit.conflictTitle'),
              body: t('evidence.edit.conflictBody'),
              onReload,
            }}
          />
          <FormButtons
            submitLabel={t('common.save')}
            submitting={formState.isSubmitting}
            onCancel={onCancel}
          />
        </Stack>
      </form>
    </Paper>
  );
}
