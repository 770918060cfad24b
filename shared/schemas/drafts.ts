// Unsaved form drafts, kept in the vault so a lock (by hand or by the idle timer) loses no typing.
import { z } from 'zod';
import { Id } from './common';

/** Names one form: `incident:new:<matterId>`, `note:<noteId>`, `matter:new`… */
export const DraftKey = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z][a-zA-Z]*(:[a-zA-Z0-9-]+)*$/, 'validation.invalid');

/** Where the form was: the workspace screen to return to after unlock (a small plain object). */
export const DraftScreen = z.record(z.string(), z.unknown());

export const SaveDraftInput = z.object({
  key: DraftKey,
  /** The case the draft belongs to: its classification applies, and it goes when the case goes. */
  matterId: Id.nullable(),
  screen: DraftScreen,
  /** The form's values as the user left them. */
  values: z.record(z.string(), z.unknown()),
});
export type SaveDraftInput = z.infer<typeof SaveDraftInput>;

export const Draft = SaveDraftInput.extend({ savedAt: z.string() });
export type Draft = z.infer<typeof Draft>;

/** One draft by key, or (no key) every draft, newest first. */
export const GetDraftsInput = z.object({ key: DraftKey.optional() });
export const DraftList = z.object({
  items: z.array(Draft),
  /** Drafts of confidential cases (or marked confidential) not shown until the case is revealed. */
  hiddenConfidential: z.number().int(),
});
export type DraftList = z.infer<typeof DraftList>;

export const DiscardDraftInput = z.object({ key: DraftKey });
