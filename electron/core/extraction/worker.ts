// The extraction worker thread: takes one document at a time (its bytes handed over in memory, never
// written to disk), sends its pages back one by one and zeroes the bytes. The queue ends the thread when it
// stops, and at once on a cancel or a lock, so nothing of a document outlives it.
import { parentPort } from 'node:worker_threads';
import { extractDocument } from './extract';
import { Ocr } from './ocr-port';
import { ExtractionFailure, type ExtractRequest } from './types';
import type { WorkerMessage } from './worker-messages';

const port = parentPort!;
const send = (message: WorkerMessage) => port.postMessage(message);
// The OCR engine, once started, serves the following items too (its language data loads once).
const ocr = new Ocr();

port.on('message', (request: Omit<ExtractRequest, 'signal'>) => {
  extractDocument(
    request,
    { total: (pages) => send({ type: 'total', pages }), page: (page) => send({ type: 'page', page }) },
    ocr,
  )
    .then((engine) => send({ type: 'done', ...engine }))
    .catch((error: unknown) =>
      send(
        error instanceof ExtractionFailure
          ? { type: 'failed', reason: error.reason, message: error.message }
          : { type: 'failed', reason: 'damaged', message: (error as Error)?.message ?? String(error) },
      ),
    )
    .finally(() => request.bytes.fill(0));
});
