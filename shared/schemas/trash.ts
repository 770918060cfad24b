// Deleted items: soft-deleted records of every kind, restorable (not the archiving of a matter).
import { z } from 'zod';
import { Id } from './common';

export const DELETABLE = [
  'matter',
  'incident',
  'note',
  'person',
  'organisation',
  'party',
  'evidence',
  // follow-up: protection measures
  'measure',
  'communication',
  // follow-up: deadlines
  'deadline',
  // filings: a deleted draft goes to Deleted items, with undo
  'filing',
  // hearings: a deleted hearing goes to Deleted items, with its parts
  'hearing',
] as const;
export const DeletableType = z.enum(DELETABLE);
/** One row of Deleted items: a soft-deleted record that can be restored. */
export const DeletedItem = z.object({
  entityType: DeletableType,
  entityId: Id,
  label: z.string(),
  matterId: Id.nullable(),
  deletedAt: z.string(),
});
export type DeletedItem = z.infer<typeof DeletedItem>;
export const RestoreInput = z.object({ entityType: DeletableType, entityId: Id });
export const DeleteInput = z.object({
  entityType: DeletableType,
  entityId: Id,
  /** Required to delete a person or organisation that still has roles in matters: the user saw where. */
  confirmInUse: z.boolean().default(false),
});
