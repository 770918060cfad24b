// Streaming intake of one file: read the raw bytes once, hash them (SHA-256) and encrypt them (a fresh
// key per file) in the same pass, into a temporary file that is fsynced and renamed into blobs/ only when
// complete. Memory stays flat whatever the size: two 1 MiB read buffers, one write in flight, and a
// bounded head and tail kept for metadata. Reading the next buffer overlaps with hashing and encrypting
// the current one. Any failure or cancel removes the temporary file; nothing touches the database here.
import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { AmparoError } from '../../../shared/errors';
import { BlobEncryptor, DEFAULT_CHUNK_SIZE } from './blob-format';
import { newFileKey } from './file-keys';
import { fsyncDir } from '../fs/atomic';
import { cancelledError } from '../operations/runner';
import { blobPath, blobsDir, ensureBlobDirs, incomingDir } from './store';
import { join } from 'node:path';

const READ_SIZE = 1024 * 1024;
const HEAD_BYTES = 512 * 1024;
const TAIL_BYTES = 256 * 1024;

export interface StagedBlob {
  blobId: string;
  key: Buffer;
  sha256: string;
  size: number;
  storedSize: number;
  chunkSize: number;
  /** The blob in its final place (no database row yet: remove it if the commit fails). */
  path: string;
  /** The file name as received (the last path segment; escaped when it is not UTF-8). */
  originalName: string;
  /** The first and last bytes of the plaintext, for media-type sniffing and metadata. */
  head: Buffer;
  tail: Buffer;
}

export interface StageOptions {
  signal?: AbortSignal;
  /** Called as bytes are read (at most about every 64 MiB or 250 ms). */
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
  chunkSize?: number;
  /** Report progress every this many bytes (default 64 MiB; tests use less). */
  progressEveryBytes?: number;
  /** The name to record (default: the last segment of a string path). */
  name?: string;
}

const errno = (error: unknown): string => (error as NodeJS.ErrnoException)?.code ?? '';

/** A failure reading the source, in plain words and with a code the UI translates. */
function sourceError(error: unknown, name: string): AmparoError {
  if (error instanceof AmparoError) return error;
  const code = errno(error);
  if (['EIO', 'ENXIO', 'ESTALE', 'ENODEV', 'ENOENT'].includes(code)) {
    return new AmparoError(
      'FILE_CHANGED',
      `${name}: the file disappeared while it was being read (${code})`,
      {
        cause: error,
      },
    );
  }
  return new AmparoError('FILE_UNREADABLE', `${name}: cannot read the file (${code || String(error)})`, {
    cause: error,
  });
}

/** A failure writing into the vault. */
export function vaultWriteError(error: unknown, what: string): AmparoError {
  if (error instanceof AmparoError) return error;
  const code = errno(error);
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new AmparoError('DISK_FULL', `${what}: the disk is full`, { cause: error });
  }
  return new AmparoError('IO_ERROR', `${what}: ${code || String(error)}`, { cause: error });
}

/** Keeps the last `capacity` bytes seen. */
class Tail {
  private readonly buffer: Buffer;
  private length = 0;
  constructor(private readonly capacity: number) {
    this.buffer = Buffer.alloc(capacity);
  }
  push(data: Buffer): void {
    if (data.length >= this.capacity) {
      data.copy(this.buffer, 0, data.length - this.capacity);
      this.length = this.capacity;
      return;
    }
    const keep = Math.min(this.length, this.capacity - data.length);
    this.buffer.copyWithin(0, this.length - keep, this.length);
    data.copy(this.buffer, keep);
    this.length = keep + data.length;
  }
  bytes(): Buffer {
    return Buffer.from(this.buffer.subarray(0, this.length));
  }
}

/**
 * Stream `sourcePath` into a new encrypted blob of the vault at `vaultDir`. Returns the blob in its final
 * place, with its key and hash; the caller records it in the database (and removes the file if that fails).
 */
