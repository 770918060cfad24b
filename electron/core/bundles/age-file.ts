// Opening an age file on disk: its header is read and a key found (from a passphrase or an identity)
// before anything else; the payload that follows is left to the bundle worker (payload-worker.ts), which
// reads it in big batches and authenticates every chunk. The file's size, taken at the start, says which
// chunk is the last one: a file cut short or grown meanwhile fails authentication.
import { open, type FileHandle } from 'node:fs/promises';
import { AmparoError } from '../../../shared/errors';
import { NONCE, TAG, bodyError, headerLength, openHeader, type Unseal } from './age-io';

export interface OpenedAge {
  handle: FileHandle;
  fileKey: Uint8Array;
  nonce: Buffer;
  /** Where the sealed chunks start and end. */
  start: number;
  end: number;
}

/** Opens `path` (its size `size`) and its header; a refusal is BUNDLE_NOT_AGE, _WRONG_KEY or _DAMAGED. */
export async function openAgeFile(path: string, size: number, unseal: Unseal): Promise<OpenedAge> {
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
        headerLength(head); // throws when it is not age at all
        throw new AmparoError('BUNDLE_NOT_AGE', 'Not an age-encrypted bundle: the age header is incomplete');
      }
      head = Buffer.concat([head, more.subarray(0, bytesRead)]);
      length = headerLength(head);
    }
    const fileKey = await openHeader(head.subarray(0, length), unseal);
    const nonce = Buffer.alloc(NONCE);
    const { bytesRead } = await handle.read(nonce, 0, NONCE, length);
    if (bytesRead < NONCE || size - length - NONCE < TAG) {
      fileKey.fill(0);
      throw bodyError(
        new Error(bytesRead < NONCE ? 'the file ends before its payload nonce' : 'the payload is cut short'),
      );
    }
    return { handle, fileKey, nonce, start: length + NONCE, end: size };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}
