// Deadlines stored in a vault: what the engine computed (due moment, basis, rule id and version) with the
// status the user gives it, and an append-only history of events (extensions, fulfilment, waiver, reopen).
// "Due soon" and "overdue" are never stored: they come from the due instant and the clock (timeStatus).
import { z } from 'zod';
import { Id, IsoDate } from './common';
import {
  BasisStep,
  ClockTime,
  CountedPeriod,
  EndTime,
  Period,
  Recurrence,
  TimeZoneId,
  TriggerKind,
} from './deadline';

export const DEADLINE_KINDS = [
  'response',
  'report',
  'observations',
  'brief',
  'petition',
  'hearing_request',
  'hearing',
  'other',
] as const;
export const DeadlineKind = z.enum(DEADLINE_KINDS);

export const DEADLINE_STATUSES = ['open', 'fulfilled', 'waived'] as const;
export const DeadlineStatus = z.enum(DEADLINE_STATUSES);
export type DeadlineStatus = z.infer<typeof DeadlineStatus>;

export const TimeStatusValue = z.enum(['open', 'dueSoon', 'overdue']);

export const DEADLINE_EVENT_KINDS = [
  'created',
  'edited',
  'extension_requested',
  'extension_granted',
  'extension_denied',
  'fulfilled',
  'waived',
  'reopened',
] as const;
export const DeadlineEventKind = z.enum(DEADLINE_EVENT_KINDS);

const Title = z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong');
const Notes = z.string().max(20000, 'validation.tooLong');
const ShortNote = z.string().trim().max(2000, 'validation.tooLong');

export const DeadlineDue = z.object({
  date: IsoDate,
  endTime: z.string(),
  zone: z.string(),
  instant: z.string(),
});

