// Writing a bundle: a tar stream of the entries, in order, encrypted with age, into `<target>.partial`,
// fsynced, then given its name (never replacing a file). Cancel or failure removes the partial file; a
// killed process can leave only the `.partial`, never a file under the target name. The tar headers are
// made here (tar-format.ts), each attachment decrypted here from its vault blob; the age payload is sealed
// and written by the bundle worker (payload-worker.ts).
import { createSecretKey, randomBytes } from 'node:crypto';
import { link, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AmparoError } from '../../../shared/errors';
import { openBlob, readAll } from '../evidence/reader';
import { fsyncDir } from '../fs/atomic';
import { openDirect } from '../fs/direct';
import { cancelledError } from '../operations/runner';
import { NONCE, makeHeader, type Seal } from './age-io';
import { PayloadWorker, movableCopy, type WorkerReply } from './payload-worker';
import { END_OF_ARCHIVE, fileHeader, padding } from './tar-format';

/** An attachment: its vault blob, decrypted as it is written; the key is asked for when it is needed. */
export interface BlobSource {
  blobPath: string;
  blobId: string;
  /** A copy of the file key, zeroed by the writer once used. */
  key(): Buffer;
}

export interface BundleEntry {
  path: string;
  size: number;
  /** The bytes in memory, or an attachment's blob. */
  data: Buffer | BlobSource;
}

export interface WriteOptions {
  seal: Seal;
  signal?: AbortSignal;
  mtime: Date;
  onBytes?: (n: number) => void;
  /** Records how long each stage took (the bench). */
  lap?: (stage: string) => void;
}

function writeFailure(reply: WorkerReply): AmparoError {
  if (reply.kind === 'damaged') return new AmparoError('EVIDENCE_DAMAGED', reply.message ?? 'damaged');
  if (reply.code === 'ENOSPC' || reply.code === 'EDQUOT')
    return new AmparoError('DISK_FULL', 'The disk is full');
  return new AmparoError('IO_ERROR', `Writing the bundle: ${reply.code ?? reply.message}`);
}

/** Batches of decrypted chunks on their way to the worker at once: memory stays a few MiB. */
const IN_FLIGHT = 4;
const BATCH_BYTES = 1024 * 1024;

/**
 * An attachment: decrypted here (each chunk authenticated),
 * its chunks moved to the worker, which seals them while this thread decrypts the next.
 */
async function writeBlob(
  worker: PayloadWorker,
  entry: BundleEntry,
  source: BlobSource,
  options: WriteOptions,
): Promise<void> {
  const raw = source.key();
  // A KeyObject made once: the raw key would be imported again at every chunk (a third of the cost).
  const key = createSecretKey(raw);
  raw.fill(0);
  {
    const reader = await openBlob(source.blobPath, key, source.blobId);
    try {
      if (reader.size !== entry.size) {
        const what = reader.size > entry.size ? 'longer' : 'shorter';
        throw new AmparoError('EVIDENCE_DAMAGED', `${entry.path} is ${what} than recorded`);
      }
      const window: Promise<WorkerReply>[] = [];
      let batch: ArrayBuffer[] = [];
      let bytes = 0;
      const send = async () => {
        const sent = worker.request({ t: 'plain', buffers: batch }, batch);
        sent.catch(() => undefined); // awaited below, in order
        window.push(sent);
        options.onBytes?.(bytes);
        batch = [];
        bytes = 0;
        if (window.length >= IN_FLIGHT) await window.shift();
      };
      for await (const part of readAll(reader, options.signal)) {
        const own = part.byteOffset === 0 && part.byteLength === part.buffer.byteLength;
        batch.push((own ? part : Uint8Array.from(part)).buffer as ArrayBuffer);
        bytes += part.length;
        if (bytes >= BATCH_BYTES) await send();
      }
      if (batch.length > 0) await send();
      for (const sent of window) await sent;
    } finally {
      await reader.close();
    }
  }
}

async function writeEntries(
  worker: PayloadWorker,
  out: FileHandle,
  direct: FileHandle | null,
  entries: BundleEntry[],
  options: WriteOptions,
): Promise<number> {
  const { header, fileKey } = await makeHeader(options.seal);
  const nonce = randomBytes(NONCE);
  const key = movableCopy(fileKey);
  fileKey.fill(0);
  worker.post({ t: 'export', fd: out.fd, directFd: direct?.fd ?? null, header, nonce, fileKey: key }, [
    key.buffer,
  ]);
  options.lap?.('age header');
  for (const entry of entries) {
    if (options.signal?.aborted) throw cancelledError();
    const head = fileHeader(entry.path, entry.size, options.mtime);
    const pad = Buffer.alloc(padding(entry.size));
    if (Buffer.isBuffer(entry.data)) {
      if (entry.data.length !== entry.size) throw new AmparoError('INTERNAL', `${entry.path}: size differs`);
      // Moved, not copied, when the buffer is its own (a records file may be large).
      const data = Buffer.concat([head, entry.data, pad]);
      const own = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
      worker.post({ t: 'bytes', data }, own ? [data.buffer as ArrayBuffer] : []);
      options.onBytes?.(entry.data.length);
    } else {
      worker.post({ t: 'bytes', data: head });
      await writeBlob(worker, entry, entry.data, options);
      worker.post({ t: 'bytes', data: pad });
    }
  }
  worker.post({ t: 'bytes', data: END_OF_ARCHIVE });
  const size = (await worker.request({ t: 'finish' })).size!;
  options.lap?.('payload (worker)');
  return size;
}

export async function writeBundle(
  target: string,
  entries: BundleEntry[],
  options: WriteOptions,
): Promise<number> {
  try {
    await stat(target);
    throw new AmparoError('BUNDLE_TARGET_EXISTS', `${target} already exists`);
  } catch (error) {
    if (error instanceof AmparoError) throw error;
  }
  const partial = `${target}.partial`;
  let out: FileHandle | null = null;
  let direct: FileHandle | null = null;
  try {
    try {
      out = await open(partial, 'w', 0o600);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR')
        throw new AmparoError('FOLDER_NOT_FOUND', `The folder of ${target} does not exist`);
      throw new AmparoError('IO_ERROR', `Cannot create ${partial}: ${code}`, { cause: error });
    }
    direct = await openDirect(partial, 'write');
    const worker = new PayloadWorker(writeFailure, options.onBytes, options.signal);
    let size: number;
    try {
      size = await writeEntries(worker, out, direct, entries, options);
    } finally {
      // Only once the worker's writes have ended may the file be closed.
      await worker.close();
      await direct?.close().catch(() => undefined);
      direct = null;
    }
    await out.sync();
    await out.close();
    out = null;
    try {
      await link(partial, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new AmparoError('BUNDLE_TARGET_EXISTS', `${target} appeared meanwhile`);
      // File systems without hard links (FAT sticks): copy-free rename after a last check.
      try {
        await stat(target);
        throw new AmparoError('BUNDLE_TARGET_EXISTS', `${target} appeared meanwhile`);
      } catch (missing) {
        if (missing instanceof AmparoError) throw missing;
      }
      await rename(partial, target);
    }
    await rm(partial, { force: true });
    await fsyncDir(dirname(target)).catch(() => undefined);
    options.lap?.('fsync and name');
    return size;
  } catch (error) {
    await direct?.close().catch(() => undefined);
    await out?.close().catch(() => undefined);
    await rm(partial, { force: true }).catch(() => undefined);
    throw error;
  }
}
