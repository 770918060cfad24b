import { Badge, Box, Button, Grid, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../../shared/hearing-time-plan';
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
    <Paper
      withBorder
      p="md"
      data-testid={testId}
      data-over={over ? 'true' : 'false'}
      style={over ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 3 } : undefined}
    >
      <Group justify="space-between" align="center" wrap="nowrap">
        <Text fz={22} fw={600} c={over ? 'red.8' : undefined}>
          {label}
        </Text>
        {over && (
          <Badge color="red" size="lg" variant="filled">
            {t('hearingsUi.day.overrun')}
          </Badge>
        )}
      </Group>
      <Text
        fz={72}
        fw={700}
        lh={1.1}
        c={over ? 'red.8' : undefined}
        style={{ fontVariantNumeric: 'tabular-nums' }}
        data-testid={`${testId}-value`}
      >
        {formatDuration(seconds)}
      </Text>
    </Paper>
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
        <Group justify="space-between" wrap="wrap" gap="md">
          <Group gap="md">
            <Text fz={26} fw={600} aria-live="polite" data-testid="hearing-day-position">
              {turn
                ? t('hearingsUi.day.position', { position: clock.index + 1, count: plan.turns.length })
                : t('hearingsUi.day.noTurns')}
            </Text>
            {!clock.running && (
              <Badge color="yellow" c="dark" size="xl" variant="filled" data-testid="hearing-day-paused">
                {t('hearingsUi.day.paused')}
              </Badge>
            )}
          </Group>
          <Text size="lg" c="dimmed">
            {plan.matterReference}
          </Text>
        </Group>
        <Grid gap="xl" align="flex-start">
          <Grid.Col span={{ base: 12, md: 8 }}>
            {turn && (
              <Box data-testid="hearing-day-turn">
                <Group gap="md" align="center">
                  <Text fz={44} fw={700} lh={1.2}>
                    {speakerOf(turn)}
                  </Text>
                  {turn.presence && (
                    <Badge size="xl" variant="light" color={turn.presence === 'on_camera' ? 'blue' : 'grape'}>
                      {t(`hearingsUi.presence.${turn.presence}`)}
                    </Badge>
                  )}
                </Group>
                <Title order={2} fz={34} fw={500} mt="xs">
                  {turn.topic}
                </Title>
                {points.length > 0 && (
                  <Box
                    component="ul"
                    mt="md"
                    mb={0}
                    fz={30}
                    lh={1.45}
                    style={{ paddingInlineStart: '1.2em' }}
                  >
                    {points.map((point, i) => (
                      <li key={i}>{point}</li>
                    ))}
                  </Box>
                )}
              </Box>
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="lg">
              {turn && (
                <Countdown label={t('hearingsUi.day.turnLeft')} seconds={turnLeft} testId="turn-countdown" />
              )}
              <Countdown label={t('hearingsUi.day.shareLeft')} seconds={shareLeft} testId="share-countdown" />
            </Stack>
          </Grid.Col>
        </Grid>
        <Paper withBorder p="md" bg="var(--mantine-color-gray-0)">
          <Text fz={26} data-testid="hearing-day-next">
            {upcoming
              ? t('hearingsUi.day.next', { speaker: speakerOf(upcoming), topic: upcoming.topic })
              : t('hearingsUi.day.last')}
          </Text>
        </Paper>
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
