// Offline OCR with tesseract.js: its Node worker thread runs Tesseract compiled to WebAssembly. Every
// path is local (paths.ts), the language data is read from the @tesseract.js-data packages and handed
// to the worker's in-memory file system, and cacheMethod 'none' keeps tesseract.js from writing a
// traineddata cache into the working folder. Images are given as bytes, so the worker never fetches.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import Tesseract from 'tesseract.js';
import { trainedDataFile, tesseractWorkerPath } from './paths';
import type { OcrEngine, OcrEngineOptions, OcrLanguage, OcrPage, OcrWord, RecognizeOptions } from './types';

type Worker = Tesseract.Worker;

const LANGUAGES: readonly OcrLanguage[] = ['spa', 'eng'];

export class OcrAbortedError extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('OCR was cancelled.');
  }
}

/** The engine could not read the image (damaged, truncated, not an image); Tesseract's words in the message. */
export class OcrFailedError extends Error {
  override readonly name = 'OcrFailedError';
}

async function startWorker(langs: OcrLanguage[]): Promise<Worker> {
  const [first, ...rest] = langs;
  if (!first) throw new Error('OCR needs at least one language.');
  // The worker reports errors as strings, to this handler (without one tesseract.js throws them
  // from its message listener); the last one explains a failed start.
  let lastError = '';
  const options: Partial<Tesseract.WorkerOptions> = {
    workerPath: tesseractWorkerPath(),
    langPath: path.dirname(trainedDataFile(first)),
    cacheMethod: 'none',
    gzip: true,
    logger: () => {},
    errorHandler: (error: unknown) => (lastError = String(error)),
  };
  // tesseract.js reads every language from one langPath, and the data packages each have their own
  // folder: the first language loads from its folder, the others are written into the worker's
  // in-memory file system and the worker is re-initialised with all of them. `loaded` is the array
  // tesseract.js keeps as its list of loaded languages (it keeps the array it was given), so adding
  // to it stops reinitialize from fetching them again.
  const loaded: string[] = [first];
  const worker = await Tesseract.createWorker(loaded, Tesseract.OEM.LSTM_ONLY, options);
  try {
    if (rest.length > 0) {
      for (const lang of rest) {
        const data = gunzipSync(await readFile(trainedDataFile(lang)));
        await worker.FS('writeFile', [`${lang}.traineddata`, new Uint8Array(data)]);
        loaded.push(lang);
      }
      await worker.reinitialize(langs.join('+'), Tesseract.OEM.LSTM_ONLY);
    }
    // Automatic page segmentation (the tesseract command line's default): letters have headers,
    // signatures and columns; tesseract.js's default treats the page as a single block.
    await worker.setParameters({ tessedit_pageseg_mode: Tesseract.PSM.AUTO });
  } catch (error) {
    await worker.terminate();
    throw new Error(`OCR engine failed to start: ${lastError || String(error)}`, { cause: error });
  }
  return worker;
}

/** PNG or JPEG dimensions from the header, without decoding the image. */
export function imageSize(image: Uint8Array): { width: number; height: number } {
  const view = new DataView(image.buffer, image.byteOffset, image.byteLength);
  if (image.length > 24 && image[0] === 0x89 && image[1] === 0x50 && image[2] === 0x4e && image[3] === 0x47) {
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (image.length > 4 && image[0] === 0xff && image[1] === 0xd8) {
    let at = 2;
    while (at + 9 < image.length) {
      if (image[at] !== 0xff) {
        at += 1;
        continue;
      }
      const marker = image[at + 1] ?? 0;
      // Start-of-frame markers (baseline, progressive, …) carry the size; 0xC4, 0xC8, 0xCC do not.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
      }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        at += 2;
        continue;
      }
      at += 2 + view.getUint16(at + 2);
    }
  }
  throw new OcrFailedError('Not a PNG or JPEG image.');
}

/**
 * tesseract.js turns a JPEG upright by its EXIF orientation when it finds the tag the way it looks for
 * it (a big-endian Orientation entry in the first 500 bytes); orientations 5–8 swap the sides, and the
 * word boxes are then in the upright image.
 */
