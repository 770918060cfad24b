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

export const IncidentFields = z.object({
  occurredOn: IsoDate,
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
