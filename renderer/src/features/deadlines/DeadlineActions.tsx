import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Deadline } from '../../../../shared/schemas/deadline-records';

type Action = 'requestExtension' | 'recordExtension' | 'fulfil' | 'waive' | 'reopen';

const today = () => new Date().toLocaleDateString('en-CA');

/** What can be done to a deadline: an extension asked or decided, fulfilment, waiver with a reason, reopen. */
export function DeadlineActions({
  deadline,
  onChanged,
}: {
  deadline: Deadline;
  onChanged: (d: Deadline) => void;
}) {
  const { t } = useTranslation();
  const [action, setAction] = useState<Action | null>(null);
  const [onDate, setOnDate] = useState<string | null>(today());
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<'granted' | 'denied'>('granted');
  const [amount, setAmount] = useState<number | null>(null);
  const [unit, setUnit] = useState<'days' | 'working-days' | 'months'>('days');
  const [newDate, setNewDate] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const open = deadline.status === 'open';
  const actions: Action[] = open ? ['requestExtension', 'recordExtension', 'fulfil', 'waive'] : ['reopen'];

  const run = async () => {
    if (!action || !onDate) return;
    setBusy(true);
    setError(null);
    const base = { id: deadline.id, revision: deadline.revision, onDate };
    try {
      let next: Deadline;
      if (action === 'requestExtension')
        next = await client.deadlines.extend({ ...base, outcome: 'requested', note });
      else if (action === 'recordExtension')
        next =
          outcome === 'denied'
            ? await client.deadlines.extend({ ...base, outcome: 'denied', note })
            : await client.deadlines.extend({
                ...base,
                outcome: 'granted',
                note,
                period: newDate ? { unit: 'date', date: newDate } : { unit, amount: amount ?? 0 },
              });
      else if (action === 'fulfil') next = await client.deadlines.fulfil({ ...base, note });
      else if (action === 'waive') next = await client.deadlines.waive({ ...base, reason: note });
      else next = await client.deadlines.reopen({ ...base, note });
      setAction(null);
      setNote('');
      onChanged(next);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm">
      <Group gap="xs">
        {actions.map((a) => (
          <Button
            key={a}
            variant={action === a ? 'filled' : 'default'}
            size="xs"
            onClick={() => setAction(a)}
          >
            {t(`deadlines.action.${a}`)}
          </Button>
        ))}
      </Group>
      {action && (
        <Paper withBorder p="sm">
          <form
            noValidate
            aria-label={t(`deadlines.action.${action}`)}
            onSubmit={(event) => {
              event.preventDefault();
              void run();
            }}
          >
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <DateField
                  label={t('deadlines.action.onDate')}
                  value={onDate}
                  onChange={setOnDate}
                  withAsterisk
                />
                {action === 'recordExtension' && (
                  <Select
                    label={t('deadlines.action.outcome')}
                    value={outcome}
                    onChange={(v) => v && setOutcome(v as 'granted' | 'denied')}
                    allowDeselect={false}
                    data={[
                      { value: 'granted', label: t('deadlines.action.granted') },
                      { value: 'denied', label: t('deadlines.action.denied') },
                    ]}
                  />
                )}
              </SimpleGrid>
              {action === 'recordExtension' && outcome === 'granted' && (
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <NumberInput
                    label={t('deadlines.action.extra')}
                    value={amount ?? ''}
                    onChange={(v) => setAmount(typeof v === 'number' ? v : null)}
                    allowDecimal={false}
                    min={1}
                  />
                  <Select
                    label={t('deadlines.form.unit')}
                    value={unit}
                    onChange={(v) => v && setUnit(v as typeof unit)}
                    allowDeselect={false}
                    data={(['days', 'working-days', 'months'] as const).map((u) => ({
                      value: u,
                      label: t(`deadlines.unit.${u}`),
                    }))}
                  />
                  <DateField label={t('deadlines.action.newDate')} value={newDate} onChange={setNewDate} />
                </SimpleGrid>
              )}
              <TextInput
                label={t(action === 'waive' ? 'deadlines.action.reason' : 'deadlines.action.note')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                withAsterisk={action === 'waive'}
              />
              <ErrorAlert error={error} />
              <Group>
                <Button type="submit" loading={busy}>
                  {t('deadlines.action.confirm')}
                </Button>
                <Button variant="default" onClick={() => setAction(null)} disabled={busy}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
