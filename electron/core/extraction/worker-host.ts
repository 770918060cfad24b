// Runs documents in a worker thread (node:worker_threads), one at a time: the bytes are moved to it in
// memory, pages come back as messages. A cancel terminates the thread at once, dropping all it held; the
// next document starts a fresh one.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { cancelledError } from '../operations/runner';
import { ExtractionFailure, type EngineInfo, type ExtractedPage } from './types';
import type { WorkerMessage } from './worker-messages';

/** The built worker beside the bundle (out/main), else the TypeScript source through tsx (tests, the CLI in a checkout). */
function workerEntry(): { file: string; execArgv: string[] } {
  // This code may sit in a shared chunk (out/main/chunks/) one folder below the entries.
  for (const built of [
    join(__dirname, 'extraction-worker.js'),
    join(__dirname, '..', 'extraction-worker.js'),
  ])
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
  /** Called in page order; throwing stops the document (the thread is ended). */
  onPage(page: ExtractedPage): void;
}

export class ExtractionWorker {
  private worker: Worker | null = null;
  private listener: ((message: WorkerMessage) => void) | null = null;
  private failed: ((error: Error) => void) | null = null;

  private thread(): Worker {
    if (this.worker) return this.worker;
    const entry = workerEntry();
    const worker = new Worker(entry.file, { execArgv: entry.execArgv, stdout: false, stderr: false });
    worker.on('message', (message: WorkerMessage) => this.listener?.(message));
    worker.on('error', (error) => this.failed?.(new ExtractionFailure('damaged', error.message)));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      this.failed?.(new ExtractionFailure('damaged', `The extraction worker stopped (${code})`));
    });
    this.worker = worker;
    return worker;
  }

  run(run: WorkerRun): Promise<EngineInfo> {
    return new Promise((resolve, reject) => {
      if (run.signal.aborted) return reject(cancelledError());
      const worker = this.thread();
      let settled = false;
      const finish = (fn: () => void, end: boolean) => {
        if (settled) return;
        settled = true;
        this.listener = null;
        this.failed = null;
        run.signal.removeEventListener('abort', onAbort);
        if (end) this.terminate();
        fn();
      };
      const onAbort = () => finish(() => reject(cancelledError()), true);
      run.signal.addEventListener('abort', onAbort, { once: true });
      this.failed = (error) => finish(() => reject(error), true);
      this.listener = (message) => {
        try {
          if (message.type === 'total') run.onTotal(message.pages);
          else if (message.type === 'page') run.onPage(message.page);
          else if (message.type === 'done')
            finish(() => resolve({ engine: message.engine, version: message.version }), false);
          else finish(() => reject(new ExtractionFailure(message.reason, message.message)), false);
        } catch (error) {
          finish(() => reject(error as Error), true);
        }
      };
      // A copy of the bytes moves to the thread (transferred, not cloned); the caller zeroes its own.
      const copy = new Uint8Array(run.bytes);
      worker.postMessage({ bytes: copy, mediaType: run.mediaType, name: run.name, fromPage: run.fromPage }, [
        copy.buffer,
      ]);
    });
  }

  /** Ends the thread now (whatever it holds is dropped with it). */
  terminate(): void {
    const worker = this.worker;
    this.worker = null;
    if (worker) void worker.terminate();
  }
}
