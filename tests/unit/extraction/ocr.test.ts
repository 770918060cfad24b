// OCR of pages the test makes itself (ocr-fixtures.ts): a rendered Spanish letter, the same page as a
// scanned PDF without text, and a phone-like photo of it, through the real tesseract.js engine with the
// shipped Spanish and English data. Also: no network attempt, and no plaintext of the letter on disk.
import { execFile } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrEngine, rasterizePdfPages, type OcrEngine } from '../../../electron/core/extraction/ocr';
import { unpackedPath } from '../../../electron/core/extraction/ocr/paths';
import {
  comparableWords,
  DISTINCTIVE_WORDS,
  LETTER_TEXT,
  letterPhotoJpeg,
  letterScanPdf,
  letterSidewaysJpeg,
  renderLetterPng,
  wordAccuracy,
} from './ocr-fixtures';

const root = path.resolve(__dirname, '../../..');
/**
 * One resolution for the letter, its scan and its photo, so the page is drawn once (the fixtures keep it):
 * 150 dpi, 1240 × 1754 px, is what a scan of a letter usually is and enough for the accuracy asked.
 */
const PAGE_DPI = 150;
let engine: OcrEngine;
const startedAt = Date.now();

/** The network test's child process, started first so that it runs beside the tests in this process. */
let networkChild: Promise<{ stdout: string; stderr: string }>;

beforeAll(async () => {
  networkChild = promisify(execFile)(
    process.execPath,
    [
      '--require',
      path.join(__dirname, 'ocr-network-hook.cjs'),
      '--import',
      'tsx',
      path.join(__dirname, 'ocr-network-child.ts'),
    ],
    // tsx would cache the compiled fixtures (the letter's text) in the temp folder.
    {
      cwd: root,
      env: { ...process.env, TSX_DISABLE_CACHE: '1' },
      maxBuffer: 16 * 1024 * 1024,
      timeout: 120_000,
    },
  );
  networkChild.catch(() => {});
  engine = await createOcrEngine({ langs: ['spa', 'eng'] });
});
afterAll(async () => {
  await engine?.close();
});

/** The letter's distinctive words that the OCR text lacks. */
function missing(text: string): string[] {
  const found = new Set(comparableWords(text));
  return DISTINCTIVE_WORDS.filter((w) => !found.has(w));
}

describe('word accuracy measure (the test’s own yardstick)', () => {
  it('counts substitutions, insertions and deletions against the reference words', () => {
    expect(wordAccuracy('uno dos tres cuatro', 'uno dos tres cuatro')).toBe(1);
    expect(wordAccuracy('uno dos tres cuatro', 'uno dos tres')).toBe(0.75);
    expect(wordAccuracy('uno dos tres cuatro', 'uno dós tres cuatro cinco')).toBe(0.5);
    expect(wordAccuracy('¿Cuándo? ¡Ya!', 'Cuándo Ya')).toBe(1);
  });
});

