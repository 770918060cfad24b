// The encrypted evidence blob: one file per item under <vault>/blobs/, AES-256-GCM in fixed-size chunks
// under a fresh random key per file (kept in the encrypted database). Every chunk is authenticated on
// its own, so a reader can decrypt any byte range (video seeking) without reading the rest, and the
// authenticated data binds the header (format, chunk size, blob id, nonce prefix), the chunk's index and
// whether it is the last chunk: a flipped bit, swapped or reordered chunks, a truncated file or a
// header edited after the fact all fail authentication. docs/vault-format.md ("Evidence blobs")
// describes the layout precisely enough for an independent implementation.
import { createCipheriv, createDecipheriv, randomBytes, type KeyObject } from 'node:crypto';
import { AmparoError } from '../../../shared/errors';

const BLOB_MAGIC = Buffer.from('AMPB', 'ascii');
const BLOB_VERSION = 1;
/** magic(4) ‖ version u16 ‖ reserved u16 ‖ chunk size u32 ‖ blob id (16) ‖ nonce prefix (8). */
export const BLOB_HEADER_SIZE = 36;
export const TAG_SIZE = 16;
/** 64 KiB: seeking in a video reads at most this much extra; the tag adds 0.02 %. */
export const DEFAULT_CHUNK_SIZE = 64 * 1024;
const MIN_CHUNK_SIZE = 1024;
const MAX_CHUNK_SIZE = 16 * 1024 * 1024;
const MAX_CHUNKS = 2 ** 32;

export const KEY_SIZE = 32;

/** A stored blob that failed authentication or does not have the shape of one. */
export class BlobDamagedError extends AmparoError {
  constructor(message: string) {
    super('EVIDENCE_DAMAGED', message);
  }
}

export function uuidBytes(id: string): Buffer {
  const hex = id.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new AmparoError('INTERNAL', `Not a UUID: ${id}`);
  return Buffer.from(hex, 'hex');
}

export interface BlobHeader {
  version: number;
  chunkSize: number;
  blobId: Buffer;
  noncePrefix: Buffer;
  /** The header bytes as stored: the first part of every chunk's authenticated data. */
  raw: Buffer;
}

function encodeHeader(blobId: string, chunkSize: number, noncePrefix: Buffer): Buffer {
  const raw = Buffer.alloc(BLOB_HEADER_SIZE);
  BLOB_MAGIC.copy(raw, 0);
  raw.writeUInt16BE(BLOB_VERSION, 4);
  raw.writeUInt16BE(0, 6);
  raw.writeUInt32BE(chunkSize, 8);
  uuidBytes(blobId).copy(raw, 12);
  noncePrefix.copy(raw, 28);
  return raw;
}

export function decodeHeader(raw: Buffer): BlobHeader {
  if (raw.length < BLOB_HEADER_SIZE || !raw.subarray(0, 4).equals(BLOB_MAGIC)) {
    throw new BlobDamagedError('Not an Amparo evidence blob (bad magic)');
  }
  const version = raw.readUInt16BE(4);
  if (version !== BLOB_VERSION) throw new BlobDamagedError(`Unknown blob format version ${version}`);
  const chunkSize = raw.readUInt32BE(8);
  if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
    throw new BlobDamagedError(`Implausible chunk size ${chunkSize}`);
  }
  const header = Buffer.from(raw.subarray(0, BLOB_HEADER_SIZE));
  return {
    version,
    chunkSize,
    blobId: header.subarray(12, 28),
    noncePrefix: header.subarray(28, 36),
    raw: header,
  };
}

/** The header of a new blob: a fresh random nonce prefix (for a writer that seals the chunks itself). */
export function newBlobHeader(blobId: string, chunkSize = DEFAULT_CHUNK_SIZE): Buffer {
  return encodeHeader(blobId, chunkSize, randomBytes(8));
}

function nonceFor(prefix: Buffer, index: number): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, 8);
  return nonce;
}

function aadFor(header: Buffer, index: number, final: boolean): Buffer {
  const aad = Buffer.alloc(BLOB_HEADER_SIZE + 5);
  header.copy(aad, 0);
  aad.writeUInt32BE(index, BLOB_HEADER_SIZE);
  aad[BLOB_HEADER_SIZE + 4] = final ? 1 : 0;
  return aad;
}

/** Where things are in a blob of `storedSize` bytes; throws when no valid blob has that size. */
export interface BlobLayout {
  chunkSize: number;
  chunkCount: number;
  plainSize: number;
}

