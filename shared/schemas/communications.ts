// A case's correspondence: every letter, note, e-mail, meeting or call that comes in or goes out, with the
// forum's reference, the attachments (stored as evidence items) and the earlier communication it answers.
import { z } from 'zod';
import { Classification } from './classification';
import { FolderPath, Id, IsoDate, MatterRecordMeta, updateInput } from './common';
import { ClockTime, TimeZoneId } from './deadline';

export const DIRECTIONS = ['received', 'sent'] as const;
export const Direction = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof Direction>;

export const COUNTERPARTS = [
  'commission',
  'state',
  'court',
  'beneficiary',
  'co_counsel',
  'national_authority',
  'other',
] as const;
export const Counterpart = z.enum(COUNTERPARTS);
export type Counterpart = z.infer<typeof Counterpart>;

export const CHANNELS = ['portal', 'email', 'letter', 'meeting', 'call', 'other'] as const;
export const CommunicationChannel = z.enum(CHANNELS);
export type CommunicationChannel = z.infer<typeof CommunicationChannel>;

export const COMMUNICATION_KINDS = [
  'request_for_information',
  'state_report',
  'observations',
  'resolution',
  'extension_request',
  'extension_decision',
  'hearing_notice',
  'acknowledgement',
  'petition',
  'other',
] as const;
export const CommunicationKind = z.enum(COMMUNICATION_KINDS);
export type CommunicationKind = z.infer<typeof CommunicationKind>;

export const ORIGINS = ['manual', 'eml'] as const;

const line = (max: number) => z.string().trim().max(max, 'validation.tooLong');

export const CommunicationFields = z
  .object({
    direction: Direction,
    counterpart: Counterpart,
    /** Who exactly (the Executive Secretariat, the Foreign Ministry…): free text. */
    counterpartName: line(300).default(''),
    channel: CommunicationChannel,
    kind: CommunicationKind.default('other'),
    /** Received or sent: the local date, and optionally the time and its IANA zone. */
    occurredOn: IsoDate,
    occurredTime: ClockTime.nullable().default(null),
    zone: TimeZoneId.nullable().default(null),
    /** The notification date when it differs from the date received (deadlines count from it). */
    notifiedOn: IsoDate.nullable().default(null),
    /** The forum's reference ("MC-1008-19") and note number ("Ref.: … /CIDH/SE/MC"). */
    reference: line(200).default(''),
    noteNumber: line(200).default(''),
    subject: z.string().trim().min(1, 'validation.required').max(998, 'validation.tooLong'),
    /** Plain text only. */
    body: z.string().max(1_000_000, 'validation.tooLong').default(''),
    classification: Classification.default('restricted'),
    /** The earlier communication (of the same case) this one answers. */
    inReplyTo: Id.nullable().default(null),
  })
  .refine((f) => f.zone === null || f.occurredTime !== null, {
    message: 'communications.error.zoneWithoutTime',
    path: ['zone'],
  })
  .refine((f) => f.notifiedOn === null || f.notifiedOn >= f.occurredOn, {
    message: 'communications.error.notifiedBefore',
    path: ['notifiedOn'],
  });
export type CommunicationFields = z.output<typeof CommunicationFields>;
export type CommunicationFieldsInput = z.input<typeof CommunicationFields>;

export const CommunicationAttachment = z.object({
  evidenceId: Id,
  title: z.string(),
  originalName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  mediaType: z.string(),
  /** An inline part (an image shown inside the HTML body). */
  inline: z.boolean(),
});
export type CommunicationAttachment = z.infer<typeof CommunicationAttachment>;

const Mailbox = z.object({ name: z.string(), address: z.string() });

/** An imported e-mail's headers as they were, decoded (encoded words turned into text). */
export const EmailHeaders = z.object({
  from: z.array(Mailbox),
  to: z.array(Mailbox),
  cc: z.array(Mailbox),
  /** The Date header as written ("Tue, 3 Mar 2026 17:45:10 -0500"). */
  date: z.string().nullable(),
  messageId: z.string().nullable(),
  inReplyTo: z.string().nullable(),
  subject: z.string(),
});
export type EmailHeaders = z.infer<typeof EmailHeaders>;

