import { NumberInput, Paper, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { DateFormField } from '../../components/DateField';
import { DateTimeZoneFields } from '../../components/DateTimeZoneFields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/fieldError';
import { FormButtons } from '../../components/FormButtons';
import { useEnumOptions } from '../../components/options';
import { ClassificationField, SelectField } from '../../components/SelectField';
import { useSave } from '../../components/useSave';
import {
  HEARING_KINDS,
  HEARING_STATUSES,
  HearingFields,
  type Hearing,
  type HearingFieldsInput,
} from '../../../../shared/schemas/hearings';
import { DraftRestoredNotice } from '../drafts/DraftRestoredNotice';
import { useDraft } from '../drafts/useDraft';

const FIELD_NAMES = [
  'kind',
  'title',
  'lang',
  'forum',
  'sessionPeriod',
  'sessionsStartOn',
  'heldOn',
  'startTime',
  'zone',
  'place',
  'status',
  'requestedOn',
  'totalMinutes',
  'ourMinutes',
  'sharingNote',
  'keyAsks',
  'classification',
] as const;

export function fieldsOf(h: Hearing): HearingFields {
  const out = {} as Record<string, unknown>;
  for (const name of FIELD_NAMES) out[name] = h[name];
  return out as HearingFields;
}

/** The hearing record: kind, forum, period of sessions, when and where, the request, the time, the key asks. */
export function HearingForm({
  matterId,
  hearing,
  onSaved,
  onCancel,
}: {
  matterId: string;
  hearing?: Hearing;
  onSaved: (hearing: Hearing) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const fieldError = useFieldError();
  const kinds = useEnumOptions('hearingCore.kind', HEARING_KINDS);
  const statuses = useEnumOptions('hearingsUi.status', HEARING_STATUSES);
  const form = useForm<HearingFieldsInput, unknown, HearingFields>({
    resolver: zodResolver(HearingFields),
    defaultValues: hearing
      ? fieldsOf(hearing)
      : {
          kind: 'public_hearing',
          title: '',
          lang: i18n.language.startsWith('en') ? 'en' : 'es',
          forum: '',
          sessionPeriod: '',
          sessionsStartOn: null,
          heldOn: null,
          startTime: null,
          zone: 'America/New_York',
          place: '',
          status: 'requested',
          requestedOn: null,
          totalMinutes: null,
          ourMinutes: null,
          sharingNote: '',
          keyAsks: [],
          classification: 'restricted',
        },
  });
  const { register, control, handleSubmit, formState } = form;
  const errors = formState.errors;
  const draft = useDraft(hearing ? `hearing:${hearing.id}` : `hearing:new:${matterId}`, matterId, form);

  const { error, submit } = useSave(
    { setFieldError: form.setError, fields: FIELD_NAMES, prefix: 'fields.' },
    async (values: HearingFields) => {
      const fields = { ...values, keyAsks: values.keyAsks.filter((ask) => ask.trim() !== '') };
      const saved = hearing
        ? await client.hearings.update({ id: hearing.id, revision: hearing.revision, fields })
        : await client.hearings.create({ matterId, fields });
      draft.discard();
      onSaved(saved);
    },
  );
  const title = hearing ? t('hearingsUi.form.editTitle') : t('hearingsUi.form.newTitle');
  const minutesField = (name: 'totalMinutes' | 'ourMinutes', label: string) => (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          label={label}
          value={field.value ?? ''}
          onChange={(v) => field.onChange(typeof v === 'number' ? v : null)}
          onBlur={field.onBlur}
          allowDecimal={false}
          allowNegative={false}
          min={0}
          max={1440}
          suffix={` ${t('hearingsUi.form.minutesSuffix')}`}
          error={fieldError(fieldState.error)}
        />
      )}
    />
  );

  return (
    <Paper withBorder p="md">
      <form noValidate onSubmit={handleSubmit(submit)} aria-label={title}>
        <Stack gap="sm">
          <Title order={4}>{title}</Title>
          <DraftRestoredNotice
            at={draft.restoredAt}
            onDiscard={() => {
              draft.discard({ keepDrafting: true });
              form.reset();
            }}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              {...register('title')}
              label={t('hearingsUi.fields.title')}
              withAsterisk
              error={fieldError(errors.title, 300)}
            />
            <SelectField control={control} name="kind" label={t('hearingsUi.fields.kind')} data={kinds} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              {...register('forum')}
              label={t('hearingsUi.fields.forum')}
              description={t('hearingsUi.fields.forumHint')}
              error={fieldError(errors.forum, 200)}
            />
            <TextInput
              {...register('sessionPeriod')}
              label={t('hearingsUi.fields.sessionPeriod')}
              error={fieldError(errors.sessionPeriod, 200)}
            />
            <DateFormField
              control={control}
              name="sessionsStartOn"
              label={t('hearingsUi.fields.sessionsStartOn')}
              clearable
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateTimeZoneFields
              control={control}
              names={{ date: 'heldOn', time: 'startTime', zone: 'zone' }}
              labels={{
                date: t('hearingsUi.fields.heldOn'),
                time: t('hearingsUi.fields.startTime'),
                zone: t('hearingsUi.fields.zone'),
              }}
              timeHint={t('hearingsUi.fields.startTimeHint')}
            />
          </SimpleGrid>
          <Textarea
            {...register('place')}
            label={t('hearingsUi.fields.place')}
            description={t('hearingsUi.fields.placeHint')}
            error={fieldError(errors.place, 1000)}
            autosize
            minRows={1}
            maxRows={4}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <SelectField
              control={control}
              name="status"
              label={t('hearingsUi.fields.status')}
              data={statuses}
            />
            <DateFormField
              control={control}
              name="requestedOn"
              label={t('hearingsUi.fields.requestedOn')}
              clearable
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {minutesField('totalMinutes', t('hearingsUi.fields.totalMinutes'))}
            {minutesField('ourMinutes', t('hearingsUi.fields.ourMinutes'))}
          </SimpleGrid>
          <Textarea
            {...register('sharingNote')}
            label={t('hearingsUi.fields.sharingNote')}
            description={t('hearingsUi.fields.sharingNoteHint')}
            error={fieldError(errors.sharingNote, 2000)}
            autosize
            minRows={1}
            maxRows={6}
          />
          <Controller
            control={control}
            name="keyAsks"
            render={({ field }) => {
              const asks = field.value ?? [];
              return (
                <Stack gap={6} role="group" aria-label={t('hearingsUi.fields.keyAsks')}>
                  <Title order={5}>{t('hearingsUi.fields.keyAsks')}</Title>
                  {[0, 1, 2].map((i) => (
                    <TextInput
                      key={i}
                      label={t('hearingsUi.fields.keyAsk', { n: i + 1 })}
                      value={asks[i] ?? ''}
                      onChange={(e) => {
                        const next = [0, 1, 2].map((j) =>
                          j === i ? e.currentTarget.value : (asks[j] ?? ''),
                        );
                        // Trailing empty asks are not kept, so a new hearing starts with none.
                        while (next.length > 0 && next[next.length - 1] === '') next.pop();
                        field.onChange(next);
                      }}
                      onBlur={field.onBlur}
                      error={fieldError(errors.keyAsks?.[i], 1000)}
                    />
                  ))}
                </Stack>
              );
            }}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <SelectField
              control={control}
              name="lang"
              label={t('hearingsUi.fields.lang')}
              data={[
                { value: 'es', label: t('filings.lang.es') },
                { value: 'en', label: t('filings.lang.en') },
              ]}
            />
            <ClassificationField control={control} name="classification" withDescription={false} />
          </SimpleGrid>
          <ErrorAlert error={error} title={t('hearingsUi.form.saveFailed')} />
          <FormButtons
            submitLabel={hearing ? t('common.save') : t('hearingsUi.form.create')}
            submitting={formState.isSubmitting}
            onCancel={() => {
              draft.discard();
              onCancel();
            }}
          />
        </Stack>
      </form>
    </Paper>
  );
}
