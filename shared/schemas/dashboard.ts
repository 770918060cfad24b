// The dashboard after unlock, a case's overview figures and the calendar: read-only views over the
// follow-up tables. Confidential matters (and confidential records) come by reference only until revealed:
// `title` and `subject` are then null and `masked` is true.
import { z } from 'zod';
import { Id, IsoDate } from './common';
import { TimeZoneId } from './deadline';
import { MatterType } from './matter';

/** Where the dashboard is looked at from: the user's zone (weeks and months end there) and week start. */
export const ViewerInput = {
  zone: TimeZoneId.optional(),
  /** 0 = Sunday … 6 = Saturday, as the UI locale counts weeks (es-MX and en-US: Sunday). */
  weekStartsOn: z.number().int().min(0).max(6).optional(),
};

export const DashboardInput = z.object(ViewerInput).strict();
export type DashboardInput = z.infer<typeof DashboardInput>;

export const TIME_STATUSES = ['open', 'dueSoon', 'overdue'] as const;

export const DueMoment = z.object({
  date: IsoDate,
  endTime: z.string(),
  zone: z.string(),
  instant: z.string(),
  /** The same moment as the user's clock reads it, when it reads differently. */
  inUserZone: z.object({ zone: z.string(), date: IsoDate, time: z.string() }).optional(),
});
export type DueMoment = z.infer<typeof DueMoment>;

export const SourceCommunication = z.object({
  id: Id,
  kind: z.string(),
  direction: z.enum(['received', 'sent']),
  occurredOn: IsoDate,
  subject: z.string().nullable(),
});

export const DashboardDeadline = z.object({
  deadlineId: Id,
  matterId: Id,
  reference: z.string(),
  matterTitle: z.string().nullable(),
  title: z.string().nullable(),
  masked: z.boolean(),
  kind: z.string(),
  status: z.enum(['open', 'fulfilled', 'waived']),
  timeStatus: z.enum(TIME_STATUSES).nullable(),
  verify: z.boolean(),
  due: DueMoment,
  communication: SourceCommunication.nullable(),
});
export type DashboardDeadline = z.infer<typeof DashboardDeadline>;

const Section = z.object({ items: z.array(DashboardDeadline), total: z.number().int() });

export const InactivityAlert = z.object({
  matterId: Id,
  reference: z.string(),
  matterTitle: z.string().nullable(),
  masked: z.boolean(),
  matterType: MatterType,
  /** The last sent communication, or null when none was ever sent (then counted from the opening date). */
  lastSentOn: IsoDate.nullable(),
  since: IsoDate,
  months: z.number().int(),
});
export type InactivityAlert = z.infer<typeof InactivityAlert>;

export const WeekCount = z.object({ weekStart: IsoDate, count: z.number().int() });

export const Dashboard = z.object({
  /** The user's today and the boundaries used, so the screen labels what it shows. */
  today: IsoDate,
  zone: z.string(),
  weekEnd: IsoDate,
  monthEnd: IsoDate,
  overdue: Section,
  thisWeek: Section,
  thisMonth: Section,
  inactivity: z.object({ items: z.array(InactivityAlert), total: z.number().int() }),
  perWeek: z.array(WeekCount),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const CaseDashboardInput = z.object({ matterId: Id, ...ViewerInput }).strict();

export const UnansweredRequest = z.object({
  id: Id,
  occurredOn: IsoDate,
  notifiedOn: IsoDate.nullable(),
  reference: z.string(),
  noteNumber: z.string(),
  subject: z.string().nullable(),
  masked: z.boolean(),
  deadline: z.object({ id: Id, due: DueMoment, timeStatus: z.enum(TIME_STATUSES) }).nullable(),
});
export type UnansweredRequest = z.infer<typeof UnansweredRequest>;

export const CaseDashboard = z.object({
  nextDeadlines: z.array(DashboardDeadline),
  unanswered: z.array(UnansweredRequest),
  /** Incidents per month (YYYY-MM), gaps filled with zero; facts dated only by year are counted apart. */
  incidentsPerMonth: z.array(z.object({ month: z.string(), count: z.number().int() })),
  incidentsYearOnly: z.number().int(),
  /** Each measure kind with how many measures stand in each current status. */
  measuresByKind: z.array(z.object({ kind: z.string(), counts: z.record(z.string(), z.number().int()) })),
  measuresByStatus: z.array(z.object({ status: z.string(), count: z.number().int() })),
  hiddenConfidential: z.number().int(),
});
export type CaseDashboard = z.infer<typeof CaseDashboard>;

/** Calendar ranges are at most a few weeks (a month view shows six). */
export const CALENDAR_MAX_DAYS = 100;

export const CalendarRangeInput = z
  .object({ from: IsoDate, to: IsoDate, ...ViewerInput })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'validation.invalid', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= CALENDAR_MAX_DAYS * 86_400_000, {
    message: 'validation.invalid',
    path: ['to'],
  });

/** One entry of the calendar; hearings will be another member of this union. */
export const CalendarEntry = z.discriminatedUnion('type', [
  DashboardDeadline.extend({ type: z.literal('deadline') }),
]);
export type CalendarEntry = z.infer<typeof CalendarEntry>;

export const CalendarRange = z.object({ entries: z.array(CalendarEntry), zone: z.string() });
export type CalendarRange = z.infer<typeof CalendarRange>;
