// Text-PDF extraction: pages per second through the extraction worker (pdf.js text layer with word boxes,
// the bytes moved to a worker thread), beside poppler's `pdftotext` from Debian on the same file in the
// same run. The worker is started once before measuring, as the queue keeps one for a run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { ExtractionWorker } from '../../electron/core/extraction/worker-host';
import { header, row, time } from './measure';

const PAGES = 200;
const PDFTOTEXT = '/usr/bin/pdftotext';

async function reportPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < PAGES; p++) {
    const page = doc.addPage([612, 792]);
    for (let l = 0; l < 45; l++)
      page.drawText(`Página ${p + 1}, renglón ${l}: la autoridad informó sobre las medidas de protección.`, {
        x: 54,
        y: 740 - l * 15,
        size: 10,
        font,
      });
  }
  return doc.save();
}

export async function benchExtraction(dir: string): Promise<void> {
  const pdf = await reportPdf();
  const file = join(dir, 'informe.pdf');
  await writeFile(file, pdf);
  const worker = new ExtractionWorker();
  const extract = async () => {
    let pages = 0;
    await worker.run({
      bytes: pdf,
      mediaType: 'application/pdf',
      name: 'informe.pdf',
      fromPage: 1,
      signal: new AbortController().signal,
      onTotal: () => undefined,
      onPage: () => void (pages += 1),
    });
    if (pages !== PAGES) throw new Error(`extracted ${pages} of ${PAGES} pages`);
  };
  const startup = performance.now();
  await extract();
  const first = performance.now() - startup;
  const ours = await time(3, extract);
  worker.terminate();
  console.log(header(`Text-PDF extraction — ${PAGES} pages of text`, 'pdftotext'));
  if (!existsSync(PDFTOTEXT)) {
    console.log(
      `pages per second: ${((PAGES / ours) * 1000).toFixed(0)} (pdftotext missing: apt install poppler-utils)`,
    );
    return;
  }
  const theirs = await time(3, () => execFileSync(PDFTOTEXT, ['-layout', file, '-'], { maxBuffer: 1 << 28 }));
  console.log(row('ms per page (text layer)', ours / PAGES, theirs / PAGES));
  console.log(
    `(${((PAGES / ours) * 1000).toFixed(0)} pages per second, pdftotext ${((PAGES / theirs) * 1000).toFixed(0)}; the first run, starting the worker and loading pdf.js, took ${(first / 1000).toFixed(1)} s)`,
  );
}
