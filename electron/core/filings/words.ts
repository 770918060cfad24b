// The words a filing prints, in the filing's own language (not the UI's).
import type { FilingKind, FilingLang } from '../../../shared/schemas/filings';

const KIND_TITLES: Record<FilingKind, Record<FilingLang, string>> = {
  precautionary_request: { es: 'Solicitud de medidas cautelares', en: 'Request for precautionary measures' },
  petition: { es: 'Petición', en: 'Petition' },
  observations: { es: 'Observaciones', en: 'Observations' },
};

export const kindTitle = (kind: FilingKind, lang: FilingLang): string => KIND_TITLES[kind][lang];

export function draftTitle(kind: FilingKind, lang: FilingLang, reference: string): string {
  return reference ? `${kindTitle(kind, lang)} — ${reference}` : kindTitle(kind, lang);
}

const SECTIONS: Record<FilingKind, Array<{ key: string; es: string; en: string }>> = {
  precautionary_request: [
    { key: 'introduction', es: 'Introducción', en: 'Introduction' },
    { key: 'facts', es: 'Hechos', en: 'Facts' },
    { key: 'request', es: 'Petitorio', en: 'Request' },
  ],
  petition: [
    { key: 'introduction', es: 'Introducción', en: 'Introduction' },
    { key: 'facts', es: 'Hechos', en: 'Facts' },
    { key: 'law', es: 'Fundamentos de derecho', en: 'Legal grounds' },
    { key: 'request', es: 'Petitorio', en: 'Request' },
  ],
  observations: [
    { key: 'introduction', es: 'Introducción', en: 'Introduction' },
    { key: 'observations', es: 'Observaciones', en: 'Observations' },
    { key: 'request', es: 'Solicitudes', en: 'Requests' },
  ],
};

export function sectionTitles(kind: FilingKind, lang: FilingLang): Array<{ key: string; title: string }> {
  return SECTIONS[kind].map((s) => ({ key: s.key, title: s[lang] }));
}