describe('OCR engine (tesseract.js, spa+eng, offline)', () => {
  it('reads the rendered Spanish letter with word accuracy above 95 %', async () => {
    const { png, width, height } = renderLetterPng(PAGE_DPI);
    const page = await engine.recognize(png);
    const accuracy = wordAccuracy(LETTER_TEXT, page.text);
    console.log(`OCR word accuracy, rendered letter (${PAGE_DPI} dpi): ${(accuracy * 100).toFixed(1)} %`);
    expect(accuracy).toBeGreaterThan(0.95);
    expect(missing(page.text)).toEqual([]);
    expect(page.width).toBe(width);
    expect(page.height).toBe(height);
    expect(page.confidence).toBeGreaterThan(80);
    // Word boxes lie on the page and the words are the text's words.
    const where = page.words.find((w) => w.text.includes('Íñiguez'));
    expect(where).toBeDefined();
    const box = where!.bbox;
    expect(box.x0).toBeGreaterThanOrEqual(0);
    expect(box.x1).toBeGreaterThan(box.x0);
    expect(box.y1).toBeGreaterThan(box.y0);
    expect(box.x1).toBeLessThanOrEqual(width);
    expect(box.y1).toBeLessThanOrEqual(height);
    // The letter's paragraph starting "Por medio" sits below the date line.
    const date = page.words.find((w) => w.text === 'Ciudad');
    expect(date!.bbox.y1).toBeLessThan(box.y0);
  });

  it('reads the phone-like photo (turned 2.5°, uneven light, noise, JPEG)', async () => {
    const photo = await letterPhotoJpeg({ dpi: PAGE_DPI });
    expect([photo[0], photo[1]]).toEqual([0xff, 0xd8]);
    const page = await engine.recognize(photo);
    const accuracy = wordAccuracy(LETTER_TEXT, page.text);
    console.log(`OCR word accuracy, phone-like photo: ${(accuracy * 100).toFixed(1)} %`);
    expect(missing(page.text)).toEqual([]);
    // The engine straightens the slanted page before reading it (79 % without: one paragraph was lost).
    expect(accuracy).toBeGreaterThan(0.95);
    // Its word boxes are turned back onto the photo as given: "Ciudad" starts where the fixture drew
    // the letter's first line, the page turned 2.5° about the photo's centre.
    const dpi = PAGE_DPI;
    const pageSize = { width: Math.round((210 / 25.4) * dpi), height: Math.round((297 / 25.4) * dpi) };
    const photoSize = {
      width: Math.round(pageSize.width * 1.08),
      height: Math.round(pageSize.height * 1.06),
    };
    const margin = (25 / 25.4) * dpi;
    const [x, y] = [margin - pageSize.width / 2, margin + 12 * (dpi / 72) - pageSize.height / 2];
    const turn = (2.5 * Math.PI) / 180;
    const start = {
      x: photoSize.width / 2 + x * Math.cos(turn) - y * Math.sin(turn),
      baseline: photoSize.height / 2 + x * Math.sin(turn) + y * Math.cos(turn),
    };
    expect([page.width, page.height]).toEqual([photoSize.width, photoSize.height]);
    const ciudad = page.words.find((w) => w.text === 'Ciudad');
    expect(ciudad).toBeDefined();
    expect(Math.abs(ciudad!.bbox.x0 - start.x)).toBeLessThan(12);
    expect(Math.abs(ciudad!.bbox.y1 - start.baseline)).toBeLessThan(12);
  });

  it('turns a photo upright by its EXIF orientation, with the upright size', async () => {
    const { jpeg, width, height } = await letterSidewaysJpeg(100);
    const page = await engine.recognize(jpeg);
    expect(page.text).toContain('Ciudad de México');
    expect([page.width, page.height]).toEqual([width, height]);
    const date = page.words.find((w) => w.text === 'Ciudad');
    // Upright, the date line is at the top left of the page.
    expect(date!.bbox.x0).toBeLessThan(width / 3);
    expect(date!.bbox.y1).toBeLessThan(height / 5);
  });

  it('reads the scanned PDF through rasterizePdfPages → recognize', async () => {
    const pdf = await letterScanPdf(PAGE_DPI);
    const pages = [];
    for await (const page of rasterizePdfPages(pdf, { dpi: PAGE_DPI })) pages.push(page);
    expect(pages.map((p) => p.page)).toEqual([1]);
    // A4 is 595.28 × 841.89 pt; at 150 dpi that is 1240.2 × 1753.9 px, rounded up.
    expect([pages[0]!.width, pages[0]!.height]).toEqual([1241, 1754]);
    const page = await engine.recognize(pages[0]!.image);
    const accuracy = wordAccuracy(LETTER_TEXT, page.text);
    console.log(`OCR word accuracy, scanned PDF (${PAGE_DPI} dpi): ${(accuracy * 100).toFixed(1)} %`);
    expect(missing(page.text)).toEqual([]);
    expect(accuracy).toBeGreaterThan(0.95);
  });

  it('renders only the pages asked for', async () => {
    const pdf = await letterScanPdf(100);
    const pages = [];
    for await (const page of rasterizePdfPages(pdf, { dpi: 72, pages: [2, 1] })) pages.push(page);
    expect(pages.map((p) => [p.page, p.width, p.height])).toEqual([[1, 596, 842]]);
  });

  it('refuses what is not a PNG or JPEG, and a damaged image', async () => {
    await expect(engine.recognize(new TextEncoder().encode('%PDF-1.7'))).rejects.toThrow(/PNG or JPEG/);
    const truncated = renderLetterPng(100).png.subarray(0, 2000);
    await expect(engine.recognize(truncated)).rejects.toMatchObject({
      name: 'OcrFailedError',
      message: expect.stringMatching(/read image/),
    });
  });

  it('cancels a recognition, and works again after that and after the failures above', async () => {
    const controller = new AbortController();
    const image = renderLetterPng(100).png;
    const pending = engine.recognize(image, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    const page = await engine.recognize(image);
    expect(page.text).toContain('Ciudad de México');
  });

  it('maps paths inside app.asar to app.asar.unpacked, and leaves others alone', () => {
    const inside = path.join(
      path.sep,
      'opt',
      'Amparo',
      'resources',
      'app.asar',
      'node_modules',
      'tesseract.js',
    );
    expect(unpackedPath(inside)).toBe(
      path.join(path.sep, 'opt', 'Amparo', 'resources', 'app.asar.unpacked', 'node_modules', 'tesseract.js'),
    );
    expect(unpackedPath(path.join(root, 'node_modules', 'tesseract.js'))).toBe(
      path.join(root, 'node_modules', 'tesseract.js'),
    );
  });
});

describe('OCR stays off the network', () => {
  it('makes no network attempt in any thread (child process with a blocking hook)', async () => {
    const { stdout, stderr } = await networkChild;
    const lines = stderr.split('\n');
    const done = lines.indexOf('OCR-DONE');
    expect(done, stderr).toBeGreaterThan(0);
    const attempts = (from: number, to: number) =>
      lines.slice(from, to).filter((l) => l.startsWith('NETWORK-ATTEMPT'));
    // The hook ran in the main thread and in tesseract.js's worker thread…
    expect(lines.slice(0, done).filter((l) => l.startsWith('NETWORK-HOOK worker-')).length).toBeGreaterThan(
      0,
    );
    // …no attempt during OCR…
    expect(attempts(0, done)).toEqual([]);
    // …and the deliberate probes afterwards were caught, in the main thread and in a worker.
    const probes = attempts(done, lines.length);
    expect(probes.some((l) => l.startsWith('NETWORK-ATTEMPT main fetch'))).toBe(true);
    expect(probes.some((l) => /^NETWORK-ATTEMPT worker-\d+ net\.Socket\.connect/.test(l))).toBe(true);
    const result = JSON.parse(stdout) as { fromPdf: string };
    expect(missing(result.fromPdf)).toEqual([]);
  }, 120_000);
});

/** Files under `dir` changed since the test began (recursively; unreadable entries skipped). */
async function recentFiles(dir: string, since: number, depth = 4): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const found = await Promise.all(
    entries.map(async (entry): Promise<string[]> => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        const skip = depth === 0 || entry.name === 'node_modules' || entry.name === '.git';
        return skip ? [] : recentFiles(full, since, depth - 1);
      }
      if (!entry.isFile()) return [];
      const info = await stat(full).catch(() => undefined);
      return info && info.mtimeMs >= since && info.size < 256 * 1024 * 1024 ? [full] : [];
    }),
  );
  return found.flat();
}

describe('OCR leaves no plaintext on disk', () => {
  it('writes no text of the letter and no traineddata cache to the temp folder, the tests or the working folder', async () => {
    const needles = ['Íñiguez', 'Xóchitl', 'FEIDDF'].flatMap((w) => [
      Buffer.from(w, 'utf8'),
      Buffer.from(w, 'utf16le'),
    ]);
    const files = [
      ...(await recentFiles(tmpdir(), startedAt)),
      ...(await recentFiles(__dirname, startedAt)),
      ...(await recentFiles(root, startedAt, 0)),
    ];
    const leaks: string[] = [];
    for (const file of files) {
      const bytes = await readFile(file).catch(() => undefined);
      if (bytes && needles.some((n) => bytes.includes(n))) leaks.push(file);
    }
    expect(leaks.join('\n')).toBe('');
    expect(files.filter((f) => f.endsWith('.traineddata'))).toEqual([]);
    console.log(`byte scan: ${files.length} files changed since the test began, none with the letter's text`);
  });
});
