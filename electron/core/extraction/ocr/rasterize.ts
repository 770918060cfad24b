// PDF pages → PNG images in memory for OCR, with pdf.js (legacy build, for Node) drawing into an
// @napi-rs/canvas canvas (Skia; the canvas pdf.js itself uses under Node). Nothing is written to disk:
// the PDF is given as bytes, fonts, colour maps and image decoders are read from pdfjs-dist's folders
// with fs, and each page image exists only until the caller drops it.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import { unpackedPath } from './paths';
import type { RasterizedPage, RasterizeOptions } from './types';
import { OcrAbortedError } from './engine';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type RenderParameters = Parameters<import('pdfjs-dist/legacy/build/pdf.mjs').PDFPageProxy['render']>[0];

const requireHere = createRequire(__filename);
let pdfjs: Promise<PdfJs> | undefined;

function loadPdfJs(): Promise<PdfJs> {
  // An ES module: imported, not required (the core also runs as CommonJS).
  const file = requireHere.resolve('pdfjs-dist/legacy/build/pdf.mjs');
  return (pdfjs ??= import(pathToFileURL(file).href) as Promise<PdfJs>);
}

/** pdf.js wants folder paths ending in a separator; under Node it reads them with fs. */
function pdfjsFolder(name: string): string {
  const root = path.dirname(requireHere.resolve('pdfjs-dist/package.json'));
  return unpackedPath(path.join(root, name)) + path.sep;
}

/** The largest page side rendered, in pixels (A3 at 300 dpi fits): a poster at 300 dpi would need gigabytes. */
const MAX_SIDE = 6_000;

export async function* rasterizePdfPages(
  pdf: Uint8Array,
  options: RasterizeOptions = {},
): AsyncIterable<RasterizedPage> {
  const dpi = options.dpi ?? 300;
  const { getDocument } = await loadPdfJs();
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    disableFontFace: true,
    standardFontDataUrl: pdfjsFolder('standard_fonts'),
    cMapUrl: pdfjsFolder('cmaps'),
    cMapPacked: true,
    wasmUrl: pdfjsFolder('wasm'),
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const all = Array.from({ length: doc.numPages }, (_, i) => i + 1);
    const wanted = options.pages ? all.filter((n) => options.pages?.includes(n)) : all;
    for (const number of wanted) {
      if (options.signal?.aborted) throw new OcrAbortedError();
      const page = await doc.getPage(number);
      try {
        const base = page.getViewport({ scale: 1 });
        const scale = Math.min(dpi / 72, MAX_SIDE / Math.max(base.width, base.height));
        const viewport = page.getViewport({ scale });
        const width = Math.ceil(viewport.width);
        const height = Math.ceil(viewport.height);
        const canvas = createCanvas(width, height);
        const context = canvas.getContext('2d');
        // Scans are often transparent where nothing is drawn: OCR wants paper, not black.
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, width, height);
        await page.render({
          canvas: canvas as unknown as RenderParameters['canvas'],
          canvasContext: context as unknown as RenderParameters['canvasContext'],
          viewport,
        }).promise;
        const image = new Uint8Array(await canvas.encode('png'));
        yield { page: number, image, width, height };
      } finally {
        page.cleanup();
      }
    }
  } finally {
    await doc.destroy();
  }
}
