// The deadline engine's data: a counting rule (a preset from resources/deadline-rules or a user's edited
// copy), a computation request, and its result with the calculation basis as structured steps that the
// app and the command line render in the user's language (i18n block `deadline.basis`).
import { z } from 'zod';
import { IsoDate } from './common';

/** A time of day as forums write limits: HH:MM, or 24:00 for "until the end of the day". */
export const EndTime = z.string().regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'deadline.error.endTime');

export const ClockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'deadline.error.time');

/** An IANA time zone the runtime knows (America/Costa_Rica, America/New_York…). */
export const TimeZoneId = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return /\//.test(zone) || zone === 'UTC';
    } catch {
      return false;
    }
  }, 'deadline.error.zone');

const Text = z.string().trim().min(1).max(500);
export const LocalizedText = z.object({ en: Text, es: Text }).strict();
export type LocalizedText = z.infer<typeof LocalizedText>;

/** A date closed on top of the holiday library: YYYY-MM-DD once, or MM-DD every year (from `since`). */
export const ExtraClosure = z
  .object({
    date: z.string().regex(/^(?:\d{4}-)?\d{2}-\d{2}$/, 'deadline.error.closureDate'),
    name: LocalizedText,
    since: z.number().int().min(1900).max(2200).optional(),
  })
  .strict()
  .refine((c) => isRealMonthDay(c.date), { message: 'deadline.error.closureDate', path: ['date'] });

function isRealMonthDay(value: string): boolean {
  const full = value.length === 5 ? `2024-${value}` : value; // 2024 is a leap year: 02-29 is real
  return IsoDate.safeParse(full).success;
}

export const RecessPeriod = z
  .object({ from: IsoDate, to: IsoDate, name: LocalizedText.optional() })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'deadline.error.recessOrder', path: ['to'] });
export type RecessPeriod = z.infer<typeof RecessPeriod>;

export const PERIOD_UNITS = ['days', 'working-days', 'months'] as const;
export const PeriodUnit = z.enum(PERIOD_UNITS);
export type PeriodUnit = z.infer<typeof PeriodUnit>;

/** Upper bounds that catch a typo (10000 days) without refusing any real procedural period. */
export const PERIOD_MAX: Record<PeriodUnit, number> = { days: 3660, 'working-days': 2500, months: 120 };

export const CountedPeriod = z
  .object({
    unit: PeriodUnit,
    amount: z.number({ error: 'deadline.error.periodWhole' }).int('deadline.error.periodWhole'),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.amount < 1)
      ctx.addIssue({ code: 'custom', message: 'deadline.error.periodPositive', path: ['amount'] });
    else if (p.amount > PERIOD_MAX[p.unit])
      ctx.addIssue({ code: 'custom', message: 'deadline.error.periodTooLong', path: ['amount'] });
  });
export const FixedPeriod = z.object({ unit: z.literal('date'), date: IsoDate }).strict();
export const Period = z.discriminatedUnion('unit', [CountedPeriod, FixedPeriod]);
export type Period = z.infer<typeof Period>;

export const TRIGGER_KINDS = ['notification', 'decision', 'fixed'] as const;
export const TriggerKind = z.enum(TRIGGER_KINDS);
export type TriggerKind = z.infer<typeof TriggerKind>;

