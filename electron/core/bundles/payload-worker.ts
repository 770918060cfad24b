// age's STREAM payload (64 KiB chunks, ChaCha20-Poly1305, 11-byte counter and last-chunk flag) sealed or
// opened in a worker thread, so the cipher runs on the second core while the main thread decrypts vault
// blobs, hashes and tars (export) or parses, hashes and re-encrypts (import). Plaintext crosses in
// batches of 16 chunks, moved (transferred, not copied); at most IN_FLIGHT batches are on their way at
// once, so memory stays flat. The worker writes the sealed file itself (export) or reads the bundle
// itself (import): the ciphertext never crosses threads.
import { Worker } from 'node:worker_threads';

export const CHUNK = 64 * 1024;
export const TAG = 16;
/** Chunks per batch: a MiB of plaintext per message. */
export const BATCH_CHUNKS = 16;
const IN_FLIGHT = 4;

// Evaluated source rather than a file, like the Argon2 worker: the same code runs from the TypeScript
// sources, from the electron-vite bundle and from inside app.asar.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createCipheriv, createDecipheriv, createSecretKey } = require('node:crypto');
const { readSync, writevSync, writeSync } = require('node:fs');
const CHUNK = ${CHUNK}, TAG = ${TAG}, SEALED = CHUNK + TAG, BATCH = ${BATCH_CHUNKS};
const raw = Buffer.from(workerData.key);
const key = createSecretKey(raw);
raw.fill(0);
workerData.key.fill(0);
const nonce = Buffer.alloc(12);
let counter = 0;
function nonceFor(last) {
  nonce.writeUIntBE(counter, 5, 6);
  nonce[11] = last ? 1 : 0;
  return nonce;
}
function fail(error) {
  parentPort.postMessage({ error: String((error && error.message) || error), code: error && error.code });
}
function writeAll(fd, parts) {
  let total = 0;
  for (const p of parts) total += p.length;
  let written = writevSync(fd, parts);
  if (written < total) {
    const rest = Buffer.concat(parts).subarray(written);
    for (let at = 0; at < rest.length; ) at += writeSync(fd, rest, at);
  }
  return total;
}
if (workerData.mode === 'seal') {
  const fd = workerData.fd;
  parentPort.on('message', (m) => {
    try {
      const plain = Buffer.from(m.buffer, 0, m.length);
      const out = [];
      let at = 0;
      do {
        const end = Math.min(at + CHUNK, m.length);
        const cipher = createCipheriv('chacha20-poly1305', key, nonceFor(m.final && end === m.length), { authTagLength: TAG });
        out.push(cipher.update(plain.subarray(at, end)));
        cipher.final();
        out.push(cipher.getAuthTag());
        counter++;
        at = end;
      } while (at < m.length);
      const written = writeAll(fd, out);
      parentPort.postMessage({ written, buffer: m.buffer }, [m.buffer]);
    } catch (error) {
      fail(error);
    }
  });
} else {
  const { fd, start, end } = workerData;
  const length = end - start;
  const lastIndex = length > 0 ? Math.floor((length - 1) / SEALED) : -1;
  let position = start;
  let credits = ${IN_FLIGHT};
  let finished = false;
  const sealed = Buffer.allocUnsafe(BATCH * SEALED);
  function step() {
    if (lastIndex < 0) throw new Error('the payload is cut short');
    const want = Math.min(BATCH * SEALED, end - position);
    let got = 0;
    while (got < want) {
      const n = readSync(fd, sealed, got, want - got, position + got);
      if (n === 0) throw new Error('the payload is cut short');
      got += n;
    }
    position += got;
    // Each opened chunk is a buffer of its own: moved as it is, not copied into a fresh batch buffer.
    const parts = [];
    let last = false;
    for (let at = 0; at < got; at += SEALED) {
      const record = sealed.subarray(at, Math.min(at + SEALED, got));
      last = counter === lastIndex;
      if (record.length < TAG) throw new Error('the payload is cut short');
      const decipher = createDecipheriv('chacha20-poly1305', key, nonceFor(last), { authTagLength: TAG });
      decipher.setAuthTag(record.subarray(record.length - TAG));
      const opened = decipher.update(record.subarray(0, record.length - TAG));
      try {
        decipher.final();
      } catch {
        throw new Error('chunk ' + counter + ' of the payload fails authentication');
      }
      if (last && opened.length === 0 && counter > 0) throw new Error('the final chunk is empty');
      const own = opened.byteOffset === 0 && opened.buffer.byteLength === opened.length;
      if (opened.length > 0) parts.push(own ? opened : Uint8Array.from(opened));
      counter++;
    }
    finished = last;
    const buffers = parts.map((p) => p.buffer);
    parentPort.postMessage({ buffers, final: last }, buffers);
  }
  function pump() {
    try {
      while (credits > 0 && !finished) {
        credits--;
        step();
      }
    } catch (error) {
      finished = true;
      fail(error);
    }
  }
  parentPort.on('message', (m) => {
    credits += m.credit;
    pump();
  });
  pump();
}
`;

interface WorkerReply {
  error?: string;
  code?: string;
  written?: number;
  buffer?: ArrayBuffer;
  buffers?: ArrayBuffer[];
  length?: number;
  final?: boolean;
}

function startWorker(data: Record<string, unknown>, key: Uint8Array): Worker {
  const copy = Uint8Array.from(key);
  return new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { ...data, key: copy },
    transferList: [copy.buffer],
    resourceLimits: { maxOldGenerationSizeMb: 64 },
  });
}

/** An error from the worker, with the system error code (ENOSPC…) when there was one. */
export class PayloadError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * Seals plaintext into an open file descriptor, after whatever was written there already (the header
 * and nonce). `write` copies into a pooled batch; a full batch is handed over only once a further byte
 * shows it is not the last, so the final chunk always carries age's last-chunk flag.
 */
export class PayloadSealer {
  private readonly worker: Worker;
  private readonly free: ArrayBuffer[] = [];
  private waiting: (() => void) | null = null;
  private failure: PayloadError | null = null;
  private current: Buffer;
  private used = 0;
  private outstanding = 0;
  /** Sealed bytes the worker has written. */
  written = 0;

  constructor(fd: number, payloadKey: Uint8Array) {
    this.worker = startWorker({ mode: 'seal', fd }, payloadKey);
    for (let i = 0; i < IN_FLIGHT; i++) this.free.push(new ArrayBuffer(BATCH_CHUNKS * CHUNK));
    this.current = Buffer.from(this.free.pop()!);
    this.worker.on('message', (reply: WorkerReply) => {
      if (reply.error !== undefined) this.failure = new PayloadError(reply.error, reply.code);
      else {
        this.written += reply.written!;
        this.free.push(reply.buffer!);
        this.outstanding--;
      }
      this.wake();
    });
    this.worker.on('error', (error) => {
      this.failure = new PayloadError(String(error));
      this.wake();
    });
    this.worker.on('exit', () => {
      this.failure ??= new PayloadError('the sealing worker stopped');
      this.wake();
    });
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.();
  }

  private async until(ready: () => boolean): Promise<void> {
    while (!ready()) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
    if (this.failure) throw this.failure;
  }

  private async send(final: boolean): Promise<void> {
    const buffer = this.current.buffer as ArrayBuffer;
    this.outstanding++;
    this.worker.postMessage({ buffer, length: this.used, final }, [buffer]);
    this.used = 0;
    if (final) return;
    await this.until(() => this.free.length > 0);
    this.current = Buffer.from(this.free.pop()!);
  }

  /** Resolves once the bytes are copied; waits only when IN_FLIGHT batches are still being sealed. */
  async write(data: Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    let at = 0;
    while (at < data.length) {
      if (this.used === this.current.length) await this.send(false);
      const n = Math.min(this.current.length - this.used, data.length - at);
      this.current.set(data.subarray(at, at + n), this.used);
      this.used += n;
      at += n;
    }
  }

  /** Seals the last chunk and waits until everything is written. */
  async end(): Promise<number> {
    await this.send(true);
    await this.until(() => this.outstanding === 0);
    await this.close();
    return this.written;
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

/**
 * Opens the payload of an age file read from `fd`, bytes `start` (just after the nonce) to `end` (the
 * file's size), yielding plaintext a batch at a time; every chunk is authenticated before a byte of it
 * is yielded (one buffer per chunk), and the last one must carry the last-chunk flag. Ending the iteration early stops the worker.
 */
export async function* openPayload(
  fd: number,
  payloadKey: Uint8Array,
  start: number,
  end: number,
): AsyncGenerator<Buffer> {
  const worker = startWorker({ mode: 'open', fd, start, end }, payloadKey);
  const ready: WorkerReply[] = [];
  let failure: Error | null = null;
  let waiting: (() => void) | null = null;
  const wake = () => {
    const w = waiting;
    waiting = null;
    w?.();
  };
  worker.on('message', (reply: WorkerReply) => {
    if (reply.error !== undefined) failure = new PayloadError(reply.error, reply.code);
    else ready.push(reply);
    wake();
  });
  worker.on('error', (error) => {
    failure = error;
    wake();
  });
  worker.on('exit', () => {
    failure ??= new PayloadError('the reading worker stopped');
    wake();
  });
  try {
    for (;;) {
      while (ready.length === 0) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (waiting = resolve));
      }
      const reply = ready.shift()!;
      worker.postMessage({ credit: 1 });
      for (const buffer of reply.buffers!) yield Buffer.from(buffer);
      if (reply.final) return;
    }
  } finally {
    await worker.terminate();
  }
}
