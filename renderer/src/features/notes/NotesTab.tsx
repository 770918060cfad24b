import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { useUndoableDelete } from '../../components/undoableDelete';
import { ListScaffold } from '../../components/ListScaffold';
import { RowActions } from '../../components/RowActions';
import { useLoad } from '../../components/useLoad';
import type { Note } from '../../../../shared/schemas/notes';
import { ClassificationBadge } from '../confidential/ClassificationBadge';
import { formatTimestamp } from '../../app/format';
import { MarkdownView } from './MarkdownView';
import { NoteForm } from './NoteForm';
import { useDraftPlace } from '../drafts/DraftContext';

/** The team's notes on the case, in Markdown, newest first. */
export function NotesTab({ matterId }: { matterId: string }) {
  const { t, i18n } = useTranslation();
  const notes = useLoad(() => client.notes.list({ matterId }), [matterId]);
  const { setError, reload: refresh } = notes;
  const { waiting } = useDraftPlace();
  const [editing, setEditing] = useState<Note | 'new' | null>(() =>
    waiting.has(`note:new:${matterId}`) ? 'new' : null,
  );
  // A draft of an existing note waits for that note to load.
  const waitingEdit = notes.data?.items.find((note) => waiting.has(`note:${note.id}`));
  if (editing === null && waitingEdit) setEditing(waitingEdit);
  const [deleting, setDeleting] = useState<string | null>(null);

  const removeUndoably = useUndoableDelete();
  const remove = async (note: Note) => {
    setDeleting(note.id);
    setError(null);
    try {
      await removeUndoably('note', note.id, t('undo.noteDeleted', { title: note.title }), refresh);
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
      <ListScaffold
        load={notes}
        items={(list) => list.items}
        hiddenConfidential={{ count: (list) => list.hiddenConfidential, matterId }}
        emptyText={t('notes.empty')}
      >
        {(list) =>
          list.items.map((note) => (
            <Paper
              key={note.id}
              withBorder
              p="md"
              component="article"
              aria-label={note.title}
              data-record-id={note.id}
            >
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
          ))
        }
      </ListScaffold>
    </Stack>
  );
}
