// Scans and photos through the whole pipeline: a PDF without a text layer (the letter rendered to an image)
// and a phone-like photo of the letter are read by OCR in the extraction worker and found by a word with
// accents typed without them, on page 1, with word boxes in the image's pixels.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { foldForSearch } from '../../../electron/core/text/fold';
import { filesHolding, open, type Bench } from './helpers';
import { letterPhotoJpeg, letterScanPdf } from './ocr-fixtures';

let bench: Bench | null = null;
afterEach(async () => {
  await bench?.dispose();
  bench = null;
});

describe('search inside scanned documents', () => {
  it('finds words of a scanned PDF and of a photo of a letter, by OCR, on page 1', async () => {
    bench = await open();
    const b = bench;
    const matterId = await b.newCase();
    const scan = join(b.fixtures, 'oficio-escaneado.pdf');
    await writeFile(scan, await letterScanPdf());
    const photo = join(b.fixtures, 'foto-oficio.jpg');
    await writeFile(photo, (await letterPhotoJpeg()) as Uint8Array);
    const [scanId, photoId] = await b.add(matterId, [scan, photo]);
    const done = await b.ok('extraction:start', { wait: true });
    expect(done).toMatchObject({ done: 2, failed: 0 });

    for (const [id, word] of [
      [scanId, 'Ordóñez'],
      [photoId, 'Xóchitl'],
    ] as const) {
      const hits = (await b.ok('search:query', { query: foldForSearch(word) })).documents.hits;
      expect(
        hits
          .filter((h: { itemId: string }) => h.itemId === id)
          .map((h: { page: number; method: string }) => [h.page, h.method]),
        word,
      ).toEqual([[1, 'ocr']]);
      const page = (await b.ok('extraction:text', { id, page: 1 })).pages[0];
      const box = page.words.find((w: { text: string }) =>
        foldForSearch(w.text).includes(foldForSearch(word)),
      );
      expect(box, word).toBeDefined();
      expect(box.x1).toBeGreaterThan(box.x0);
      expect(box.x1).toBeLessThanOrEqual(page.width);
      expect(box.y1).toBeLessThanOrEqual(page.height);
    }
    expect((await b.ok('extraction:status', { id: scanId })).engine).toBe('pdfjs+tesseract.js');

    await b.ok('vault:lock');
    expect(await filesHolding(join(b.root, 'boveda'), ['Ordóñez', 'Xóchitl', 'Ordonez', 'Xochitl'])).toEqual(
      [],
    );
    expect(await filesHolding(join(b.root, 'tmp'), ['Ordóñez', 'Xóchitl', 'Ordonez', 'Xochitl'])).toEqual([]);
  });
});
