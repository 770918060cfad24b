// Attachments of a bundle being imported: each is encrypted as it streams in (a fresh key, the vault's
// blob format; the bundle worker seals it) into blobs/.incoming/<blob id>.part, and moved into blobs/
// only when the import commits.
// Until then nothing in blobs/ changes; whatever is left after a failure or a kill is an undecryptable
// .part that the vault's unlock clean-up removes.
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { vaultWriteError } from '../evidence/intake';
import { DEFAULT_CHUNK_SIZE, newBlobHeader } from '../evidence/blob-format';
import { newFileKey } from '../evidence/file-keys';
import { blobPath, blobsDir, ensureBlobDirs, incomingDir } from '../evidence/store';
import { fsyncDir } from '../fs/atomic';
import { openDirect } from '../fs/direct';
import type { AttachmentPayload } from './read';

export interface IncomingBlob {
  blobId: string;
  key: Buffer;
  chunkSize: number;
  plainSize: number;
  storedSize: number;
  sha256: string;
  part: string;
}

export async function receiveBlob(
  vaultDir: string,
  entry: { blobId: string; size: number; sha256: string },
  payload: AttachmentPayload,
): Promise<IncomingBlob> {
  await ensureBlobDirs(vaultDir);
  const part = join(incomingDir(vaultDir), `${entry.blobId}.part`);
  const key = newFileKey();
  let out: FileHandle | null = null;
  let direct: FileHandle | null = null;
  try {
    out = await open(part, 'w', 0o600);
    direct = await openDirect(part, 'write');
    const header = newBlobHeader(entry.blobId, DEFAULT_CHUNK_SIZE);
    const storedSize = await payload.store(out.fd, direct?.fd ?? null, key, header);
    await direct?.close();
    direct = null;
    await out.sync();
    await out.close();
    out = null;
    return {
      blobId: entry.blobId,
      key,
      chunkSize: DEFAULT_CHUNK_SIZE,
      plainSize: entry.size,
      storedSize,
      sha256: entry.sha256,
      part,
    };
  } catch (error) {
    key.fill(0);
    await direct?.close().catch(() => undefined);
    await out?.close().catch(() => undefined);
    await rm(part, { force: true }).catch(() => undefined);
    throw vaultWriteError(error, 'Receiving a bundle attachment');
  }
}

/** Moves received blobs into place (just before the commit); returns the final paths. */
export async function placeBlobs(vaultDir: string, blobs: IncomingBlob[]): Promise<string[]> {
  const placed: string[] = [];
  try {
    for (const blob of blobs) {
      const final = blobPath(vaultDir, blob.blobId);
      await rename(blob.part, final);
      placed.push(final);
    }
    if (placed.length > 0) await fsyncDir(blobsDir(vaultDir));
    return placed;
  } catch (error) {
    await removeFiles(placed);
    throw vaultWriteError(error, 'Placing bundle attachments');
  }
}

export async function removeFiles(paths: string[]): Promise<void> {
  for (const path of paths) await rm(path, { force: true }).catch(() => undefined);
}
