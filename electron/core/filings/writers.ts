// The one door to the PDF and DOCX writers (electron/core/filings/render/). Composition hands them only a
// RenderableDocument, already redacted and numbered.
import { AmparoError } from '../../../shared/errors';
import type { RenderableDocument } from '../../../shared/schemas/filing-render';

export type WriterFormat = 'pdf' | 'docx';

export type WriteDocument = (doc: RenderableDocument, format: WriterFormat) => Promise<Uint8Array>;

/** Replaced at merge by the render helpers' renderPdf / renderDocx. */
export const writeDocument: WriteDocument = async (_doc, format) => {
  throw new AmparoError('INTERNAL', `The ${format} writer is not implemented yet`);
};
