// Texts the core writes for hearings (deadline titles, waiver reasons): in the hearing's own language, like
// the binder, so a Spanish team's deadlines read in Spanish whatever the UI language of the moment.
import type { HearingKind } from '../../../shared/schemas/hearings';

type Lang = 'es' | 'en';

const KIND: Record<HearingKind, Record<Lang, string>> = {
  public_hearing: { es: 'Audiencia pública', en: 'Public hearing' },
  working_meeting: { es: 'Reunión de trabajo', en: 'Working meeting' },
  court_hearing: { es: 'Audiencia ante la Corte', en: 'Court hearing' },
  state_meeting: {
    es: 'Reunión con el Estado o el Mecanismo',
    en: 'Meeting with the State or the Mechanism',
  },
};

export const hearingKindLabel = (kind: HearingKind, lang: Lang): string => KIND[kind][lang];

export const deadlineTitle = (which: 'hearing_request' | 'hearing', title: string, lang: Lang): string =>
  which === 'hearing_request'
    ? `${lang === 'es' ? 'Solicitud de audiencia' : 'Hearing request'}: ${title}`
    : `${lang === 'es' ? 'Audiencia' : 'Hearing'}: ${title}`;

export const WAIVER: Record<'moved' | 'dropped' | 'closed', Record<Lang, string>> = {
  moved: { es: 'La fecha de la audiencia cambió', en: 'The hearing date changed' },
  dropped: { es: 'La audiencia ya no tiene esta fecha', en: 'The hearing no longer has this date' },
  closed: { es: 'La audiencia fue denegada o cancelada', en: 'The hearing was denied or cancelled' },
};
