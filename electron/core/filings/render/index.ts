// The document writers: one RenderableDocument, printed as PDF or DOCX. Filings and hearing binders
// compose the document (names chosen, exhibits numbered) and call writeDocument; nothing here reads the
// vault.
import { RenderableDocument } from '../../../../shared/schemas/filing-render';
import { renderDocx } from './docx';
import type { RenderOptions } from './options';
import { renderPdf } from './pdf';

export { renderDocx } from './docx';
export type { RenderOptions } from './options';
export { renderPdf } from './pdf';

export type DocumentFormat = 'pdf' | 'docx';

export const DOCUMENT_MIME: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Checks the document against its schema (it crosses from composition code) and writes it. */
export async function writeDocument(
  doc: RenderableDocument,
  format: DocumentFormat,
  opts: RenderOptions = {},
): Promise<Uint8Array> {
  const parsed = RenderableDocument.parse(doc);
  return format === 'pdf' ? renderPdf(parsed, opts) : renderDocx(parsed, opts);
}
