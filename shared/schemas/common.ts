import { z } from 'zod';

/** Channels that take no input still validate that they got nothing unexpected. */
export const Empty = z.object({}).strict();
export type Empty = z.infer<typeof Empty>;

/** A calendar date as lawyers write it in filings: YYYY-MM-DD, checked to be a real day. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'validation.date');

export const Id = z.uuid();

/** What every record of a matter carries besides its fields (incidents, notes). */
export const MatterRecordMeta = {
  id: Id,
  matterId: Id,
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
};

/** An edit: the record, the revision the user saw (optimistic locking) and the new fields. */
export function updateInput<F extends z.ZodType>(fields: F) {
  return z.object({ id: Id, revision: z.number().int().positive(), fields });
}

/** Absolute folder path as chosen in a dialog or typed by the user. */
export const FolderPath = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(4096)
  .refine(
    (p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'),
    'validation.absolutePath',
  );
