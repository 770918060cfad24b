import { Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { useFieldError } from '../../components/fieldError';
import { LengthDescription } from '../../components/lengthLimit';
import { TagsField } from '../../components/ListFields';
import { ClassificationField } from '../../components/SelectField';
import { useSave } from '../../components/useSave';
import { NoteFields, type Note } from '../../../../shared/schemas/notes';
import { MarkdownView } from './MarkdownView';
import { DraftForm } from '../drafts/DraftForm';
import { useDraft } from '../drafts/useDraft';

const FIELD_NAMES = ['title', 'body', 'classification', 'tags'] as const;

/** Writes or edits one note: Markdown on the left, its rendered preview beside it. */
export function NoteForm({
  matterId,
  note,
  onSaved,
  onCancel,
}: {
  matterId: string;
  note?: Note;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const form = useForm<NoteFields>({
    resolver: zodResolver(NoteFields),
    defaultValues: note
      ? { title: note.title, body: note.body, classification: note.classification, tags: note.tags }
      : { title: '', body: '', classification: 'restricted', tags: [] },
  });
  const { register, control, handleSubmit, formState } = form;
  const errors = formState.errors;
  const body = useWatch({ control, name: 'body' });
  const draft = useDraft(note ? `note:${note.id}` : `note:new:${matterId}`, matterId, form);
  const title = useWatch({ control, name: 'title' });

  const { error, submit } = useSave(
    { setFieldError: form.setError, fields: FIELD_NAMES, prefix: note ? 'fields.' : '' },
    async (fields: NoteFields) => {
      if (note) await client.notes.update({ id: note.id, revision: note.revision, fields });
      else await client.notes.create({ matterId, ...fields });
      draft.discard();
      onSaved();
    },
  );

  return (
    <DraftForm
      title={note ? t('notes.editTitle') : t('notes.newTitle')}
      draft={draft}
      onReset={() => form.reset()}
      onSubmit={handleSubmit(submit)}
      error={error}
      errorTitle={t('notes.saveFailed')}
      submitLabel={note ? t('common.save') : t('notes.create')}
      submitting={formState.isSubmitting}
      onCancel={onCancel}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          {...register('title')}
          label={t('notes.fields.title')}
          description={<LengthDescription value={title} max={300} />}
          error={fieldError(errors.title, 300)}
          withAsterisk
          autoFocus
        />
        <ClassificationField control={control} name="classification" withDescription={false} />
        <TagsField control={control} name="tags" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Textarea
          {...register('body')}
          label={t('notes.fields.body')}
          description={t('notes.fields.bodyDescription')}
          error={fieldError(errors.body)}
          autosize
          minRows={8}
          maxRows={24}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="note-preview-label">
            {t('notes.preview')}
          </Text>
          <Paper withBorder p="sm" mih={160} role="region" aria-labelledby="note-preview-label">
            {body.trim() ? (
              <MarkdownView source={body} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('notes.previewEmpty')}
              </Text>
            )}
          </Paper>
        </Stack>
      </SimpleGrid>
    </DraftForm>
  );
}
