// Runs one document in a fresh worker thread (node:worker_threads): the bytes are moved to it in memory,
// pages come back as messages. A cancel terminates the thread at once, dropping all it held.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { cancelledError } from '../operations/runner';
import { ExtractionFailure, type EngineInfo, type ExtractedPage } from './types';
import type { WorkerMessage } from './worker-messages';

/** The built worker beside the bundle (out/main), else the TypeScript source through tsx (tests, the CLI in a checkout). */
function workerEntry(): { file: string; execArgv: string[] } {
  const built = join(__dirname, 'extraction-worker.js');
  if (existsSync(built)) return { file: built, execArgv: [] };
  return { file: join(__dirname, 'worker.ts'), execArgv: ['--import', 'tsx'] };
}

export interface WorkerRun {
  bytes: Uint8Array;
  mediaType: string;
  name: string;
  fromPage: number;
  signal: AbortSignal;
  onTotal(pages: number): void;
  /** Called in page order; the next message waits until it returns. */
  onPage(page: ExtractedPage): void;
}

export function extractInWorker(run: WorkerRun): Promise<EngineInfo> {
  return new Promise((resolve, reject) => {
    if (run.signal.aborted) return reject(cancelledError());
    const entry = workerEntry();
    const worker = new Worker(entry.file, { execArgv: entry.execArgv, stdout: false, stderr: false });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      run.signal.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = () => finish(() => reject(cancelledError()));
    run.signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: WorkerMessage) => {
      if (settled) return;
      try {
        if (message.type === 'total') run.onTotal(message.pages);
        else if (message.type === 'page') run.onPage(message.page);
        else if (message.type === 'done')
          finish(() => resolve({ engine: message.engine, version: message.version }));
        else finish(() => reject(new ExtractionFailure(message.reason, message.message)));
      } catch (error) {
        finish(() => reject(error as Error));
      }
    });
    worker.on('error', (error) => finish(() => reject(new ExtractionFailure('damaged', error.message))));
    worker.on('exit', (code) =>
      finish(() => reject(new ExtractionFailure('damaged', `The extraction worker stopped (${code})`))),
    );
    // A copy of the bytes moves to the worker (transferred, not cloned); the caller zeroes its own.
    const copy = new Uint8Array(run.bytes);
    worker.postMessage({ bytes: copy, mediaType: run.mediaType, name: run.name, fromPage: run.fromPage }, [
      copy.buffer,
    ]);
  });
}
