// The extraction worker thread: takes one document's bytes (handed over in memory, never written to disk),
// sends its pages back one by one and ends. The thread is ended after each item, and at once on a cancel or
// a lock, so nothing of the document outlives it.
import { parentPort } from 'node:worker_threads';
import { extractDocument } from './extract';
import { Ocr } from './ocr-port';
import { ExtractionFailure, type ExtractRequest } from './types';
import type { WorkerMessage } from './worker-messages';

const port = parentPort!;
const send = (message: WorkerMessage) => port.postMessage(message);

port.once('message', (request: Omit<ExtractRequest, 'signal'>) => {
  const ocr = new Ocr();
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
    .finally(() => {
      request.bytes.fill(0);
      void ocr.close().finally(() => port.close());
    });
});
