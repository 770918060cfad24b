// Protection measures the State reports (panic buttons, CCTV, patrols, a shelter…): who implements each,
// whom it covers, whether it was agreed with the beneficiaries, and an append-only status history where
// each entry can cite the communication or incident that shows it ("the panic button did not work").
import { z } from 'zod';
import { Classification } from './classification';
import { Id, IsoDate, MatterRecordMeta } from './common';

export const MEASURE_KINDS = [
  'panic_button',
  'cctv',
  'escort',
  'patrols',
  'shelter',
  'relocation',
  'emergency_line',
  'other',
] as const;
export const MeasureKind = z.enum(MEASURE_KINDS);
export type MeasureKind = z.infer<typeof MeasureKind>;

export const MEASURE_STATUSES = ['proposed', 'agreed', 'implemented', 'failing', 'withdrawn'] as const;
export const MeasureStatus = z.enum(MEASURE_STATUSES);
export type MeasureStatus = z.infer<typeof MeasureStatus>;

/** Whether the measure was agreed with the beneficiaries (stored as 1 / 0 / NULL). */
export const AGREEMENTS = ['yes', 'no', 'unknown'] as const;
export const Agreement = z.enum(AGREEMENTS);
export type Agreement = z.infer<typeof Agreement>;

export const MeasureFields = z.object({
  kind: MeasureKind,
  description: z.string().trim().max(5000, 'validation.tooLong'),
  /** Who implements it: the Mechanism, a state police, the prosecutor's office… */
  authority: z.string().trim().max(300, 'validation.tooLong'),
  /** Beneficiaries it covers (by id; shown by pseudonym). */
  personIds: z.array(Id).max(200),
  agreedOn: IsoDate.nullable(),
  agreedWithBeneficiaries: Agreement,
  classification: Classification,
});
export type MeasureFields = z.infer<typeof MeasureFields>;

/** One step of a measure's history as the user records it. */
export const MeasureStatusFields = z.object({
  status: MeasureStatus,
  onDate: IsoDate,
  /** The communication (a State report, a letter) or the incident that shows this status. */
  communicationId: Id.nullable().default(null),
  incidentId: Id.nullable().default(null),
  note: z.string().trim().max(2000, 'validation.tooLong').default(''),
});
export type MeasureStatusFields = z.infer<typeof MeasureStatusFields>;

/** What a status entry cites, named safely: a confidential record not revealed now has no label. */
export const CitedRecord = z.object({
  kind: z.enum(['communication', 'incident']),
  id: Id,
  date: z.string(),
  /** Subject or title; null while it is confidential and not revealed (or it is in Deleted items). */
  label: z.string().nullable(),
});
export type CitedRecord = z.infer<typeof CitedRecord>;

export const MeasureStatusEntry = z.object({
  id: Id,
  measureId: Id,
  status: MeasureStatus,
  onDate: IsoDate,
  communicationId: Id.nullable(),
  incidentId: Id.nullable(),
  cites: CitedRecord.nullable(),
  note: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type MeasureStatusEntry = z.infer<typeof MeasureStatusEntry>;

export const ProtectionMeasure = MeasureFields.extend(MatterRecordMeta).extend({
  /** The latest status by date (the latest recorded on the same day). */
  status: MeasureStatus,
  statusSince: IsoDate,
  /** Oldest first. */
  history: z.array(MeasureStatusEntry),
});
export type ProtectionMeasure = z.infer<typeof ProtectionMeasure>;

export const MeasureList = z.object({
  items: z.array(ProtectionMeasure),
  hiddenConfidential: z.number().int(),
});
export type MeasureList = z.infer<typeof MeasureList>;

export const CreateMeasureInput = MeasureFields.extend({
  matterId: Id,
  /** Every measure starts with a status (reported as proposed, already implemented…). */
  firstStatus: MeasureStatusFields,
});
export type CreateMeasureInput = z.input<typeof CreateMeasureInput>;

export const UpdateMeasureInput = z.object({
  id: Id,
  revision: z.number().int().positive(),
  fields: MeasureFields,
});

/** Appends a status; never rewrites one (a correction is a new entry). */
export const AddMeasureStatusInput = MeasureStatusFields.extend({ measureId: Id });
export type AddMeasureStatusInput = z.input<typeof AddMeasureStatusInput>;

/** A record of the case a status may cite. */
export const LinkOption = z.object({ id: Id, date: z.string(), label: z.string() });
export type LinkOption = z.infer<typeof LinkOption>;

export const LinkOptions = z.object({
  communications: z.array(LinkOption),
  incidents: z.array(LinkOption),
  hiddenConfidential: z.number().int(),
});
export type LinkOptions = z.infer<typeof LinkOptions>;

/** Each measure with its state and history, for a filing (observations to the Commission) to draw on. */
export interface MeasureSummary {
  id: string;
  kind: MeasureKind;
  description: string;
  authority: string;
  /** Pseudonyms of the beneficiaries covered. */
  beneficiaries: string[];
  agreedOn: string | null;
  agreedWithBeneficiaries: Agreement;
  classification: ProtectionMeasure['classification'];
  status: MeasureStatus;
  statusSince: string;
  history: { status: MeasureStatus; onDate: string; note: string; cites: CitedRecord | null }[];
}