/** A reply or answered communication as a link: no body, enough to name it. */
export const CommunicationLink = z.object({
  id: Id,
  direction: Direction,
  occurredOn: z.string(),
  subject: z.string(),
});

const Meta = {
  ...MatterRecordMeta,
  origin: z.enum(ORIGINS),
  attachments: z.array(CommunicationAttachment),
  email: EmailHeaders.nullable(),
  /** The original .eml kept as an evidence item (its SHA-256 proves the message later). */
  rawEvidenceId: Id.nullable(),
  rawSha256: z.string().nullable(),
  /** The communication this one answers (null when it is hidden or gone) and the ones answering it. */
  answers: CommunicationLink.nullable(),
  answeredBy: z.array(CommunicationLink),
};

export const Communication = z.object({
  direction: Direction,
  counterpart: Counterpart,
  counterpartName: z.string(),
  channel: CommunicationChannel,
  kind: CommunicationKind,
  occurredOn: z.string(),
  occurredTime: z.string().nullable(),
  zone: z.string().nullable(),
  notifiedOn: z.string().nullable(),
  reference: z.string(),
  noteNumber: z.string(),
  subject: z.string(),
  body: z.string(),
  classification: Classification,
  inReplyTo: Id.nullable(),
  ...Meta,
});
export type Communication = z.infer<typeof Communication>;

/** A list row: the record without its body. */
export const CommunicationSummary = Communication.omit({ body: true, email: true, answers: true }).extend({
  attachmentCount: z.number().int(),
  replyCount: z.number().int(),
});
export type CommunicationSummary = z.infer<typeof CommunicationSummary>;

export const ListCommunicationsInput = z.object({
  matterId: Id,
  direction: Direction.optional(),
  counterpart: Counterpart.optional(),
  kind: CommunicationKind.optional(),
  /** Words in the subject, body, reference, note number or counterpart's name. */
  text: z.string().trim().max(200).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ListCommunicationsInput = z.input<typeof ListCommunicationsInput>;

export const CommunicationList = z.object({
  items: z.array(CommunicationSummary),
  hiddenConfidential: z.number().int(),
});
export type CommunicationList = z.infer<typeof CommunicationList>;

export const CommunicationIdInput = z.object({ id: Id });
export const CreateCommunicationInput = z.object({ matterId: Id, fields: CommunicationFields });
export const UpdateCommunicationInput = updateInput(CommunicationFields);

/** An absolute file path as a picker or a drop gives it (the same rule as a folder's). */
const FilePath = FolderPath;

/** Files given by path become evidence items linked to the communication (custody: received from …). */
export const AttachFilesInput = z.object({
  id: Id,
  paths: z.array(FilePath).min(1).max(200),
});

/** Refused before reading: a saved message this large is not an e-mail a forum sent. */
export const MAX_EML_BYTES = 150 * 1024 * 1024;

export const ImportEmailsInput = z.object({
  matterId: Id,
  operationId: Id.optional(),
  paths: z.array(FilePath).min(1).max(500),
  classification: Classification.default('restricted'),
});

export const ImportedEmail = z.object({
  path: z.string(),
  name: z.string(),
  status: z.enum(['imported', 'duplicate', 'failed']),
  /** The new communication, or the one already holding this message. */
  communicationId: Id.nullable(),
  subject: z.string().nullable(),
  attachments: z.number().int(),
  code: z.string().nullable(),
  message: z.string().nullable(),
});
export type ImportedEmail = z.infer<typeof ImportedEmail>;

export const ImportEmailsResult = z.object({
  results: z.array(ImportedEmail),
  cancelled: z.boolean(),
});
export type ImportEmailsResult = z.infer<typeof ImportEmailsResult>;

export const EmailImportProgress = z.object({
  operationId: Id,
  fileIndex: z.number().int(),
  fileCount: z.number().int(),
  name: z.string(),
  /** parsing, storing the original, storing attachment n, recording. */
  step: z.enum(['reading', 'parsing', 'storing', 'recording', 'done']),
});
export type EmailImportProgress = z.infer<typeof EmailImportProgress>;

export const AttachFilesResult = z.object({
  communication: Communication,
  failed: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
});

export const ChooseEmailsResult = z.object({ paths: z.array(z.string()) });
