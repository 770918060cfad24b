import { Button, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ListScaffold } from '../../components/ListScaffold';
import { useLoad } from '../../components/useLoad';
import type { Deadline } from '../../../../shared/schemas/deadline-records';
import { useDraftPlace } from '../drafts/DraftContext';
import { DeadlineBadges } from './DeadlineBadges';
import { DeadlineDetail } from './DeadlineDetail';
import { DeadlineForm, type DeadlinePrefill } from './DeadlineForm';
import { DueMoment } from './DueMoment';

/** A case's deadlines by due moment, with their status; one opens to its basis, history and actions. */
export function DeadlinesTab({ matterId, openDeadlineId }: { matterId: string; openDeadlineId?: string }) {
  const { t } = useTranslation();
  const list = useLoad(() => client.deadlines.list({ matterId }), [matterId]);
  const { waiting } = useDraftPlace();
  const [adding, setAdding] = useState<DeadlinePrefill | null>(() =>
    waiting.has(`deadline:new:${matterId}`) ? {} : null,
  );
  const [selected, setSelected] = useState<string | null>(openDeadlineId ?? null);
  const shown = list.data?.items.find((d) => d.id === selected);

  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<number | null>(null);
  // Every open deadline of the vault goes to the file (confidential cases by reference only).
  const exportIcs = async () => {
    setExporting(true);
    list.setError(null);
    try {
      const result = await client.deadlines.exportIcs({});
      setExported(result.path ? result.events : null);
    } catch (err) {
      list.setError(err);
    } finally {
      setExporting(false);
    }
  };

  const changed = (d: Deadline) => {
    list.reload();
    setSelected(d.id);
  };

  if (shown) return <DeadlineDetail deadline={shown} onBack={() => setSelected(null)} onChanged={changed} />;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3}>{t('deadlines.tab')}</Title>
        <Group gap="xs">
          <Button variant="default" onClick={() => void exportIcs()} loading={exporting}>
            {t('deadlines.exportIcs')}
          </Button>
          {adding === null && <Button onClick={() => setAdding({})}>{t('deadlines.add')}</Button>}
        </Group>
      </Group>
      {exported !== null && (
        <Text size="sm" role="status">
          {t('deadlines.exported', { count: exported })}
        </Text>
      )}
      {adding !== null && (
        <DeadlineForm
          matterId={matterId}
          prefill={adding}
          onSaved={(id) => {
            setAdding(null);
            list.reload();
            setSelected(id);
          }}
          onCancel={() => setAdding(null)}
        />
      )}
      <ListScaffold
        load={list}
        items={(l) => l.items}
        hiddenConfidential={{ count: (l) => l.hiddenConfidential, matterId }}
        emptyText={t('deadlines.empty')}
      >
        {(l) => (
          <>
            {l.items.map((d) => (
              <Paper key={d.id} withBorder p="sm" component="article" data-record-id={d.id}>
                <UnstyledButton
                  onClick={() => setSelected(d.id)}
                  w="100%"
                  aria-label={d.withheld ? d.matterReference : d.title}
                >
                  <Group justify="space-between" align="flex-start" wrap="nowrap">
                    <Stack gap={2}>
                      <Text fw={600}>{d.withheld ? d.matterReference : d.title}</Text>
                      <DueMoment deadline={d} />
                    </Stack>
                    <DeadlineBadges deadline={d} />
                  </Group>
                </UnstyledButton>
              </Paper>
            ))}
          </>
        )}
      </ListScaffold>
    </Stack>
  );
}
