// A long filing renders in reasonable time: 300 numbered paragraphs and a 200-row exhibit index.
import { describe, expect, it } from 'vitest';
import { renderDocx, renderPdf } from '../../../electron/core/filings/render';
import { sampleDocument } from './render-sample';

describe('rendering a long document', () => {
  it('takes seconds, not minutes, in both formats', async () => {
    const doc = sampleDocument({ paragraphs: 300, rows: 200 });
    let started = performance.now();
    const pdf = await renderPdf(doc);
    const pdfMs = performance.now() - started;
    started = performance.now();
    const docx = await renderDocx(doc);
    const docxMs = performance.now() - started;
    console.log(
      `300 paragraphs + 200 rows: PDF ${Math.round(pdfMs)} ms (${pdf.length} bytes), DOCX ${Math.round(docxMs)} ms (${docx.length} bytes)`,
    );
    // Generous for a shared 2-core machine; a few seconds on a quiet one.
    expect(pdfMs).toBeLessThan(30_000);
    expect(docxMs).toBeLessThan(30_000);
  }, 90_000);
});
