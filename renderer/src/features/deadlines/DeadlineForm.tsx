import {
  Alert,
  Checkbox,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { client } from '../../api/client';
import { DateFormField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/useLoad';
import { useSave } from '../../components/useSave';
import { DEADLINE_KINDS, type DeadlineDateInput } from '../../../../shared/schemas/deadline-records';
import { DraftForm } from '../drafts/DraftForm';
import { useDraft } from '../drafts/useDraft';
import { BasisList } from './BasisList';
import { DueMoment } from './DueMoment';
import { PeriodFields } from './PeriodFields';

const UNITS = ['days', 'working-days', 'months'] as const;

const FormValues = z.object({
  title: z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
  kind: z.enum(DEADLINE_KINDS),
  mode: z.enum(['rule', 'manual']),
  ruleId: z.string(),
  triggerDate: z.string().nullable(),
  triggerTime: z.string(),
  amount: z.number().nullable(),
  unit: z.enum(UNITS),
  manualDate: z.string().nullable(),
  endTime: z.string(),
  zone: z.string(),
  recurring: z.boolean(),
  everyAmount: z.number().nullable(),
  everyUnit: z.enum(UNITS),
  recurrenceFrom: z.enum(['due', 'fulfilled']),
  notes: z.string().max(20000, 'validation.tooLong'),
});
type FormValues = z.infer<typeof FormValues>;

export interface DeadlinePrefill {
  title?: string;
  amount?: number;
  unit?: (typeof UNITS)[number];
  triggerDate?: string | null;
  communicationId?: string;
}

function dateInput(v: FormValues): DeadlineDateInput | null {
  if (v.mode === 'manual')
    return v.manualDate ? { mode: 'manual', date: v.manualDate, endTime: v.endTime, zone: v.zone } : null;
  if (!v.ruleId || !v.triggerDate) return null;
  return {
    mode: 'rule',
    ruleId: v.ruleId,
    trigger: { date: v.triggerDate, ...(v.triggerTime ? { time: v.triggerTime } : {}) },
    ...(v.amount !== null ? { period: { unit: v.unit, amount: v.amount } } : {}),
  };
}

/** A new deadline: counted by a rule (with the live basis) or a date typed by hand; recurring if it repeats. */
export function DeadlineForm({
  matterId,
  prefill,
  onSaved,
  onCancel,
}: {
  matterId: string;
  prefill?: DeadlinePrefill;
  onSaved: (id: string) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('es') ? 'es' : 'en';
  const rules = useLoad(() => client.deadlines.rules({}), []);
  const form = useForm<FormValues>({
    resolver: zodResolver(FormValues),
    defaultValues: {
      title: prefill?.title ?? '',
      kind: 'response',
      mode: 'rule',
      ruleId: 'iachr-note',
      triggerDate: prefill?.triggerDate ?? null,
      triggerTime: '',
      amount: prefill?.amount ?? null,
      unit: prefill?.unit ?? 'days',
      manualDate: null,
      endTime: '24:00',
      zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      recurring: false,
      everyAmount: 2,
      everyUnit: 'months',
      recurrenceFrom: 'due',
      notes: '',
    },
  });
  const { register, control, handleSubmit, formState } = form;
  const draft = useDraft(prefill?.communicationId ? null : `deadline:new:${matterId}`, matterId, form);
  const values = useWatch({ control }) as FormValues;
  const request = dateInput(values);
  const requestKey = JSON.stringify(request);
  const [computed, setComputed] = useState<{
    key: string;
    value?: Awaited<ReturnType<typeof client.deadlines.preview>>;
    error?: unknown;
  }>({ key: '' });
  // Only the answer for what is typed now counts (an older one, or none yet, shows nothing).
  const preview: Omit<typeof computed, 'key'> = request && computed.key === requestKey ? computed : {};

  // The basis follows what is typed, computed by the same engine that will store it (nothing is saved).
  useEffect(() => {
    if (!request) return undefined;
    let active = true;
    const timer = setTimeout(() => {
      client.deadlines
        .preview({ date: request })
        .then((value) => active && setComputed({ key: requestKey, value }))
        .catch((error: unknown) => active && setComputed({ key: requestKey, error }));
    }, 250);
    return () => {
      active = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the request's JSON is its identity
  }, [requestKey]);

  const { error, submit } = useSave(
    { setFieldError: form.setError, fields: ['title'] },
    async (v: FormValues) => {
      const date = dateInput(v);
      if (!date) throw new Error(t('deadlines.form.previewEmpty'));
      await draft.whileSaving(async () => {
        const created = await client.deadlines.create({
          matterId,
          title: v.title,
          kind: v.kind,
          notes: v.notes,
          communicationId: prefill?.communicationId ?? null,
          recurrence:
            v.recurring && v.everyAmount !== null
              ? { every: { unit: v.everyUnit, amount: v.everyAmount }, from: v.recurrenceFrom }
              : null,
          date,
        });
        onSaved(created.id);
      });
    },
  );

  const ruleOptions = (rules.data ?? []).map((r) => ({ value: r.id, label: r.name[lang] }));
  const fieldError = (message?: string) => (message ? t(message) : undefined);

  return (
    <DraftForm
      title={t('deadlines.form.title')}
      draft={draft}
      onReset={() => form.reset()}
      onSubmit={handleSubmit(submit)}
      error={error}
      submitLabel={t('deadlines.form.save')}
      submitting={formState.isSubmitting}
      onCancel={onCancel}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          {...register('title')}
          label={t('deadlines.form.name')}
          error={fieldError(formState.errors.title?.message)}
          withAsterisk
          autoFocus
        />
        <Controller
          control={control}
          name="kind"
          render={({ field }) => (
            <Select
              label={t('deadlines.form.kindLabel')}
              data={DEADLINE_KINDS.map((k) => ({ value: k, label: t(`deadlines.kind.${k}`) }))}
              value={field.value}
              onChange={(v) => v && field.onChange(v)}
              allowDeselect={false}
            />
          )}
        />
      </SimpleGrid>
      <Controller
        control={control}
        name="mode"
        render={({ field }) => (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="deadline-mode-label">
              {t('deadlines.form.mode')}
            </Text>
            <SegmentedControl
              aria-labelledby="deadline-mode-label"
              value={field.value}
              onChange={field.onChange}
              data={[
                { value: 'rule', label: t('deadlines.form.modeRule') },
                { value: 'manual', label: t('deadlines.form.modeManual') },
              ]}
            />
          </Stack>
        )}
      />
      {values.mode === 'rule' ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={control}
            name="ruleId"
            render={({ field }) => (
              <Select
                label={t('deadlines.form.rule')}
                data={ruleOptions}
                value={field.value}
                onChange={(v) => v && field.onChange(v)}
                allowDeselect={false}
                searchable
              />
            )}
          />
          <DateFormField
            control={control}
            name="triggerDate"
            label={t('deadlines.form.triggerDate')}
            withAsterisk
          />
          <TextInput
            {...register('triggerTime')}
            label={t('deadlines.form.triggerTime')}
            placeholder="HH:MM"
          />
          <SimpleGrid cols={2}>
            <PeriodFields
              control={control}
              amount="amount"
              unit="unit"
              amountLabel={t('deadlines.form.amount')}
              units={UNITS}
            />
          </SimpleGrid>
        </SimpleGrid>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateFormField
            control={control}
            name="manualDate"
            label={t('deadlines.form.manualDate')}
            withAsterisk
          />
          <TextInput {...register('endTime')} label={t('deadlines.form.endTime')} />
          <TextInput {...register('zone')} label={t('deadlines.form.zone')} />
        </SimpleGrid>
      )}
      <Checkbox {...register('recurring')} label={t('deadlines.form.recurring')} />
      {values.recurring && (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <PeriodFields
            control={control}
            amount="everyAmount"
            unit="everyUnit"
            amountLabel={t('deadlines.form.every')}
            units={UNITS}
          />
          <Controller
            control={control}
            name="recurrenceFrom"
            render={({ field }) => (
              <Select
                label={t('deadlines.form.recurrenceFrom')}
                data={[
                  { value: 'due', label: t('deadlines.form.fromDue') },
                  { value: 'fulfilled', label: t('deadlines.form.fromFulfilled') },
                ]}
                value={field.value}
                onChange={(v) => v && field.onChange(v)}
                allowDeselect={false}
              />
            )}
          />
        </SimpleGrid>
      )}
      <Textarea {...register('notes')} label={t('deadlines.form.notes')} autosize minRows={2} />
      <Stack gap={4} aria-live="polite">
        <Title order={5}>{t('deadlines.form.preview')}</Title>
        {preview.value ? (
          <>
            <DueMoment deadline={preview.value} />
            <BasisList basis={preview.value.basis} label={t('deadlines.form.preview')} />
          </>
        ) : preview.error ? (
          <ErrorAlert error={preview.error} />
        ) : (
          <Alert variant="light" color="gray">
            {t('deadlines.form.previewEmpty')}
          </Alert>
        )}
      </Stack>
    </DraftForm>
  );
}
