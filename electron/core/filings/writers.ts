// The one door to the PDF and DOCX writers (electron/core/filings/render/). Composition hands them only a
// RenderableDocument, already redacted and numbered.
import type { RenderableDocument } from '../../../shared/schemas/filing-render';
import { writeDocument as render } from './render';

export type WriterFormat = 'pdf' | 'docx';

export type WriteDocument = (doc: RenderableDocument, format: WriterFormat) => Promise<Uint8Array>;

export const writeDocument: WriteDocument = (doc, format) => render(doc, format);
