// A first mapping guessed from a table's name and its headers, in Spanish or English, so that the usual
// spreadsheet needs no changes in the mapping step.
import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportKind,
  type TableMapping,
} from '../../../shared/schemas/import';
import { foldForSearch } from '../text/fold';

const norm = (text: string) =>
  foldForSearch(text)
    .replace(/[_\-./:#°º]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const CASE_WORDS = [
  'referencia del caso',
  'referencia caso',
  'caso',
  'case',
  'case reference',
  'expediente',
  'referencia',
  'reference',
  'ref',
];

/** Header words per field, most specific first; checked in this order so one column feeds one field. */
const HEADER_WORDS: Record<ImportKind, Partial<Record<ImportField, string[]>>> = {
  cases: {
    reference: [
      'referencia',
      'reference',
      'ref',
      'expediente',
      'numero de expediente',
      'no de expediente',
      'folio',
      'numero',
    ],
    title: ['titulo', 'title', 'nombre del caso', 'asunto', 'caso', 'case', 'name'],
    matterType: ['tipo de caso', 'tipo de asunto', 'tipo', 'matter type', 'case type', 'type'],
    forum: ['foro', 'forum', 'instancia', 'organo'],
    status: ['estado', 'estatus', 'status', 'situacion', 'etapa'],
    openedOn: [
      'fecha de apertura',
      'apertura',
      'fecha de inicio',
      'opened on',
      'opened',
      'date opened',
      'fecha',
      'date',
    ],
    summary: ['resumen', 'summary', 'descripcion', 'description', 'notas', 'notes'],
    classification: ['clasificacion', 'classification'],
    // A bare "Estado" stays the procedural status, as the team's sheets use it.
    state: ['pais', 'country', 'state', 'estado parte', 'estado demandado', 'estado denunciado'],
  },
  people: {
    pseudonym: ['seudonimo', 'pseudonimo', 'pseudonym', 'iniciales', 'initials', 'alias publico'],
    legalName: ['nombre legal', 'nombre completo', 'nombre', 'legal name', 'full name', 'name'],
    aliases: ['alias', 'aliases', 'apodos', 'otros nombres', 'apodo'],
    dateOfBirth: ['fecha de nacimiento', 'nacimiento', 'date of birth', 'birth date', 'dob'],
    idNumbers: [
      'curp',
      'rfc',
      'ine',
      'identificacion',
      'identificaciones',
      'id number',
      'id numbers',
      'documento de identidad',
      'id',
    ],
    phones: ['telefono', 'telefonos', 'tel', 'celular', 'movil', 'phone', 'phones'],
    addresses: ['domicilio', 'domicilios', 'direccion', 'direcciones', 'address', 'addresses'],
    identityNotes: ['notas protegidas', 'notas de identidad', 'identity notes', 'observaciones'],
    caseReference: CASE_WORDS,
    role: ['rol', 'role', 'calidad', 'papel'],
    classification: ['clasificacion', 'classification'],
  },
  facts: {
    caseReference: CASE_WORDS,
    occurredOn: ['fecha del hecho', 'fecha del incidente', 'fecha', 'occurred on', 'date'],
    kind: ['tipo de hecho', 'tipo de incidente', 'tipo', 'kind', 'type'],
    title: ['titulo', 'hecho', 'incidente', 'title', 'fact', 'incident'],
    description: ['descripcion', 'relato', 'narracion', 'description', 'details'],
    place: ['lugar', 'ubicacion', 'municipio', 'place', 'location'],
    source: ['fuente', 'source'],
    classification: ['clasificacion', 'classification'],
    people: [
      'personas afectadas',
      'personas',
      'afectados',
      'seudonimos',
      'beneficiarios',
      'people',
      'affected people',
    ],
    tags: ['etiquetas', 'tags'],
  },
};

const TABLE_WORDS: Record<ImportKind, string[]> = {
  cases: ['casos', 'caso', 'cases', 'asuntos', 'expedientes', 'matters'],
  people: ['personas', 'people', 'beneficiarios', 'beneficiarias', 'persons'],
  facts: ['hechos', 'facts', 'incidentes', 'incidents', 'cronologia', 'timeline'],
};

export function guessColumns(kind: ImportKind, headers: string[]): Record<string, string> {
  const columns: Record<string, string> = {};
  const taken = new Set<string>();
  const folded = headers.map(norm);
  for (const field of IMPORT_FIELDS[kind]) {
    for (const word of HEADER_WORDS[kind][field] ?? []) {
      const index = folded.findIndex((h, i) => h === word && !taken.has(headers[i]!));
      if (index >= 0) {
        columns[headers[index]!] = field;
        taken.add(headers[index]!);
        break;
      }
    }
  }
  return columns;
}

export function guessMapping(name: string, headers: string[]): TableMapping {
  const byName = (Object.keys(TABLE_WORDS) as ImportKind[]).find((k) =>
    TABLE_WORDS[k].some((w) => norm(name).split(' ').includes(w)),
  );
  if (byName) return { table: name, kind: byName, columns: guessColumns(byName, headers) };
  // Otherwise the kind whose distinctive fields the headers name.
  const score = (kind: ImportKind) => {
    const fields = Object.values(guessColumns(kind, headers));
    const distinctive = {
      cases: ['matterType', 'openedOn', 'forum'],
      people: ['pseudonym'],
      facts: ['occurredOn', 'caseReference'],
    }[kind];
    return fields.filter((f) => distinctive.includes(f)).length * 10 + fields.length;
  };
  const kinds: ImportKind[] = ['cases', 'people', 'facts'];
  const best = kinds.reduce((a, b) => (score(b) > score(a) ? b : a));
  return { table: name, kind: best, columns: guessColumns(best, headers) };
}
