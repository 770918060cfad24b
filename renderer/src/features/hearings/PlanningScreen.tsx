import { Badge, Button, Code, Divider, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { formatIsoDate } from '../../app/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Option } from '../../components/options';
import { useLoad } from '../../components/useLoad';
import type { Hearing, HearingDay } from '../../../../shared/schemas/hearings';
import { flushPendingDrafts } from '../drafts/pending';
import { BinderPanel } from './BinderPanel';
import { HearingDayView } from './HearingDayView';
import { HearingForm } from './HearingForm';
import { HearingWhen } from './HearingWhen';
import { OutcomePanel } from './OutcomePanel';
import { ParticipantsSection } from './ParticipantsSection';
import { PickedList } from './PickedList';
import { QuestionsSection } from './QuestionsSection';
import { SpeakingPlan } from './SpeakingPlan';

/** One hearing's preparation: the record, who takes part, the speaking plan, chronology, exhibits, Q&A, binder. */
export function PlanningScreen({
  hearingId,
  matterId,
  startEditing,
  onClose,
}: {
  hearingId: string;
  matterId: string;
  /** The record's edit form opens first (a draft of it was left at a lock). */
  startEditing?: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const loaded = useLoad(() => client.hearings.get({ id: hearingId }), [hearingId]);
  const { data: hearing, replace } = loaded;
  const parties = useLoad(() => client.parties.list({ matterId }), [matterId]);
  const incidents = useLoad(() => client.incidents.list({ matterId, order: 'asc' }), [matterId]);
  const evidence = useLoad(() => client.evidence.list({ matterId }), [matterId]);
  const [editing, setEditing] = useState(startEditing ?? false);
  const [day, setDay] = useState<HearingDay | null>(null);
  const [dayError, setDayError] = useState<unknown>(null);

  const people: Option[] = useMemo(() => {
    const map = new Map<string, string>();
    for (const party of parties.data ?? []) if (party.personId) map.set(party.personId, party.displayName);
    return [...map].map(([value, label]) => ({ value, label }));
  }, [parties.data]);
  const speakers: Option[] = useMemo(
    () => (hearing?.participants ?? []).map((p) => ({ value: p.id, label: p.label })),
    [hearing?.participants],
  );
  const answerers = useMemo(
    () =>
      (hearing?.participants ?? [])
        .filter((p) => p.side === 'ours')
        .map((p) => ({ value: p.id, label: p.label })),
    [hearing?.participants],
  );
  const facts: Option[] = useMemo(
    () =>
      (incidents.data?.items ?? []).map((i) => ({
        value: i.id,
        label: `${formatIsoDate(i.occurredOn, language)} — ${i.title}`,
      })),
    [incidents.data, language],
  );
  const items: Option[] = useMemo(
    () => (evidence.data?.items ?? []).map((e) => ({ value: e.id, label: e.title })),
    [evidence.data],
  );

  if (!hearing)
    return (
      <Stack gap="md" align="flex-start">
        {loaded.error ? <ErrorAlert error={loaded.error} /> : <Loader aria-label={t('common.loading')} />}
        <Button variant="default" onClick={onClose}>
          {t('hearingsUi.back')}
        </Button>
      </Stack>
    );

  const flush = () => flushPendingDrafts(5000);
  const openDay = async () => {
    setDayError(null);
    try {
      await flush();
      setDay(await client.hearings.day({ id: hearing.id }));
    } catch (err) {
      setDayError(err);
    }
  };
  const onChanged = (next: Hearing) => replace(next);
  const factName = (id: string) => {
    const entry = hearing.chronology.find((c) => c.incidentId === id);
    const fact = incidents.data?.items.find((i) => i.id === id);
    const title = entry?.title ?? fact?.title ?? t('hearingsUi.picks.hiddenFact');
    const on = entry?.occurredOn ?? fact?.occurredOn ?? '';
    return `${formatIsoDate(on, language)} — ${title}`;
  };
  const exhibitOf = (id: string) => hearing.exhibits.find((x) => x.evidenceId === id);
  const exhibitName = (id: string) => {
    const x = exhibitOf(id);
    const title = x?.title ?? items.find((o) => o.value === id)?.label ?? t('hearingsUi.picks.hiddenExhibit');
    return x ? t('hearingsUi.picks.exhibitName', { n: x.number, title }) : title;
  };

  return (
    <Stack gap="lg" data-testid="hearing-planning">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={3}>{hearing.title}</Title>
          <Group gap="xs">
            <Badge variant="light">{t(`hearingCore.kind.${hearing.kind}`)}</Badge>
            <Badge variant="outline">{t(`hearingsUi.status.${hearing.status}`)}</Badge>
            {hearing.forum && <Text size="sm">{hearing.forum}</Text>}
          </Group>
          <HearingWhen hearing={hearing} />
          {hearing.deadlines.length > 0 && (
            <Text size="sm" data-testid="hearing-deadlines">
              {hearing.deadlines
                .map((d) => t(`hearingsUi.deadlines.${d.kind}`, { date: formatIsoDate(d.dueDate, language) }))
                .join(' · ')}
            </Text>
          )}
          {hearing.place && (
            <Text size="sm">
              {t('hearingsUi.fields.place')}: <Code>{hearing.place}</Code>
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          <Button onClick={() => void openDay()} data-testid="open-hearing-day">
            {t('hearingsUi.day.open')}
          </Button>
          {!editing && (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('hearingsUi.editRecord')}
            </Button>
          )}
          <Button variant="default" onClick={onClose}>
            {t('hearingsUi.back')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={dayError} />
      {editing ? (
        <HearingForm
          matterId={matterId}
          hearing={hearing}
          onSaved={(saved) => {
            replace(saved);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        hearing.keyAsks.length > 0 && (
          <Paper withBorder p="sm">
            <Text fw={600}>{t('hearingsUi.fields.keyAsks')}</Text>
            <ol style={{ margin: 0, paddingInlineStart: '1.4em' }}>
              {hearing.keyAsks.map((ask, i) => (
                <li key={i}>{ask}</li>
              ))}
            </ol>
          </Paper>
        )
      )}
      <ErrorAlert error={parties.error ?? incidents.error ?? evidence.error} />
      <ParticipantsSection hearing={hearing} people={people} onChanged={onChanged} />
      <Divider />
      <SpeakingPlan hearing={hearing} speakers={speakers} onChanged={onChanged} />
      <Divider />
      <PickedList
        title={t('hearingsUi.chronology.title')}
        titleId="hearing-chronology-title"
        picked={hearing.chronology.map((c) => c.incidentId)}
        available={facts}
        addLabel={t('hearingsUi.chronology.add')}
        empty={t('hearingsUi.chronology.empty')}
        nameOf={factName}
        renderRow={(id) => <Text>{factName(id)}</Text>}
        onSet={async (incidentIds) =>
          onChanged(await client.hearings.setChronology({ hearingId: hearing.id, incidentIds }))
        }
        testId="chronology-list"
      />
      <Divider />
      <PickedList
        title={t('hearingsUi.exhibits.title')}
        titleId="hearing-exhibits-title"
        picked={hearing.exhibits.map((x) => x.evidenceId)}
        available={items}
        addLabel={t('hearingsUi.exhibits.add')}
        empty={t('hearingsUi.exhibits.empty')}
        nameOf={exhibitName}
        renderRow={(id) => {
          const x = exhibitOf(id);
          return (
            <Stack gap={2} data-testid="exhibit-row">
              <Text fw={500}>{exhibitName(id)}</Text>
              {x && (
                <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="exhibit-sha">
                  SHA-256 {x.sha256}
                </Text>
              )}
            </Stack>
          );
        }}
        onSet={async (evidenceIds) =>
          onChanged(await client.hearings.setExhibits({ hearingId: hearing.id, evidenceIds }))
        }
        testId="exhibit-list"
      />
      <Divider />
      <QuestionsSection hearing={hearing} answerers={answerers} onChanged={onChanged} />
      <Divider />
      <BinderPanel hearingId={hearing.id} title={hearing.title} beforeGenerate={flush} />
      <OutcomePanel hearing={hearing} onRecorded={replace} />
      {day && <HearingDayView plan={day} onClose={() => setDay(null)} />}
    </Stack>
  );
}