export function layoutFor(storedSize: number, chunkSize: number): BlobLayout {
  const body = storedSize - BLOB_HEADER_SIZE;
  const record = chunkSize + TAG_SIZE;
  if (body < TAG_SIZE) throw new BlobDamagedError('The blob is shorter than one chunk (truncated)');
  const chunkCount = Math.ceil(body / record);
  const last = body - (chunkCount - 1) * record;
  if (last < TAG_SIZE) throw new BlobDamagedError('The blob ends inside a chunk tag (truncated)');
  return { chunkSize, chunkCount, plainSize: body - chunkCount * TAG_SIZE };
}

/**
 * Push-based encryptor: feed plaintext in any slices, get stored records back. A chunk is sealed only
 * once it is known whether more data follows, so the last one always carries the final flag (also for
 * an empty file: one empty final chunk).
 */
export class BlobEncryptor {
  readonly header: Buffer;
  private readonly prefix: Buffer;
  private readonly pending: Buffer;
  private pendingLength = 0;
  private index = 0;
  private finished = false;

  constructor(
    private readonly key: Buffer,
    blobId: string,
    readonly chunkSize = DEFAULT_CHUNK_SIZE,
  ) {
    if (key.length !== KEY_SIZE) throw new AmparoError('INTERNAL', 'Blob keys are 32 bytes');
    this.prefix = randomBytes(8);
    this.header = encodeHeader(blobId, chunkSize, this.prefix);
    this.pending = Buffer.allocUnsafe(chunkSize);
  }

  private seal(plain: Buffer, final: boolean, out: Buffer[]): void {
    if (this.index >= MAX_CHUNKS) throw new AmparoError('INTERNAL', 'Blob too large');
    const cipher = createCipheriv('aes-256-gcm', this.key, nonceFor(this.prefix, this.index), {
      authTagLength: TAG_SIZE,
    });
    cipher.setAAD(aadFor(this.header, this.index, final));
    const body = cipher.update(plain);
    cipher.final();
    out.push(body, cipher.getAuthTag());
    this.index += 1;
  }

  /** Encrypts what can be sealed now; returns the buffers to append to the file, in order. */
  push(data: Buffer): Buffer[] {
    if (this.finished) throw new AmparoError('INTERNAL', 'Blob already finished');
    const out: Buffer[] = [];
    let offset = 0;
    while (offset < data.length) {
      if (this.pendingLength === this.chunkSize) {
        // More data follows, so the pending chunk is not the last one.
        this.seal(this.pending, false, out);
        this.pendingLength = 0;
      }
      const remaining = data.length - offset;
      if (this.pendingLength === 0 && remaining > this.chunkSize) {
        // A whole chunk with more after it: seal it straight from the input, no copy.
        this.seal(data.subarray(offset, offset + this.chunkSize), false, out);
        offset += this.chunkSize;
        continue;
      }
      const take = Math.min(remaining, this.chunkSize - this.pendingLength);
      data.copy(this.pending, this.pendingLength, offset, offset + take);
      this.pendingLength += take;
      offset += take;
    }
    return out;
  }

  /** Seals the last chunk (final flag set). */
  finish(): Buffer[] {
    if (this.finished) throw new AmparoError('INTERNAL', 'Blob already finished');
    this.finished = true;
    const out: Buffer[] = [];
    this.seal(this.pending.subarray(0, this.pendingLength), true, out);
    this.pending.fill(0);
    return out;
  }
}

/** Decrypts one stored record (ciphertext ‖ tag) of chunk `index`, or throws BlobDamagedError. */
export function decryptChunk(
  key: Buffer | KeyObject,
  header: BlobHeader,
  index: number,
  final: boolean,
  record: Buffer,
): Buffer {
  if (record.length < TAG_SIZE) throw new BlobDamagedError(`Chunk ${index} is truncated`);
  const body = record.subarray(0, record.length - TAG_SIZE);
  const tag = record.subarray(record.length - TAG_SIZE);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonceFor(header.noncePrefix, index), {
      authTagLength: TAG_SIZE,
    });
    decipher.setAAD(aadFor(header.raw, index, final));
    decipher.setAuthTag(tag);
    const plain = decipher.update(body);
    decipher.final();
    return plain;
  } catch {
    throw new BlobDamagedError(`Chunk ${index} failed authentication (the stored file was altered)`);
  }
}
