// Revealing confidential records for a while, always with a stated reason (logged).
import { z } from 'zod';
import { Id } from './common';

export const RevealConfidentialInput = z.object({
  /** A matter id (its confidential incidents and notes), or omitted for confidential matters in lists. */
  matterId: Id.optional(),
  reason: z.string().trim().min(3, 'validation.reasonRequired').max(500, 'validation.tooLong'),
});
export const RevealResult = z.object({ visibleUntil: z.string() });
