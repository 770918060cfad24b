// Measures OCR word accuracy for Tesseract page segmentation modes and image clean-up steps on the
// test's own fixtures (the rendered letter and the phone-like photo). Not a test: one OCR run per
// variant and image is too slow for CI, so this script reports the figures and ocr.test.ts keeps one
// assertion for the chosen setting. Run: npx tsx tests/unit/extraction/ocr-variants.ts
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import Tesseract from 'tesseract.js';
import { tesseractWorkerPath, trainedDataFile } from '../../../electron/core/extraction/ocr/paths';
import { LETTER_TEXT, letterPhotoJpeg, renderLetterPng, wordAccuracy } from './ocr-fixtures';

// The light-flattening variant: grey, the uneven light of a phone photo divided out (the page's
// background estimated by a strong blur of a small copy), then the contrast stretched.

/** PNG bytes of the cleaned page, the same size as the input image. */
async function flattenLight(image: Uint8Array): Promise<Uint8Array> {
  const source = await loadImage(Buffer.from(image.buffer, image.byteOffset, image.byteLength));
  const { width, height } = source;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(source, 0, 0);
  const pixels = ctx.getImageData(0, 0, width, height);

  // The background: a copy 1/16 the size, blurred well beyond a letter's width, drawn back up.
  const small = createCanvas(Math.max(1, Math.round(width / 16)), Math.max(1, Math.round(height / 16)));
  const sctx = small.getContext('2d');
  sctx.filter = 'blur(4px)';
  sctx.drawImage(source, 0, 0, small.width, small.height);
  const back = createCanvas(width, height);
  const bctx = back.getContext('2d');
  bctx.imageSmoothingEnabled = true;
  bctx.drawImage(small, 0, 0, width, height);
  const background = bctx.getImageData(0, 0, width, height).data;

  const data = pixels.data;
  const grey = new Float32Array(width * height);
  let low = Infinity;
  let high = -Infinity;
  for (let p = 0, i = 0; i < data.length; p++, i += 4) {
    const y = 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
    const b = 0.299 * background[i]! + 0.587 * background[i + 1]! + 0.114 * background[i + 2]!;
    const v = y / Math.max(b, 1);
    grey[p] = v;
    if (v < low) low = v;
    if (v > high) high = v;
  }
  // Stretch so that the paper (ratio ≈ 1) is white and the darkest ink black.
  const top = Math.min(high, 1);
  const span = Math.max(top - low, 1e-6);
  for (let p = 0, i = 0; i < data.length; p++, i += 4) {
    const v = Math.max(0, Math.min(255, ((grey[p]! - low) / span) * 255));
    data[i] = data[i + 1] = data[i + 2] = v;
    data[i + 3] = 255;
  }
  ctx.putImageData(pixels, 0, 0);
  return new Uint8Array(canvas.toBuffer('image/png'));
}

const MODES: [string, Tesseract.PSM][] = [
  ['1 auto+OSD', Tesseract.PSM.AUTO_OSD],
  ['3 auto', Tesseract.PSM.AUTO],
  ['4 single column', Tesseract.PSM.SINGLE_COLUMN],
  ['6 single block', Tesseract.PSM.SINGLE_BLOCK],
];

async function main(): Promise<void> {
  const loaded = ['spa'];
  const worker = await Tesseract.createWorker(loaded, Tesseract.OEM.LSTM_ONLY, {
    workerPath: tesseractWorkerPath(),
    langPath: path.dirname(trainedDataFile('spa')),
    cacheMethod: 'none',
    gzip: true,
    logger: () => {},
  });
  const eng = gunzipSync(await readFile(trainedDataFile('eng')));
  await worker.FS('writeFile', ['eng.traineddata', new Uint8Array(eng)]);
  loaded.push('eng');
  await worker.reinitialize('spa+eng', Tesseract.OEM.LSTM_ONLY);

  const photo = await letterPhotoJpeg();
  const images: [string, Uint8Array][] = [
    ['rendered letter 200 dpi', renderLetterPng(200).png],
    ['phone-like photo', photo],
    ['phone-like photo, light flattened', await flattenLight(photo)],
  ];
  const only = process.argv[2];
  for (const [mode, psm] of MODES) {
    if (only && !mode.startsWith(only)) continue;
    await worker.setParameters({ tessedit_pageseg_mode: psm });
    for (const rotateAuto of [false, true]) {
      for (const [name, image] of images) {
        const started = Date.now();
        const { data } = await worker.recognize(Buffer.from(image), { rotateAuto }, { text: true });
        const accuracy = wordAccuracy(LETTER_TEXT, data.text);
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.log(
          `psm ${mode.padEnd(16)} deskew ${rotateAuto ? 'on ' : 'off'} ${name.padEnd(34)} ${(accuracy * 100).toFixed(1)} %  (${seconds} s)`,
        );
      }
    }
  }
  await worker.terminate();
}

void main();
