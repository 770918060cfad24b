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

/**
 * The parts of the boxes that hold a searched word. A box may hold a run of several words (a PDF text
 * item): the word's part is then estimated from its position among the run's characters.
 */
export function matchingBoxes(words: WordBox[], terms: string[]): PageBox[] {
  if (terms.length === 0) return [];
  const out: PageBox[] = [];
  for (const box of words) {
    const text = fold(box.text);
    const length = text.length;
    if (length === 0) continue;
    for (const token of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      if (!terms.some((term) => token[0].startsWith(term))) continue;
      const start = token.index / length;
      const end = (token.index + token[0].length) / length;
      const width = box.x1 - box.x0;
      out.push({ x0: box.x0 + width * start, x1: box.x0 + width * end, y0: box.y0, y1: box.y1 });
    }
  }
  return out;
}
