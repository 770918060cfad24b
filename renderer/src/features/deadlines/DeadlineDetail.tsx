import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../../app/format';
import type { Deadline } from '../../../../shared/schemas/deadline-records';
import { BasisList } from './BasisList';
import { DeadlineActions } from './DeadlineActions';
import { DeadlineBadges } from './DeadlineBadges';
import { DueMoment } from './DueMoment';

/** One deadline: its due moment, the calculation basis, the history of events and what can be done next. */
export function DeadlineDetail({
  deadline,
  onBack,
  onChanged,
}: {
  deadline: Deadline;
  onBack: () => void;
  onChanged: (d: Deadline) => void;
}) {
  const { t, i18n } = useTranslation();
  const date = (iso: string | null) => (iso ? formatIsoDate(iso, i18n.language) : '');
  const title = deadline.withheld ? deadline.matterReference : deadline.title;
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={3}>{title}</Title>
            <DeadlineBadges deadline={deadline} />
          </Stack>
          <Button variant="subtle" onClick={onBack}>
            {t('deadlines.detail.back')}
          </Button>
        </Group>
        <DueMoment deadline={deadline} />
        {deadline.fulfilledOn && (
          <Text size="sm">{t('deadlines.detail.fulfilledBy', { date: date(deadline.fulfilledOn) })}</Text>
        )}
        {deadline.waivedReason && (
          <Text size="sm">{t('deadlines.detail.waivedBecause', { reason: deadline.waivedReason })}</Text>
        )}
        {deadline.recurrence && (
          <Text size="sm">
            {t('deadlines.detail.recurrence', {
              amount: deadline.recurrence.every.amount,
              unit: t(`deadlines.unit.${deadline.recurrence.every.unit}`),
            })}
          </Text>
        )}
        {deadline.notes && <Text size="sm">{deadline.notes}</Text>}
        <DeadlineActions deadline={deadline} onChanged={onChanged} />
        <Title order={4}>{t('deadlines.detail.basis')}</Title>
        <BasisList basis={deadline.basis} label={t('deadlines.detail.basis')} />
        <Title order={4}>{t('deadlines.detail.history')}</Title>
        <Table aria-label={t('deadlines.detail.history')}>
          <Table.Tbody>
            {deadline.events.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{date(e.onDate)}</Table.Td>
                <Table.Td>{t(`deadlines.event.${e.kind}`)}</Table.Td>
                <Table.Td>
                  {e.previousDueDate && e.newDueDate
                    ? t('deadlines.event.moved', { from: date(e.previousDueDate), to: date(e.newDueDate) })
                    : e.newDueDate
                      ? date(e.newDueDate)
                      : ''}
                </Table.Td>
                <Table.Td>{e.note}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