export const DeadlineRule = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'deadline.error.ruleId'),
    version: z.number().int().min(1),
    name: LocalizedText,
    source: z.object({ citation: LocalizedText, url: z.url().optional() }).strict(),
    /** True where the counting details come from a secondary source or practice: the UI says "verify". */
    verify: z.boolean(),
    note: LocalizedText.optional(),
    trigger: TriggerKind,
    counting: z
      .object({
        /** What a plain "N days" means under this rule. */
        days: z.enum(['calendar', 'working']),
        /** Which day is day 1: the day after the trigger, or the first working day after it. */
        start: z.enum(['next-day', 'next-working-day']),
        /** Backward rules count from a future event (a period of sessions) to the last day to act. */
        direction: z.enum(['forward', 'backward']),
      })
      .strict(),
    /** Where a limit ending on a non-working day goes. */
    roll: z.enum(['next-working-day', 'previous-working-day', 'none']),
    calendar: z
      .object({
        /** ISO weekdays that are never working days (6 = Saturday, 7 = Sunday). */
        weekend: z.array(z.number().int().min(1).max(7)).max(6, 'deadline.error.noWorkingDays'),
        /** Holidays from the date-holidays library: country, optional state, and which types count. */
        holidays: z
          .object({
            country: z.string().regex(/^[A-Z]{2}$/, 'deadline.error.country'),
            state: z
              .string()
              .regex(/^[A-Z0-9]{1,3}$/)
              .optional(),
            types: z.array(z.enum(['public', 'bank', 'school', 'optional', 'observance'])).min(1),
          })
          .strict()
          .nullable(),
        extra: z.array(ExtraClosure).max(400),
      })
      .strict(),
    endTime: EndTime,
    zone: TimeZoneId,
    recess: z
      .object({
        /**
         * extend-after: a limit ending inside a recess may be met on the first working day after it;
         * non-working: recess days are non-working days; ignore: the recess changes nothing.
         */
        handling: z.enum(['extend-after', 'non-working', 'ignore']),
        periods: z.array(RecessPeriod).max(200),
      })
      .strict(),
    period: z
      .object({
        /** False where each order or note sets the period: the request must give it. */
        default: CountedPeriod.optional(),
        units: z.array(PeriodUnit).min(1),
      })
      .strict(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (new Set(rule.calendar.weekend).size === 7)
      ctx.addIssue({
        code: 'custom',
        message: 'deadline.error.noWorkingDays',
        path: ['calendar', 'weekend'],
      });
    if (rule.period.default && !rule.period.units.includes(rule.period.default.unit))
      ctx.addIssue({ code: 'custom', message: 'deadline.error.defaultUnit', path: ['period', 'default'] });
  });
export type DeadlineRule = z.infer<typeof DeadlineRule>;

/** Holiday calendars and time-zone rules are meaningful for this span; outside it a year is a typo. */
const PlausibleDate = IsoDate.refine(
  (d) => d >= '1900-01-01' && d <= '2199-12-31',
  'deadline.error.yearRange',
);

export const Trigger = z
  .object({
    kind: TriggerKind.optional(),
    date: PlausibleDate,
    /** The time the notice arrived, in `zone` (default the rule's zone): it can fall on another forum day. */
    time: ClockTime.optional(),
    zone: TimeZoneId.optional(),
  })
  .strict()
  .refine((t) => t.zone === undefined || t.time !== undefined, {
    message: 'deadline.error.zoneWithoutTime',
    path: ['zone'],
  });

export const Closure = z.object({ date: IsoDate, name: LocalizedText }).strict();

export const ComputeRequest = z
  .object({
    ruleId: z.string().min(1).max(64),
    trigger: Trigger,
    period: Period.optional(),
    /** The vault's own closures for this forum (a strike, a closed registry), on top of the rule's. */
    closures: z.array(Closure).max(400).optional(),
    /** Recess periods for this forum on top of the rule's (the Court publishes them each year). */
    recess: z.array(RecessPeriod).max(200).optional(),
    /** The user's own zone: the result also gives the due moment there when it differs. */
    userZone: TimeZoneId.optional(),
  })
  .strict();
export type ComputeRequest = z.infer<typeof ComputeRequest>;

/** Why a day does not count as a working day. */
export const SkipReason = z.enum(['weekend', 'holiday', 'closure', 'recess']);
export type SkipReason = z.infer<typeof SkipReason>;

