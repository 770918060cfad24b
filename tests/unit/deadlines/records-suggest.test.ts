// Periods written in communications, as tables: each row a text and the suggestion expected from it.
import { describe, expect, it } from 'vitest';
import { suggestPeriods } from '../../../electron/core/deadlines/suggest';

const ROWS: [string, { amount: number; unit: string; phrase: string }][] = [
  [
    'Se solicita información en un plazo de 10 días.',
    { amount: 10, unit: 'days', phrase: 'en un plazo de 10 días' },
  ],
  [
    'remitir dentro del plazo de diez (10) días',
    { amount: 10, unit: 'days', phrase: 'dentro del plazo de diez (10) días' },
  ],
  ['contará con 15 días hábiles', { amount: 15, unit: 'working-days', phrase: '15 días hábiles' }],
  ['dentro del término de un mes', { amount: 1, unit: 'months', phrase: 'dentro del término de un mes' }],
  ['informar cada dos meses', { amount: 2, unit: 'months', phrase: 'dos meses' }],
  ['within 20 days of this note', { amount: 20, unit: 'days', phrase: 'within 20 days' }],
  ['within one month', { amount: 1, unit: 'months', phrase: 'within one month' }],
  ['reply in 10 working days', { amount: 10, unit: 'working-days', phrase: 'in 10 working days' }],
  ['en un plazo de veintiún días', { amount: 21, unit: 'days', phrase: 'en un plazo de veintiún días' }],
  [
    'EN UN PLAZO DE TREINTA Y CINCO DÍAS NATURALES',
    { amount: 35, unit: 'days', phrase: 'EN UN PLAZO DE TREINTA Y CINCO DÍAS NATURALES' },
  ],
  [
    'dentro de los próximos sesenta días',
    { amount: 60, unit: 'days', phrase: 'dentro de los próximos sesenta días' },
  ],
  ['sixty-one calendar days', { amount: 61, unit: 'days', phrase: 'sixty-one calendar days' }],
  [
    'within forty five business days',
    { amount: 45, unit: 'working-days', phrase: 'within forty five business days' },
  ],
  [
    'un plazo no mayor a cuatro semanas',
    { amount: 28, unit: 'days', phrase: 'un plazo no mayor a cuatro semanas' },
  ],
  ['within a month', { amount: 1, unit: 'months', phrase: 'within a month' }],
];

describe('suggested periods', () => {
  it.each(ROWS)('%s', (text, expected) => {
    const found = suggestPeriods(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject(expected);
    expect(text.slice(found[0]!.index, found[0]!.index + found[0]!.phrase.length)).toBe(found[0]!.phrase);
  });

  it('reads every number word from one to sixty in both languages', () => {
    const es = [
      'uno',
      'dos',
      'tres',
      'cuatro',
      'cinco',
      'seis',
      'siete',
      'ocho',
      'nueve',
      'diez',
      'once',
      'doce',
      'trece',
      'catorce',
      'quince',
      'dieciséis',
      'diecisiete',
      'dieciocho',
      'diecinueve',
      'veinte',
      'veintiuno',
      'veintidós',
      'veintitrés',
      'veinticuatro',
      'veinticinco',
      'veintiséis',
      'veintisiete',
      'veintiocho',
      'veintinueve',
      'treinta',
    ];
    const en = [
      'one',
      'two',
      'three',
      'four',
      'five',
      'six',
      'seven',
      'eight',
      'nine',
      'ten',
      'eleven',
      'twelve',
      'thirteen',
      'fourteen',
      'fifteen',
      'sixteen',
      'seventeen',
      'eighteen',
      'nineteen',
      'twenty',
    ];
    const spanish = [
      ...es,
      ...['treinta', 'cuarenta', 'cincuenta'].flatMap((t, i) => [
        ...es.slice(0, 9).map((u) => `${t} y ${u}`),
        ['cuarenta', 'cincuenta', 'sesenta'][i]!,
      ]),
    ];
    spanish.forEach((word, i) => {
      expect(suggestPeriods(`en un plazo de ${word} días`)[0]?.amount, word).toBe(i + 1);
    });
    const english = [
      ...en,
      ...['twenty', 'thirty', 'forty', 'fifty'].flatMap((t, i) => [
        ...en.slice(0, 9).map((u) => `${t}-${u}`),
        ['thirty', 'forty', 'fifty', 'sixty'][i]!,
      ]),
    ];
    english.forEach((word, i) => {
      expect(suggestPeriods(`within ${word} days`)[0]?.amount, word).toBe(i + 1);
    });
  });

  it('finds several periods in order and skips what is not a period', () => {
    const text =
      'Ref.: MC-1008-19. La Comisión solicita al Estado informar en un plazo de 10 días y a los representantes ' +
      'presentar observaciones dentro del plazo de quince días hábiles. Resolución 44/2023 de 12 de agosto.';
    expect(suggestPeriods(text).map((s) => [s.amount, s.unit])).toEqual([
      [10, 'days'],
      [15, 'working-days'],
    ]);
    expect(suggestPeriods('Resolución 44/2023, 3 beneficiarios, el día 5')).toEqual([]);
    // A period beyond what any forum sets is not suggested.
    expect(suggestPeriods('en un plazo de 9000 días')).toEqual([]);
  });
});
