// A case's follow-up in one chronological list: letters received and sent, resolutions, deadlines and their
// events, status changes of the case, protection-measure status changes (and hearings once they exist).
import { z } from 'zod';
import { Id, IsoDate } from './common';

export const TIMELINE_KINDS = [
  'communication',
  'resolution',
  'deadline',
  'status',
  'measure',
  'hearing',
] as const;
export const TimelineKind = z.enum(TIMELINE_KINDS);
export type TimelineKind = z.infer<typeof TimelineKind>;

/** The case tab an entry opens, with the record to highlight there. */
export const TIMELINE_TABS = ['correspondence', 'deadlines', 'overview', 'measures', 'hearings'] as const;
export const TimelineTarget = z.object({ tab: z.enum(TIMELINE_TABS), recordId: z.string() });
export type TimelineTarget = z.infer<typeof TimelineTarget>;

export const TimelineEntry = z.object({
  /** Stable within a list: source kind + record id + step. */
  key: z.string(),
  date: IsoDate,
  kind: TimelineKind,
  /**
   * What happened, for the screen to translate: a communication's direction (received / sent), a deadline
   * event (created, due, extension_granted, fulfilled, waived…), a matter status or a measure status.
   */
  event: z.string(),
  /** Subject, deadline title or measure kind; the case's references and people's pseudonyms only. */
  title: z.string(),
  /** Short facts beside the title: the forum's reference or note number, the counterpart, pseudonyms. */
  detail: z.array(z.string()),
  target: TimelineTarget,
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const FollowupTimelineInput = z.object({
  matterId: Id,
  kinds: z.array(TimelineKind).max(TIMELINE_KINDS.length).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type FollowupTimelineInput = z.input<typeof FollowupTimelineInput>;

export const FollowupTimeline = z.object({
  items: z.array(TimelineEntry),
  /** Entries of confidential records left out until the case's confidential items are revealed. */
  hiddenConfidential: z.number().int(),
});
export type FollowupTimeline = z.infer<typeof FollowupTimeline>;