export const BasisStep = z.discriminatedUnion('step', [
  z.object({
    step: z.literal('rule'),
    ruleId: z.string(),
    version: z.number(),
    name: LocalizedText,
    source: LocalizedText,
    url: z.string().optional(),
  }),
  z.object({ step: z.literal('verify'), note: LocalizedText.optional() }),
  z.object({ step: z.literal('manual'), date: IsoDate }),
  z.object({
    step: z.literal('triggerShift'),
    given: z.string(),
    givenZone: z.string(),
    local: z.string(),
    zone: z.string(),
  }),
  z.object({ step: z.literal('trigger'), kind: TriggerKind, date: IsoDate }),
  z.object({
    step: z.literal('skip'),
    date: IsoDate,
    reason: SkipReason,
    name: LocalizedText.optional(),
  }),
  z.object({ step: z.literal('skipRange'), from: IsoDate, to: IsoDate, reason: SkipReason }),
  z.object({
    step: z.literal('countStart'),
    date: IsoDate,
    start: z.enum(['next-day', 'next-working-day']),
    direction: z.enum(['forward', 'backward']),
  }),
  z.object({
    step: z.literal('count'),
    unit: z.enum(['calendar-days', 'working-days']),
    amount: z.number(),
    first: IsoDate,
    last: IsoDate,
    direction: z.enum(['forward', 'backward']),
  }),
  z.object({
    step: z.literal('months'),
    amount: z.number(),
    anchor: IsoDate,
    result: IsoDate,
    /** Set when the anchor's day number does not exist in the target month (31 January + 1 month). */
    constrainedFrom: z.number().optional(),
    direction: z.enum(['forward', 'backward']),
  }),
  z.object({ step: z.literal('fixedDate'), date: IsoDate }),
  z.object({
    step: z.literal('roll'),
    from: IsoDate,
    to: IsoDate,
    direction: z.enum(['next-working-day', 'previous-working-day']),
  }),
  z.object({
    step: z.literal('recessExtension'),
    from: IsoDate,
    recessFrom: IsoDate,
    recessTo: IsoDate,
    to: IsoDate,
  }),
  z.object({ step: z.literal('recessIgnored'), date: IsoDate, recessFrom: IsoDate, recessTo: IsoDate }),
  z.object({ step: z.literal('expires'), date: IsoDate, endTime: z.string(), zone: z.string() }),
  z.object({ step: z.literal('userZone'), zone: z.string(), dateTime: z.string() }),
  z.object({ step: z.literal('recurrence'), every: CountedPeriod, from: IsoDate }),
  z.object({ step: z.literal('extension'), from: IsoDate }),
]);
export type BasisStep = z.infer<typeof BasisStep>;

export const ComputeResult = z.object({
  ruleId: z.string().nullable(),
  ruleVersion: z.number().nullable(),
  verify: z.boolean(),
  trigger: z
    .object({ kind: TriggerKind, date: IsoDate, time: ClockTime.optional(), zone: z.string().optional() })
    .nullable(),
  period: Period.nullable(),
  due: z.object({
    /** The forum's local date, end time and zone: what is stored and what the forum counts. */
    date: IsoDate,
    endTime: z.string(),
    zone: z.string(),
    /** The same moment in UTC (ISO 8601), for sorting and reminders. */
    instant: z.string(),
  }),
  /** The due moment in the user's zone, only when it differs from the forum's. */
  inUserZone: z.object({ zone: z.string(), date: IsoDate, time: z.string() }).optional(),
  basis: z.array(BasisStep),
});
export type ComputeResult = z.infer<typeof ComputeResult>;

export const Recurrence = z
  .object({
    every: CountedPeriod,
    /** Whether the next one counts from the previous due date or from the day it was fulfilled. */
    from: z.enum(['due', 'fulfilled']),
  })
  .strict();
export type Recurrence = z.infer<typeof Recurrence>;

export const ManualDeadline = z
  .object({ date: IsoDate, endTime: EndTime, zone: TimeZoneId, userZone: TimeZoneId.optional() })
  .strict();
export type ManualDeadline = z.infer<typeof ManualDeadline>;
