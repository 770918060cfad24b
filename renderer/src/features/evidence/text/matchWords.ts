// Which boxes of a page to mark for a search: the words the user typed, found the way search finds them
// (accents and capitals ignored, each word a prefix), inside the page's word boxes.
import type { PageBox } from '../../../components/pdf/HighlightLayer';
import type { WordBox } from '../../../../../shared/schemas/extraction';

/** Lower case without accents, as the full-text index folds text (so "acción" is found by "accion"). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a query, folded; quotes and FTS operators are not words. */
export function queryTerms(query: string): string[] {
  return [...fold(query).matchAll(/[\p{L}\p{N}]+/gu)]
    .map((m) => m[0])
    .filter((w) => !['and', 'or', 'not', 'near'].includes(w));
}

/** A word of the original text, with the accents written as separate marks kept inside it. */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/** The width of a piece of text, in any unit (only proportions within one run are used). */
export type Measure = (text: string) => number;

const byCharacters: Measure = (text) => text.length;

/**
 * The parts of the boxes that hold a searched word. A box may hold a run of several words (a PDF text
 * item): the word's part is then its share of the run's width, as `measure` gives it (characters by
 * default; the preview measures with a font close to the document's).
 */
export function matchingBoxes(words: WordBox[], terms: string[], measure: Measure = byCharacters): PageBox[] {
  if (terms.length === 0) return [];
  const out: PageBox[] = [];
  for (const box of words) {
    const whole = measure(box.text);
    if (whole <= 0) continue;
    for (const token of box.text.matchAll(WORD)) {
      const folded = fold(token[0]);
      if (!terms.some((term) => folded.startsWith(term))) continue;
      const before = token.index === 0 ? 0 : measure(box.text.slice(0, token.index));
      const start = before / whole;
      const end = Math.min(1, (before + measure(token[0])) / whole);
      const width = box.x1 - box.x0;
      out.push({ x0: box.x0 + width * start, x1: box.x0 + width * end, y0: box.y0, y1: box.y1 });
    }
  }
  return out;
}

/** Widths as a common sans-serif font draws them (most official documents), through a canvas in memory. */
export function fontMeasure(): Measure {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return byCharacters;
  context.font = '100px Helvetica, Arial, "Liberation Sans", sans-serif';
  return (text) => context.measureText(text).width;
}

/**
 * PDF text-layer words back into the runs they were cut from. The core spreads a run's width evenly over
 * its characters, which puts words of a proportional font a little off; rejoined (the spaces between
 * words recovered from that even spread), a run can be measured with a real font instead.
 */
export function rejoinRuns(words: WordBox[]): WordBox[] {
  const runs: WordBox[] = [];
  let run: (WordBox & { perChar: number }) | null = null;
  for (const word of words) {
    const perChar = word.text.length > 0 ? (word.x1 - word.x0) / word.text.length : 0;
    const gap = run ? (word.x0 - run.x1) / run.perChar : NaN;
    const spaces = Math.round(gap);
    const sameRun =
      run !== null &&
      perChar > 0 &&
      Math.abs(word.y0 - run.y0) < 0.01 &&
      Math.abs(word.y1 - run.y1) < 0.01 &&
      Math.abs(perChar - run.perChar) < run.perChar * 0.01 &&
      spaces >= 1 &&
      Math.abs(gap - spaces) < 0.05;
    if (run && sameRun) {
      run.text += ' '.repeat(spaces) + word.text;
      run.x1 = word.x1;
    } else {
      if (run) runs.push(strip(run));
      run = { ...word, perChar };
    }
  }
  if (run) runs.push(strip(run));
  return runs;
}

function strip({ text, x0, y0, x1, y1 }: WordBox & { perChar: number }): WordBox {
  return { text, x0, y0, x1, y1 };
}
