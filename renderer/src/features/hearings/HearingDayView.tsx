import { Badge, Box, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCountdown } from './clock';
import type { HearingDay, HearingDayTurn } from '../../../../shared/schemas/hearings';
import { useTurnClock } from './useTurnClock';

/** Talking points are typed one per line; a leading bullet or dash is dropped. */
function pointsOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*[-*•]\s*/, '').trim())
    .filter((line) => line.length > 0);
}

function Countdown({ label, seconds, testId }: { label: string; seconds: number; testId: string }) {
  const { t } = useTranslation();
  const over = seconds < 0;
  return (
    <Stack gap={0} align="center" data-testid={testId} data-over={over ? 'true' : 'false'}>
      <Text size="lg" fw={600} c={over ? 'red.8' : undefined}>
        {label}
      </Text>
      <Text
        fz={64}
        fw={700}
        ff="monospace"
        lh={1.1}
        c={over ? 'red.8' : undefined}
        data-testid={`${testId}-value`}
      >
        {formatCountdown(seconds)}
      </Text>
      {over && (
        <Badge color="red" size="lg" variant="filled">
          {t('hearingsUi.day.overrun')}
        </Badge>
      )}
    </Stack>
  );
}

/**
 * The hearing-day view for the laptop on the table: the turn being spoken in large type, its countdown and
 * the whole share's, who speaks next. → or Space: next turn; ←: previous; P: pause or resume; Esc: leave.
 * It only ever shows what the hearing-day endpoint gives, which names our speakers by pseudonym.
 */
export function HearingDayView({ plan, onClose }: { plan: HearingDay; onClose: () => void }) {
  const { t } = useTranslation();
  const clock = useTurnClock(plan.turns.length);
  const { next, previous, toggle } = clock;
  const keys = useRef({ next, previous, toggle });
  useEffect(() => {
    keys.current = { next, previous, toggle };
  });

  useEffect(() => {
    // Capture phase: Space must advance the plan, not press whichever button has the focus.
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const k = keys.current;
      if (event.key === 'ArrowRight' || event.key === ' ') k.next();
      else if (event.key === 'ArrowLeft') k.previous();
      else if (event.key === 'p' || event.key === 'P') k.toggle();
      else return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const turn = plan.turns[clock.index];
  const upcoming = plan.turns[clock.index + 1];
  const turnLeft = turn ? turn.seconds - clock.spentOn(clock.index) : 0;
  const share = plan.plan.shareSeconds ?? plan.plan.plannedSeconds;
  const shareLeft = share - clock.spentTotal;
  const points = turn ? pointsOf(turn.talkingPoints) : [];
  const speakerOf = (item: HearingDayTurn) => item.speaker ?? t('hearingsUi.day.noSpeaker');

  return (
    <Modal
      opened
      onClose={onClose}
      fullScreen
      title={plan.title}
      closeButtonProps={{ 'aria-label': t('hearingsUi.day.leave') }}
      transitionProps={{ duration: 0 }}
      data-testid="hearing-day"
      styles={{ title: { fontSize: 'var(--mantine-font-size-xl)', fontWeight: 600 } }}
    >
      <Stack gap="lg" data-testid="hearing-day-body">
        <Group justify="space-between" wrap="wrap" gap="xl">
          <Text size="xl" aria-live="polite" data-testid="hearing-day-position">
            {turn
              ? t('hearingsUi.day.position', { position: clock.index + 1, count: plan.turns.length })
              : t('hearingsUi.day.noTurns')}
          </Text>
          <Group gap="xl" wrap="wrap">
            {turn && (
              <Countdown label={t('hearingsUi.day.turnLeft')} seconds={turnLeft} testId="turn-countdown" />
            )}
            <Countdown label={t('hearingsUi.day.shareLeft')} seconds={shareLeft} testId="share-countdown" />
          </Group>
        </Group>
        {!clock.running && (
          <Badge color="yellow" size="xl" variant="filled" data-testid="hearing-day-paused">
            {t('hearingsUi.day.paused')}
          </Badge>
        )}
        {turn && (
          <Box data-testid="hearing-day-turn">
            <Text fz={40} fw={700} lh={1.2}>
              {speakerOf(turn)}
            </Text>
            <Title order={2} fz={34} fw={500} mt="xs">
              {turn.topic}
            </Title>
            {points.length > 0 && (
              <Box component="ul" mt="md" fz={28} lh={1.4} style={{ paddingInlineStart: '1.2em' }}>
                {points.map((point, i) => (
                  <li key={i}>{point}</li>
                ))}
              </Box>
            )}
          </Box>
        )}
        <Text fz={24} c="dimmed" data-testid="hearing-day-next">
          {upcoming
            ? t('hearingsUi.day.next', { speaker: speakerOf(upcoming), topic: upcoming.topic })
            : t('hearingsUi.day.last')}
        </Text>
        <Group gap="sm">
          <Button variant="default" size="md" onClick={previous} disabled={clock.index === 0}>
            {t('hearingsUi.day.previous')}
          </Button>
          <Button variant="default" size="md" onClick={toggle}>
            {clock.running ? t('hearingsUi.day.pause') : t('hearingsUi.day.resume')}
          </Button>
          <Button size="md" onClick={next} disabled={clock.index >= plan.turns.length - 1}>
            {t('hearingsUi.day.nextTurn')}
          </Button>
        </Group>
        <Text size="md" c="dimmed">
          {t('hearingsUi.day.keys')}
        </Text>
      </Stack>
    </Modal>
  );
}
