// The deadline engine: trigger + period + counting rule → the forum's local due date, end time and zone,
// with every step of the count recorded so a lawyer can redo it by hand. Dates are Temporal PlainDates
// (temporal-polyfill); months are added by Temporal, never by hand.
import { Temporal } from 'temporal-polyfill';
import {
  ComputeRequest,
  ManualDeadline,
  Recurrence,
  type BasisStep,
  type ComputeResult,
  type DeadlineRule,
  type Period,
} from '../../../shared/schemas/deadline';
import { forumCalendar, type ForumCalendar } from './calendar';
import { presetRules, validationError, zodIssues } from './rules';

/** A count that finds no working day in this many days is refused rather than looping (all days closed). */
const MAX_SCAN_DAYS = 20_000;

type Rules = ReadonlyMap<string, DeadlineRule>;

export function computeDeadline(input: unknown, rules: Rules = presetRules()): ComputeResult {
  const parsed = ComputeRequest.safeParse(input);
  if (!parsed.success) throw validationError('The deadline request is not valid', zodIssues(parsed.error));
  const request = parsed.data;
  const rule = rules.get(request.ruleId);
  if (!rule)
    throw validationError(
      `Unknown counting rule "${request.ruleId}". Known rules: ${[...rules.keys()].join(', ')}`,
      [{ path: 'ruleId', message: 'deadline.error.unknownRule' }],
    );
  const period = resolvePeriod(rule, request.period);
  const calendar = forumCalendar(rule, { closures: request.closures, recess: request.recess });
  const steps: BasisStep[] = [
    {
      step: 'rule',
      ruleId: rule.id,
      version: rule.version,
      name: rule.name,
      source: rule.source.citation,
      ...(rule.source.url ? { url: rule.source.url } : {}),
    },
  ];
  if (rule.verify) steps.push(rule.note ? { step: 'verify', note: rule.note } : { step: 'verify' });

  const kind = request.trigger.kind ?? rule.trigger;
  const trigger = forumDay(request.trigger, rule.zone, steps);
  steps.push({ step: 'trigger', kind, date: trigger.toString() });

  let due =
    period.unit === 'date'
      ? fixedDue(period.date, trigger, rule, steps)
      : countedDue(period, trigger, rule, calendar, steps);
  due = settle(due, rule, calendar, steps);

  const result: ComputeResult = {
    ruleId: rule.id,
    ruleVersion: rule.version,
    verify: rule.verify,
    trigger: {
      kind,
      date: request.trigger.date,
      ...(request.trigger.time ? { time: request.trigger.time } : {}),
      ...(request.trigger.time ? { zone: request.trigger.zone ?? rule.zone } : {}),
    },
    period,
    ...finish(due, rule.endTime, rule.zone, request.userZone, steps),
    basis: mergeRecessSkips(steps),
  };
  return result;
}

/** A date typed by hand: no rule, only the forum's date, end time and zone. */
export function manualDeadline(input: unknown): ComputeResult {
  const parsed = ManualDeadline.safeParse(input);
  if (!parsed.success) throw validationError('The deadline is not valid', zodIssues(parsed.error));
  const { date, endTime, zone, userZone } = parsed.data;
  const steps: BasisStep[] = [{ step: 'manual', date }];
  return {
    ruleId: null,
    ruleVersion: null,
    verify: false,
    trigger: null,
    period: null,
    ...finish(Temporal.PlainDate.from(date), endTime, zone, userZone, steps),
    basis: steps,
  };
}

export interface NextOccurrenceInput {
  ruleId: string;
  recurrence: unknown;
  previousDue: string;
  fulfilledOn?: string;
  closures?: ComputeRequest['closures'];
  recess?: ComputeRequest['recess'];
  userZone?: string;
}

/** The next due date of a recurring duty ("the State reports every 2 months"), once one is fulfilled. */
export function nextOccurrence(input: NextOccurrenceInput, rules: Rules = presetRules()): ComputeResult {
  const parsed = Recurrence.safeParse(input.recurrence);
  if (!parsed.success)
    throw validationError('The recurrence is not valid', zodIssues(parsed.error, 'recurrence'));
  const { every, from } = parsed.data;
  const anchor = from === 'fulfilled' ? input.fulfilledOn : input.previousDue;
  if (anchor === undefined)
    throw validationError('A recurrence counted from fulfilment needs the date it was fulfilled', [
      { path: 'fulfilledOn', message: 'validation.required' },
    ]);
  const result = computeDeadline(
    {
      ruleId: input.ruleId,
      trigger: { kind: 'fixed', date: anchor },
      period: every,
      ...(input.closures ? { closures: input.closures } : {}),
      ...(input.recess ? { recess: input.recess } : {}),
      ...(input.userZone ? { userZone: input.userZone } : {}),
    },
    rules,
  );
  return { ...result, basis: [{ step: 'recurrence', every, from: anchor }, ...result.basis] };
}

