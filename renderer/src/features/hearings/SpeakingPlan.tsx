import { Alert, Button, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { checkPlan, formatDuration, moveTo } from '../../../../shared/hearing-time-plan';
import type { Hearing, HearingTurn, TurnFields } from '../../../../shared/schemas/hearings';
import type { Option } from '../../components/options';
import { ParticipantSelect } from './ParticipantSelect';
import { ReorderableList } from './ReorderableList';
import { formatMinutes, parseMinutes } from './minutes';
import { useAutosavedPart } from './useAutosavedPart';

type TurnValues = Required<TurnFields>;

function valuesOf(turn: HearingTurn): TurnValues {
  const { participantId, topic, seconds, talkingPoints } = turn;
  return { participantId, topic, seconds, talkingPoints };
}

function revisionIn(hearing: Hearing, id: string): number {
  return hearing.turns.find((turn) => turn.id === id)?.revision ?? 0;
}

function TurnRow({
  turn,
  number,
  speakers,
  onSaved,
  onSeconds,
}: {
  turn: HearingTurn;
  number: number;
  speakers: Option[];
  onSaved: (hearing: Hearing) => void;
  onSeconds: (id: string, seconds: number) => void;
}) {
  const { t } = useTranslation();
  const part = useAutosavedPart(turn.id, turn.revision, valuesOf(turn), async (revision, fields) => {
    const hearing = await client.hearings.updateTurn({ id: turn.id, revision, fields });
    onSaved(hearing);
    return revisionIn(hearing, turn.id);
  });
  const { values, change } = part;
  // What is typed stays as typed ("2:3" on the way to "2:30"); only a valid length reaches the vault.
  const [minutes, setMinutes] = useState(() => formatMinutes(values.seconds));
  const minutesValid = parseMinutes(minutes) !== null;
  // Said once the field is left, not while "2:" is on its way to "2:30".
  const [left, setLeft] = useState(false);
  return (
    <Stack gap="xs" data-testid="turn-row">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Text fw={600} w={70}>
          {t('hearingsUi.plan.turnNumber', { n: number })}
        </Text>
        <ParticipantSelect
          label={t('hearingsUi.plan.speaker')}
          participants={speakers}
          value={values.participantId}
          onChange={(v) => change({ participantId: v })}
          width={240}
        />
        <TextInput
          label={t('hearingsUi.plan.topic')}
          value={values.topic}
          onChange={(e) => change({ topic: e.currentTarget.value })}
          style={{ flex: 1, minWidth: 200 }}
        />
        <TextInput
          label={t('hearingsUi.plan.minutes')}
          description={t('hearingsUi.plan.minutesHint')}
          value={minutes}
          onChange={(e) => {
            const text = e.currentTarget.value;
            setMinutes(text);
            setLeft(false);
            const seconds = parseMinutes(text);
            if (seconds === null) return;
            change({ seconds });
            onSeconds(turn.id, seconds);
          }}
          onBlur={() => {
            setLeft(true);
            if (minutesValid) setMinutes(formatMinutes(values.seconds));
          }}
          inputMode="numeric"
          error={minutesValid || !left ? undefined : t('hearingsUi.plan.minutesInvalid')}
          w={170}
        />
      </Group>
      <Textarea
        label={t('hearingsUi.plan.talkingPoints')}
        description={t('hearingsUi.plan.talkingPointsHint')}
        value={values.talkingPoints}
        onChange={(e) => change({ talkingPoints: e.currentTarget.value })}
        autosize
        minRows={2}
        maxRows={10}
      />
      <ErrorAlert error={part.error} title={t('hearingsUi.saveFailed')} />
    </Stack>
  );
}

/** The time plan as the user types: the sum of the turns against our share, and what is left or over. */
function PlanSum({ turns, shareMinutes }: { turns: { seconds: number }[]; shareMinutes: number | null }) {
  const { t } = useTranslation();
  const check = checkPlan(turns, shareMinutes);
  const planned = formatDuration(check.plannedSeconds);
  if (check.status === 'no_share')
    return (
      <Text data-testid="plan-sum" data-status="no_share">
        {t('hearingsUi.plan.sumNoShare', { planned })}
      </Text>
    );
  const share = formatDuration(check.shareSeconds ?? 0);
  const difference = formatDuration(Math.abs(check.differenceSeconds ?? 0));
  const color = check.status === 'over' ? 'red' : check.status === 'exact' ? 'teal' : 'blue';
  return (
    <Alert
      color={color}
      variant={check.status === 'over' ? 'filled' : 'light'}
      role={check.status === 'over' ? 'alert' : 'status'}
      data-testid="plan-sum"
      data-status={check.status}
    >
      {t(`hearingsUi.plan.sum_${check.status}`, { planned, share, difference })}
    </Alert>
  );
}

/** The speaking plan: ordered turns (speaker, topic, minutes, talking points), reordered by drag or keyboard. */
export function SpeakingPlan({
  hearing,
  speakers,
  onChanged,
}: {
  hearing: Hearing;
  speakers: Option[];
  onChanged: (hearing: Hearing) => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  // Minutes typed but maybe not saved yet: the sum follows the keyboard, not the last save.
  const [typed, setTyped] = useState<Map<string, number>>(() => new Map());
  const onSeconds = useCallback(
    (id: string, seconds: number) => setTyped((prev) => new Map(prev).set(id, seconds)),
    [],
  );
  const [order, setOrder] = useState<string[] | null>(null);
  const turns = order ? order.flatMap((id) => hearing.turns.filter((turn) => turn.id === id)) : hearing.turns;
  const run = async (action: () => Promise<Hearing>) => {
    setError(null);
    try {
      onChanged(await action());
    } catch (err) {
      setError(err);
    }
  };

  const move = (from: number, to: number) => {
    const turn = turns[from];
    if (!turn) return;
    // Shown in its new place at once; the vault's order comes back with the answer.
    setOrder(moveTo(turns, from, to).map((x) => x.id));
    void run(() => client.hearings.moveTurn({ id: turn.id, toIndex: to })).finally(() => setOrder(null));
  };
  const speakerName = (id: string | null) =>
    speakers.find((s) => s.value === id)?.label ?? t('hearingsUi.plan.noSpeaker');

  return (
    <Stack gap="sm" component="section" aria-labelledby="hearing-plan-title">
      <Title order={4} id="hearing-plan-title" style={{ scrollMarginTop: 80 }}>
        {t('hearingsUi.plan.title')}
      </Title>
      <PlanSum
        turns={turns.map((turn) => ({ seconds: typed.get(turn.id) ?? turn.seconds }))}
        shareMinutes={hearing.ourMinutes}
      />
      {turns.length === 0 ? (
        <Text c="dimmed">{t('hearingsUi.plan.empty')}</Text>
      ) : (
        <ReorderableList
          items={turns}
          idOf={(turn) => turn.id}
          nameOf={(turn, i) =>
            t('hearingsUi.plan.turnName', {
              n: i + 1,
              speaker: speakerName(turn.participantId),
              topic: turn.topic || '—',
            })
          }
          onMove={move}
          onRemove={(turn) => void run(() => client.hearings.removeTurn({ id: turn.id }))}
          label={t('hearingsUi.plan.title')}
          testId="turn-list"
        >
          {(turn, i) => (
            <TurnRow
              turn={turn}
              number={i + 1}
              speakers={speakers}
              onSaved={onChanged}
              onSeconds={onSeconds}
            />
          )}
        </ReorderableList>
      )}
      <ErrorAlert error={error} />
      <Group>
        <Button
          variant="light"
          onClick={() =>
            void run(() =>
              client.hearings.addTurn({
                hearingId: hearing.id,
                fields: { participantId: null, topic: '', seconds: 0, talkingPoints: '' },
              }),
            )
          }
        >
          {t('hearingsUi.plan.addTurn')}
        </Button>
      </Group>
    </Stack>
  );
}
