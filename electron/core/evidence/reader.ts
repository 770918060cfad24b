// Reading a blob back: any byte range, decrypted chunk by chunk as it is needed, each chunk authenticated
// before a byte of it is handed on. Nothing is written to disk. A long range is read about 2 MiB at a
// time into two reused buffers, the next read running on libuv's pool while this one is decrypted.
import type { KeyObject } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { AmparoError } from '../../../shared/errors';
import {
  BLOB_HEADER_SIZE,
  BlobDamagedError,
  TAG_SIZE,
  decodeHeader,
  decryptChunk,
  layoutFor,
  uuidBytes,
  type BlobHeader,
  type BlobLayout,
} from './blob-format';

/** How many chunks one disk read fetches when streaming sequentially. */
const BATCH_CHUNKS = 32;

export interface BlobReader {
  readonly size: number;
  readonly layout: BlobLayout;
  /** Plaintext bytes `start` to `end` inclusive, in order; throws BlobDamagedError on a bad chunk. */
  range(start: number, end: number, signal?: AbortSignal): AsyncGenerator<Buffer>;
  close(): Promise<void>;
}

export class BlobMissingError extends AmparoError {
  constructor(message: string) {
    super('EVIDENCE_DAMAGED', message);
  }
}

/**
 * Opens the blob at `path` with its key. The header must name `blobId` (a blob swapped for another
 * item's fails here) and the file length must fit the format.
 */
/** `key`: the raw file key, or a KeyObject made from it (faster per chunk; the caller drops it after). */
export async function openBlob(path: string, key: Buffer | KeyObject, blobId: string): Promise<BlobReader> {
  const { handle, header, layout } = await openBlobFile(path, blobId);
  return new Reader(handle, key, header, layout);
}

/** The open file, header and layout of a blob: the header must name `blobId`, the length must fit. */
async function openBlobFile(
  path: string,
  blobId: string,
): Promise<{ handle: FileHandle; header: BlobHeader; layout: BlobLayout }> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BlobMissingError(`The stored file of this item is missing (${path})`);
    throw new AmparoError('IO_ERROR', `Cannot open the stored file: ${code}`, { cause: error });
  }
  try {
    const { size: storedSize } = await handle.stat();
    const raw = Buffer.alloc(BLOB_HEADER_SIZE);
    const { bytesRead } = await handle.read(raw, 0, BLOB_HEADER_SIZE, 0);
    if (bytesRead < BLOB_HEADER_SIZE) throw new BlobDamagedError('The stored file is truncated (no header)');
    const header = decodeHeader(raw);
    if (!header.blobId.equals(uuidBytes(blobId))) {
      throw new BlobDamagedError('The stored file belongs to another item');
    }
    return { handle, header, layout: layoutFor(storedSize, header.chunkSize) };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

class Reader implements BlobReader {
  readonly size: number;
  constructor(
    private readonly handle: FileHandle,
    private readonly key: Buffer | KeyObject,
    private readonly header: BlobHeader,
    readonly layout: BlobLayout,
  ) {
    this.size = layout.plainSize;
  }

  async *range(start: number, end: number, signal?: AbortSignal): AsyncGenerator<Buffer> {
    const { chunkSize, chunkCount } = this.layout;
    if (this.size === 0) {
      // Still authenticate the one empty chunk: an emptied or swapped blob must not read as valid.
      await this.readChunks(0, 1);
      return;
    }
    if (start < 0 || end >= this.size || start > end) {
      throw new AmparoError('VALIDATION_FAILED', `Range ${start}-${end} outside 0-${this.size - 1}`);
    }
    const first = Math.floor(start / chunkSize);
    const last = Math.floor(end / chunkSize);
    const record = chunkSize + TAG_SIZE;
    const size = Math.min(BATCH_CHUNKS, last - first + 1) * record;
    const buffers = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)];
    let turn = 0;
    type Batch = { index: number; count: number; length: number };
    const read = (index: number): Promise<Batch> => {
      const count = Math.min(BATCH_CHUNKS, last - index + 1, chunkCount - index);
      return this.readRaw(index, count, buffers[turn]!).then((length) => ({ index, count, length }));
    };
    let pending: Promise<Batch> | null = read(first);
    try {
      while (pending) {
        const { index, count, length }: Batch = await pending;
        const buffer = buffers[turn]!;
        turn = 1 - turn;
        pending = index + count <= last ? read(index + count) : null;
        if (signal?.aborted) throw new AmparoError('CANCELLED', 'Cancelled');
        for (let i = 0; i < count; i++) {
          const chunk = index + i;
          const at = i * record;
          const plain = decryptChunk(
            this.key,
            this.header,
            chunk,
            chunk === chunkCount - 1,
            buffer.subarray(at, Math.min(at + record, length)),
          );
          const chunkStart = chunk * chunkSize;
          const from = Math.max(0, start - chunkStart);
          const to = Math.min(plain.length, end - chunkStart + 1);
          yield from === 0 && to === plain.length ? plain : plain.subarray(from, to);
        }
      }
    } finally {
      await pending?.catch(() => undefined);
    }
  }

  /** Reads the stored records of `count` chunks from `index` into `buffer`; resolves to their length. */
  private async readRaw(index: number, count: number, buffer: Buffer): Promise<number> {
    const { chunkSize, chunkCount } = this.layout;
    const record = chunkSize + TAG_SIZE;
    const offset = BLOB_HEADER_SIZE + index * record;
    const storedEnd = BLOB_HEADER_SIZE + this.layout.plainSize + chunkCount * TAG_SIZE;
    const length = Math.min(count * record, storedEnd - offset);
    let got = 0;
    while (got < length) {
      const { bytesRead } = await this.handle.read(buffer, got, length - got, offset + got);
      if (bytesRead === 0) throw new BlobDamagedError('The stored file became shorter while reading');
      got += bytesRead;
    }
    return length;
  }

  /** Reads and authenticates `count` consecutive chunks starting at `index`. */
  private async readChunks(index: number, count: number): Promise<Buffer[]> {
    const { chunkSize, chunkCount } = this.layout;
    const record = chunkSize + TAG_SIZE;
    const buffer = Buffer.allocUnsafe(count * record);
    const length = await this.readRaw(index, count, buffer);
    const plains: Buffer[] = [];
    for (let i = 0; i < count; i++) {
      const at = i * record;
      const chunk = index + i;
      plains.push(
        decryptChunk(
          this.key,
          this.header,
          chunk,
          chunk === chunkCount - 1,
          buffer.subarray(at, Math.min(at + record, length)),
        ),
      );
    }
    return plains;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

/** The whole plaintext, sequentially (verify, export, hashing). */
export function readAll(reader: BlobReader, signal?: AbortSignal): AsyncGenerator<Buffer> {
  if (reader.size === 0) return reader.range(0, 0, signal);
  return reader.range(0, reader.size - 1, signal);
}
