// What the extraction worker sends back to the queue.
import type { ExtractionReason } from '../../../shared/schemas/extraction';
import type { ExtractedPage } from './types';

export type WorkerMessage =
  | { type: 'total'; pages: number }
  | { type: 'page'; page: ExtractedPage }
  | { type: 'done'; engine: string; version: string }
  | { type: 'failed'; reason: ExtractionReason; message: string };
