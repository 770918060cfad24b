// Working copies of PDFs without metadata: the document is rebuilt by pdf-lib from the objects the pages
// need, and nothing else. The Info dictionary (Author, Creator, Producer, Title, dates…) and every XMP
// /Metadata stream go; so do /PieceInfo (application private data, often the author's tool and name),
// the trailer's document ID, and every object no longer reachable from the catalogue — older revisions
// left by incremental saves keep earlier Info dictionaries that a plain "remove Info" would still write.
// Page content, fonts and images are kept as they were (streams are copied, not re-encoded), so the text
// still extracts and the page count is the original's.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';
import { AmparoError } from '../../../shared/errors';

const DROPPED_KEYS = ['Metadata', 'PieceInfo'].map((k) => PDFName.of(k));

function invalid(what: string): AmparoError {
  return new AmparoError('VALIDATION_FAILED', `Cannot make a copy without metadata: ${what}`);
}

/** Every indirect object reachable from the catalogue, with metadata keys removed on the way. */
function reachable(doc: PDFDocument, root: PDFRef): Set<PDFRef> {
  const seen = new Set<PDFRef>();
  const pending: PDFObject[] = [root];
  while (pending.length > 0) {
    const object = pending.pop()!;
    if (object instanceof PDFRef) {
      if (seen.has(object)) continue;
      seen.add(object);
      const target = doc.context.lookup(object);
      if (target) pending.push(target);
    } else if (object instanceof PDFDict || object instanceof PDFStream) {
      const dict = object instanceof PDFStream ? object.dict : object;
      for (const key of DROPPED_KEYS) dict.delete(key);
      for (const [, value] of dict.entries()) pending.push(value);
    } else if (object instanceof PDFArray) {
      for (let i = 0; i < object.size(); i++) pending.push(object.get(i));
    }
  }
  return seen;
}

/** The PDF without its metadata, and its page count (the same as the original's). */
export async function stripPdf(input: Uint8Array): Promise<{ bytes: Buffer; pages: number }> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(input, { updateMetadata: false });
  } catch (error) {
    if (error instanceof Error && /encrypted/i.test(error.message)) throw invalid('the PDF is encrypted');
    throw invalid('the PDF cannot be read');
  }
  let pages: number;
  try {
    pages = doc.getPageCount();
  } catch {
    throw invalid('the PDF has no readable pages');
  }
  const root = doc.context.trailerInfo.Root;
  if (!(root instanceof PDFRef)) throw invalid('the PDF has no catalogue');
  doc.context.trailerInfo.Info = undefined;
  doc.context.trailerInfo.ID = undefined;
  const keep = reachable(doc, root);
  for (const [ref] of doc.context.enumerateIndirectObjects()) {
    if (!keep.has(ref)) doc.context.delete(ref);
  }
  const bytes = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  return { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), pages };
}
