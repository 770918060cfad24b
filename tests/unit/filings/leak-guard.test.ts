// The leak guard as tables: which typed texts name a protected person, and how.
import { describe, expect, it } from 'vitest';
import { scanAll, type GuardedPerson } from '../../../electron/core/filings/leak-guard';
import { EMPTY_IDENTITY } from '../../../shared/schemas/people';

const ana: GuardedPerson = {
  id: '11111111-1111-4111-8111-111111111111',
  pseudonym: 'A.L.Q.',
  identity: {
    ...EMPTY_IDENTITY,
    legalName: 'Ana María López Quintero',
    aliases: ['La Güera'],
    idNumbers: ['LOQA-850312-MOC'],
    phones: ['+52 951 123 4567'],
    addresses: ['Calle Reforma 123, Col. Centro, Oaxaca'],
  },
};
const anabel: GuardedPerson = {
  id: '22222222-2222-4222-8222-222222222222',
  pseudonym: 'A.R.',
  identity: { ...EMPTY_IDENTITY, legalName: 'Anabel Ruiz', idNumbers: ['12.345.678'] },
};

const scan = (text: string) =>
  scanAll([{ path: 'answers.urgency', sectionKey: null, block: null, text }], [ana, anabel]).map((h) => ({
    who: h.pseudonym,
    kind: h.valueKind,
    match: h.match,
  }));

describe('the leak guard finds', () => {
  it.each([
    [
      'the legal name as written',
      'Vimos a Ana María López Quintero ayer.',
      'legal_name',
      'Ana María López Quintero',
    ],
    ['without accents', 'vimos a ana maria lopez quintero ayer', 'legal_name', 'ana maria lopez quintero'],
    ['in capitals', 'LA SEÑORA ANA MARÍA LÓPEZ QUINTERO DECLARÓ', 'legal_name', 'ANA MARÍA LÓPEZ QUINTERO'],
    [
      'surnames first, with a comma',
      'Declarante: López Quintero, Ana María.',
      'legal_name',
      'López Quintero, Ana María',
    ],
    [
      'split across a line break',
      'la defensora Ana María\nLópez Quintero recibió',
      'legal_name',
      'Ana María\nLópez Quintero',
    ],
    ['first name + surname alone', 'Después Ana López salió de su casa.', 'name_part', 'Ana López'],
    ['the two surnames alone', 'la familia Lopez-Quintero denunció', 'name_part', 'Lopez-Quintero'],
    ['an alias', 'conocida como la guera en el barrio', 'alias', 'la guera'],
    ['an ID number without separators', 'con CURP LOQA850312MOC vigente', 'id_number', 'LOQA850312MOC'],
    ['an ID number with other separators', 'identificación loqa 850312 moc', 'id_number', 'loqa 850312 moc'],
    ['a phone without the country code', 'llamó al (951) 123-45-67 de noche', 'phone', '(951) 123-45-67'],
    ['a phone with the country code', 'número +529511234567 bloqueado', 'phone', '+529511234567'],
    [
      'the street line of an address',
      'frente a calle Reforma 123 hay patrullas',
      'address',
      'calle Reforma 123',
    ],
    [
      'the other person\u2019s ID with other separators',
      'documento 12345678 de Anabel',
      'id_number',
      '12345678',
    ],
  ])('%s', (_label, text, kind, match) => {
    expect(scan(text)).toContainEqual(expect.objectContaining({ kind, match }));
  });

  it('"Anabel Ruiz" as Anabel, never as Ana', () => {
    expect(scan('Anabel Ruiz declaró')).toEqual([{ who: 'A.R.', kind: 'legal_name', match: 'Anabel Ruiz' }]);
  });
});

describe('the leak guard does not flag', () => {
  it.each([
    ['a first name alone', 'Ana salió temprano.'],
    ['a name inside another word', 'Anabelle Lópezz Quinteros llegó'],
    ['a surname alone', 'el señor López no contestó'],
    ['the first and middle name without a surname', 'Ana María dijo que sí'],
    ['words of the name separated by other words', 'Ana habló con López y con el Quintero de enfrente'],
    ['part of an ID number', 'folio 850312 del expediente'],
    ['a longer number containing the phone', 'cuenta 99511234567123'],
  ])('%s', (_label, text) => {
    expect(scan(text)).toEqual([]);
  });
});

describe('hits', () => {
  it('are one per occurrence, longest first, with the same fingerprint for the same context', () => {
    const hits = scanAll(
      [
        { path: 'a', sectionKey: null, block: null, text: 'Ana María López Quintero y Ana López' },
        { path: 'b', sectionKey: null, block: null, text: 'Ana María López Quintero y Ana López' },
      ],
      [ana],
    );
    expect(hits.map((h) => [h.path, h.valueKind, h.match])).toEqual([
      ['a', 'legal_name', 'Ana María López Quintero'],
      ['a', 'name_part', 'Ana López'],
      ['b', 'legal_name', 'Ana María López Quintero'],
      ['b', 'name_part', 'Ana López'],
    ]);
    expect(hits[0]!.id).toBe(hits[2]!.id);
    expect(hits[0]!.id).not.toBe(hits[1]!.id);
    expect(JSON.stringify(hits[0]!.id)).not.toMatch(/ana|lopez/i);
  });
});
