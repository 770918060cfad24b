import { useEffect, useState } from 'react';
import { client } from '../../../api/client';
import type { PageHighlights } from '../../../components/pdf/PdfPages';
import { fontMeasure, matchingBoxes, queryTerms, rejoinRuns } from './matchWords';

/** A document hit to show: the page and the words searched for. */
export interface EvidenceFocus {
  page: number;
  query: string;
}

/**
 * The marks for a document hit: the page at once, then the boxes of the searched words on it, from the
 * page's extracted text (PDF text-layer positions, or OCR word boxes of a scan or photo).
 */
export function useHitHighlights(itemId: string, focus: EvidenceFocus | undefined): PageHighlights | null {
  const [found, setFound] = useState<{ key: string; highlights: PageHighlights } | null>(null);
  const pageNumber = focus?.page;
  const query = focus?.query;
  const key = focus ? `${itemId}:${focus.page}:${focus.query}` : null;

  useEffect(() => {
    if (pageNumber === undefined || query === undefined || !key) return undefined;
    let active = true;
    client.extraction.text({ id: itemId, page: pageNumber }).then(
      (text) => {
        const page = text.pages.find((p) => p.page === pageNumber);
        if (!active || !page) return;
        const terms = queryTerms(query);
        // OCR boxes are each a word as seen; text-layer words are re-measured within their run.
        const boxes =
          page.method === 'text_layer'
            ? matchingBoxes(rejoinRuns(page.words), terms, fontMeasure())
            : matchingBoxes(page.words, terms);
        const space = page.width && page.height ? { width: page.width, height: page.height } : undefined;
        setFound({ key, highlights: { page: pageNumber, boxes, space } });
      },
      // Without its text (turned off since, or not readable) the page still opens, unmarked.
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [itemId, pageNumber, query, key]);

  if (!focus) return null;
  if (found?.key === key) return found.highlights;
  return { page: focus.page, boxes: [] };
}
