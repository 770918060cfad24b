// The text inside evidence documents: extraction state per item and for the vault's queue, the text of a
// page with its word boxes (to highlight a hit in the preview), and document hits in search results.
import { z } from 'zod';
import { Id } from './common';

export const EXTRACTION_STATES = ['pending', 'running', 'done', 'failed', 'disabled'] as const;
export const ExtractionState = z.enum(EXTRACTION_STATES);
export type ExtractionState = z.infer<typeof ExtractionState>;

/** How a page's text was obtained. */
export const EXTRACTION_METHODS = ['text_layer', 'ocr', 'email', 'docx', 'odt', 'plain', 'chat'] as const;
export const ExtractionMethod = z.enum(EXTRACTION_METHODS);
export type ExtractionMethod = z.infer<typeof ExtractionMethod>;

/** Why an item's text could not be taken (i18n `extractionText.reason.<code>`; states and methods under `extractionText.state` and `.method`). */
export const EXTRACTION_REASONS = [
  'encrypted_pdf',
  'unreadable',
  'unsupported',
  'too_large',
  'ocr_unavailable',
  'damaged',
] as const;
export const ExtractionReason = z.enum(EXTRACTION_REASONS);
export type ExtractionReason = z.infer<typeof ExtractionReason>;

export const ExtractionStatus = z.object({
  itemId: Id,
  state: ExtractionState,
  /** Set when `state` is `failed`. */
  reason: ExtractionReason.nullable(),
  pagesDone: z.number().int(),
  /** Null until the document was opened (its page count is known). */
  pagesTotal: z.number().int().nullable(),
  engine: z.string().nullable(),
  engineVersion: z.string().nullable(),
  /** False when extraction was turned off for this item (its text removed). */
  enabled: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type ExtractionStatus = z.infer<typeof ExtractionStatus>;

export const QueueStatus = z.object({
  /** The vault's switch: off means nothing is extracted and no new text is stored. */
  enabled: z.boolean(),
  /** The queue is working now (an item is being read). */
  running: z.boolean(),
  /** Paused by the user: stays paused (also after a lock or a restart) until resumed. */
  paused: z.boolean(),
  current: z
    .object({
      itemId: Id,
      title: z.string(),
      pagesDone: z.number().int(),
      pagesTotal: z.number().int().nullable(),
    })
    .nullable(),
  /** Items of the visible evidence by state (confidential items of unrevealed cases are counted too). */
  pending: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  disabled: z.number().int(),
});
export type QueueStatus = z.infer<typeof QueueStatus>;

/** Pushed while the queue works: the item in hand and the queue's counts (same shape as `extraction:queue`). */
export const ExtractionProgress = QueueStatus;
export type ExtractionProgress = QueueStatus;

export const ExtractionItemInput = z.object({ id: Id });
export const SetItemExtractionInput = z.object({ id: Id, enabled: z.boolean() });
export const SetVaultExtractionInput = z.object({ enabled: z.boolean() });
/** Runs the queue; with `matterId`, that case's items first. */
export const StartExtractionInput = z.object({ matterId: Id.optional() });

export const ItemTextInput = z.object({
  id: Id,
  /** One page (from 1); absent: every page. */
  page: z.number().int().min(1).optional(),
});

/** A word's box in page units (PDF points or image pixels), origin top-left. */
export const WordBox = z.object({
  text: z.string(),
  x0: z.number(),
  y0: z.number(),
  x1: z.number(),
  y1: z.number(),
});
export type WordBox = z.infer<typeof WordBox>;

export const PageText = z.object({
  page: z.number().int(),
  method: ExtractionMethod,
  text: z.string(),
  /** The page's size in the units of the boxes; null without boxes (e-mails, office files, chats). */
  width: z.number().nullable(),
  height: z.number().nullable(),
  words: z.array(WordBox),
});
export type PageText = z.infer<typeof PageText>;

export const ItemText = z.object({
  itemId: Id,
  status: ExtractionStatus,
  /** Pages with text in the item (not only those returned). */
  pageCount: z.number().int(),
  pages: z.array(PageText),
});
export type ItemText = z.infer<typeof ItemText>;

/** A page of a document whose text matched a search. */
export const DocumentHit = z.object({
  itemId: Id,
  matterId: Id,
  /** The evidence item's title. */
  title: z.string(),
  mediaType: z.string(),
  page: z.number().int(),
  method: ExtractionMethod,
  /** Excerpt of the page with matched words between MATCH_START and MATCH_END (never render as HTML). */
  snippet: z.string(),
  /** The case, null while that case is confidential and not revealed. */
  matterReference: z.string().nullable(),
  matterTitle: z.string().nullable(),
});
export type DocumentHit = z.infer<typeof DocumentHit>;

export const DocumentHits = z.object({
  hits: z.array(DocumentHit),
  /** Visible matching pages; "at least" this many when not exact. */
  total: z.number().int(),
  totalExact: z.boolean(),
  /** Matching pages of confidential items not revealed (counted up to a cap). */
  hiddenConfidential: z.number().int(),
  /** False when hiddenConfidential is "at least" (the cap was reached). */
  hiddenExact: z.boolean(),
  /** `documentOffset` of the next page of document hits, or null. */
  nextOffset: z.number().int().nullable(),
});
export type DocumentHits = z.infer<typeof DocumentHits>;
