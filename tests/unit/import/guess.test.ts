// The first mapping guessed from a table's name and its Spanish or English headers.
import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../electron/core/import/guess';

describe('column guessing', () => {
  it('recognises English headers and, without a telling table name, the kind from them', () => {
    expect(guessMapping('Sheet1', ['Reference', 'Title', 'Case type', 'Opened on', 'Forum'])).toEqual({
      table: 'Sheet1',
      kind: 'cases',
      columns: {
        Reference: 'reference',
        Title: 'title',
        'Case type': 'matterType',
        'Opened on': 'openedOn',
        Forum: 'forum',
      },
    });
    expect(guessMapping('Hoja1', ['Pseudonym', 'Legal name', 'Phone', 'Case'])).toMatchObject({
      kind: 'people',
      columns: { Pseudonym: 'pseudonym', 'Legal name': 'legalName', Phone: 'phones', Case: 'caseReference' },
    });
  });

  it('takes the kind from the table name and matches headers whatever their accents or case', () => {
    expect(guessMapping('Hechos 2024', ['CASO', 'fecha', 'Descripción', 'Lugar', 'Columna rara'])).toEqual({
      table: 'Hechos 2024',
      kind: 'facts',
      columns: { CASO: 'caseReference', fecha: 'occurredOn', Descripción: 'description', Lugar: 'place' },
    });
  });
});
