import { Select, Textarea } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useController, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { client } from '../../api/client';
import { formatIsoDate } from '../../app/format';
import { useFieldError } from '../../components/fieldError';
import { useLoad } from '../../components/useLoad';
import { useSave } from '../../components/useSave';
import {
  MeasureStatusFields,
  type MeasureStatus,
  type ProtectionMeasure,
} from '../../../../shared/schemas/protection-measures';
import { HiddenConfidentialNotice } from '../confidential/HiddenConfidentialNotice';
import { DraftForm } from '../drafts/DraftForm';
import { useDraft } from '../drafts/useDraft';
import { todayIso } from '../matters/labels';
import { StatusOnDateFields } from './StatusOnDateFields';

const FIELD_NAMES = ['status', 'onDate', 'communicationId', 'incidentId', 'note'] as const;

/** The status a new entry most often records after the current one (the user picks another freely). */
const LIKELY_NEXT: Record<MeasureStatus, MeasureStatus> = {
  proposed: 'agreed',
  agreed: 'implemented',
  implemented: 'failing',
  failing: 'implemented',
  withdrawn: 'withdrawn',
};

/**
 * Appends a status to a measure's history, dated, citing the communication or incident that shows it. Never
 * edits an earlier entry: a correction is recorded the same way.
 */
export function StatusForm({
  measure,
  onSaved,
  onCancel,
}: {
  measure: ProtectionMeasure;
  onSaved: (measure: ProtectionMeasure) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const fieldError = useFieldError();
  const options = useLoad(
    () => client.measures.linkOptions({ matterId: measure.matterId }),
    [measure.matterId],
  );
  const form = useForm<z.input<typeof MeasureStatusFields>, unknown, MeasureStatusFields>({
    resolver: zodResolver(MeasureStatusFields),
    defaultValues: {
      status: LIKELY_NEXT[measure.status],
      onDate: todayIso(),
      communicationId: null,
      incidentId: null,
      note: '',
    },
  });
  const { register, control, handleSubmit, formState } = form;
  const communication = useController({ control, name: 'communicationId' });
  const incident = useController({ control, name: 'incidentId' });
  const draft = useDraft(`measureStatus:${measure.id}`, measure.matterId, form);
  const language = i18n.language;
  const citeData = useMemo(() => {
    const list = options.data;
    if (!list) return [];
    const item = (kind: string) => (o: { id: string; date: string; label: string }) => ({
      value: `${kind}:${o.id}`,
      label: `${formatIsoDate(o.date, language)} — ${o.label}`,
    });
    return [
      { group: t('measures.cites.incidents'), items: list.incidents.map(item('incident')) },
      { group: t('measures.cites.communications'), items: list.communications.map(item('communication')) },
    ].filter((g) => g.items.length > 0);
  }, [options.data, language, t]);
  const cited = communication.field.value
    ? `communication:${communication.field.value}`
    : incident.field.value
      ? `incident:${incident.field.value}`
      : null;

  const { error, submit } = useSave(
    { setFieldError: form.setError, fields: FIELD_NAMES },
    async (entry: MeasureStatusFields) => {
      const saved = await client.measures.addStatus({ measureId: measure.id, ...entry });
      draft.discard();
      onSaved(saved);
    },
  );

  return (
    <DraftForm
      title={t('measures.status.title')}
      titleOrder={5}
      className="amparo-no-print"
      draft={draft}
      onReset={() => form.reset()}
      onSubmit={handleSubmit(submit)}
      error={error ?? options.error}
      errorTitle={t('measures.saveFailed')}
      submitLabel={t('measures.status.save')}
      submitting={formState.isSubmitting}
      onCancel={onCancel}
    >
      <StatusOnDateFields
        control={control}
        status="status"
        onDate="onDate"
        statusLabel={t('measures.status.status')}
        onDateLabel={t('measures.status.onDate')}
      />
      <Select
        label={t('measures.status.cites')}
        description={t('measures.status.citesHelp')}
        placeholder={t('measures.status.citesNone')}
        data={citeData}
        value={cited}
        onChange={(value) => {
          const [kind, id] = value ? (value.split(':') as [string, string]) : [null, null];
          communication.field.onChange(kind === 'communication' ? id : null);
          incident.field.onChange(kind === 'incident' ? id : null);
        }}
        error={fieldError(incident.fieldState.error ?? communication.fieldState.error)}
        searchable
        clearable
        nothingFoundMessage={t('measures.status.nothingToCite')}
      />
      {options.data && (
        <HiddenConfidentialNotice
          count={options.data.hiddenConfidential}
          matterId={measure.matterId}
          onRevealed={options.reload}
        />
      )}
      <Textarea
        {...register('note')}
        label={t('measures.status.note')}
        error={fieldError(formState.errors.note)}
        autosize
        minRows={2}
        maxRows={8}
      />
    </DraftForm>
  );
}
