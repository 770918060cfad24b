import {
  Badge,
  Button,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarEntry } from '../../../../shared/schemas/dashboard';
import { client } from '../../api/client';
import { intlLocale } from '../../app/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/useLoad';
import { useViewer } from '../dashboard/viewer';
import { addDays, addMonths, sameMonth, today, visibleWeeks, type CalendarView } from './calendarGrid';
import classes from './CalendarScreen.module.css';

const STATUS_COLOR = { overdue: 'red', dueSoon: 'orange', open: 'blue' } as const;

/**
 * Deadlines (and, later, hearings) by the forum's date, a month or a week at a time. The grid is one tab
 * stop: arrows move a day or a week, Page Up / Page Down a month, Home / End the week's ends, Enter opens
 * the day's first entry; each entry is a button that opens its case on the Deadlines tab.
 */
export function CalendarScreen({
  onOpenDeadline,
}: {
  onOpenDeadline: (matterId: string, deadlineId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const viewer = useViewer();
  const [view, setView] = useState<CalendarView>('month');
  const [cursor, setCursor] = useState(today());
  const weeks = visibleWeeks(cursor, view, viewer.weekStartsOn);
  const from = weeks[0]![0]!;
  const to = weeks.at(-1)![6]!;
  const load = useLoad(() => client.calendar.range({ from, to, zone: viewer.zone }), [from, to, viewer.zone]);
  const byDay = new Map<string, CalendarEntry[]>();
  for (const e of load.data?.entries ?? []) byDay.set(e.due.date, [...(byDay.get(e.due.date) ?? []), e]);

  const grid = useRef<HTMLDivElement>(null);
  // After a key moves the cursor (possibly to another month), focus follows it once the day is drawn.
  const focusWanted = useRef(false);
  useEffect(() => {
    if (!focusWanted.current) return;
    focusWanted.current = false;
    grid.current?.querySelector<HTMLElement>(`[data-date="${cursor}"]`)?.focus();
  }, [cursor]);

  const move = useCallback((next: string) => {
    focusWanted.current = true;
    setCursor(next);
  }, []);

  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const key = event.key;
    const steps: Record<string, () => string> = {
      ArrowLeft: () => addDays(cursor, -1),
      ArrowRight: () => addDays(cursor, 1),
      ArrowUp: () => addDays(cursor, -7),
      ArrowDown: () => addDays(cursor, 7),
      PageUp: () => addMonths(cursor, -1),
      PageDown: () => addMonths(cursor, 1),
      Home: () => weeks.find((w) => w.includes(cursor))![0]!,
      End: () => weeks.find((w) => w.includes(cursor))![6]!,
    };
    if (steps[key]) {
      event.preventDefault();
      move(steps[key]());
    } else if (key === 'Enter' && (event.target as HTMLElement).dataset.date) {
      const first = byDay.get(cursor)?.[0];
      if (first) onOpenDeadline(first.matterId, first.deadlineId);
    }
  };

  const dayLabel = (date: string) =>
    new Intl.DateTimeFormat(locale, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${date}T00:00:00Z`));
  const weekday = (date: string) =>
    new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(
      new Date(`${date}T00:00:00Z`),
    );
  const heading =
    view === 'month'
      ? new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
          new Date(`${cursor}T00:00:00Z`),
        )
      : t('calendar.weekOf', { date: dayLabel(from) });
  const step = view === 'month' ? (n: number) => addMonths(cursor, n) : (n: number) => addDays(cursor, 7 * n);
  const now = today();

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t('calendar.title')}</Title>
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v as CalendarView)}
          data={[
            { value: 'month', label: t('calendar.month') },
            { value: 'week', label: t('calendar.week') },
          ]}
          aria-label={t('calendar.view')}
        />
      </Group>
      <Group gap="xs">
        <Button
          variant="default"
          onClick={() => setCursor(step(-1))}
          aria-label={t(`calendar.previous.${view}`)}
        >
          ‹
        </Button>
        <Button variant="default" onClick={() => setCursor(today())}>
          {t('calendar.today')}
        </Button>
        <Button variant="default" onClick={() => setCursor(step(1))} aria-label={t(`calendar.next.${view}`)}>
          ›
        </Button>
        <Title order={3} size="h4" aria-live="polite" data-testid="calendar-heading">
          {heading}
        </Title>
      </Group>
      <Text size="xs" c="dimmed">
        {t('calendar.hint')}
      </Text>
      <ErrorAlert error={load.error} onClose={() => load.setError(null)} />
      <div
        role="grid"
        aria-label={heading}
        ref={grid}
        onKeyDown={onKey}
        className={classes.grid}
        data-view={view}
      >
        <div role="row" className={classes.row}>
          {weeks[0]!.map((d) => (
            <div role="columnheader" key={d} className={classes.head}>
              {weekday(d)}
            </div>
          ))}
        </div>
        {weeks.map((week) => (
          <div role="row" key={week[0]} className={classes.row}>
            {week.map((date) => {
              const entries = byDay.get(date) ?? [];
              return (
                <div
                  role="gridcell"
                  key={date}
                  data-date={date}
                  tabIndex={date === cursor ? 0 : -1}
                  aria-selected={date === cursor}
                  onClick={() => setCursor(date)}
                  className={classes.cell}
                  data-outside={view === 'month' && !sameMonth(date, cursor) ? true : undefined}
                  data-today={date === now ? true : undefined}
                >
                  <VisuallyHidden>
                    {`${dayLabel(date)}: ${t('calendar.entries', { count: entries.length })}`}
                  </VisuallyHidden>
                  <Text size="xs" fw={date === now ? 700 : 400} aria-hidden="true">
                    {Number(date.slice(8))}
                  </Text>
                  <Stack gap={2}>
                    {entries.map((e) => (
                      <UnstyledButton
                        key={e.deadlineId}
                        className={classes.entry}
                        tabIndex={date === cursor ? 0 : -1}
                        onClick={(ev) => {
                          ev.stopPropagation();
                          onOpenDeadline(e.matterId, e.deadlineId);
                        }}
                        data-status={e.status === 'open' ? e.timeStatus : e.status}
                      >
                        <Text size="xs" lineClamp={2}>
                          <Badge
                            size="xs"
                            variant="light"
                            color={e.timeStatus ? STATUS_COLOR[e.timeStatus] : 'gray'}
                            mr={4}
                          >
                            {e.reference || '—'}
                          </Badge>
                          {e.title ?? t('dashboard.confidential')}
                          {e.status !== 'open' && ` (${t(`calendar.status.${e.status}`)})`}
                        </Text>
                      </UnstyledButton>
                    ))}
                  </Stack>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </Stack>
  );
}
