import {
  Button,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { AmparoError, type ErrorCode } from '../../../../shared/errors';
import { formatIsoDate } from '../../app/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListScaffold } from '../../components/ListScaffold';
import { useEnumOptions } from '../../components/options';
import { useUndoableDelete } from '../../components/undoableDelete';
import { useLoad } from '../../components/useLoad';
import {
  COMMUNICATION_KINDS,
  COUNTERPARTS,
  DIRECTIONS,
  type Communication,
  type CommunicationSummary,
  type ListCommunicationsInput,
} from '../../../../shared/schemas/communications';
import { ClassificationBadge } from '../confidential/ClassificationBadge';
import { useDraftPlace } from '../drafts/DraftContext';
import { CommunicationDetail } from './CommunicationDetail';
import { CommunicationForm } from './CommunicationForm';
import { EmailImportPanel } from './EmailImportPanel';

type Editing = { mode: 'new' } | { mode: 'edit'; of: Communication } | { mode: 'reply'; to: Communication };
type Filters = Pick<ListCommunicationsInput, 'direction' | 'counterpart' | 'kind' | 'text'>;

/** ↓ received, ↑ sent: the direction at a glance, with its name for screen readers. */
function DirectionIcon({ direction }: { direction: CommunicationSummary['direction'] }) {
  const { t } = useTranslation();
  return (
    <Text
      span
      fw={700}
      c={direction === 'received' ? 'blue' : 'teal'}
      aria-label={t(`communications.direction.${direction}`)}
      role="img"
    >
      {direction === 'received' ? '↓' : '↑'}
    </Text>
  );
}

/** A case's correspondence: filters, the list (newest first), one communication open, forms and e-mail import. */
export function CorrespondenceTab({
  matterId,
  initialOpenId,
  onOpenEvidence,
}: {
  matterId: string;
  /** A communication to show at once (a search hit). */
  initialOpenId?: string | undefined;
  onOpenEvidence: (evidenceId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  const [text, setText] = useState('');
  const list = useLoad(
    () => client.communications.list({ matterId, ...filters }),
    [matterId, JSON.stringify(filters)],
  );
  const { waiting } = useDraftPlace();
  const [editing, setEditing] = useState<Editing | null>(() =>
    waiting.has(`communication:new:${matterId}`) ? { mode: 'new' } : null,
  );
  const [importing, setImporting] = useState(false);
  const [pendingForm, setPendingForm] = useState<'edit' | 'reply' | null>(null);
  const [openId, setOpenId] = useState<string | null>(initialOpenId ?? null);
  const open = useLoad(openId ? () => client.communications.get({ id: openId }) : null, [openId, list.data]);
  const [error, setError] = useState<unknown>(null);
  // After unlock, an edit or reply left unsaved reopens with its draft once its communication is loaded.
  const [resumed, setResumed] = useState(false);
  if (!resumed && list.data) {
    const ids = new Set(list.data.items.map((c) => c.id));
    const key = [...waiting].find((k) => {
      const [kind, a, b] = k.split(':');
      return kind === 'communication' && ids.has((a === 'reply' ? b : a) ?? '');
    });
    setResumed(true);
    if (key) {
      const parts = key.split(':');
      setOpenId(parts[1] === 'reply' ? parts[2]! : parts[1]!);
      setPendingForm(parts[1] === 'reply' ? 'reply' : 'edit');
    }
  }
  if (pendingForm && open.data && editing === null) {
    setEditing(pendingForm === 'reply' ? { mode: 'reply', to: open.data } : { mode: 'edit', of: open.data });
    setPendingForm(null);
  }
  const removeUndoably = useUndoableDelete();
  const directions = useEnumOptions('communications.direction', DIRECTIONS);
  const counterparts = useEnumOptions('communications.counterpart', COUNTERPARTS);
  const kinds = useEnumOptions('communications.kind', COMMUNICATION_KINDS);

  const attach = async (c: Communication) => {
    setError(null);
    try {
      const { paths } = await client.dialog.chooseFiles({});
      if (paths.length === 0) return;
      const result = await client.communications.attach({ id: c.id, paths });
      if (result.failed.length > 0)
        setError(new AmparoError(result.failed[0]!.code as ErrorCode, result.failed[0]!.message));
      list.reload();
    } catch (err) {
      setError(err);
    }
  };

  const remove = async (c: Communication) => {
    setError(null);
    try {
      await removeUndoably(
        'communication',
        c.id,
        t('communications.deleted', { subject: c.subject }),
        list.reload,
      );
      setOpenId(null);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3}>{t('communications.title')}</Title>
        <Group gap="xs">
          <Button variant="default" onClick={() => setImporting((v) => !v)} aria-expanded={importing}>
            {t('communications.import.toggle')}
          </Button>
          {editing === null && (
            <Button onClick={() => setEditing({ mode: 'new' })}>{t('communications.new')}</Button>
          )}
        </Group>
      </Group>
      {importing && (
        <EmailImportPanel
          matterId={matterId}
          onImported={list.reload}
          onOpen={(id) => {
            setEditing(null);
            setOpenId(id);
          }}
        />
      )}
      {editing !== null && (
        <CommunicationForm
          key={
            editing.mode === 'new'
              ? 'new'
              : editing.mode === 'edit'
                ? editing.of.id
                : `reply-${editing.to.id}`
          }
          matterId={matterId}
          communication={editing.mode === 'edit' ? editing.of : undefined}
          replyTo={editing.mode === 'reply' ? editing.to : undefined}
          onSaved={(saved) => {
            setEditing(null);
            setOpenId(saved.id);
            list.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <ErrorAlert error={error ?? open.error} />
      {open.data && editing === null && (
        <CommunicationDetail
          communication={open.data}
          onOpen={setOpenId}
          onOpenEvidence={onOpenEvidence}
          onReply={() => setEditing({ mode: 'reply', to: open.data! })}
          onAttach={() => void attach(open.data!)}
          onEdit={() => setEditing({ mode: 'edit', of: open.data! })}
          onDelete={() => void remove(open.data!)}
          onClose={() => setOpenId(null)}
        />
      )}
      <Group align="flex-end" gap="sm" role="search" aria-label={t('communications.filters.label')}>
        <Select
          label={t('communications.fields.direction')}
          data={directions}
          value={filters.direction ?? null}
          onChange={(v) => setFilters({ ...filters, direction: (v ?? undefined) as Filters['direction'] })}
          clearable
          w={160}
        />
        <Select
          label={t('communications.fields.counterpart')}
          data={counterparts}
          value={filters.counterpart ?? null}
          onChange={(v) =>
            setFilters({ ...filters, counterpart: (v ?? undefined) as Filters['counterpart'] })
          }
          clearable
          w={200}
        />
        <Select
          label={t('communications.fields.kind')}
          data={kinds}
          value={filters.kind ?? null}
          onChange={(v) => setFilters({ ...filters, kind: (v ?? undefined) as Filters['kind'] })}
          clearable
          w={240}
        />
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setFilters({ ...filters, text: text.trim() || undefined });
          }}
        >
          <TextInput
            type="search"
            label={t('communications.filters.text')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onBlur={() => setFilters({ ...filters, text: text.trim() || undefined })}
            maxLength={200}
          />
        </form>
      </Group>
      <ListScaffold
        load={list}
        items={(l) => l.items}
        hiddenConfidential={{ count: (l) => l.hiddenConfidential, matterId }}
        emptyText={t('communications.empty')}
      >
        {(l) => (
          <Table highlightOnHover aria-label={t('communications.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>
                  <VisuallyHidden>{t('communications.fields.direction')}</VisuallyHidden>
                </Table.Th>
                <Table.Th>{t('communications.list.date')}</Table.Th>
                <Table.Th>{t('communications.fields.counterpart')}</Table.Th>
                <Table.Th>{t('communications.fields.kind')}</Table.Th>
                <Table.Th>{t('communications.fields.subject')}</Table.Th>
                <Table.Th>{t('communications.fields.reference')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {l.items.map((c) => (
                <Table.Tr
                  key={c.id}
                  data-record-id={c.id}
                  bg={c.id === openId ? 'var(--mantine-color-blue-light)' : undefined}
                >
                  <Table.Td>
                    <DirectionIcon direction={c.direction} />
                  </Table.Td>
                  <Table.Td>{formatIsoDate(c.occurredOn, i18n.language)}</Table.Td>
                  <Table.Td>{t(`communications.counterpart.${c.counterpart}`)}</Table.Td>
                  <Table.Td>{t(`communications.kind.${c.kind}`)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <UnstyledButton
                        onClick={() => {
                          setEditing(null);
                          setOpenId(c.id);
                        }}
                        aria-label={t('communications.list.openFor', { subject: c.subject })}
                        style={{ textDecoration: 'underline' }}
                      >
                        {c.subject}
                      </UnstyledButton>
                      <ClassificationBadge value={c.classification} />
                      {c.attachmentCount > 0 && (
                        <Text span size="xs" c="dimmed">
                          {t('communications.list.attachments', { count: c.attachmentCount })}
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{c.reference}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </ListScaffold>
    </Stack>
  );
}
