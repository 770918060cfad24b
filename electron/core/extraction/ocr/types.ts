// What the OCR engine returns for one page image. Coordinates are pixels of the image that was given.

export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  /** 0–100, as Tesseract reports it. */
  confidence: number;
  bbox: OcrBox;
}

export interface OcrPage {
  text: string;
  /** Mean word confidence, 0–100. */
  confidence: number;
  width: number;
  height: number;
  words: OcrWord[];
}

export interface RecognizeOptions {
  signal?: AbortSignal;
}

export interface OcrEngine {
  /** One PNG or JPEG page image; calls are served one at a time. */
  recognize(image: Uint8Array, options?: RecognizeOptions): Promise<OcrPage>;
  close(): Promise<void>;
}

export type OcrLanguage = 'spa' | 'eng';

export interface OcrEngineOptions {
  langs: OcrLanguage[];
}

export interface RasterizedPage {
  /** 1-based page number. */
  page: number;
  /** PNG bytes, in memory only. */
  image: Uint8Array;
  width: number;
  height: number;
}

export interface RasterizeOptions {
  /** 300 by default. */
  dpi?: number;
  /** 1-based page numbers; all pages by default. */
  pages?: number[];
  signal?: AbortSignal;
}
