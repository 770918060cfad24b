// The facts timeline of a matter: threats, attacks, reports to authorities and their answers.
import { z } from 'zod';
import { Classification } from './classification';
import { Id, MatterRecordMeta, updateInput, IsoDate } from './common';

export const INCIDENT_KINDS = [
  'threat',
  'surveillance',
  'attack',
  'hacked_account',
  'displacement',
  'report_to_authority',
  'authority_response',
  'other',
] as const;
export const IncidentKind = z.enum(INCIDENT_KINDS);
export type IncidentKind = z.infer<typeof IncidentKind>;

/** How much of `occurredOn` is known: the day, only the month, or only the year. */
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export const DatePrecision = z.enum(DATE_PRECISIONS);
export type DatePrecision = z.infer<typeof DatePrecision>;
/** Whether the date is exact, approximate ("around"), or the start of something ongoing ("since"). */
export const DATE_QUALIFIERS = ['exact', 'about', 'since'] as const;
export const DateQualifier = z.enum(DATE_QUALIFIERS);
export type DateQualifier = z.infer<typeof DateQualifier>;

export const IncidentFields = z.object({
  /** The first day of what is known: 2022-01-01 for "2022", 2023-03-01 for "March 2023". */
  occurredOn: IsoDate,
  occurredPrecision: DatePrecision.default('day'),
  occurredQualifier: DateQualifier.default('exact'),
  kind: IncidentKind,
  title: z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
  description: z.string().max(20000, 'validation.tooLong'),
  place: z.string().trim().max(300, 'validation.tooLong'),
  source: z.string().trim().max(300, 'validation.tooLong'),
  classification: Classification,
  /** People affected (by id; shown by pseudonym). */
  personIds: z.array(Id).max(200),
  tags: z.array(z.string().trim().min(1).max(50)).max(30),
});
export type IncidentFields = z.infer<typeof IncidentFields>;

export const Incident = IncidentFields.extend(MatterRecordMeta);
export type Incident = z.infer<typeof Incident>;

export const CreateIncidentInput = IncidentFields.extend({ matterId: Id });
export const UpdateIncidentInput = updateInput(IncidentFields);

export const ListIncidentsInput = z.object({
  matterId: Id,
  kind: IncidentKind.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  personId: Id.optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type ListIncidentsInput = z.input<typeof ListIncidentsInput>;

export const IncidentList = z.object({ items: z.array(Incident), hiddenConfidential: z.number().int() });