export function uprightSize(image: Uint8Array): { width: number; height: number } {
  const size = imageSize(image);
  const head = image.subarray(0, 500);
  const tag = [1, 18, 0, 3, 0, 0, 0, 1, 0];
  for (let at = 0; at + tag.length < head.length; at++) {
    if (tag.every((byte, i) => head[at + i] === byte)) {
      const orientation = head[at + tag.length] ?? 1;
      return orientation >= 5 && orientation <= 8 ? { width: size.height, height: size.width } : size;
    }
  }
  return size;
}

/**
 * With rotateAuto Tesseract measures the text lines' slant, turns the image straight about its centre
 * (same size) and reads that: its word boxes are in the straightened image. Turning each box's corners
 * back by the same angle puts them on the page as given, where the preview draws them.
 */
export function unturnBox(
  box: { x0: number; y0: number; x1: number; y1: number },
  radians: number,
  size: { width: number; height: number },
): { x0: number; y0: number; x1: number; y1: number } {
  if (!radians) return box;
  const cx = size.width / 2;
  const cy = size.height / 2;
  const cos = Math.cos(-radians);
  const sin = Math.sin(-radians);
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [
    [box.x0, box.y0],
    [box.x1, box.y0],
    [box.x0, box.y1],
    [box.x1, box.y1],
  ] as const) {
    xs.push(cx + (x - cx) * cos - (y - cy) * sin);
    ys.push(cy + (x - cx) * sin + (y - cy) * cos);
  }
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max, Math.round(v)));
  return {
    x0: clamp(Math.min(...xs), size.width),
    y0: clamp(Math.min(...ys), size.height),
    x1: clamp(Math.max(...xs), size.width),
    y1: clamp(Math.max(...ys), size.height),
  };
}

function toPage(result: Tesseract.Page, size: { width: number; height: number }): OcrPage {
  const turned = result.rotateRadians ?? 0;
  const words: OcrWord[] = [];
  for (const block of result.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        for (const word of line.words) {
          const text = word.text.trim();
          if (!text) continue;
          words.push({ text, confidence: word.confidence, bbox: unturnBox(word.bbox, turned, size) });
        }
      }
    }
  }
  return { text: result.text, confidence: result.confidence, width: size.width, height: size.height, words };
}

export async function createOcrEngine(options: OcrEngineOptions): Promise<OcrEngine> {
  const langs = options.langs.filter((lang, i, all) => LANGUAGES.includes(lang) && all.indexOf(lang) === i);
  if (langs.length === 0) throw new Error('OCR needs at least one of: spa, eng.');
  let worker: Promise<Worker> | undefined = startWorker(langs);
  // Tesseract's API in the worker handles one image at a time; calls queue here.
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const ensureWorker = (): Promise<Worker> => (worker ??= startWorker(langs));
  // A running recognition cannot be interrupted inside WebAssembly: cancelling ends the worker
  // thread, and the next call starts a fresh one.
  const discardWorker = async (): Promise<void> => {
    const current = worker;
    worker = undefined;
    if (current) await current.then((w) => w.terminate()).catch(() => {});
  };

  async function run(image: Uint8Array, signal?: AbortSignal): Promise<OcrPage> {
    if (closed) throw new Error('The OCR engine is closed.');
    if (signal?.aborted) throw new OcrAbortedError();
    const size = uprightSize(image);
    const w = await ensureWorker();
    if (signal?.aborted) throw new OcrAbortedError();
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        void discardWorker();
        reject(new OcrAbortedError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      const { data } = await Promise.race([
        w.recognize(
          Buffer.from(image.buffer, image.byteOffset, image.byteLength),
          // Straighten a page photographed or scanned at a slant before reading it: on the test's phone
          // photo (turned 2.5°) word accuracy goes from 79 % to 99 %; a straight page is read as before
          // (Tesseract skips turns under 0.3°). tests/unit/extraction/ocr-variants.ts has the figures.
          { rotateAuto: true },
          { text: true, blocks: true },
        ),
        aborted,
      ]);
      return toPage(data, size);
    } catch (error) {
      if (error instanceof Error) throw error;
      // The worker rejects with strings.
      throw new OcrFailedError(String(error).replace(/^Error: /, ''));
    } finally {
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }

  await worker;
  return {
    recognize(image: Uint8Array, opts: RecognizeOptions = {}): Promise<OcrPage> {
      const result = queue.then(() => run(image, opts.signal));
      queue = result.catch(() => {});
      return result;
    },
    async close(): Promise<void> {
      closed = true;
      await queue;
      await discardWorker();
    },
  };
}
