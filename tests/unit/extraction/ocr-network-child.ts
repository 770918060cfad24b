// Run by ocr.test.ts in a child process preloaded with ocr-network-hook.cjs: the scanned PDF rendered
// and read by OCR, then two deliberate connection attempts (main thread and a worker thread) that
// show the hook is live. stdout carries the words found as JSON; stderr the hook's lines and markers.
import { writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { createOcrEngine, rasterizePdfPages } from '../../../electron/core/extraction/ocr';
import { letterScanPdf } from './ocr-fixtures';

async function main(): Promise<void> {
  const engine = await createOcrEngine({ langs: ['spa', 'eng'] });
  let fromPdf = '';
  for await (const page of rasterizePdfPages(await letterScanPdf(120), { dpi: 120 })) {
    fromPdf += (await engine.recognize(page.image)).text;
  }
  await engine.close();
  writeSync(2, 'OCR-DONE\n');

  await fetch('http://127.0.0.1:9/probe').catch(() => {});
  await new Promise<void>((resolve) => {
    const worker = new Worker("require('node:net').connect(9, '127.0.0.1')", { eval: true });
    worker.on('error', () => {});
    worker.on('exit', () => resolve());
  });
  writeSync(1, JSON.stringify({ fromPdf }));
}

main().catch((error: unknown) => {
  writeSync(2, `CHILD-FAILED ${String(error)}\n`);
  process.exitCode = 1;
});
