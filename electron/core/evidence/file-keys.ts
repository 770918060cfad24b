// A blob's key leaves the database only for the operation that needs it (a preview stream, a check, an
// export, a working copy) and is zeroed when that operation ends. The key is read as a view over the bytes
// the driver returned, not copied, so zeroing it leaves no second copy behind in this process. New keys
// (intake) are made here too, outside the JavaScript heap, and zeroed once their row is written.
import { randomFillSync } from 'node:crypto';
import { KEY_SIZE } from './blob-format';

export interface BlobAccess {
  path: string;
  /** Zeroed when the operation ends: never keep a reference past it. */
  key: Buffer;
  blobId: string;
  sha256: string;
  size: number;
}

type KeyWatcher = (key: Buffer) => void;
const watchers = new Set<KeyWatcher>();

/** The driver's key bytes as a Buffer over the same memory. */
export function keyView(bytes: Uint8Array): Buffer {
  const key = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const watch of watchers) watch(key);
  return key;
}

/** A fresh random key for a new blob (a Buffer outside the JavaScript heap, never moved by the GC). */
export function newFileKey(): Buffer {
  const key = randomFillSync(Buffer.from(new ArrayBuffer(KEY_SIZE)));
  for (const watch of watchers) watch(key);
  return key;
}

/**
 * Calls `watch` with every file key handed out from now on, until the returned function is called. For
 * tests and diagnostics: they check that every key is zero once its operation has ended.
 */
export function watchFileKeys(watch: KeyWatcher): () => void {
  watchers.add(watch);
  return () => void watchers.delete(watch);
}
