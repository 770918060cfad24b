// OCR: seconds per page at 300 dpi with Amparo's engine (tesseract.js, Tesseract in WebAssembly, one
// thread) beside the `tesseract` command line from Debian (native) on the same page image in the same
// run, with Debian's Spanish + English data and with Amparo's own (best_int, unpacked into the bench's
// temporary folder), so one ratio is engine against engine. The page is the Spanish test letter, made as
// a scanned PDF and rendered at 300 dpi by rasterizePdfPages; the CLI reads it from stdin. CPU seconds are
// printed beside wall-clock seconds (they hold on a loaded machine, where wall-clock seconds also measure
// the other work), and the word accuracy of each against the known text.
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createOcrEngine, rasterizePdfPages } from '../../electron/core/extraction/ocr';
import { trainedDataFile } from '../../electron/core/extraction/ocr/paths';
import { LETTER_TEXT, letterScanPdf, wordAccuracy } from '../unit/extraction/ocr-fixtures';
import { header, row } from './measure';

const RUNS = Number(process.env.AMPARO_BENCH_OCR_RUNS ?? 3);
const INSTALL = 'apt-get install tesseract-ocr tesseract-ocr-spa tesseract-ocr-eng';

interface CliRun {
  ms: number;
  cpuMs: number;
  text: string;
}

/** One CLI run on the image from stdin: wall time, CPU time (user + system, from bash's `time`), text. */
function tesseractCli(
  image: Uint8Array,
  options: { threads?: number; tessdata?: string } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, TIMEFORMAT: '%3U %3S' };
    if (options.threads) env.OMP_THREAD_LIMIT = String(options.threads);
    if (options.tessdata) env.AMPARO_TESSDATA = options.tessdata;
    const data = options.tessdata ? ' --tessdata-dir "$AMPARO_TESSDATA"' : '';
    const start = performance.now();
    const child = spawn('bash', ['-c', `time tesseract stdin stdout${data} -l spa+eng 2>/dev/null`], { env });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`tesseract exited with ${code}`));
      const [user = 0, system = 0] = (err.trim().split('\n').pop() ?? '').split(' ').map(Number);
      resolve({
        ms: performance.now() - start,
        cpuMs: (user + system) * 1000,
        text: Buffer.concat(out).toString('utf8'),
      });
    });
    child.stdin.end(image);
  });
}

/** CPU time of this process (all its threads: tesseract.js works in a worker thread). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
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

/** Amparo's language data unpacked for the CLI. */
async function amparoData(dir: string): Promise<string> {
  const tessdata = join(dir, 'tessdata');
  await mkdir(tessdata, { recursive: true });
  for (const lang of ['spa', 'eng'] as const) {
    await writeFile(join(tessdata, `${lang}.traineddata`), gunzipSync(await readFile(trainedDataFile(lang))));
  }
  return tessdata;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (values: number[]) => median(values) / 1000;
const accuracy = (text: string) => `${(wordAccuracy(LETTER_TEXT, text) * 100).toFixed(1)} %`;

export async function benchOcr(dir: string): Promise<void> {
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

  let started = performance.now();
  const engine = await createOcrEngine({ langs: ['spa', 'eng'] });
  const startupMs = performance.now() - started;
  const ours: number[] = [];
  const oursCpu: number[] = [];
  let ourText = '';
  try {
    for (let i = 0; i < RUNS; i++) {
      started = performance.now();
      const cpu = cpuMs();
      ourText = (await engine.recognize(image)).text;
      oursCpu.push(cpuMs() - cpu);
      ours.push(performance.now() - started);
    }
  } finally {
    await engine.close();
  }

  const version = await cliVersion();
  console.log(header(`OCR, one A4 page at 300 dpi (${size} px), median of ${RUNS}`, 'tesseract CLI'));
  console.log(`  render the page to PNG (pdf.js + @napi-rs/canvas): ${seconds(raster).toFixed(2)} s`);
  console.log(`  engine start (worker, spa + eng data): ${(startupMs / 1000).toFixed(2)} s`);
  if (!version) {
    console.log(
      `  Amparo OCR: ${seconds(ours).toFixed(2)} s per page (${seconds(oursCpu).toFixed(2)} s CPU)`,
    );
    console.log(`  tesseract CLI not installed: ${INSTALL}`);
    console.log(`  word accuracy: Amparo ${accuracy(ourText)}`);
    return;
  }
  const tessdata = await amparoData(dir);
  const single: CliRun[] = [];
  const multi: CliRun[] = [];
  const same: CliRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    single.push(await tesseractCli(image, { threads: 1 }));
    multi.push(await tesseractCli(image));
    same.push(await tesseractCli(image, { threads: 1, tessdata }));
  }
  const wall = (runs: CliRun[]) => seconds(runs.map((r) => r.ms));
  const cpu = (runs: CliRun[]) => seconds(runs.map((r) => r.cpuMs));
  console.log(row('seconds per page (CLI on one thread)', seconds(ours), wall(single), 's'));
  console.log(row('seconds per page (CLI, all threads)', seconds(ours), wall(multi), 's'));
  console.log(row('CPU seconds per page (CLI, Debian data)', seconds(oursCpu), cpu(single), 's'));
  console.log(row('CPU seconds per page (CLI, Amparo data)', seconds(oursCpu), cpu(same), 's'));
  console.log(
    `  word accuracy against the known text: Amparo ${accuracy(ourText)}; CLI ${accuracy(single[0]!.text)} ` +
      `with Debian's data, ${accuracy(same[0]!.text)} with Amparo's (${version})`,
  );
}
