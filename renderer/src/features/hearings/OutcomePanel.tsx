import { Alert, Button, Group, Paper, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { client } from '../../api/client';
import { DateFormField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/fieldError';
import { FormButtons } from '../../components/FormButtons';
import { useEnumOptions } from '../../components/options';
import { SelectField } from '../../components/SelectField';
import { useSave } from '../../components/useSave';
import { RecordOutcomeInput, type Hearing } from '../../../../shared/schemas/hearings';
import { DraftRestoredNotice } from '../drafts/DraftRestoredNotice';
import { useDraft } from '../drafts/useDraft';
import { todayIso } from '../matters/labels';

const OutcomeValues = RecordOutcomeInput.omit({ hearingId: true, revision: true });
type OutcomeValues = z.infer<typeof OutcomeValues>;
const FIELD_NAMES = ['occurredOn', 'subject', 'body', 'counterpart', 'status'] as const;
const COUNTERPARTS = [
  'commission',
  'state',
  'court',
  'beneficiary',
  'co_counsel',
  'national_authority',
  'other',
];

/** After the hearing: its outcome recorded as a communication of the case (the hearing becomes held). */
export function OutcomePanel({
  hearing,
  onRecorded,
}: {
  hearing: Hearing;
  onRecorded: (h: Hearing) => void;
}) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const counterparts = useEnumOptions('communications.counterpart', COUNTERPARTS);
  const statuses = useEnumOptions('hearingsUi.status', ['held', 'cancelled']);
  const [open, setOpen] = useState(false);
  const form = useForm<z.input<typeof OutcomeValues>, unknown, OutcomeValues>({
    resolver: zodResolver(OutcomeValues),
    defaultValues: {
      occurredOn: hearing.heldOn ?? todayIso(),
      subject: t('hearingsUi.outcome.defaultSubject', { title: hearing.title }),
      body: '',
      counterpart: 'commission',
      status: 'held',
    },
  });
  const { register, control, handleSubmit, formState } = form;
  const draft = useDraft(open ? `hearingOutcome:${hearing.id}` : null, hearing.matterId, form);
  const { error, submit } = useSave(
    { setFieldError: form.setError, fields: FIELD_NAMES },
    async (values: OutcomeValues) => {
      const saved = await client.hearings.recordOutcome({
        hearingId: hearing.id,
        revision: hearing.revision,
        ...values,
      });
      draft.discard();
      setOpen(false);
      onRecorded(saved);
    },
  );

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="hearing-outcome-title">
      <Stack gap="sm">
        <Title order={4} id="hearing-outcome-title">
          {t('hearingsUi.outcome.title')}
        </Title>
        {hearing.outcomeCommunicationId && (
          <Alert color="teal" variant="light" data-testid="hearing-outcome-recorded">
            {t('hearingsUi.outcome.recorded')}
          </Alert>
        )}
        {!open ? (
          <Group>
            <Button variant="default" onClick={() => setOpen(true)}>
              {t('hearingsUi.outcome.open')}
            </Button>
          </Group>
        ) : (
          <form noValidate onSubmit={handleSubmit(submit)} aria-label={t('hearingsUi.outcome.title')}>
            <Stack gap="sm">
              <DraftRestoredNotice
                at={draft.restoredAt}
                onDiscard={() => {
                  draft.discard({ keepDrafting: true });
                  form.reset();
                }}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <DateFormField
                  control={control}
                  name="occurredOn"
                  emptyAs=""
                  label={t('hearingsUi.outcome.occurredOn')}
                  withAsterisk
                />
                <SelectField
                  control={control}
                  name="counterpart"
                  label={t('communications.fields.counterpart')}
                  data={counterparts}
                />
                <SelectField
                  control={control}
                  name="status"
                  label={t('hearingsUi.outcome.status')}
                  data={statuses}
                />
              </SimpleGrid>
              <TextInput
                {...register('subject')}
                label={t('hearingsUi.outcome.subject')}
                withAsterisk
                error={fieldError(formState.errors.subject, 500)}
              />
              <Textarea
                {...register('body')}
                label={t('hearingsUi.outcome.body')}
                autosize
                minRows={3}
                maxRows={12}
                error={fieldError(formState.errors.body)}
              />
              <ErrorAlert error={error} title={t('hearingsUi.saveFailed')} />
              <FormButtons
                submitLabel={t('hearingsUi.outcome.save')}
                submitting={formState.isSubmitting}
                onCancel={() => {
                  draft.discard();
                  setOpen(false);
                }}
              />
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
