// Full-text search over what the user may see, and the logged unlock of protected fields.
import { z } from 'zod';

export const SEARCHABLE = ['matter', 'incident', 'note', 'person', 'organisation', 'evidence'] as const;

export const SearchInput = z.object({
  query: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  /** Also search legal names, aliases, ID numbers…; only after protected search is unlocked (logged). */
  includeProtected: z.boolean().default(false),
  limit: z.number().int().min(1).max(200).default(50),
});
export type SearchInput = z.input<typeof SearchInput>;

export const SearchHit = z.object({
  entityType: z.enum(SEARCHABLE),
  entityId: z.string(),
  matterId: z.string().nullable(),
  title: z.string(),
  /** Short excerpt with the match, from the shown (never protected) text. */
  snippet: z.string(),
  /** True when it matched only through a protected field. */
  viaProtected: z.boolean(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  hits: z.array(SearchHit),
  hiddenConfidential: z.number().int(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const UnlockProtectedSearchInput = z.object({
  reason: z.string().trim().min(3, 'validation.reasonRequired').max(500, 'validation.tooLong'),
});
