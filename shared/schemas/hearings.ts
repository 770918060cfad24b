// Hearings and working meetings of a case (IACHR Arts. 61–69, Court hearings, meetings with the State or the
// Mechanism): the record, participants, the speaking plan, chronology, exhibits, expected questions, the
// binder generated through a redaction profile, and the hearing-day view's data.
import { z } from 'zod';
import { Classification } from './classification';
import { Id, IsoDate } from './common';
import { ClockTime, TimeZoneId } from './deadline';
import {
  GeneratedFileFacts,
  GeneratedFileOutput,
  GeneratedFileStamp,
  OutPath,
  ProfileChoice,
} from './generated-file';

export const HEARING_KINDS = ['public_hearing', 'working_meeting', 'court_hearing', 'state_meeting'] as const;
export const HearingKind = z.enum(HEARING_KINDS);
export type HearingKind = z.infer<typeof HearingKind>;

export const HEARING_STATUSES = ['requested', 'granted', 'denied', 'scheduled', 'held', 'cancelled'] as const;
export const HearingStatus = z.enum(HEARING_STATUSES);
export type HearingStatus = z.infer<typeof HearingStatus>;

export const PARTICIPANT_SIDES = ['ours', 'state', 'bench'] as const;
export const ParticipantSide = z.enum(PARTICIPANT_SIDES);
export type ParticipantSide = z.infer<typeof ParticipantSide>;

export const PRESENCES = ['on_camera', 'voice_only', 'not_present'] as const;
export const Presence = z.enum(PRESENCES);
export type Presence = z.infer<typeof Presence>;

const Text = (max: number) => z.string().trim().max(max, 'validation.tooLong');
const Minutes = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);
/** A turn's length: at most four hours, in seconds. */
export const TurnSeconds = z
  .number()
  .int()
  .min(0)
  .max(4 * 3600);

export const HearingFields = z.object({
  kind: HearingKind,
  title: z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
  /** The binder's language. */
  lang: z.enum(['es', 'en']),
  forum: Text(200).default(''),
  sessionPeriod: Text(200).default(''),
  /** First day of the period of sessions: the request window (a deadline) is counted back from it. */
  sessionsStartOn: IsoDate.nullable().default(null),
  /** The hearing's local date, start time and IANA zone; the date makes a "hearing" deadline. */
  heldOn: IsoDate.nullable().default(null),
  startTime: ClockTime.nullable().default(null),
  zone: TimeZoneId.default('America/New_York'),
  /** A place or a video link, stored as text and never opened. */
  place: Text(1000).default(''),
  status: HearingStatus.default('requested'),
  requestedOn: IsoDate.nullable().default(null),
  totalMinutes: Minutes.nullable().default(null),
  ourMinutes: Minutes.nullable().default(null),
  sharingNote: Text(2000).default(''),
  /** The three key asks (fewer while drafting). */
  keyAsks: z.array(Text(1000)).max(3).default([]),
  classification: Classification.default('restricted'),
});
export type HearingFields = z.infer<typeof HearingFields>;
export type HearingFieldsInput = z.input<typeof HearingFields>;

export const ParticipantFields = z
  .object({
    side: ParticipantSide,
    /** One of the case's people (our side): shown by pseudonym, never by a typed name. */
    personId: Id.nullable().default(null),
    /** The State's delegates and the bench, by name and post; empty when personId is set. */
    name: Text(300).default(''),
    role: Text(200).default(''),
    presence: Presence.default('on_camera'),
  })
  .refine((p) => p.personId === null || p.name === '', {
    message: 'hearingCore.error.personNamed',
    path: ['name'],
  })
  .refine((p) => p.personId !== null || p.name !== '', {
    message: 'validation.required',
    path: ['name'],
  });
export type ParticipantFields = z.infer<typeof ParticipantFields>;

export const TurnFields = z.object({
  participantId: Id.nullable().default(null),
  topic: Text(500).default(''),
  seconds: TurnSeconds,
  talkingPoints: Text(20000).default(''),
});
export type TurnFields = z.infer<typeof TurnFields>;