export async function stageFile(
  vaultDir: string,
  sourcePath: string | Buffer,
  options: StageOptions = {},
): Promise<StagedBlob> {
  const name = options.name ?? basename(String(sourcePath));
  const { signal, onProgress } = options;
  if (signal?.aborted) throw cancelledError();

  let source: FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO or device someone dropped must not hang; regular files ignore it.
    source = await open(sourcePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw sourceError(error, name);
  }

  const blobId = randomUUID();
  const temp = join(incomingDir(vaultDir), `${blobId}.part`);
  const final = blobPath(vaultDir, blobId);
  let out: FileHandle | null = null;
  let renamed = false;
  const key = newFileKey();
  try {
    const info = await source.stat().catch((error: unknown) => {
      throw sourceError(error, name);
    });
    if (!info.isFile()) {
      throw new AmparoError('FILE_UNREADABLE', `${name}: not a regular file (a folder, device or pipe)`);
    }
    const total = info.size;
    try {
      await ensureBlobDirs(vaultDir);
      out = await open(temp, 'wx', 0o600);
    } catch (error) {
      throw vaultWriteError(error, 'Creating the evidence file');
    }

    const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    const encryptor = new BlobEncryptor(key, blobId, chunkSize);
    const hash = createHash('sha256');
    const head = Buffer.alloc(Math.min(HEAD_BYTES, total));
    let headLength = 0;
    const tail = new Tail(TAIL_BYTES);
    const buffers = [Buffer.allocUnsafe(READ_SIZE), Buffer.allocUnsafe(READ_SIZE)];
    let storedSize = 0;
    let position = 0;
    let lastReport = 0;
    let lastReportAt = Date.now();

    const write = async (records: Buffer[]): Promise<void> => {
      if (records.length === 0) return;
      try {
        const { bytesWritten } = await out!.writev(records);
        const expected = records.reduce((n, b) => n + b.length, 0);
        // writev may write less than asked (rare, e.g. a disk filling up): finish the rest.
        if (bytesWritten < expected) {
          const rest = Buffer.concat(records).subarray(bytesWritten);
          await out!.write(rest);
        }
        storedSize += expected;
      } catch (error) {
        throw vaultWriteError(error, 'Writing the evidence file');
      }
    };
    const read = (buffer: Buffer, at: number) =>
      source.read(buffer, 0, buffer.length, at).catch((error: unknown) => {
        throw sourceError(error, name);
      });

    await write([encryptor.header]);
    let turn = 0;
    let pendingRead = read(buffers[0]!, 0);
    let pendingWrite: Promise<void> = Promise.resolve();
    for (;;) {
      const { bytesRead } = await pendingRead;
      if (bytesRead === 0) break;
      const current = buffers[turn]!.subarray(0, bytesRead);
      position += bytesRead;
      turn = 1 - turn;
      // The next read runs on libuv's pool while this buffer is hashed and encrypted on this thread.
      pendingRead = read(buffers[turn]!, position);
      if (signal?.aborted) {
        await pendingRead.catch(() => undefined);
        throw cancelledError();
      }
      hash.update(current);
      if (headLength < head.length) headLength += current.copy(head, headLength, 0);
      tail.push(current);
      const records = encryptor.push(current);
      await pendingWrite;
      pendingWrite = write(records);
      if (
        onProgress &&
        (position - lastReport >= (options.progressEveryBytes ?? 64 * READ_SIZE) ||
          Date.now() - lastReportAt >= 250)
      ) {
        lastReport = position;
        lastReportAt = Date.now();
        onProgress(position, total);
      }
    }
    await pendingWrite;
    await write(encryptor.finish());

    // The file must be what it was when we started: same size, not modified while we read it.
    const after = await source.stat().catch((error: unknown) => {
      throw sourceError(error, name);
    });
    if (position !== total || after.size !== total || after.mtimeMs !== info.mtimeMs) {
      throw new AmparoError(
        'FILE_CHANGED',
        `${name}: the file changed while it was being read (${total} bytes at the start, ${position} read, ${after.size} now)`,
      );
    }
    if (signal?.aborted) throw cancelledError();
    onProgress?.(position, total);

    try {
      await out.sync();
      await out.close();
      out = null;
      await rename(temp, final);
      renamed = true;
      await fsyncDir(blobsDir(vaultDir));
    } catch (error) {
      throw vaultWriteError(error, 'Saving the evidence file');
    }
    return {
      blobId,
      key,
      sha256: hash.digest('hex'),
      size: total,
      storedSize,
      chunkSize,
      path: final,
      originalName: name,
      head: head.subarray(0, headLength),
      tail: tail.bytes(),
    };
  } catch (error) {
    key.fill(0);
    await out?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    if (renamed) await rm(final, { force: true }).catch(() => undefined);
    throw error instanceof AmparoError ? error : vaultWriteError(error, 'Taking in the file');
  } finally {
    await source.close().catch(() => undefined);
  }
}

/** Like stageFile, for bytes made in memory (a working copy): never written anywhere unencrypted. */
export async function stageBytes(vaultDir: string, data: Buffer, name: string): Promise<StagedBlob> {
  const blobId = randomUUID();
  const temp = join(incomingDir(vaultDir), `${blobId}.part`);
  const final = blobPath(vaultDir, blobId);
  const key = newFileKey();
  let out: FileHandle | null = null;
  let renamed = false;
  try {
    await ensureBlobDirs(vaultDir);
    out = await open(temp, 'wx', 0o600);
    const encryptor = new BlobEncryptor(key, blobId);
    const records = [encryptor.header, ...encryptor.push(data), ...encryptor.finish()];
    let storedSize = 0;
    for (const record of records) {
      await out.write(record);
      storedSize += record.length;
    }
    await out.sync();
    await out.close();
    out = null;
    await rename(temp, final);
    renamed = true;
    await fsyncDir(blobsDir(vaultDir));
    return {
      blobId,
      key,
      sha256: createHash('sha256').update(data).digest('hex'),
      size: data.length,
      storedSize,
      chunkSize: encryptor.chunkSize,
      path: final,
      originalName: name,
      // Copies: the caller wipes `data` once the blob is written.
      head: Buffer.from(data.subarray(0, HEAD_BYTES)),
      tail: Buffer.from(data.subarray(Math.max(0, data.length - TAIL_BYTES))),
    };
  } catch (error) {
    key.fill(0);
    await out?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    if (renamed) await rm(final, { force: true }).catch(() => undefined);
    throw vaultWriteError(error, 'Saving the working copy');
  }
}
