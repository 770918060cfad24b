// Writing a bundle: a tar stream of the entries, in order, encrypted with age, into `<target>.partial`,
// fsynced, then given its name (never replacing a file). Cancel or failure removes the partial file; a
// killed process can leave only the `.partial`, never a file under the target name.
import { randomBytes } from 'node:crypto';
import { link, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AmparoError } from '../../../shared/errors';
import { fsyncDir } from '../fs/atomic';
import { cancelledError } from '../operations/runner';
import { makeHeader, payloadKeyBytes, type Seal } from './age-io';
import { PayloadError, PayloadSealer } from './payload-worker';
import { END_OF_TAR, fileHeader, padding } from './tar-header';

const NONCE_SIZE = 16;

export interface BundleEntry {
  path: string;
  size: number;
  /** The bytes: in memory, or streamed (an attachment decrypted from its blob). */
  data: Buffer | (() => AsyncIterable<Buffer>);
}

export interface WriteOptions {
  seal: Seal;
  signal?: AbortSignal;
  mtime: Date;
  onBytes?: (n: number) => void;
}

async function writeEntry(sealer: PayloadSealer, entry: BundleEntry, options: WriteOptions): Promise<void> {
  await sealer.write(fileHeader({ name: entry.path, size: entry.size, mode: 0o600, mtime: options.mtime }));
  if (Buffer.isBuffer(entry.data)) {
    await sealer.write(entry.data);
    options.onBytes?.(entry.data.length);
  } else {
    let written = 0;
    for await (const part of entry.data()) {
      if (options.signal?.aborted) throw cancelledError();
      written += part.length;
      if (written > entry.size)
        throw new AmparoError('EVIDENCE_DAMAGED', `${entry.path} is longer than recorded`);
      await sealer.write(part);
      options.onBytes?.(part.length);
    }
    if (written !== entry.size)
      throw new AmparoError('EVIDENCE_DAMAGED', `${entry.path} is shorter than recorded`);
  }
  await sealer.write(padding(entry.size));
}

function writeError(error: unknown): AmparoError {
  if (error instanceof AmparoError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AmparoError('DISK_FULL', 'The disk is full');
  return new AmparoError('IO_ERROR', `Writing the bundle: ${code ?? (error as Error).message}`, {
    cause: error,
  });
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
  let sealer: PayloadSealer | null = null;
  try {
    const { header, fileKey } = await makeHeader(options.seal);
    try {
      out = await open(partial, 'w', 0o600);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR')
        throw new AmparoError('FOLDER_NOT_FOUND', `The folder of ${target} does not exist`);
      throw new AmparoError('IO_ERROR', `Cannot create ${partial}: ${code}`, { cause: error });
    }
    const nonce = randomBytes(NONCE_SIZE);
    const intro = Buffer.concat([header, nonce]);
    try {
      for (let at = 0; at < intro.length;) at += (await out.write(intro, at)).bytesWritten;
    } catch (error) {
      throw writeError(error);
    }
    const key = payloadKeyBytes(fileKey, nonce);
    fileKey.fill(0);
    sealer = new PayloadSealer(out.fd, key);
    key.fill(0);
    for (const entry of entries) {
      if (options.signal?.aborted) throw cancelledError();
      await writeEntry(sealer, entry, options).catch((error: unknown) => {
        throw error instanceof PayloadError ? writeError(error) : error;
      });
    }
    await sealer.write(END_OF_TAR);
    const size =
      intro.length +
      (await sealer.end().catch((error: unknown) => {
        throw writeError(error);
      }));
    sealer = null;
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
    return size;
  } catch (error) {
    await sealer?.close().catch(() => undefined);
    await out?.close().catch(() => undefined);
    await rm(partial, { force: true }).catch(() => undefined);
    throw error;
  }
}