export interface ExtensionInput {
  ruleId: string;
  /** The due date in force before this extension (the original, or the last extension's). */
  previousDue: string;
  /** The extra period granted, or the new date the forum set. */
  period: unknown;
  closures?: ComputeRequest['closures'];
  recess?: ComputeRequest['recess'];
  userZone?: string;
}

/**
 * A granted extension: the extra period counted under the same rule from the due date in force. The
 * result is a new entry for the deadline's history; the earlier computation is kept, never overwritten.
 */
export function extendDeadline(input: ExtensionInput, rules: Rules = presetRules()): ComputeResult {
  const result = computeDeadline(
    {
      ruleId: input.ruleId,
      trigger: { kind: 'fixed', date: input.previousDue },
      period: input.period,
      ...(input.closures ? { closures: input.closures } : {}),
      ...(input.recess ? { recess: input.recess } : {}),
      ...(input.userZone ? { userZone: input.userZone } : {}),
    },
    rules,
  );
  return { ...result, basis: [{ step: 'extension', from: input.previousDue }, ...result.basis] };
}

export type TimeStatus = 'open' | 'dueSoon' | 'overdue';

/** Where a due moment stands at `now`: overdue once its instant has passed, due soon within `soonHours`. */
export function timeStatus(
  due: Pick<ComputeResult['due'], 'instant'>,
  now: Date,
  soonHours = 72,
): TimeStatus {
  const left = Temporal.Instant.from(due.instant).epochMilliseconds - now.getTime();
  if (left <= 0) return 'overdue';
  return left <= soonHours * 3_600_000 ? 'dueSoon' : 'open';
}

function resolvePeriod(rule: DeadlineRule, given: Period | undefined): Period {
  const period = given ?? rule.period.default;
  if (!period)
    throw validationError(
      `The rule "${rule.id}" has no period of its own: give the period set by the order or note`,
      [{ path: 'period', message: 'deadline.error.periodRequired' }],
    );
  if (period.unit !== 'date' && !rule.period.units.includes(period.unit))
    throw validationError(`The rule "${rule.id}" does not count in ${period.unit}`, [
      { path: 'period.unit', message: 'deadline.error.unitNotAllowed' },
    ]);
  return period;
}

/** The trigger as a day of the forum: a notice at 23:30 in Mexico City is already the next day in Washington. */
function forumDay(
  trigger: ComputeRequest['trigger'],
  forumZone: string,
  steps: BasisStep[],
): Temporal.PlainDate {
  const date = Temporal.PlainDate.from(trigger.date);
  if (!trigger.time) return date;
  const givenZone = trigger.zone ?? forumZone;
  const given = date.toPlainDateTime(Temporal.PlainTime.from(trigger.time)).toZonedDateTime(givenZone);
  const local = given.withTimeZone(forumZone).toPlainDateTime();
  if (givenZone !== forumZone)
    steps.push({
      step: 'triggerShift',
      given: given.toPlainDateTime().toString({ smallestUnit: 'minute' }),
      givenZone,
      local: local.toString({ smallestUnit: 'minute' }),
      zone: forumZone,
    });
  return local.toPlainDate();
}

function fixedDue(date: string, trigger: Temporal.PlainDate, rule: DeadlineRule, steps: BasisStep[]) {
  const due = Temporal.PlainDate.from(date);
  const backward = rule.counting.direction === 'backward';
  const wrongSide = backward
    ? Temporal.PlainDate.compare(due, trigger) > 0
    : Temporal.PlainDate.compare(due, trigger) < 0;
  if (wrongSide)
    throw validationError(`The date ${date} is on the wrong side of the trigger ${trigger.toString()}`, [
      {
        path: 'period.date',
        message: backward ? 'deadline.error.dateAfterEvent' : 'deadline.error.dateBeforeTrigger',
      },
    ]);
  steps.push({ step: 'fixedDate', date });
  return due;
}

function countedDue(
  period: Extract<Period, { amount: number }>,
  trigger: Temporal.PlainDate,
  rule: DeadlineRule,
  calendar: ForumCalendar,
  steps: BasisStep[],
): Temporal.PlainDate {
  const direction = rule.counting.direction;
  const sign = direction === 'backward' ? -1 : 1;
  const step = (d: Temporal.PlainDate, n = 1) => d.add({ days: sign * n });

  let first = step(trigger);
  if (rule.counting.start === 'next-working-day') first = passNonWorking(first, sign, calendar, steps);
  steps.push({ step: 'countStart', date: first.toString(), start: rule.counting.start, direction });

  if (period.unit === 'months') {
    const anchor = step(first, -1);
    const result = anchor.add({ months: sign * period.amount });
    steps.push({
      step: 'months',
      amount: period.amount,
      anchor: anchor.toString(),
      result: result.toString(),
      direction,
      ...(result.day !== anchor.day ? { constrainedFrom: anchor.day } : {}),
    });
    return result;
  }

  const working = period.unit === 'working-days' || rule.counting.days === 'working';
  if (!working) {
    const last = step(first, period.amount - 1);
    steps.push({
      step: 'count',
      unit: 'calendar-days',
      amount: period.amount,
      first: first.toString(),
      last: last.toString(),
      direction,
    });
    return last;
  }
  let day = passNonWorking(first, sign, calendar, steps);
  const firstWorking = day;
  for (let counted = 1; counted < period.amount; counted++)
    day = passNonWorking(step(day), sign, calendar, steps);
  steps.push({
    step: 'count',
    unit: 'working-days',
    amount: period.amount,
    first: firstWorking.toString(),
    last: day.toString(),
    direction,
  });
  return day;
}

