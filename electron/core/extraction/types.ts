// What an extractor hands back, page by page, and how it says a document cannot be read.
import type { ExtractionMethod, ExtractionReason, WordBox } from '../../../shared/schemas/extraction';

export interface ExtractedPage {
  /** From 1. */
  page: number;
  method: ExtractionMethod;
  text: string;
  /** Page size in the units of `words` (PDF points, image pixels); null without boxes. */
  width: number | null;
  height: number | null;
  words: WordBox[];
}

export interface PageSink {
  /** The document's page count, once known. */
  total(pages: number): void;
  page(page: ExtractedPage): void | Promise<void>;
}

/** A document whose text cannot be taken, with the code shown to the user. */
export class ExtractionFailure extends Error {
  constructor(
    readonly reason: ExtractionReason,
    message: string,
  ) {
    super(message);
    this.name = 'ExtractionFailure';
  }
}

export interface ExtractRequest {
  bytes: Uint8Array;
  mediaType: string;
  name: string;
  /** Pages before this one were stored already (a resumed item). */
  fromPage: number;
  signal?: AbortSignal;
}

/** The engine that took the text, recorded with it. */
export interface EngineInfo {
  engine: string;
  version: string;
}

/** A page of text with no boxes (e-mails, office files, chats). */
export const textPage = (page: number, method: ExtractionMethod, text: string): ExtractedPage => ({
  page,
  method,
  text,
  width: null,
  height: null,
  words: [],
});
