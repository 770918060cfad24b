// The words a spreadsheet uses for the app's fixed lists (case type, forum, status, classification, fact
// kind, role): the internal code, the English or Spanish label the app shows, or a common short form.
import en from '../../../shared/i18n/en.json';
import es from '../../../shared/i18n/es.json';
import { FORUMS, MATTER_STATUSES, MATTER_TYPES } from '../../../shared/schemas/matter';
import { CLASSIFICATIONS } from '../../../shared/schemas/classification';
import { INCIDENT_KINDS } from '../../../shared/schemas/incidents';
import { PARTY_ROLES } from '../../../shared/schemas/parties';
import { ISO_COUNTRY_CODES, stateName } from '../../../shared/countries';
import { foldForSearch } from '../text/fold';

type Catalogue = Record<string, Record<string, unknown>>;

const norm = (text: string) =>
  foldForSearch(text)
    .replace(/[_\s]+/g, ' ')
    .replace(/[.()]/g, '')
    .trim();

/** Extra words people write for some values (not in the app's labels). */
const SHORT_FORMS: Record<string, Record<string, string[]>> = {
  matterType: {
    precautionary_request: ['solicitud', 'solicitud de medidas cautelares', 'solicitud mc', 'mc request'],
    precautionary_measure: ['medidas cautelares', 'medida cautelar', 'mc', 'precautionary measures'],
    petition: ['peticion'],
    case: ['caso', 'caso cidh', 'case'],
    provisional_measures: ['medidas provisionales', 'mp', 'provisional measures'],
    domestic_protection: ['mecanismo', 'mecanismo de proteccion', 'proteccion nacional'],
  },
  forum: {
    iachr: ['cidh', 'iachr', 'comision', 'comision interamericana'],
    ia_court: ['corte idh', 'coidh', 'corte interamericana', 'ia court'],
    mx_protection_mechanism: ['mecanismo', 'mecanismo de proteccion'],
    domestic_court: ['juzgado', 'tribunal'],
    other: ['otro'],
  },
  classification: {
    public: ['publico'],
    restricted: ['restringida', 'restringido', 'reservado'],
    confidential: ['confidencial'],
  },
  partyRole: { beneficiary: ['beneficiario', 'beneficiaria'], witness: ['testigo'] },
  matterStatus: { draft: ['borrador'], granted: ['otorgada', 'otorgadas'] },
  incidentKind: { threat: ['amenazas'], attack: ['agresiones', 'ataque'] },
};

function lookup(list: string, codes: readonly string[]): Map<string, string> {
  const words = new Map<string, string>();
  for (const code of codes) {
    const labels = [
      code,
      String((en as Catalogue)[list]?.[code] ?? ''),
      String((es as Catalogue)[list]?.[code] ?? ''),
      ...(SHORT_FORMS[list]?.[code] ?? []),
    ];
    for (const label of labels) if (label && !words.has(norm(label))) words.set(norm(label), code);
  }
  return words;
}

const LISTS = {
  matterType: lookup('matterType', MATTER_TYPES),
  forum: lookup('forum', FORUMS),
  status: lookup('matterStatus', MATTER_STATUSES),
  classification: lookup('classification', CLASSIFICATIONS),
  kind: lookup('incidentKind', INCIDENT_KINDS),
  role: lookup('partyRole', PARTY_ROLES),
};

export type ValueList = keyof typeof LISTS;

/** The code a spreadsheet's word stands for, or undefined when it names none. */
export function codeFor(list: ValueList, text: string): string | undefined {
  return LISTS[list].get(norm(text));
}

/** Names people write for a State beyond the platform's Spanish and English names. */
const STATE_SHORT_FORMS: Record<string, string[]> = {
  MX: ['estados unidos mexicanos'],
  US: ['eua', 'eeuu', 'ee uu', 'usa', 'estados unidos de america'],
  BO: ['estado plurinacional de bolivia'],
  VE: ['republica bolivariana de venezuela'],
};

const STATES = (() => {
  const words = new Map<string, string>();
  for (const code of ISO_COUNTRY_CODES) {
    const labels = [code, stateName(code, 'es'), stateName(code, 'en'), ...(STATE_SHORT_FORMS[code] ?? [])];
    for (const label of labels) if (!words.has(norm(label))) words.set(norm(label), code);
  }
  return words;
})();

/** The ISO 3166-1 alpha-2 code of a State written as its code or its Spanish or English name. */
export function stateCodeFor(text: string): string | undefined {
  return STATES.get(norm(text));
}
