import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/useLoad';
import { DeadlineForm } from './DeadlineForm';

export interface SuggestedDeadlinesProps {
  matterId: string;
  communication: {
    id: string;
    subject: string;
    body: string;
    occurredOn: string;
    notifiedOn: string | null;
    direction: 'received' | 'sent';
    kind: string;
  };
  onChanged?: () => void;
}

/**
 * The periods written in a communication ("en un plazo de 10 días"), each with a Confirm that opens the
 * deadline form filled in from it. Nothing is set until the user saves that form.
 */
export function SuggestedDeadlines({ matterId, communication, onChanged }: SuggestedDeadlinesProps) {
  const { t } = useTranslation();
  const text = `${communication.subject}\n${communication.body}`;
  const found = useLoad(() => client.deadlines.suggest({ text }), [text]);
  const [confirming, setConfirming] = useState<number | null>(null);
  // A period already confirmed as a deadline of this communication is not offered twice.
  const [saved, setSaved] = useState(0);
  const linked = useLoad(
    () => client.deadlines.list({ communicationId: communication.id }),
    [communication.id, saved],
  );
  const isConfirmed = (s: { amount: number; unit: string }) =>
    (linked.data?.items ?? []).some(
      (d) => d.period && d.period.unit === s.unit && 'amount' in d.period && d.period.amount === s.amount,
    );
  const suggestions = found.data ?? [];
  const chosen = confirming === null ? undefined : suggestions[confirming];

  return (
    <Stack gap="xs" aria-label={t('deadlines.suggest.title')} component="section">
      <Title order={4}>{t('deadlines.suggest.title')}</Title>
      <ErrorAlert error={found.error} />
      {found.data && suggestions.length === 0 && <Text size="sm">{t('deadlines.suggest.none')}</Text>}
      {suggestions.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('deadlines.suggest.hint')}
        </Text>
      )}
      {suggestions.map((s, index) => (
        <Paper key={`${s.index}-${s.phrase}`} withBorder p="xs">
          <Group justify="space-between">
            <Text size="sm">
              {t('deadlines.suggest.found', {
                phrase: s.phrase,
                amount: s.amount,
                unit: t(`deadlines.unit.${s.unit}`),
              })}
            </Text>
            {isConfirmed(s) ? (
              <Text size="xs" c="dimmed">
                {t('deadlines.suggest.confirmed')}
              </Text>
            ) : (
              <Button size="xs" onClick={() => setConfirming(index)} disabled={confirming !== null}>
                {t('deadlines.suggest.confirm')}
              </Button>
            )}
          </Group>
        </Paper>
      ))}
      {chosen && (
        <DeadlineForm
          matterId={matterId}
          prefill={{
            title: communication.subject,
            amount: chosen.amount,
            unit: chosen.unit,
            triggerDate: communication.notifiedOn ?? communication.occurredOn,
            communicationId: communication.id,
          }}
          onSaved={() => {
            setConfirming(null);
            setSaved((n) => n + 1);
            onChanged?.();
          }}
          onCancel={() => setConfirming(null)}
        />
      )}
    </Stack>
  );
}
