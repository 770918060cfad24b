import { Anchor, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProtectionMeasure } from '../../../../shared/schemas/protection-measures';
import { client } from '../../api/client';
import { formatIsoDate } from '../../app/format';
import { ListScaffold } from '../../components/ListScaffold';
import { PrintButton } from '../../components/PrintButton';
import { RowActions } from '../../components/RowActions';
import { useUndoableDelete } from '../../components/undoableDelete';
import { useLoad } from '../../components/useLoad';
import { useDraftPlace } from '../drafts/DraftContext';
import { CitedRecordText } from './CitedRecordText';
import { MeasureDetail } from './MeasureDetail';
import { MeasureForm } from './MeasureForm';
import { MeasureStatusBadge } from './StatusBadge';

/** The latest entry of the history that cites something: what shows the measure's state. */
const latestEvidence = (m: ProtectionMeasure) => [...m.history].reverse().find((h) => h.cites)?.cites ?? null;

/**
 * Every protection measure of the case and its state: a table (printable), the add / edit form, and one
 * measure's detail with its status history and "Record status".
 */
export function MeasuresTab({
  matterId,
  matterTitle,
  openId,
}: {
  matterId: string;
  matterTitle: string;
  /** A measure to open at once (from the follow-up timeline or a search hit). */
  openId?: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const measures = useLoad(() => client.measures.list({ matterId }), [matterId]);
  const parties = useLoad(() => client.parties.list({ matterId }), [matterId]);
  const people = useMemo(() => {
    const map = new Map<string, string>();
    for (const party of parties.data ?? []) if (party.personId) map.set(party.personId, party.displayName);
    return [...map].map(([value, label]) => ({ value, label }));
  }, [parties.data]);
  const names = useMemo(() => new Map(people.map((p) => [p.value, p.label])), [people]);
  const { waiting } = useDraftPlace();
  const [editing, setEditing] = useState<ProtectionMeasure | 'new' | null>(() =>
    waiting.has(`measure:new:${matterId}`) ? 'new' : null,
  );
  const [shownId, setShownId] = useState<string | null>(openId ?? null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const items = measures.data?.items;
  // A draft of an edit, or of a status, waits for its measure to load.
  const waitingEdit = items?.find((m) => waiting.has(`measure:${m.id}`));
  if (editing === null && waitingEdit) setEditing(waitingEdit);
  const waitingStatus = items?.find((m) => waiting.has(`measureStatus:${m.id}`));
  if (shownId === null && waitingStatus) setShownId(waitingStatus.id);
  const shown = items?.find((m) => m.id === shownId) ?? null;
  const { reload, setError } = measures;
  const refresh = useCallback(() => reload(), [reload]);

  const removeUndoably = useUndoableDelete();
  const remove = async (m: ProtectionMeasure) => {
    setDeleting(m.id);
    setError(null);
    try {
      await removeUndoably(
        'measure',
        m.id,
        t('undo.measureDeleted', { kind: t(`measureKind.${m.kind}`) }),
        refresh,
      );
      if (shownId === m.id) setShownId(null);
    } catch (err) {
      setError(err);
    } finally {
      setDeleting(null);
    }
  };

  return (
    <Stack gap="md" className="amparo-print-area">
      <Group justify="space-between">
        <Title order={3}>
          <span className="amparo-print-only">{matterTitle} — </span>
          {t('measures.title')}
        </Title>
        <Group gap="xs" className="amparo-no-print">
          <PrintButton label={t('measures.print')} />
          {editing === null && <Button onClick={() => setEditing('new')}>{t('measures.new')}</Button>}
        </Group>
      </Group>
      {editing !== null && (
        <MeasureForm
          key={editing === 'new' ? 'new' : editing.id}
          matterId={matterId}
          measure={editing === 'new' ? undefined : editing}
          people={people}
          onSaved={(saved) => {
            setEditing(null);
            setShownId(saved.id);
            refresh();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <ListScaffold
        load={measures}
        items={(list) => list.items}
        hiddenConfidential={{ count: (list) => list.hiddenConfidential, matterId }}
        emptyText={t('measures.empty')}
      >
        {(list) => (
          <Table.ScrollContainer minWidth={760}>
            <Table striped withTableBorder aria-label={t('measures.title')} verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('measures.columns.kind')}</Table.Th>
                  <Table.Th>{t('measures.columns.authority')}</Table.Th>
                  <Table.Th>{t('measures.columns.beneficiaries')}</Table.Th>
                  <Table.Th>{t('measures.columns.agreed')}</Table.Th>
                  <Table.Th>{t('measures.columns.status')}</Table.Th>
                  <Table.Th>{t('measures.columns.evidence')}</Table.Th>
                  <Table.Th className="amparo-no-print">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((m) => {
                  const kind = t(`measureKind.${m.kind}`);
                  const evidence = latestEvidence(m);
                  return (
                    <Table.Tr key={m.id} data-record-id={m.id}>
                      <Table.Td>
                        <Anchor component="button" type="button" onClick={() => setShownId(m.id)} fw={600}>
                          {kind}
                        </Anchor>
                        {m.description && (
                          <Text size="xs" c="dimmed" lineClamp={2}>
                            {m.description}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{m.authority || '—'}</Table.Td>
                      <Table.Td>{m.personIds.map((id) => names.get(id) ?? '—').join(', ') || '—'}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{m.agreedOn ? formatIsoDate(m.agreedOn, language) : '—'}</Text>
                        <Text size="xs" c="dimmed">
                          {t(`agreement.${m.agreedWithBeneficiaries}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <MeasureStatusBadge status={m.status} />
                        <Text size="xs" c="dimmed">
                          {t('measures.since', { date: formatIsoDate(m.statusSince, language) })}
                        </Text>
                      </Table.Td>
                      <Table.Td>{evidence ? <CitedRecordText cites={evidence} size="xs" /> : '—'}</Table.Td>
                      <Table.Td className="amparo-no-print">
                        <RowActions
                          editLabel={t('measures.editFor', { kind })}
                          deleteLabel={t('measures.deleteFor', { kind })}
                          onEdit={() => setEditing(m)}
                          onDelete={() => void remove(m)}
                          deleting={deleting === m.id}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListScaffold>
      {shown && (
        <MeasureDetail
          key={shown.id}
          measure={shown}
          names={names}
          onChanged={() => refresh()}
          onClose={() => setShownId(null)}
        />
      )}
    </Stack>
  );
}
