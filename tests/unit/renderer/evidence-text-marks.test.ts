// Which parts of a page's word boxes a search hit marks: the typed words, accents and capitals ignored,
// each a prefix, and inside a PDF text run only the word's share of the run.
import { describe, expect, it } from 'vitest';
import {
  matchingBoxes,
  queryTerms,
  rejoinRuns,
} from '../../../renderer/src/features/evidence/text/matchWords';

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

describe('matchingBoxes with accents written as separate marks', () => {
  it('finds the word and keeps its place in the original text', () => {
    // "acción" in decomposed form: 7 code units; the run "la acción" is 10 over 100 points.
    const run = [{ text: 'la accio\u0301n', x0: 0, y0: 0, x1: 100, y1: 10 }];
    expect(matchingBoxes(run, ['accion'])).toEqual([{ x0: 30, y0: 0, x1: 100, y1: 10 }]);
  });

  it('uses the widths it is given', () => {
    // A measure where "w" is three times as wide as any other letter.
    const measure = (text: string) => [...text].reduce((sum, c) => sum + (c === 'w' ? 3 : 1), 0);
    const run = [{ text: 'ww ab', x0: 0, y0: 0, x1: 90, y1: 10 }];
    // Widths: "ww " = 7, "ab" = 2, whole = 9 → "ab" spans 70 to 90.
    expect(matchingBoxes(run, ['ab'], measure)).toEqual([{ x0: 70, y0: 0, x1: 90, y1: 10 }]);
  });
});

describe('rejoinRuns', () => {
  it('puts the words of one evenly spread run back together, with their spaces', () => {
    // One run "ab  cd" at 10 points per character: "ab" 0–20, "cd" 40–60; then another line.
    const words = [
      { text: 'ab', x0: 0, y0: 0, x1: 20, y1: 12 },
      { text: 'cd', x0: 40, y0: 0, x1: 60, y1: 12 },
      { text: 'ef', x0: 0, y0: 20, x1: 20, y1: 32 },
    ];
    expect(rejoinRuns(words)).toEqual([
      { text: 'ab  cd', x0: 0, y0: 0, x1: 60, y1: 12 },
      { text: 'ef', x0: 0, y0: 20, x1: 20, y1: 32 },
    ]);
  });

  it('keeps apart words of another size on the same line', () => {
    const words = [
      { text: 'ab', x0: 0, y0: 0, x1: 20, y1: 12 },
      { text: 'cd', x0: 30, y0: 0, x1: 70, y1: 12 },
    ];
    expect(rejoinRuns(words)).toHaveLength(2);
  });
});
