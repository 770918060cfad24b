// OCR: seconds per page at 300 dpi with Amparo's engine (tesseract.js, Tesseract in WebAssembly, one
// thread) beside the `tesseract` command line from Debian (native, same Spanish + English languages) on
// the same page image in the same run. The page is the Spanish test letter, made as a scanned PDF and
// rendered at 300 dpi by rasterizePdfPages; the CLI reads it from stdin, so nothing is written to disk.
// Word accuracy of both against the known text is printed beside the times.
import { spawn } from 'node:child_process';
import { createOcrEngine, rasterizePdfPages } from '../../electron/core/extraction/ocr';
import { LETTER_TEXT, letterScanPdf, wordAccuracy } from '../unit/extraction/ocr-fixtures';
import { header, row } from './measure';

const RUNS = Number(process.env.AMPARO_BENCH_OCR_RUNS ?? 3);
const INSTALL = 'apt-get install tesseract-ocr tesseract-ocr-spa tesseract-ocr-eng';

function tesseractCli(image: Uint8Array, threads?: number): Promise<{ ms: number; text: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    if (threads) env.OMP_THREAD_LIMIT = String(threads);
    const start = performance.now();
    const child = spawn('tesseract', ['stdin', 'stdout', '-l', 'spa+eng'], { env });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`tesseract exited with ${code}`));
      else resolve({ ms: performance.now() - start, text: Buffer.concat(chunks).toString('utf8') });
    });
    child.stdin.end(image);
  });
}

async function cliVersion(): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn('tesseract', ['--version']);
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => resolve(code === 0 ? out.split('\n')[0] : undefined));
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchOcr(): Promise<void> {
  const pdf = await letterScanPdf(300);
  let image: Uint8Array | undefined;
  let size = '';
  const raster: number[] = [];
  // The first run also loads pdf.js; the median is the cost per page.
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    for await (const page of rasterizePdfPages(pdf, { dpi: 300 })) {
      image = page.image;
      size = `${page.width}×${page.height}`;
    }
    raster.push(performance.now() - start);
  }
  if (!image) throw new Error('no page rendered');
  const rasterMs = median(raster);

  let started = performance.now();
  const engine = await createOcrEngine({ langs: ['spa', 'eng'] });
  const startupMs = performance.now() - started;
  const ours: number[] = [];
  let ourText = '';
  try {
    for (let i = 0; i < RUNS; i++) {
      started = performance.now();
      ourText = (await engine.recognize(image)).text;
      ours.push(performance.now() - started);
    }
  } finally {
    await engine.close();
  }

  const version = await cliVersion();
  console.log(header(`OCR, one A4 page at 300 dpi (${size} px), median of ${RUNS}`, 'tesseract CLI'));
  console.log(`  render the page to PNG (pdf.js + @napi-rs/canvas): ${(rasterMs / 1000).toFixed(2)} s`);
  console.log(`  engine start (worker, spa + eng data): ${(startupMs / 1000).toFixed(2)} s`);
  if (!version) {
    console.log(`  Amparo OCR: ${(median(ours) / 1000).toFixed(2)} s per page`);
    console.log(`  tesseract CLI not installed: ${INSTALL}`);
    console.log(`  word accuracy: Amparo ${(wordAccuracy(LETTER_TEXT, ourText) * 100).toFixed(1)} %`);
    return;
  }
  const single: number[] = [];
  const multi: number[] = [];
  let cliText = '';
  for (let i = 0; i < RUNS; i++) {
    const one = await tesseractCli(image, 1);
    single.push(one.ms);
    cliText = one.text;
    multi.push((await tesseractCli(image)).ms);
  }
  console.log(row('seconds per page (CLI on one thread)', median(ours) / 1000, median(single) / 1000, 's'));
  console.log(row('seconds per page (CLI, all threads)', median(ours) / 1000, median(multi) / 1000, 's'));
  console.log(
    `  word accuracy against the known text: Amparo ${(wordAccuracy(LETTER_TEXT, ourText) * 100).toFixed(1)} %, ` +
      `CLI ${(wordAccuracy(LETTER_TEXT, cliText) * 100).toFixed(1)} % (${version})`,
  );
}