/** The first working day from `day` on (in the count's direction), recording each day passed over. */
function passNonWorking(day: Temporal.PlainDate, sign: number, calendar: ForumCalendar, steps: BasisStep[]) {
  for (let scanned = 0; scanned < MAX_SCAN_DAYS; scanned++) {
    const closed = calendar.nonWorking(day);
    if (!closed) return day;
    steps.push({
      step: 'skip',
      date: day.toString(),
      reason: closed.reason,
      ...(closed.name ? { name: closed.name } : {}),
    });
    day = day.add({ days: sign });
  }
  throw validationError('No working day found: the calendar closes every day', [
    { path: 'calendar', message: 'deadline.error.noWorkingDays' },
  ]);
}

/** Roll-forward (or back) off non-working days and, where the rule says so, out of a recess. */
function settle(due: Temporal.PlainDate, rule: DeadlineRule, calendar: ForumCalendar, steps: BasisStep[]) {
  for (let round = 0; round < 50; round++) {
    if (rule.roll !== 'none' && calendar.nonWorking(due)) {
      const sign = rule.roll === 'previous-working-day' ? -1 : 1;
      const moved = passNonWorking(due, sign, calendar, steps);
      steps.push({ step: 'roll', from: due.toString(), to: moved.toString(), direction: rule.roll });
      due = moved;
      continue;
    }
    const recess = calendar.recessOn(due);
    if (recess && rule.recess.handling === 'extend-after' && rule.counting.direction === 'forward') {
      const after = passNonWorking(Temporal.PlainDate.from(recess.to).add({ days: 1 }), 1, calendar, steps);
      steps.push({
        step: 'recessExtension',
        from: due.toString(),
        recessFrom: recess.from,
        recessTo: recess.to,
        to: after.toString(),
      });
      due = after;
      continue;
    }
    if (recess && rule.recess.handling === 'ignore')
      steps.push({
        step: 'recessIgnored',
        date: due.toString(),
        recessFrom: recess.from,
        recessTo: recess.to,
      });
    return due;
  }
  throw validationError('The calendar keeps moving the limit: check the recess and closure dates', [
    { path: 'recess', message: 'deadline.error.noWorkingDays' },
  ]);
}

/** The due moment: the forum's date and end time in its zone, in UTC, and in the user's zone if it reads differently. */
function finish(
  due: Temporal.PlainDate,
  endTime: string,
  zone: string,
  userZone: string | undefined,
  steps: BasisStep[],
): Pick<ComputeResult, 'due' | 'inUserZone'> {
  const moment =
    endTime === '24:00'
      ? due.add({ days: 1 }).toZonedDateTime({ timeZone: zone })
      : due.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(endTime) });
  steps.push({ step: 'expires', date: due.toString(), endTime, zone });
  const out: Pick<ComputeResult, 'due' | 'inUserZone'> = {
    due: {
      date: due.toString(),
      endTime,
      zone,
      instant: moment.toInstant().toString({ smallestUnit: 'second' }),
    },
  };
  if (userZone && userZone !== zone) {
    const there = wallClock(moment.withTimeZone(userZone));
    if (there.date !== due.toString() || there.time !== endTime) {
      out.inUserZone = { zone: userZone, ...there };
      steps.push({ step: 'userZone', zone: userZone, dateTime: `${there.date}T${there.time}` });
    }
  }
  return out;
}

/** Midnight reads as 24:00 of the day before, the way limits are written. */
function wallClock(moment: Temporal.ZonedDateTime): { date: string; time: string } {
  const time = moment.toPlainTime();
  if (time.hour === 0 && time.minute === 0)
    return { date: moment.toPlainDate().subtract({ days: 1 }).toString(), time: '24:00' };
  return { date: moment.toPlainDate().toString(), time: time.toString({ smallestUnit: 'minute' }) };
}

/** Consecutive recess days in a working-day count read better as one line. */
function mergeRecessSkips(steps: BasisStep[]): BasisStep[] {
  const out: BasisStep[] = [];
  for (const step of steps) {
    const last = out.at(-1);
    if (step.step === 'skip' && step.reason === 'recess' && last) {
      const lastEnd =
        last.step === 'skipRange'
          ? last.to
          : last.step === 'skip' && last.reason === 'recess'
            ? last.date
            : undefined;
      if (lastEnd && Temporal.PlainDate.from(lastEnd).add({ days: 1 }).toString() === step.date) {
        const from = last.step === 'skipRange' ? last.from : lastEnd;
        out[out.length - 1] = { step: 'skipRange', from, to: step.date, reason: 'recess' };
        continue;
      }
    }
    out.push(step);
  }
  return out;
}
