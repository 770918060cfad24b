// Reading an age file from disk: the header first (a key found before anything else), then the payload
// in big reads — about 2 MiB of sealed chunks at a time, the next read running on libuv's pool while this
// thread opens the chunks of the last one — handed out as 64 KiB plaintext chunks, each authenticated
// before it is handed out. The file's size, taken at the start, says which chunk is the last one; a
// file cut short or grown meanwhile fails authentication. Two read buffers, reused: memory stays flat.
import { open, type FileHandle } from 'node:fs/promises';
import { AmparoError } from '../../../shared/errors';
import {
  NONCE,
  PayloadOpener,
  SEALED,
  TAG,
  bodyError,
  headerLength,
  openHeader,
  type Unseal,
} from './age-io';

const BATCH = 32 * SEALED;

export class AgeFileReader {
  private readonly buffers = [Buffer.allocUnsafe(BATCH), Buffer.allocUnsafe(BATCH)];
  private turn = 0;
  private queue: Buffer[] = [];
  private at = 0;
  private position: number;
  private index = 0;
  private readonly lastIndex: number;
  private inFlight: Promise<number> | null = null;

  private constructor(
    private readonly handle: FileHandle,
    private readonly opener: PayloadOpener,
    start: number,
    private readonly end: number,
  ) {
    this.position = start;
    const body = end - start;
    this.lastIndex = Math.ceil(body / SEALED) - 1;
    if (body < TAG || body - this.lastIndex * SEALED < TAG)
      throw bodyError(new Error('the payload is cut short'));
    this.inFlight = this.read();
  }

  /** Opens `path` (its size `size`) and its header; a refusal is BUNDLE_NOT_AGE or BUNDLE_WRONG_KEY. */
  static async open(path: string, size: number, unseal: Unseal): Promise<AgeFileReader> {
    const handle = await open(path, 'r').catch((error: unknown) => {
      throw new AmparoError('FILE_UNREADABLE', `Cannot read ${path}`, { cause: error });
    });
    try {
      let head = Buffer.alloc(0);
      let length: number | null = null;
      while (length === null) {
        const more = Buffer.allocUnsafe(64 * 1024);
        const { bytesRead } = await handle.read(more, 0, more.length, head.length);
        if (bytesRead === 0) {
          headerLength(head); // not age at all, or …
          throw new AmparoError(
            'BUNDLE_NOT_AGE',
            'Not an age-encrypted bundle: the age header is incomplete',
          );
        }
        head = Buffer.concat([head, more.subarray(0, bytesRead)]);
        length = headerLength(head);
      }
      const fileKey = await openHeader(head.subarray(0, length), unseal);
      if (size < length + NONCE) {
        fileKey.fill(0);
        throw bodyError(new Error('the file ends before its payload nonce'));
      }
      const nonce = Buffer.alloc(NONCE);
      const { bytesRead } = await handle.read(nonce, 0, NONCE, length);
      if (bytesRead < NONCE) {
        fileKey.fill(0);
        throw bodyError(new Error('the file ends before its payload nonce'));
      }
      const opener = new PayloadOpener(fileKey, nonce);
      fileKey.fill(0);
      return new AgeFileReader(handle, opener, length + NONCE, size);
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
  }

  /** Fills the next buffer from the file (as much of the payload as fits); resolves to the bytes read. */
  private async read(): Promise<number> {
    const buffer = this.buffers[this.turn]!;
    const want = Math.min(BATCH, this.end - this.position);
    let got = 0;
    while (got < want) {
      const { bytesRead } = await this.handle.read(buffer, got, want - got, this.position + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return got;
  }

  /** The next plaintext chunk, authenticated, or null after the last one. */
  async next(): Promise<Buffer | null> {
    if (this.at < this.queue.length) {
      const chunk = this.queue[this.at]!;
      this.queue[this.at++] = EMPTY;
      return chunk;
    }
    if (this.inFlight === null) return null;
    const got = await this.inFlight;
    const buffer = this.buffers[this.turn]!;
    const want = Math.min(BATCH, this.end - this.position);
    if (got < want) throw bodyError(new Error('the file became shorter while it was read'));
    this.position += got;
    this.turn = 1 - this.turn;
    this.inFlight = this.position < this.end ? this.read() : null;
    this.queue = [];
    this.at = 0;
    try {
      for (let at = 0; at < got; at += SEALED) {
        const last = this.index === this.lastIndex;
        this.queue.push(this.opener.open(buffer.subarray(at, Math.min(at + SEALED, got)), last));
        this.index += 1;
      }
    } catch (error) {
      throw bodyError(error);
    }
    return this.next();
  }

  async close(): Promise<void> {
    await this.inFlight?.catch(() => undefined);
    this.inFlight = null;
    await this.handle.close().catch(() => undefined);
  }
}

const EMPTY = Buffer.alloc(0);