export const DeadlineEvent = z.object({
  id: Id,
  kind: DeadlineEventKind,
  onDate: z.string(),
  previousDueDate: z.string().nullable(),
  newDueDate: z.string().nullable(),
  basis: z.array(BasisStep).nullable(),
  communicationId: z.string().nullable(),
  note: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type DeadlineEvent = z.infer<typeof DeadlineEvent>;

export const Deadline = z.object({
  id: Id,
  matterId: Id,
  /** The case's reference ("MC-1008-19"): what reminders, the calendar and .ics show. */
  matterReference: z.string(),
  /** True when the deadline's case is confidential and not revealed: title and notes are withheld. */
  withheld: z.boolean(),
  communicationId: z.string().nullable(),
  title: z.string(),
  kind: DeadlineKind,
  mode: z.enum(['rule', 'manual']),
  ruleId: z.string().nullable(),
  ruleVersion: z.number().int().nullable(),
  trigger: z
    .object({
      kind: TriggerKind,
      date: IsoDate,
      time: z.string().nullable(),
      zone: z.string().nullable(),
    })
    .nullable(),
  period: Period.nullable(),
  due: DeadlineDue,
  /** The due moment in the user's zone, when it reads differently there. */
  inUserZone: z.object({ zone: z.string(), date: z.string(), time: z.string() }).nullable(),
  basis: z.array(BasisStep),
  verify: z.boolean(),
  status: DeadlineStatus,
  timeStatus: TimeStatusValue,
  fulfilledBy: z.string().nullable(),
  fulfilledOn: z.string().nullable(),
  waivedReason: z.string().nullable(),
  recurrence: Recurrence.nullable(),
  previousId: z.string().nullable(),
  notes: z.string(),
  events: z.array(DeadlineEvent),
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Deadline = z.infer<typeof Deadline>;

/** How the due date is set: counted by a rule from a trigger, or typed by hand. */
export const DeadlineDateInput = z.discriminatedUnion('mode', [
  z
    .object({
      mode: z.literal('rule'),
      ruleId: z.string().min(1).max(64),
      trigger: z
        .object({
          kind: TriggerKind.optional(),
          date: IsoDate,
          time: ClockTime.optional(),
          zone: TimeZoneId.optional(),
        })
        .strict(),
      period: Period.optional(),
    })
    .strict(),
  z.object({ mode: z.literal('manual'), date: IsoDate, endTime: EndTime, zone: TimeZoneId }).strict(),
]);
export type DeadlineDateInput = z.infer<typeof DeadlineDateInput>;

export const DeadlineFields = z.object({
  title: Title,
  kind: DeadlineKind.default('response'),
  notes: Notes.default(''),
  recurrence: Recurrence.nullable().default(null),
});

export const CreateDeadlineInput = DeadlineFields.extend({
  matterId: Id,
  communicationId: Id.nullable().optional(),
  date: DeadlineDateInput,
});
export type CreateDeadlineInput = z.input<typeof CreateDeadlineInput>;

/** The form's live basis: the same date input, computed and never saved. */
export const PreviewDeadlineInput = z.object({
  date: DeadlineDateInput,
  /** The rule's calendar edits of this vault apply to the preview too. */
  userZone: TimeZoneId.optional(),
});

export const PreviewDeadlineResult = z.object({
  due: DeadlineDue,
  inUserZone: z.object({ zone: z.string(), date: z.string(), time: z.string() }).nullable(),
  basis: z.array(BasisStep),
  verify: z.boolean(),
});

export const UpdateDeadlineInput = z.object({
  id: Id,
  revision: z.number().int().positive(),
  fields: DeadlineFields,
});

export const ExtensionInput = z.discriminatedUnion('outcome', [
  z
    .object({
      id: Id,
      revision: z.number().int().positive(),
      outcome: z.literal('requested'),
      onDate: IsoDate,
      communicationId: Id.nullable().optional(),
      note: ShortNote.default(''),
    })
    .strict(),
  z
    .object({
      id: Id,
      revision: z.number().int().positive(),
      outcome: z.literal('granted'),
      onDate: IsoDate,
      /** The extra period counted from the due date in force, or the new date the forum set. */
      period: z.union([CountedPeriod, z.object({ unit: z.literal('date'), date: IsoDate }).strict()]),
      communicationId: Id.nullable().optional(),
      note: ShortNote.default(''),
    })
    .strict(),
  z
    .object({
      id: Id,
      revision: z.number().int().positive(),
      outcome: z.literal('denied'),
      onDate: IsoDate,
      communicationId: Id.nullable().optional(),
      note: ShortNote.default(''),
    })
    .strict(),
]);
export type ExtensionRequest = z.infer<typeof ExtensionInput>;

export const FulfilDeadlineInput = z
  .object({
    id: Id,
    revision: z.number().int().positive(),
    onDate: IsoDate,
    /** The communication (a sent reply) that fulfils it; absent when recorded by hand. */
    communicationId: Id.nullable().optional(),
    note: ShortNote.default(''),
  })
  .strict();

export const WaiveDeadlineInput = z
  .object({
    id: Id,
    revision: z.number().int().positive(),
    onDate: IsoDate,
    reason: z.string().trim().min(1, 'deadlines.error.reasonRequired').max(2000, 'validation.tooLong'),
  })
  .strict();

export const ReopenDeadlineInput = z
  .object({
    id: Id,
    revision: z.number().int().positive(),
    onDate: IsoDate,
    note: ShortNote.default(''),
  })
  .strict();

export const ListDeadlinesInput = z
  .object({
    matterId: Id.optional(),
    communicationId: Id.optional(),
    status: z.union([DeadlineStatus, z.literal('all')]).default('all'),
    /** Open deadlines due within N days from now (overdue ones included). */
    dueWithinDays: z.number().int().min(0).max(3660).optional(),
    overdue: z.boolean().optional(),
  })
  .strict();
export type ListDeadlinesInput = z.input<typeof ListDeadlinesInput>;

export const DeadlineList = z.object({
  items: z.array(Deadline),
  /** Deadlines of confidential cases shown by reference only (title and notes withheld). */
  hiddenConfidential: z.number().int(),
});

export const FulfilByReplyInput = z.object({ replyId: Id, answersId: Id, onDate: IsoDate });

export const SuggestInput = z.object({ text: z.string().max(500_000) });
export const PeriodSuggestion = z.object({
  amount: z.number().int(),
  unit: z.enum(['days', 'working-days', 'months']),
  phrase: z.string(),
  index: z.number().int(),
});
export type PeriodSuggestion = z.infer<typeof PeriodSuggestion>;

export const CALENDAR_EDIT_KINDS = ['closure', 'recess'] as const;
export const AddCalendarEditInput = z
  .object({
    /** The rule it applies to; null for every rule. */
    ruleId: z.string().min(1).max(64).nullable(),
    kind: z.enum(CALENDAR_EDIT_KINDS),
    from: IsoDate,
    to: IsoDate,
    name: z.string().trim().max(200, 'validation.tooLong').default(''),
  })
  .strict()
  .refine((c) => c.from <= c.to, { message: 'deadline.error.recessOrder', path: ['to'] });
export const CalendarEdit = z.object({
  id: Id,
  ruleId: z.string().nullable(),
  kind: z.enum(CALENDAR_EDIT_KINDS),
  from: z.string(),
  to: z.string(),
  name: z.string(),
  createdAt: z.string(),
});
export type CalendarEdit = z.infer<typeof CalendarEdit>;

export const ExportIcsInput = z.object({
  /** Open deadlines only (default) or every one, fulfilled and waived included. */
  include: z.enum(['open', 'all']).default('open'),
  lang: z.enum(['en', 'es']).optional(),
});
export const ExportIcsResult = z.object({ path: z.string().nullable(), events: z.number().int() });

export const REMINDER_KINDS = ['due_tomorrow', 'due_today', 'overdue'] as const;
export const DueReminder = z.object({
  deadlineId: Id,
  matterId: Id,
  kind: z.enum(REMINDER_KINDS),
  /** Names only the case's reference, never a title or a person. */
  text: z.string(),
});
export type DueReminder = z.infer<typeof DueReminder>;
export const DueRemindersInput = z.object({ lang: z.enum(['en', 'es']).optional() }).strict();

/** A reminder was clicked: the renderer opens this deadline (after unlock if locked). */
export const OpenDeadlineEvent = z.object({ deadlineId: Id, matterId: Id });

export const DeadlineRuleSummary = z.object({
  id: z.string(),
  version: z.number().int(),
  name: z.object({ en: z.string(), es: z.string() }),
  source: z.object({ en: z.string(), es: z.string() }),
  verify: z.boolean(),
  zone: z.string(),
  endTime: z.string(),
  trigger: TriggerKind,
  units: z.array(z.enum(['days', 'working-days', 'months'])),
  defaultPeriod: CountedPeriod.nullable(),
});

export const ChooseSaveFileInput = z
  .object({ purpose: z.literal('ics'), defaultName: z.string().trim().min(1).max(200) })
  .strict();
