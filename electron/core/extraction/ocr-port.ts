// OCR as one call for the pipeline: the engine and the PDF rasterizer live in ./ocr (tesseract.js and its
// language data, all local). Loaded on first need, inside the extraction worker only; a build or machine
// where it cannot load marks scans `ocr_unavailable` instead of failing the queue.
import type { WordBox } from '../../../shared/schemas/extraction';
import type { OcrEngine, OcrPage } from './ocr';
import { ExtractionFailure, type ExtractedPage } from './types';

type OcrModule = typeof import('./ocr');

export class Ocr {
  private engine: Promise<OcrEngine> | null = null;
  private module: Promise<OcrModule> | null = null;

  private load(): Promise<OcrModule> {
    this.module ??= import('./ocr').catch((error: unknown) => {
      throw new ExtractionFailure('ocr_unavailable', `OCR is not available: ${(error as Error).message}`);
    });
    return this.module;
  }

  private get(): Promise<OcrEngine> {
    this.engine ??= this.load().then((m) =>
      m.createOcrEngine({ langs: ['spa', 'eng'] }).catch((error: unknown) => {
        throw new ExtractionFailure('ocr_unavailable', `OCR did not start: ${(error as Error).message}`);
      }),
    );
    return this.engine;
  }

  /** One page image (PNG or JPEG) as a page of text with its word boxes in the image's pixels. */
  async image(page: number, image: Uint8Array, signal?: AbortSignal): Promise<ExtractedPage> {
    const engine = await this.get();
    let result: OcrPage;
    try {
      result = await engine.recognize(image, signal ? { signal } : {});
    } catch (error) {
      if (error instanceof ExtractionFailure) throw error;
      throw new ExtractionFailure('unreadable', `The image could not be read: ${(error as Error).message}`);
    }
    return toPage(page, result);
  }

  /** One PDF page rendered at 300 dpi and read; boxes in that image's pixels. */
  async pdfPage(pdf: Uint8Array, page: number, signal?: AbortSignal): Promise<ExtractedPage> {
    const m = await this.load();
    for await (const rendered of m.rasterizePdfPages(pdf, {
      dpi: 300,
      pages: [page],
      ...(signal ? { signal } : {}),
    })) {
      return this.image(page, rendered.image, signal);
    }
    throw new ExtractionFailure('unreadable', `Page ${page} could not be rendered`);
  }

  async close(): Promise<void> {
    const engine = this.engine;
    this.engine = null;
    if (engine) await (await engine.catch(() => null))?.close();
  }
}

function toPage(page: number, result: OcrPage): ExtractedPage {
  const words: WordBox[] = result.words.map((w) => ({ text: w.text, ...w.bbox }));
  return {
    page,
    method: 'ocr',
    text: result.text.trim(),
    width: result.width,
    height: result.height,
    words,
  };
}
