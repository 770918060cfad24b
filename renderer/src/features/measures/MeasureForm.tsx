import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { client } from '../../api/client';
import { DateFormField } from '../../components/DateField';
import { useFieldError } from '../../components/fieldError';
import { LengthDescription } from '../../components/lengthLimit';
import { MultiSelectField } from '../../components/ListFields';
import { useEnumOptions, type Option } from '../../components/options';
import { ClassificationField, SelectField } from '../../components/SelectField';
import { useSave } from '../../components/useSave';
import {
  AGREEMENTS,
  MEASURE_KINDS,
  MeasureFields,
  MeasureStatusFields,
  type ProtectionMeasure,
} from '../../../../shared/schemas/protection-measures';
import { DraftForm } from '../drafts/DraftForm';
import { useDraft } from '../drafts/useDraft';
import { todayIso } from '../matters/labels';
import { StatusOnDateFields } from './StatusOnDateFields';

/** The form: the measure's fields and, for a new one, the status it starts with. */
const MeasureFormValues = MeasureFields.extend({ firstStatus: MeasureStatusFields });
type MeasureFormValues = z.infer<typeof MeasureFormValues>;

const FIELD_NAMES = [
  'kind',
  'description',
  'authority',
  'personIds',
  'agreedOn',
  'agreedWithBeneficiaries',
  'classification',
] as const;

function valuesOf(m: ProtectionMeasure): MeasureFormValues {
  const { kind, description, authority, personIds, agreedOn, agreedWithBeneficiaries, classification } = m;
  return {
    kind,
    description,
    authority,
    personIds,
    agreedOn,
    agreedWithBeneficiaries,
    classification,
    // Not sent when editing: the history changes only through "Record status".
    firstStatus: {
      status: m.status,
      onDate: m.statusSince,
      communicationId: null,
      incidentId: null,
      note: '',
    },
  };
}

interface MeasureFormProps {
  matterId: string;
  measure?: ProtectionMeasure;
  /** The case's people, by pseudonym. */
  people: Option[];
  onSaved: (measure: ProtectionMeasure) => void;
  onCancel: () => void;
}

/** A measure the State reports: what, who implements it, whom it covers, and whether it was agreed. */
export function MeasureForm({ matterId, measure, people, onSaved, onCancel }: MeasureFormProps) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const kinds = useEnumOptions('measureKind', MEASURE_KINDS);
  const agreements = useEnumOptions('agreement', AGREEMENTS);
  const form = useForm<z.input<typeof MeasureFormValues>, unknown, MeasureFormValues>({
    resolver: zodResolver(MeasureFormValues),
    defaultValues: measure
      ? valuesOf(measure)
      : {
          kind: 'panic_button',
          description: '',
          authority: '',
          personIds: [],
          agreedOn: null,
          agreedWithBeneficiaries: 'unknown',
          classification: 'restricted',
          firstStatus: {
            status: 'proposed',
            onDate: todayIso(),
            communicationId: null,
            incidentId: null,
            note: '',
          },
        },
  });
  const { register, control, handleSubmit, formState } = form;
  const errors = formState.errors;
  const authority = useWatch({ control, name: 'authority' });
  const draft = useDraft(measure ? `measure:${measure.id}` : `measure:new:${matterId}`, matterId, form);

  const { error, submit } = useSave(
    { setFieldError: form.setError, fields: FIELD_NAMES, prefix: measure ? 'fields.' : '' },
    async ({ firstStatus, ...fields }: MeasureFormValues) => {
      const saved = measure
        ? await client.measures.update({ id: measure.id, revision: measure.revision, fields })
        : await client.measures.create({ matterId, ...fields, firstStatus });
      draft.discard();
      onSaved(saved);
    },
  );
  const title = measure ? t('measures.editTitle') : t('measures.newTitle');

  return (
    <DraftForm
      title={title}
      className="amparo-no-print"
      draft={draft}
      onReset={() => form.reset()}
      onSubmit={handleSubmit(submit)}
      error={error}
      errorTitle={t('measures.saveFailed')}
      submitLabel={measure ? t('common.save') : t('measures.create')}
      submitting={formState.isSubmitting}
      onCancel={onCancel}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <SelectField control={control} name="kind" label={t('measures.fields.kind')} data={kinds} />
        <TextInput
          {...register('authority')}
          label={t('measures.fields.authority')}
          description={<LengthDescription value={authority} max={300} />}
          error={fieldError(errors.authority, 300)}
        />
        <ClassificationField control={control} name="classification" />
      </SimpleGrid>
      <Textarea
        {...register('description')}
        label={t('measures.fields.description')}
        description={t('measures.fields.descriptionHelp')}
        error={fieldError(errors.description)}
        autosize
        minRows={2}
        maxRows={10}
      />
      <MultiSelectField
        control={control}
        name="personIds"
        label={t('measures.fields.beneficiaries')}
        description={t('measures.fields.beneficiariesHelp')}
        data={people}
        nothingFoundMessage={t('parties.nobodyFound')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateFormField control={control} name="agreedOn" label={t('measures.fields.agreedOn')} clearable />
        <SelectField
          control={control}
          name="agreedWithBeneficiaries"
          label={t('measures.fields.agreement')}
          data={agreements}
        />
      </SimpleGrid>
      {!measure && (
        <StatusOnDateFields
          control={control}
          status="firstStatus.status"
          onDate="firstStatus.onDate"
          statusLabel={t('measures.fields.firstStatus')}
          onDateLabel={t('measures.fields.firstStatusOn')}
        />
      )}
    </DraftForm>
  );
}
