// The text layer of a PDF with pdf.js (legacy build, in Node): page by page, each word with its box in
// PDF points from the page's top-left corner. Fonts and character maps come from the package's own files
// (never fetched); an encrypted PDF fails with its own reason. Pages without a text layer are reported so
// the caller can send them to OCR.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WordBox } from '../../../shared/schemas/extraction';
import { ExtractionFailure, type ExtractedPage } from './types';

/** Fewer letters or digits than this on a page: it is a scan (or a picture) and goes to OCR. */
export const MIN_TEXT_CHARS = 8;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;
const load = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

function packageDir(): string {
  return dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'));
}

export async function pdfjsVersion(): Promise<string> {
  return (await load()).version;
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/** Splits a text run into words, spreading the run's width over its characters. */
function wordsOf(item: TextItem, pageHeight: number): WordBox[] {
  const [a = 1, b = 0, , , e = 0, f = 0] = item.transform;
  const size = Math.hypot(a, b) || item.height;
  const height = item.height || size;
  const perChar = item.str.length > 0 ? item.width / item.str.length : 0;
  const words: WordBox[] = [];
  for (const m of item.str.matchAll(/\S+/g)) {
    const x0 = e + perChar * m.index;
    words.push({
      text: m[0],
      x0,
      y0: pageHeight - f - height,
      x1: x0 + perChar * m[0].length,
      y1: pageHeight - f + height * 0.2,
    });
  }
  return words;
}

export interface PdfPages {
  pageCount: number;
  /** The text layer of one page; `needsOcr` when it holds (almost) no text. */
  page(n: number): Promise<{ page: ExtractedPage; needsOcr: boolean }>;
  close(): Promise<void>;
}

export async function openPdf(bytes: Uint8Array): Promise<PdfPages> {
  const { getDocument, VerbosityLevel } = await load();
  const dir = packageDir();
  const task = getDocument({
    // pdf.js may take the buffer over: give it a copy, the caller still needs the bytes for OCR.
    data: bytes.slice(),
    standardFontDataUrl: `${pathToFileURL(join(dir, 'standard_fonts'))}/`,
    cMapUrl: `${pathToFileURL(join(dir, 'cmaps'))}/`,
    cMapPacked: true,
    useWorkerFetch: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException')
      throw new ExtractionFailure('encrypted_pdf', 'The PDF is protected with a password');
    throw new ExtractionFailure('unreadable', `Not a readable PDF: ${(error as Error).message}`);
  }
  return {
    pageCount: doc.numPages,
    async page(n) {
      const page = await doc.getPage(n);
      try {
        const { width, height } = page.getViewport({ scale: 1 });
        const content = await page.getTextContent();
        let text = '';
        const words: WordBox[] = [];
        for (const raw of content.items) {
          if (!('str' in raw)) continue;
          const item = raw as TextItem;
          text += item.str + (item.hasEOL ? '\n' : '');
          words.push(...wordsOf(item, height));
        }
        text = text.replace(/[ \t]+\n/g, '\n').trim();
        const letters = text.replace(/[^\p{L}\p{N}]/gu, '').length;
        return {
          page: { page: n, method: 'text_layer', text, width, height, words },
          needsOcr: letters < MIN_TEXT_CHARS,
        };
      } finally {
        page.cleanup();
      }
    },
    async close() {
      await doc.destroy();
    },
  };
}
