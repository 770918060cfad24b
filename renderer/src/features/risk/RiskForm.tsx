import { SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { useFieldError } from '../../components/fieldError';
import { MultiSelectField } from '../../components/ListFields';
import { useEnumOptions } from '../../components/options';
import { useSave } from '../../components/useSave';
import type { Incident } from '../../../../shared/schemas/incidents';
import { RISK_RATINGS, RiskAssessmentFields, type RiskAssessment } from '../../../../shared/schemas/risk';
import { incidentLabel } from '../incidents/labels';
import { todayIso } from '../matters/labels';
import { CRITERIA, type Criterion } from './criteria';
import { DateFormField } from '../../components/DateField';
import { DraftForm } from '../drafts/DraftForm';
import { useDraft } from '../drafts/useDraft';

const FIELD_NAMES = [
  'assessedOn',
  'incidentIds',
  ...CRITERIA.flatMap((c) => [`${c}.rating`, `${c}.reasoning`]),
];

/** A new assessment of the three criteria, each rated and reasoned, linked to the incidents it rests on. */
export function RiskForm({
  matterId,
  previous,
  incidents,
  onSaved,
  onCancel,
}: {
  matterId: string;
  previous: RiskAssessment | undefined;
  incidents: Incident[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const fieldError = useFieldError();
  const ratings = useEnumOptions('riskRating', RISK_RATINGS);
  // A new assessment starts from the last one: the team revises it rather than starting over.
  const form = useForm<RiskAssessmentFields>({
    resolver: zodResolver(RiskAssessmentFields),
    defaultValues: {
      assessedOn: todayIso(),
      seriousness: previous?.seriousness ?? { rating: 'medium', reasoning: '' },
      urgency: previous?.urgency ?? { rating: 'medium', reasoning: '' },
      irreparableHarm: previous?.irreparableHarm ?? { rating: 'medium', reasoning: '' },
      incidentIds: previous?.incidentIds.filter((id) => incidents.some((i) => i.id === id)) ?? [],
    },
  });
  const { register, control, handleSubmit, formState } = form;
  const errors = formState.errors;
  const draft = useDraft(`risk:new:${matterId}`, matterId, form);
  const incidentOptions = incidents.map((i) => ({ value: i.id, label: incidentLabel(t, i, i18n.language) }));

  const { error, submit } = useSave(
    { setFieldError: form.setError, fields: FIELD_NAMES },
    async (fields: RiskAssessmentFields) => {
      await client.risk.create({ matterId, ...fields });
      draft.discard();
      onSaved();
    },
  );

  return (
    <DraftForm
      title={t('risk.newTitle')}
      gap="md"
      draft={draft}
      onReset={() => form.reset()}
      onSubmit={handleSubmit(submit)}
      error={error}
      errorTitle={t('risk.saveFailed')}
      submitLabel={t('risk.save')}
      submitting={formState.isSubmitting}
      onCancel={onCancel}
    >
      <DateFormField
        control={control}
        name="assessedOn"
        emptyAs=""
        label={t('risk.assessedOn')}
        withAsterisk
        w={200}
      />
      {CRITERIA.map((criterion: Criterion) => (
        <Stack key={criterion} gap={6} role="group" aria-label={t(`risk.criteria.${criterion}`)}>
          <Text fw={600}>{t(`risk.criteria.${criterion}`)}</Text>
          <Text size="sm" c="dimmed">
            {t(`risk.criteriaHelp.${criterion}`)}
          </Text>
          <Controller
            control={control}
            name={`${criterion}.rating`}
            render={({ field }) => (
              <SegmentedControl
                aria-label={t('risk.ratingOf', { criterion: t(`risk.criteria.${criterion}`) })}
                data={ratings}
                value={field.value}
                onChange={field.onChange}
                w="fit-content"
              />
            )}
          />
          <Textarea
            {...register(`${criterion}.reasoning`)}
            label={t('risk.reasoningOf', { criterion: t(`risk.criteria.${criterion}`) })}
            error={fieldError(errors[criterion]?.reasoning)}
            autosize
            minRows={2}
            maxRows={10}
          />
        </Stack>
      ))}
      <MultiSelectField
        control={control}
        name="incidentIds"
        label={t('risk.incidents')}
        description={t('risk.incidentsDescription')}
        data={incidentOptions}
        nothingFoundMessage={t('risk.noIncidents')}
      />
    </DraftForm>
  );
}
