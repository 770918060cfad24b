// The binder's words, from the app's translation files (shared/i18n, block `hearingCore.binder`). The binder
// is printed in the hearing's own language (set on the hearing, like a filing's), not the UI's: a team may
// prepare in Spanish for a hearing held in English.
import en from '../../../shared/i18n/en.json';
import es from '../../../shared/i18n/es.json';
import type { HearingStatus, ParticipantSide, Presence } from '../../../shared/schemas/hearings';
import { formatDuration, type PlanCheck } from '../../../shared/hearing-time-plan';

export type Lang = 'es' | 'en';
type Words = typeof en.hearingCore.binder;

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

function words(raw: Words) {
  return {
    ...raw,
    none: '—',
    minutes: (n: number) => fill(raw.minutes, { n }),
    planFigure: (p: PlanCheck) => {
      const values = {
        planned: formatDuration(p.plannedSeconds),
        share: formatDuration(p.shareSeconds ?? 0),
        difference: formatDuration(Math.abs(p.differenceSeconds ?? 0)),
      };
      const template = {
        no_share: raw.planNoShare,
        over: raw.planOver,
        under: raw.planUnder,
        exact: raw.planExact,
      }[p.status];
      return fill(template, values);
    },
    statusOf: (s: HearingStatus) => raw[`status_${s}`],
    presenceOf: (p: Presence) => raw[`presence_${p}`],
    sideOf: (s: ParticipantSide) => raw[`side_${s}`],
  };
}

export const B: Record<Lang, ReturnType<typeof words>> = {
  es: words(es.hearingCore.binder),
  en: words(en.hearingCore.binder),
};

export const hearingText = (lang: Lang) => (lang === 'es' ? es.hearingCore : en.hearingCore);
export { fill };

/** An incident's kind as the app names it. */
export const incidentKindLabel = (kind: string, lang: Lang): string =>
  ((lang === 'es' ? es.incidentKind : en.incidentKind) as Record<string, string>)[kind] ?? kind;

export const forumName = (forum: string, lang: Lang): string => {
  if (forum === 'other' || !forum) return '';
  const table = (lang === 'es' ? es.forum : en.forum) as Record<string, string>;
  return table[forum] ?? '';
};
