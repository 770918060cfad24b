// Where tesseract.js's worker script, its WebAssembly core and the language data are on this machine.
// Everything comes from local node_modules (never a CDN). In a packaged app these packages are
// asarUnpacked (electron-builder.yml): a worker thread is started from a real file, and the files it
// requires sit next to it in app.asar.unpacked.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { OcrLanguage } from './types';

const requireHere = createRequire(__filename);

const ASAR = `${path.sep}app.asar${path.sep}`;
const UNPACKED = `${path.sep}app.asar.unpacked${path.sep}`;

/** A path inside app.asar → the same path in app.asar.unpacked; other paths unchanged. */
export function unpackedPath(file: string): string {
  return file.includes(ASAR) ? file.replace(ASAR, UNPACKED) : file;
}

export function tesseractWorkerPath(): string {
  return unpackedPath(requireHere.resolve('tesseract.js/src/worker-script/node/index.js'));
}

/** The folder holding the core's .js/.wasm files (the Node worker requires them from there itself). */
export function tesseractCorePath(): string {
  return unpackedPath(path.dirname(requireHere.resolve('tesseract.js-core/package.json')));
}

/**
 * The LSTM-only integer models ("best_int", what tesseract.js uses by default), gzipped as shipped in
 * the @tesseract.js-data packages.
 */
export function trainedDataFile(lang: OcrLanguage): string {
  const dir = path.dirname(requireHere.resolve(`@tesseract.js-data/${lang}/package.json`));
  return unpackedPath(path.join(dir, '4.0.0_best_int', `${lang}.traineddata.gz`));
}
