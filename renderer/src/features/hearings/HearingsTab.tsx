import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { OpenDeleteActions, RecordTable } from '../../components/RecordTable';
import { useUndoableDelete } from '../../components/undoableDelete';
import { useLoad } from '../../components/useLoad';
import { formatDuration } from '../../../../shared/hearing-time-plan';
import type { TimePlanSummary } from '../../../../shared/schemas/hearings';
import { DraftScreenProvider, useDraftPlace } from '../drafts/DraftContext';
import { HearingForm } from './HearingForm';
import { hearingWhen } from './HearingWhen';
import { PlanningScreen } from './PlanningScreen';

function PlanState({ plan }: { plan: TimePlanSummary }) {
  const { t } = useTranslation();
  const difference = formatDuration(Math.abs(plan.differenceSeconds ?? 0));
  const color = { no_share: 'dimmed', under: 'blue.8', exact: 'teal.8', over: 'red.8' }[plan.status];
  return (
    <Text size="sm" fw={600} c={color} style={{ whiteSpace: 'nowrap' }}>
      {t(`hearingsUi.planState.${plan.status}`, {
        planned: formatDuration(plan.plannedSeconds),
        difference,
      })}
    </Text>
  );
}

/** The case's hearings and working meetings ("Audiencias"): the list, a new one, or one open for planning. */
export function HearingsTab({ matterId, openId }: { matterId: string; openId?: string }) {
  const { t, i18n } = useTranslation();
  const { waiting } = useDraftPlace();
  // A form left unsaved at a lock reopens: the new hearing's, or the record of one being planned.
  const [creating, setCreating] = useState(() => waiting.has(`hearing:new:${matterId}`));
  const list = useLoad(() => client.hearings.list({ matterId }), [matterId]);
  const [open, setOpen] = useState<{ id: string; editing: boolean } | null>(
    openId ? { id: openId, editing: false } : null,
  );
  const removeUndoably = useUndoableDelete();
  const waitingEdit = list.data?.find((h) => waiting.has(`hearing:${h.id}`));
  if (open === null && waitingEdit) setOpen({ id: waitingEdit.id, editing: true });

  if (open)
    return (
      // The hearing open is part of where the user is (a lock returns here, and so does a draft).
      <DraftScreenProvider
        screen={{ name: 'case', id: matterId, place: { tab: 'hearings', hearingId: open.id } }}
      >
        <PlanningScreen
          key={open.id}
          hearingId={open.id}
          matterId={matterId}
          startEditing={open.editing}
          onClose={() => {
            setOpen(null);
            list.reload();
          }}
        />
      </DraftScreenProvider>
    );

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3}>{t('hearingsUi.title')}</Title>
        {!creating && <Button onClick={() => setCreating(true)}>{t('hearingsUi.new')}</Button>}
      </Group>
      {creating && (
        <HearingForm
          matterId={matterId}
          onSaved={(hearing) => {
            setCreating(false);
            setOpen({ id: hearing.id, editing: false });
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      <RecordTable
        load={list}
        label={t('hearingsUi.title')}
        emptyText={t('hearingsUi.empty')}
        paperStyle={{ overflowX: 'auto' }}
        headings={[
          t('hearingsUi.fields.title'),
          t('hearingsUi.fields.kind'),
          t('hearingsUi.fields.forum'),
          t('hearingsUi.list.when'),
          t('hearingsUi.fields.status'),
          t('hearingsUi.list.plan'),
          t('common.actions'),
        ]}
      >
        {(h) => (
          <Table.Tr key={h.id}>
            <Table.Td>{h.title}</Table.Td>
            <Table.Td>{t(`hearingCore.kind.${h.kind}`)}</Table.Td>
            <Table.Td>{h.forum || '—'}</Table.Td>
            <Table.Td>{hearingWhen(h, i18n.language, '—')}</Table.Td>
            <Table.Td>{t(`hearingsUi.status.${h.status}`)}</Table.Td>
            <Table.Td>
              <PlanState plan={h.plan} />
            </Table.Td>
            <Table.Td>
              <OpenDeleteActions
                openText={t('hearingsUi.list.open')}
                openLabel={t('hearingsUi.list.openFor', { title: h.title })}
                deleteLabel={t('hearingsUi.list.deleteFor', { title: h.title })}
                onOpen={() => setOpen({ id: h.id, editing: false })}
                onDelete={() =>
                  void removeUndoably(
                    'hearing',
                    h.id,
                    t('hearingsUi.deleted', { title: h.title }),
                    list.reload,
                  ).catch((err: unknown) => list.setError(err))
                }
              />
            </Table.Td>
          </Table.Tr>
        )}
      </RecordTable>
    </Stack>
  );
}
