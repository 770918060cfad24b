// One document to pages of text, by its type: PDFs page by page (text layer, OCR for pages without one),
// images through OCR, e-mails, Word and OpenDocument files, plain text and chat exports.
import { createRequire } from 'node:module';
import { emailText } from './email';
import { Ocr } from './ocr-port';
import { docxText, odtText } from './office';
import { openPdf, pdfjsVersion } from './pdf';
import { plainText } from './plain';
import { ExtractionFailure, textPage, type EngineInfo, type ExtractRequest, type PageSink } from './types';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODT = 'application/vnd.oasis.opendocument.text';
const OCR_IMAGES = new Set(['image/jpeg', 'image/png']);
const PLAIN = new Set(['text/plain', 'text/csv', 'text/markdown']);

/** Whether an item of this type has text to take (others are never queued). */
export function isExtractable(mediaType: string): boolean {
  return (
    mediaType === 'application/pdf' ||
    mediaType === 'message/rfc822' ||
    mediaType === DOCX ||
    mediaType === ODT ||
    OCR_IMAGES.has(mediaType) ||
    PLAIN.has(mediaType)
  );
}

/** The version of a package the text was taken with, recorded beside it. */
function versionOf(name: string): string {
  try {
    return (createRequire(__filename)(`${name}/package.json`) as { version: string }).version;
  } catch {
    return '';
  }
}

function aborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new ExtractionFailure('unreadable', 'Stopped');
}

export async function extractDocument(
  request: ExtractRequest,
  sink: PageSink,
  ocr: Ocr,
): Promise<EngineInfo> {
  const { bytes, mediaType, name, fromPage, signal } = request;
  if (mediaType === 'application/pdf') {
    const pdf = await openPdf(bytes);
    let usedOcr = false;
    let ocrMissing = 0;
    let withText = 0;
    try {
      sink.total(pdf.pageCount);
      for (let n = fromPage; n <= pdf.pageCount; n += 1) {
        aborted(signal);
        const { page, needsOcr } = await pdf.page(n);
        if (!needsOcr) {
          withText += 1;
          await sink.page(page);
          continue;
        }
        try {
          await sink.page(await ocr.pdfPage(bytes, n, signal));
          usedOcr = true;
          withText += 1;
        } catch (error) {
          if (!(error instanceof ExtractionFailure) || error.reason !== 'ocr_unavailable') throw error;
          ocrMissing += 1;
          await sink.page(page);
        }
      }
    } finally {
      await pdf.close();
    }
    if (withText === 0 && ocrMissing > 0 && fromPage === 1)
      throw new ExtractionFailure('ocr_unavailable', 'A scanned PDF and no OCR engine');
    const version = await pdfjsVersion();
    return usedOcr
      ? { engine: 'pdfjs+tesseract.js', version: `${version}+${versionOf('tesseract.js')}` }
      : { engine: 'pdfjs', version };
  }
  if (OCR_IMAGES.has(mediaType)) {
    sink.total(1);
    await sink.page(await ocr.image(1, bytes, signal));
    return { engine: 'tesseract.js', version: versionOf('tesseract.js') };
  }
  sink.total(1);
  if (mediaType === 'message/rfc822') {
    await sink.page(textPage(1, 'email', await emailText(bytes, name)));
    return { engine: 'postal-mime', version: versionOf('postal-mime') };
  }
  if (mediaType === DOCX) {
    await sink.page(textPage(1, 'docx', await docxText(bytes)));
    return { engine: 'mammoth', version: versionOf('mammoth') };
  }
  if (mediaType === ODT) {
    await sink.page(textPage(1, 'odt', odtText(bytes)));
    return { engine: 'fflate', version: versionOf('fflate') };
  }
  if (PLAIN.has(mediaType)) {
    const { method, text } = plainText(bytes);
    await sink.page(textPage(1, method, text));
    return { engine: 'amparo', version: '' };
  }
  throw new ExtractionFailure('unsupported', `No text can be taken from ${mediaType}`);
}
