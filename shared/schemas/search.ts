// Full-text search over what the user may see, and the logged unlock of protected fields.
import { z } from 'zod';
// search inside the evidence
import { DocumentHits } from './extraction';

export const SEARCHABLE = [
  'matter',
  'incident',
  'note',
  'person',
  'organisation',
  'evidence',
  // follow-up: protection measures
  'measure',
  'communication',
  // follow-up: deadlines
  'deadline',
] as const;

export const SearchInput = z.object({
  query: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  /** Also search legal names, aliases, ID numbers…; only after protected search is unlocked (logged). */
  includeProtected: z.boolean().default(false),
  limit: z.number().int().min(1).max(200).default(50),
  /** Hits to skip: the next page starts at the previous result's `nextOffset`. */
  offset: z.number().int().min(0).max(10_000).default(0),
  // search inside the evidence: pages of documents, paged on their own
  /** Document hits per page (20 when absent; 0: counts only). */
  documentLimit: z.number().int().min(0).max(200).optional(),
  documentOffset: z.number().int().min(0).max(10_000).optional(),
});
export type SearchInput = z.input<typeof SearchInput>;
/** A search request as dispatch hands it on: validated, defaults applied. */
export type SearchQuery = z.output<typeof SearchInput>;

/** Around each matched word in a hit's snippet; screens split on them (never render the snippet as HTML). */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

export const SearchHit = z.object({
  entityType: z.enum(SEARCHABLE),
  entityId: z.string(),
  matterId: z.string().nullable(),
  title: z.string(),
  /** Short excerpt with the match, from the shown (never protected) text; matched words between markers. */
  snippet: z.string(),
  /** True when it matched only through a protected field. */
  viaProtected: z.boolean(),
  /** The case the hit belongs to (a matter: itself); null without a case, or while that case is confidential. */
  matterReference: z.string().nullable(),
  matterTitle: z.string().nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  hits: z.array(SearchHit),
  hiddenConfidential: z.number().int(),
  /** Visible matches in all; when not exact, "at least" this many (very common words are counted up to a cap). */
  total: z.number().int(),
  totalExact: z.boolean(),
  hiddenExact: z.boolean(),
  /** By relevance; or newest first when the words are in so many records that relevance says little. */
  order: z.enum(['relevance', 'recent']),
  /** Offset of the next page, or null when this page is the last. */
  nextOffset: z.number().int().nullable(),
  // search inside the evidence: pages of evidence documents whose text matched
  documents: DocumentHits,
});
export type SearchResult = z.infer<typeof SearchResult>;

export const UnlockProtectedSearchInput = z.object({
  reason: z.string().trim().min(3, 'validation.reasonRequired').max(500, 'validation.tooLong'),
});
