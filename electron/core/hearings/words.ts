// Texts the core writes for hearings (deadline titles, waiver reasons), from shared/i18n's `hearingCore`
// block, in the hearing's own language like the binder: a Spanish team's deadlines read in Spanish whatever
// the UI language of the moment.
import type { HearingKind } from '../../../shared/schemas/hearings';
import { fill, hearingText, type Lang } from './binder-words';

export const hearingKindLabel = (kind: HearingKind, lang: Lang): string => hearingText(lang).kind[kind];

export const deadlineTitle = (which: 'hearing_request' | 'hearing', title: string, lang: Lang): string =>
  fill(hearingText(lang).deadline[which], { title });

export type WaiverReason = 'moved' | 'dropped' | 'closed' | 'deleted';
export const waiverReason = (why: WaiverReason, lang: Lang): string => hearingText(lang).waiver[why];
