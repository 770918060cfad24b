// A matter's status history: every change of status, dated, with who made it and why.
import { z } from 'zod';
import { Id, IsoDate } from './common';
import { MatterStatus } from './matter';

export const StatusChange = z.object({
  id: Id.or(z.string()),
  fromStatus: MatterStatus.nullable(),
  toStatus: MatterStatus,
  changedOn: IsoDate,
  changedAt: z.string(),
  actor: z.string(),
  note: z.string(),
});
export type StatusChange = z.infer<typeof StatusChange>;

export const ChangeStatusInput = z.object({
  matterId: Id,
  revision: z.number().int().positive(),
  toStatus: MatterStatus,
  changedOn: IsoDate,
  note: z.string().trim().max(2000, 'validation.tooLong').default(''),
});
export type ChangeStatusInput = z.input<typeof ChangeStatusInput>;
