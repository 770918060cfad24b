import {
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { MatterListState } from '../confidential/MatterListState';
import { RowActions } from '../../components/RowActions';
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/fieldError';
import { FormButtons } from '../../components/FormButtons';
import { TagsField } from '../../components/ListFields';
import { ClassificationField } from '../../components/SelectField';
import { useSave } from '../../components/useSave';
import { NoteFields, type Note, type NoteList } from '../../../../shared/schemas/notes';
import { ClassificationBadge } from '../confidential/ClassificationBadge';
import { formatTimestamp } from '../matters/labels';
import { MarkdownView } from './MarkdownView';

const FIELD_NAMES = ['title', 'body', 'classification', 'tags'] as const;

function NoteForm({
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

  const { error, submit } = useSave(
    { setFieldError: form.setError, fields: FIELD_NAMES, prefix: note ? 'fields.' : '' },
    async (fields: NoteFields) => {
      if (note) await client.notes.update({ id: note.id, revision: note.revision, fields });
      else await client.notes.create({ matterId, ...fields });
      onSaved();
    },
  );

  return (
    <Paper withBorder p="md">
      <form
        noValidate
        onSubmit={handleSubmit(submit)}
        aria-label={note ? t('notes.editTitle') : t('notes.newTitle')}
      >
        <Stack gap="sm">
          <Title order={4}>{note ? t('notes.editTitle') : t('notes.newTitle')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              {...register('title')}
              label={t('notes.fields.title')}
              error={fieldError(errors.title)}
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
          <ErrorAlert error={error} title={t('notes.saveFailed')} />
          <FormButtons
            submitLabel={note ? t('common.save') : t('notes.create')}
            submitting={formState.isSubmitting}
            onCancel={onCancel}
          />
        </Stack>
      </form>
    </Paper>
  );
}

/** The team's notes on the case, in Markdown, newest first. */
export function NotesTab({ matterId }: { matterId: string }) {
  const { t, i18n } = useTranslation();
  const [list, setList] = useState<z.infer<typeof NoteList> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<Note | 'new' | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const refresh = useCallback(() => setReload((n) => n + 1), []);

  useEffect(() => {
    let active = true;
    client.notes.list({ matterId }).then(
      (result) => {
        if (!active) return;
        setList(result);
        setError(null);
      },
      (err: unknown) => active && setError(err),
    );
    return () => {
      active = false;
    };
  }, [matterId, reload]);

  const remove = async (note: Note) => {
    setDeleting(note.id);
    setError(null);
    try {
      await client.trash.delete({ entityType: 'note', entityId: note.id });
      refresh();
    } catch (err) {
      setError(err);
    } finally {
      setDeleting(null);
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3}>{t('notes.title')}</Title>
        {editing === null && <Button onClick={() => setEditing('new')}>{t('notes.new')}</Button>}
      </Group>
      {editing !== null && (
        <NoteForm
          key={editing === 'new' ? 'new' : editing.id}
          matterId={matterId}
          note={editing === 'new' ? undefined : editing}
          onSaved={() => {
            setEditing(null);
            refresh();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <MatterListState
        matterId={matterId}
        list={list}
        error={error}
        onErrorClose={() => setError(null)}
        onRevealed={refresh}
        emptyText={t('notes.empty')}
      />
      {list &&
        list.items.map((note) => (
          <Paper key={note.id} withBorder p="md" component="article" aria-label={note.title}>
            <Stack gap="xs">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={4}>
                  <Group gap="xs">
                    <Title order={4}>{note.title}</Title>
                    <ClassificationBadge value={note.classification} />
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('notes.updated', { at: formatTimestamp(note.updatedAt, i18n.language) })}
                  </Text>
                </Stack>
                <RowActions
                  editLabel={t('notes.editFor', { title: note.title })}
                  deleteLabel={t('notes.deleteFor', { title: note.title })}
                  onEdit={() => setEditing(note)}
                  onDelete={() => void remove(note)}
                  deleting={deleting === note.id}
                />
              </Group>
              {note.body.trim() && <MarkdownView source={note.body} />}
              {note.tags.length > 0 && (
                <Group gap={4} aria-label={t('tags.label')}>
                  {note.tags.map((tag) => (
                    <Badge key={tag} variant="outline" color="gray" size="sm" tt="none">
                      #{tag}
                    </Badge>
                  ))}
                </Group>
              )}
            </Stack>
          </Paper>
        ))}
    </Stack>
  );
}
