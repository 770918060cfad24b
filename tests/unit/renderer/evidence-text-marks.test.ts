// Which parts of a page's word boxes a search hit marks: the typed words, accents and capitals ignored,
// each a prefix, and inside a PDF text run only the word's share of the run.
import { describe, expect, it } from 'vitest';
import { matchingBoxes, queryTerms } from '../../../renderer/src/features/evidence/text/matchWords';

describe('queryTerms', () => {
  it('folds accents and capitals and drops quotes and operators', () => {
    expect(queryTerms('"Desaparición" OR Fiscalía')).toEqual(['desaparicion', 'fiscalia']);
  });
});

describe('matchingBoxes', () => {
  it('marks a whole OCR word matched by a prefix, whatever its accents', () => {
    const words = [
      { text: 'ACCIÓN', x0: 10, y0: 20, x1: 70, y1: 34 },
      { text: 'urgente', x0: 80, y0: 20, x1: 140, y1: 34 },
    ];
    expect(matchingBoxes(words, ['accion'])).toEqual([{ x0: 10, y0: 20, x1: 70, y1: 34 }]);
    expect(matchingBoxes(words, ['urg'])).toEqual([{ x0: 80, y0: 20, x1: 140, y1: 34 }]);
    expect(matchingBoxes(words, ['nada'])).toEqual([]);
  });

  it('marks only the word inside a run of text, by its characters', () => {
    // "la casa azul": 12 characters over 120 points; "casa" is characters 3 to 7.
    const run = [{ text: 'la casa azul', x0: 100, y0: 50, x1: 220, y1: 62 }];
    expect(matchingBoxes(run, ['casa'])).toEqual([{ x0: 130, y0: 50, x1: 170, y1: 62 }]);
  });

  it('marks every occurrence of every word', () => {
    const run = [{ text: 'Amenaza y amenazas', x0: 0, y0: 0, x1: 180, y1: 10 }];
    expect(matchingBoxes(run, ['amenaza'])).toHaveLength(2);
    expect(matchingBoxes(run, [])).toEqual([]);
  });
});
