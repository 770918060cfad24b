// Offline OCR for search inside the evidence: the engine (tesseract.js, Spanish and English, all files
// local) and the rasterizer that renders PDF pages in memory for it.
export { createOcrEngine, OcrAbortedError, OcrFailedError } from './engine';
export { rasterizePdfPages } from './rasterize';
export type {
  OcrBox,
  OcrEngine,
  OcrEngineOptions,
  OcrLanguage,
  OcrPage,
  OcrWord,
  RasterizedPage,
  RasterizeOptions,
  RecognizeOptions,
} from './types';
