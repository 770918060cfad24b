// Vault blobs (AES-256-GCM chunks, docs/vault-format.md "Evidence blobs") read or written in a worker
// thread while a bundle moves: on export the worker reads, authenticates and hashes an attachment's
// blob; on import it encrypts an incoming attachment into its .part file. Besides using the second
// core, this keeps the per-chunk buffers of the cipher out of the main thread's heap, whose full
// garbage collections they would otherwise set off every few tens of MiB. Batches cross in a fixed pool
// of buffers that go back and forth (moved, not copied), so memory stays flat and nothing is allocated
// per byte on the main thread.
import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { AmparoError } from '../../../shared/errors';
import {
  BLOB_HEADER_SIZE,
  BlobDamagedError,
  BlobEncryptor,
  DEFAULT_CHUNK_SIZE,
  TAG_SIZE,
  decodeHeader,
  layoutFor,
  uuidBytes,
} from '../evidence/blob-format';
import { BlobMissingError } from '../evidence/reader';

const POOL = 4;
const BATCH_BYTES = 1024 * 1024;

// Evaluated source, like the other workers: it runs the same from sources, bundle and app.asar. The
// nonce and authenticated data are the blob format's: nonce = prefix ‖ u32be(index), AAD = header ‖
// u32be(index) ‖ final flag.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createCipheriv, createDecipheriv, createHash, createSecretKey } = require('node:crypto');
const { readSync, writevSync, writeSync } = require('node:fs');
const HEADER = ${BLOB_HEADER_SIZE}, TAG = ${TAG_SIZE};
const raw = Buffer.from(workerData.key);
const key = createSecretKey(raw);
raw.fill(0);
workerData.key.fill(0);
const header = Buffer.from(workerData.header);
const chunkSize = workerData.chunkSize;
const nonce = Buffer.alloc(12);
header.copy(nonce, 0, 28, 36);
const aad = Buffer.alloc(HEADER + 5);
header.copy(aad, 0);
function prepare(index, final) {
  nonce.writeUInt32BE(index, 8);
  aad.writeUInt32BE(index, HEADER);
  aad[HEADER + 4] = final ? 1 : 0;
}
function fail(error) {
  parentPort.postMessage({ error: String((error && error.message) || error), code: error && error.code });
}
if (workerData.mode === 'read') {
  const { fd, chunkCount, plainSize, batch } = workerData;
  const RECORD = chunkSize + TAG;
  const storedEnd = HEADER + plainSize + chunkCount * TAG;
  const sealed = Buffer.allocUnsafe(batch * RECORD);
  const hash = createHash('sha256');
  const free = [];
  for (let i = 0; i < workerData.pool; i++) free.push(new ArrayBuffer(batch * chunkSize));
  let index = 0;
  let failed = false;
  function step(buffer) {
    const count = Math.min(batch, chunkCount - index);
    const offset = HEADER + index * RECORD;
    const length = Math.min(count * RECORD, storedEnd - offset);
    let got = 0;
    while (got < length) {
      const n = readSync(fd, sealed, got, length - got, offset + got);
      if (n === 0) throw new Error('The stored file became shorter while reading');
      got += n;
    }
    const out = Buffer.from(buffer);
    let filled = 0;
    for (let i = 0; i < count; i++) {
      const record = sealed.subarray(i * RECORD, Math.min((i + 1) * RECORD, length));
      if (record.length < TAG) throw new Error('Chunk ' + index + ' is truncated');
      prepare(index, index === chunkCount - 1);
      const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG });
      decipher.setAAD(aad);
      decipher.setAuthTag(record.subarray(record.length - TAG));
      const plain = decipher.update(record.subarray(0, record.length - TAG));
      try {
        decipher.final();
      } catch {
        throw new Error('Chunk ' + index + ' failed authentication (the stored file was altered)');
      }
      hash.update(plain);
      plain.copy(out, filled);
      filled += plain.length;
      index++;
    }
    const last = index === chunkCount;
    parentPort.postMessage({ buffer, length: filled, last, sha256: last ? hash.digest('hex') : undefined }, [buffer]);
  }
  function pump() {
    try {
      while (!failed && free.length > 0 && index < chunkCount) step(free.pop());
    } catch (error) {
      failed = true;
      fail(error);
    }
  }
  parentPort.on('message', (m) => {
    free.push(m.buffer);
    pump();
  });
  pump();
} else {
  const fd = workerData.fd;
  const pending = Buffer.allocUnsafe(chunkSize);
  let used = 0;
  let index = 0;
  function seal(plain, final, out) {
    prepare(index, final);
    const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG });
    cipher.setAAD(aad);
    out.push(cipher.update(plain));
    cipher.final();
    out.push(cipher.getAuthTag());
    index++;
  }
  function writeAll(parts) {
    let total = 0;
    for (const p of parts) total += p.length;
    const written = writevSync(fd, parts);
    if (written < total) {
      const rest = Buffer.concat(parts).subarray(written);
      for (let at = 0; at < rest.length; ) at += writeSync(fd, rest, at);
    }
    return total;
  }
  parentPort.on('message', (m) => {
    try {
      const data = Buffer.from(m.buffer, 0, m.length);
      const out = [];
      let at = 0;
      while (at < data.length) {
        if (used === chunkSize) {
          seal(pending, false, out);
          used = 0;
        }
        if (used === 0 && data.length - at > chunkSize) {
          seal(data.subarray(at, at + chunkSize), false, out);
          at += chunkSize;
          continue;
        }
        const n = Math.min(chunkSize - used, data.length - at);
        data.copy(pending, used, at, at + n);
        used += n;
        at += n;
      }
      if (m.final) {
        seal(pending.subarray(0, used), true, out);
        pending.fill(0);
      }
      const written = out.length > 0 ? writeAll(out) : 0;
      parentPort.postMessage({ buffer: m.buffer, written }, [m.buffer]);
    } catch (error) {
      fail(error);
    }
  });
}
`;

interface Reply {
  error?: string;
  code?: string;
  buffer?: ArrayBuffer;
  length?: number;
  last?: boolean;
  sha256?: string;
  written?: number;
}

/** A worker whose replies are awaited one at a time. */
class Channel {
  readonly worker: Worker;
  private readonly replies: Reply[] = [];
  private waiting: (() => void) | null = null;
  failure: Error | null = null;

  constructor(data: Record<string, unknown>, key: Buffer) {
    const copy = Uint8Array.from(key);
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { ...data, key: copy },
      transferList: [copy.buffer],
      resourceLimits: { maxOldGenerationSizeMb: 64 },
    });
    this.worker.on('message', (reply: Reply) => {
      if (reply.error !== undefined) {
        const error = new Error(reply.error) as NodeJS.ErrnoException;
        if (reply.code) error.code = reply.code;
        this.failure ??= error;
      } else this.replies.push(reply);
      this.wake();
    });
    this.worker.on('error', (error) => {
      this.failure ??= error;
      this.wake();
    });
    this.worker.on('exit', () => {
      this.failure ??= new Error('the blob worker stopped');
      this.wake();
    });
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.();
  }

  async next(): Promise<Reply> {
    for (;;) {
      const reply = this.replies.shift();
      if (reply) return reply;
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  async stop(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

/**
 * The plaintext of a stored blob, authenticated chunk by chunk, in batches of about a MiB. Each batch
 * is valid until the next one is asked for (its buffer then goes back to the worker). `onSha256` gets
 * the SHA-256 of the whole plaintext once the last batch is out.
 */
export async function* blobPlaintext(
  path: string,
  key: Buffer,
  blobId: string,
  onSha256: (hex: string) => void,
): AsyncGenerator<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BlobMissingError(`The stored file of this item is missing (${path})`);
    throw new AmparoError('IO_ERROR', `Cannot open the stored file: ${code}`, { cause: error });
  }
  let channel: Channel | null = null;
  try {
    const { size: storedSize } = await handle.stat();
    const raw = Buffer.alloc(BLOB_HEADER_SIZE);
    const { bytesRead } = await handle.read(raw, 0, BLOB_HEADER_SIZE, 0);
    if (bytesRead < BLOB_HEADER_SIZE) throw new BlobDamagedError('The stored file is truncated (no header)');
    const header = decodeHeader(raw);
    if (!header.blobId.equals(uuidBytes(blobId)))
      throw new BlobDamagedError('The stored file belongs to another item');
    const layout = layoutFor(storedSize, header.chunkSize);
    channel = new Channel(
      {
        mode: 'read',
        fd: handle.fd,
        header: Uint8Array.from(header.raw),
        chunkSize: layout.chunkSize,
        chunkCount: layout.chunkCount,
        plainSize: layout.plainSize,
        batch: Math.max(1, Math.floor(BATCH_BYTES / layout.chunkSize)),
        pool: POOL,
      },
      key,
    );
    for (;;) {
      let reply: Reply;
      try {
        reply = await channel.next();
      } catch (error) {
        throw new BlobDamagedError((error as Error).message);
      }
      if (reply.length! > 0) yield Buffer.from(reply.buffer!, 0, reply.length);
      if (reply.last) {
        onSha256(reply.sha256!);
        return;
      }
      channel.worker.postMessage({ buffer: reply.buffer }, [reply.buffer!]);
    }
  } finally {
    await channel?.stop();
    await handle.close();
  }
}

/**
 * Encrypts an incoming attachment into a blob file already open for writing, in a worker. `write`
 * copies into a pooled batch (waiting only when the whole pool is being encrypted); `end` seals the
 * final chunk and answers the stored size. Writes go to the descriptor's current position, after the
 * header that `header` holds and the caller writes first.
 */
export class BlobWriter {
  readonly header: Buffer;
  readonly chunkSize = DEFAULT_CHUNK_SIZE;
  private readonly channel: Channel;
  private readonly free: ArrayBuffer[] = [];
  private current: Buffer;
  private used = 0;
  private outstanding = 0;
  private written = 0;

  constructor(fd: number, key: Buffer, blobId: string) {
    // The blob format's header (with its random nonce prefix) as BlobEncryptor makes it.
    this.header = new BlobEncryptor(key, blobId, this.chunkSize).header;
    this.channel = new Channel(
      { mode: 'write', fd, header: Uint8Array.from(this.header), chunkSize: this.chunkSize },
      key,
    );
    for (let i = 0; i < POOL; i++) this.free.push(new ArrayBuffer(BATCH_BYTES));
    this.current = Buffer.from(this.free.pop()!);
  }

  private async settle(): Promise<void> {
    const reply = await this.channel.next();
    this.written += reply.written!;
    this.free.push(reply.buffer!);
    this.outstanding--;
  }

  private async send(final: boolean): Promise<void> {
    const buffer = this.current.buffer as ArrayBuffer;
    this.outstanding++;
    this.channel.worker.postMessage({ buffer, length: this.used, final }, [buffer]);
    this.used = 0;
    if (final) return;
    while (this.free.length === 0) await this.settle();
    this.current = Buffer.from(this.free.pop()!);
  }

  async write(data: Uint8Array): Promise<void> {
    let at = 0;
    while (at < data.length) {
      if (this.used === this.current.length) await this.send(false);
      const n = Math.min(this.current.length - this.used, data.length - at);
      this.current.set(data.subarray(at, at + n), this.used);
      this.used += n;
      at += n;
    }
  }

  /** Bytes written after the header. */
  async end(): Promise<number> {
    await this.send(true);
    while (this.outstanding > 0) await this.settle();
    await this.channel.stop();
    return this.written;
  }

  async stop(): Promise<void> {
    await this.channel.stop();
  }
}
