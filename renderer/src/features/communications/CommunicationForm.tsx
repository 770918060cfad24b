import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { DateFormField } from '../../components/DateField';
import { DateTimeZoneFields } from '../../components/DateTimeZoneFields';
import { useFieldError } from '../../components/fieldError';
import { useEnumOptions } from '../../components/options';
import { ClassificationField, SelectField } from '../../components/SelectField';
import { useSave } from '../../components/useSave';
import {
  CHANNELS,
  COMMUNICATION_KINDS,
  COUNTERPARTS,
  CommunicationFields,
  DIRECTIONS,
  type Communication,
  type CommunicationFieldsInput,
} from '../../../../shared/schemas/communications';
import { DraftForm } from '../drafts/DraftForm';
import { useDraft } from '../drafts/useDraft';

const FIELD_NAMES = [
  'direction',
  'counterpart',
  'counterpartName',
  'channel',
  'kind',
  'occurredOn',
  'occurredTime',
  'zone',
  'notifiedOn',
  'reference',
  'noteNumber',
  'subject',
  'body',
  'classification',
  'inReplyTo',
] as const;

/** The form's starting values: an edit, a reply prefilled from what it answers, or a new record. */
export function initialValues(
  communication?: Communication,
  replyTo?: Communication,
  today = new Date().toISOString().slice(0, 10),
): CommunicationFieldsInput {
  if (communication) {
    const { direction, counterpart, counterpartName, channel, kind, occurredOn, occurredTime, zone } =
      communication;
    const { notifiedOn, reference, noteNumber, subject, body, classification, inReplyTo } = communication;
    return {
      direction,
      counterpart,
      counterpartName,
      channel,
      kind,
      occurredOn,
      occurredTime,
      zone,
      notifiedOn,
      reference,
      noteNumber,
      subject,
      body,
      classification,
      inReplyTo,
    };
  }
  const base: CommunicationFieldsInput = {
    direction: 'received',
    counterpart: 'commission',
    counterpartName: '',
    channel: 'portal',
    kind: 'other',
    occurredOn: today,
    occurredTime: null,
    zone: null,
    notifiedOn: null,
    reference: '',
    noteNumber: '',
    subject: '',
    body: '',
    classification: 'restricted',
    inReplyTo: null,
  };
  if (!replyTo) return base;
  return {
    ...base,
    direction: 'sent',
    counterpart: replyTo.counterpart,
    counterpartName: replyTo.counterpartName,
    channel: replyTo.channel,
    reference: replyTo.reference,
    classification: replyTo.classification,
    subject: /^re:/i.test(replyTo.subject) ? replyTo.subject : `Re: ${replyTo.subject}`.slice(0, 998),
    inReplyTo: replyTo.id,
  };
}

/** Records or edits one communication; a reply comes prefilled (sent, same counterpart and reference). */
export function CommunicationForm({
  matterId,
  communication,
  replyTo,
  onSaved,
  onCancel,
}: {
  matterId: string;
  communication?: Communication;
  replyTo?: Communication;
  onSaved: (saved: Communication) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const form = useForm<CommunicationFieldsInput, unknown, CommunicationFields>({
    resolver: zodResolver(CommunicationFields),
    defaultValues: initialValues(communication, replyTo),
  });
  const { register, control, handleSubmit, formState } = form;
  const errors = formState.errors;
  const draftKey = communication
    ? `communication:${communication.id}`
    : replyTo
      ? `communication:reply:${replyTo.id}`
      : `communication:new:${matterId}`;
  const draft = useDraft(draftKey, matterId, form);
  const directions = useEnumOptions('communications.direction', DIRECTIONS);
  const counterparts = useEnumOptions('communications.counterpart', COUNTERPARTS);
  const channels = useEnumOptions('communications.channel', CHANNELS);
  const kinds = useEnumOptions('communications.kind', COMMUNICATION_KINDS);

  const { error, submit } = useSave(
    { setFieldError: form.setError, fields: FIELD_NAMES, prefix: 'fields.' },
    async (fields: CommunicationFields) => {
      const saved = communication
        ? await client.communications.update({
            id: communication.id,
            revision: communication.revision,
            fields,
          })
        : await client.communications.create({ matterId, fields });
      draft.discard();
      onSaved(saved);
    },
  );

  const title = communication
    ? t('communications.form.editTitle')
    : replyTo
      ? t('communications.form.replyTitle')
      : t('communications.form.newTitle');

  return (
    <DraftForm
      title={title}
      draft={draft}
      onReset={() => form.reset()}
      onSubmit={handleSubmit(submit)}
      error={error}
      errorTitle={t('communications.form.saveFailed')}
      submitLabel={communication ? t('common.save') : t('communications.form.create')}
      submitting={formState.isSubmitting}
      onCancel={onCancel}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <SelectField
          control={control}
          name="direction"
          label={t('communications.fields.direction')}
          data={directions}
        />
        <SelectField
          control={control}
          name="counterpart"
          label={t('communications.fields.counterpart')}
          data={counterparts}
        />
        <SelectField
          control={control}
          name="channel"
          label={t('communications.fields.channel')}
          data={channels}
        />
        <SelectField control={control} name="kind" label={t('communications.fields.kind')} data={kinds} />
      </SimpleGrid>
      <TextInput
        {...register('counterpartName')}
        label={t('communications.fields.counterpartName')}
        description={t('communications.fields.counterpartNameHint')}
        error={fieldError(errors.counterpartName, 300)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <DateTimeZoneFields
          control={control}
          names={{ date: 'occurredOn', time: 'occurredTime', zone: 'zone' }}
          labels={{
            date: t('communications.fields.occurredOn'),
            time: t('communications.fields.occurredTime'),
            zone: t('communications.fields.zone'),
          }}
          dateRequired
          zoneOptional
        />
        <DateFormField
          control={control}
          name="notifiedOn"
          label={t('communications.fields.notifiedOn')}
          description={t('communications.fields.notifiedOnHint')}
          clearable
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          {...register('reference')}
          label={t('communications.fields.reference')}
          placeholder="MC-1008-19"
          error={fieldError(errors.reference, 200)}
        />
        <TextInput
          {...register('noteNumber')}
          label={t('communications.fields.noteNumber')}
          error={fieldError(errors.noteNumber, 200)}
        />
      </SimpleGrid>
      <TextInput
        {...register('subject')}
        label={t('communications.fields.subject')}
        error={fieldError(errors.subject, 998)}
        withAsterisk
        autoFocus
      />
      <Textarea
        {...register('body')}
        label={t('communications.fields.body')}
        error={fieldError(errors.body)}
        autosize
        minRows={5}
        maxRows={20}
      />
      <ClassificationField control={control} name="classification" />
    </DraftForm>
  );
}
