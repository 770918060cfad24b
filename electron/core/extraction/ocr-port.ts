// OCR as one call for the pipeline: the engine and the PDF rasterizer live in ./ocr (tesseract.js and
// its language data, all local). Loaded on first need, inside the extraction worker only.
import type { WordBox } from '../../../shared/schemas/extraction';
import type { ExtractedPage } from './types';
import { ExtractionFailure } from './types';

interface OcrWord {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}
interface OcrResult {
  text: string;
  confidence: number;
  width: number;
  height: number;
  words: OcrWord[];
}
interface Engine {
  recognize(image: Uint8Array, options?: { signal?: AbortSignal }): Promise<OcrResult>;
  close(): Promise<void>;
}
interface OcrModule {
  createOcrEngine(options: { langs: ('spa' | 'eng')[] }): Promise<Engine>;
  rasterizePdfPages?(
    pdf: Uint8Array,
    options: { dpi?: number; pages?: number[]; signal?: AbortSignal },
  ): AsyncIterable<{ page: number; image: Uint8Array; width: number; height: number }>;
}

// Resolved at run time: the OCR module is optional in a build without its language data.
const OCR_MODULE = './ocr/index';

export class Ocr {
  private engine: Promise<Engine> | null = null;
  private module: Promise<OcrModule> | null = null;

  private load(): Promise<OcrModule> {
    this.module ??= (import(/* @vite-ignore */ OCR_MODULE) as Promise<OcrModule>).catch((error: unknown) => {
      throw new ExtractionFailure('ocr_unavailable', `OCR is not available: ${(error as Error).message}`);
    });
    return this.module;
  }

  private get(): Promise<Engine> {
    this.engine ??= this.load().then((m) => m.createOcrEngine({ langs: ['spa', 'eng'] }));
    return this.engine;
  }

  /** One page image (PNG or JPEG) as a page of text with its word boxes in the image's pixels. */
  async image(page: number, image: Uint8Array, signal?: AbortSignal): Promise<ExtractedPage> {
    const result = await (await this.get()).recognize(image, signal ? { signal } : {});
    return toPage(page, result);
  }

  /** One PDF page rendered at 300 dpi and read; boxes in that image's pixels. */
  async pdfPage(pdf: Uint8Array, page: number, signal?: AbortSignal): Promise<ExtractedPage> {
    const m = await this.load();
    if (!m.rasterizePdfPages) throw new ExtractionFailure('ocr_unavailable', 'No PDF rasterizer');
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

function toPage(page: number, result: OcrResult): ExtractedPage {
  const words: WordBox[] = result.words.map((w) => ({ text: w.text, ...w.bbox }));
  return { page, method: 'ocr', text: result.text.trim(), width: result.width, height: result.height, words };
}
