// Writing a bundle: a tar stream of the entries, in order, encrypted with age, into `<target>.partial`,
// fsynced, then given its name (never replacing a file). Cancel or failure removes the partial file; a
// killed process can leave only the `.partial`, never a file under the target name.
import { link, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pack as tarPack, type Pack } from 'tar-stream';
import { AmparoError } from '../../../shared/errors';
import { fsyncDir } from '../fs/atomic';
import { cancelledError } from '../operations/runner';
import { encryptStream, type Seal } from './age-io';

const WRITE_BATCH = 1024 * 1024;

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

async function writeEntry(pack: Pack, entry: BundleEntry, options: WriteOptions): Promise<void> {
  const header = {
    name: entry.path,
    size: entry.size,
    mode: 0o600,
    mtime: options.mtime,
    type: 'file' as const,
  };
  if (Buffer.isBuffer(entry.data)) {
    const data = entry.data;
    await new Promise<void>((resolve, reject) =>
      pack.entry(header, data, (e) => (e ? reject(e) : resolve())),
    );
    options.onBytes?.(data.length);
    return;
  }
  const sink = pack.entry(header);
  const done = new Promise<void>((resolve, reject) => {
    sink.once('error', reject);
    sink.once('finish', () => resolve());
    sink.once('close', () => resolve());
  });
  let written = 0;
  for await (const part of entry.data()) {
    if (options.signal?.aborted) throw cancelledError();
    written += part.length;
    if (written > entry.size)
      throw new AmparoError('EVIDENCE_DAMAGED', `${entry.path} is longer than recorded`);
    if (!sink.write(part)) await new Promise<void>((resolve) => sink.once('drain', () => resolve()));
    options.onBytes?.(part.length);
  }
  if (written !== entry.size)
    throw new AmparoError('EVIDENCE_DAMAGED', `${entry.path} is shorter than recorded`);
  (sink as unknown as { end(): void }).end();
  await done;
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
  const pack = tarPack();
  // A failure is reported by the write itself; the stream's own error event is not a second one.
  pack.on('error', () => undefined);
  try {
    try {
      out = await open(partial, 'w', 0o600);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR')
        throw new AmparoError('FOLDER_NOT_FOUND', `The folder of ${target} does not exist`);
      throw new AmparoError('IO_ERROR', `Cannot create ${partial}: ${code}`, { cause: error });
    }
    const producer = (async () => {
      for (const entry of entries) {
        if (options.signal?.aborted) throw cancelledError();
        await writeEntry(pack, entry, options);
      }
      pack.finalize();
    })();
    producer.catch((error: unknown) => pack.destroy(error as Error));
    const encrypted = await encryptStream(
      ReadableStream.from(pack) as ReadableStream<Uint8Array>,
      options.seal,
    );
    // Sealed chunks are 64 KiB; writing them a MiB at a time saves a system call and a wait on each.
    let size = 0;
    let batch: Uint8Array[] = [];
    let batched = 0;
    const flush = async () => {
      if (batched === 0) return;
      try {
        const { bytesWritten } = await out!.writev(batch);
        // A short write (the disk filling up) goes on until the disk says why it stopped.
        const rest = bytesWritten < batched ? Buffer.concat(batch).subarray(bytesWritten) : null;
        for (let at = 0; rest && at < rest.length;) at += (await out!.write(rest, at)).bytesWritten;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOSPC' || code === 'EDQUOT') throw new AmparoError('DISK_FULL', 'The disk is full');
        throw new AmparoError('IO_ERROR', `Writing the bundle: ${code}`, { cause: error });
      }
      size += batched;
      batch = [];
      batched = 0;
    };
    for await (const part of encrypted) {
      if (options.signal?.aborted) throw cancelledError();
      batch.push(part);
      batched += part.length;
      if (batched >= WRITE_BATCH) await flush();
    }
    await flush();
    await producer;
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
    (pack as unknown as { destroy(): void }).destroy();
    await out?.close().catch(() => undefined);
    await rm(partial, { force: true }).catch(() => undefined);
    throw error;
  }
}