export const QuestionFields = z.object({
  question: z.string().trim().min(1, 'validation.required').max(5000, 'validation.tooLong'),
  answer: Text(20000).default(''),
  answererId: Id.nullable().default(null),
});
export type QuestionFields = z.infer<typeof QuestionFields>;

const RecordMeta = {
  id: Id,
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const HearingParticipant = z.object({
  ...RecordMeta,
  hearingId: Id,
  side: ParticipantSide,
  personId: Id.nullable(),
  name: z.string(),
  role: z.string(),
  presence: Presence,
  position: z.number().int(),
  /** What the planning screen shows: the person's pseudonym, or the typed name. */
  label: z.string(),
});
export type HearingParticipant = z.infer<typeof HearingParticipant>;

export const HearingTurn = z.object({
  ...RecordMeta,
  hearingId: Id,
  position: z.number().int(),
  participantId: Id.nullable(),
  topic: z.string(),
  seconds: z.number().int(),
  talkingPoints: z.string(),
  /** Seconds from the start of our share at which this turn begins. */
  startOffset: z.number().int(),
});
export type HearingTurn = z.infer<typeof HearingTurn>;

export const HearingQuestion = z.object({
  ...RecordMeta,
  hearingId: Id,
  position: z.number().int(),
  question: z.string(),
  answer: z.string(),
  answererId: Id.nullable(),
});
export type HearingQuestion = z.infer<typeof HearingQuestion>;

export const ChronologyEntry = z.object({
  incidentId: Id,
  position: z.number().int(),
  occurredOn: z.string(),
  /** Null while the incident is confidential and not revealed, or in Deleted items. */
  title: z.string().nullable(),
});
export type ChronologyEntry = z.infer<typeof ChronologyEntry>;

export const HearingExhibit = z.object({
  evidenceId: Id,
  position: z.number().int(),
  /** The item's number in this hearing's exhibit list (given once, never redone). */
  number: z.number().int(),
  /** Null while the item is confidential and not revealed, or in Deleted items. */
  title: z.string().nullable(),
  /** The SHA-256 of the original bytes taken at intake. */
  sha256: z.string(),
});
export type HearingExhibit = z.infer<typeof HearingExhibit>;

/** Our share against the sum of the turns, in seconds; over > 0 when the plan runs over. */
export const TimePlanSummary = z.object({
  plannedSeconds: z.number().int(),
  shareSeconds: z.number().int().nullable(),
  /** plannedSeconds − shareSeconds: positive = over, negative = time left; null without a share. */
  differenceSeconds: z.number().int().nullable(),
  status: z.enum(['no_share', 'under', 'exact', 'over']),
});
export type TimePlanSummary = z.infer<typeof TimePlanSummary>;

export const HearingLinkedDeadline = z.object({
  id: Id,
  kind: z.enum(['hearing_request', 'hearing']),
  dueDate: z.string(),
  status: z.string(),
});

export const HearingSummary = HearingFields.extend({
  id: Id,
  matterId: Id,
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  outcomeCommunicationId: Id.nullable(),
  exhibitList: z.string(),
  plan: TimePlanSummary,
});
export type HearingSummary = z.infer<typeof HearingSummary>;

export const Hearing = HearingSummary.extend({
  participants: z.array(HearingParticipant),
  turns: z.array(HearingTurn),
  chronology: z.array(ChronologyEntry),
  exhibits: z.array(HearingExhibit),
  questions: z.array(HearingQuestion),
  deadlines: z.array(HearingLinkedDeadline),
});
export type Hearing = z.infer<typeof Hearing>;

// --- inputs ---
export const HearingIdInput = z.object({ id: Id });
export const ListHearingsInput = z.object({ matterId: Id });
export const CreateHearingInput = z.object({ matterId: Id, fields: HearingFields });
export type CreateHearingInput = z.input<typeof CreateHearingInput>;
export const UpdateHearingInput = z.object({
  id: Id,
  revision: z.number().int().positive(),
  fields: HearingFields,
});
export type UpdateHearingInput = z.input<typeof UpdateHearingInput>;

export const AddParticipantInput = z.object({ hearingId: Id, fields: ParticipantFields });
export const UpdateParticipantInput = z.object({
  id: Id,
  revision: z.number().int().positive(),
  fields: ParticipantFields,
});
export const AddTurnInput = z.object({ hearingId: Id, fields: TurnFields });
export const UpdateTurnInput = z.object({
  id: Id,
  revision: z.number().int().positive(),
  fields: TurnFields,
});
export const AddQuestionInput = z.object({ hearingId: Id, fields: QuestionFields });
export const UpdateQuestionInput = z.object({
  id: Id,
  revision: z.number().int().positive(),
  fields: QuestionFields,
});
export const PartIdInput = z.object({ id: Id });
/** Moves a turn, a question or a participant to a position (0 = first) among its hearing's. */
export const MovePartInput = z.object({ id: Id, toIndex: z.number().int().min(0).max(10_000) });
/** The whole ordered pick: what is listed is kept in this order, what is not is removed. */
export const SetChronologyInput = z.object({ hearingId: Id, incidentIds: z.array(Id).max(2000) });
export const SetExhibitsInput = z.object({ hearingId: Id, evidenceIds: z.array(Id).max(2000) });

/** "Record the outcome": a communication of the case linked to the hearing (status moves to held). */
export const RecordOutcomeInput = z.object({
  hearingId: Id,
  revision: z.number().int().positive(),
  occurredOn: IsoDate,
  subject: z.string().trim().min(1, 'validation.required').max(500, 'validation.tooLong'),
  body: Text(100_000).default(''),
  counterpart: z
    .enum(['commission', 'state', 'court', 'beneficiary', 'co_counsel', 'national_authority', 'other'])
    .default('commission'),
  /** The hearing's status after it: held (default) or cancelled. */
  status: z.enum(['held', 'cancelled']).default('held'),
});
export type RecordOutcomeInput = z.input<typeof RecordOutcomeInput>;

export const GenerateBinderInput = z.object({
  hearingId: Id,
  /** A profile id or a built-in profile's name ('co_counsel'). */
  profile: ProfileChoice,
  format: z.enum(['pdf', 'docx']).default('pdf'),
  outPath: OutPath,
  overwrite: z.boolean().default(false),
  /** Lets hearings:cancelBinder stop it (no partial file is left). */
  operationId: Id.optional(),
  /** The date printed on the cover (default: today). */
  date: IsoDate.optional(),
});
export type GenerateBinderInput = z.input<typeof GenerateBinderInput>;

export const HearingBinder = z.object({
  id: Id,
  hearingId: Id,
  profileId: Id,
  profileName: z.string(),
  lang: z.enum(['es', 'en']),
  format: z.enum(['pdf', 'docx']),
  ...GeneratedFileFacts,
  ...GeneratedFileStamp,
});
export type HearingBinder = z.infer<typeof HearingBinder>;

export const GenerateBinderResult = z.object({
  binder: HearingBinder,
  ...GeneratedFileOutput,
});
export type GenerateBinderResult = z.infer<typeof GenerateBinderResult>;
export const ListBindersInput = z.object({ hearingId: Id });

/**
 * The hearing-day view: turns in order with their offsets and speaker labels. A speaker who is a person of
 * the case is ALWAYS labelled by pseudonym here, whatever is revealed elsewhere.
 */
export const HearingDayTurn = z.object({
  id: Id,
  position: z.number().int(),
  speaker: z.string().nullable(),
  presence: Presence.nullable(),
  topic: z.string(),
  seconds: z.number().int(),
  startOffset: z.number().int(),
  talkingPoints: z.string(),
});
export type HearingDayTurn = z.infer<typeof HearingDayTurn>;

export const HearingDay = z.object({
  hearingId: Id,
  matterId: Id,
  /** The case's public reference, never its title. */
  matterReference: z.string(),
  kind: HearingKind,
  title: z.string(),
  heldOn: z.string().nullable(),
  startTime: z.string().nullable(),
  zone: z.string(),
  plan: TimePlanSummary,
  turns: z.array(HearingDayTurn),
  keyAsks: z.array(z.string()),
});
export type HearingDay = z.infer<typeof HearingDay>;
