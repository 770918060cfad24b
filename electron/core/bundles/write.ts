// Writing a bundle: a tar stream of the entries, in order, encrypted with age, into `<target>.partial`,
// fsynced, then given its name (never replacing a file). Cancel or failure removes the partial file; a
// killed process can leave only the `.partial`, never a file under the target name. The tar headers are
// made here (tar-format.ts) and the plaintext goes straight into age's sealer: the sealed chunks are
// written about 4 MiB at a time, one write in flight on libuv's pool while this thread seals the next.
import { link, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AmparoError } from '../../../shared/errors';
import { fsyncDir } from '../fs/atomic';
import { cancelledError } from '../operations/runner';
import { NONCE, PayloadSealer, makeHeader, type Seal } from './age-io';
import { END_OF_ARCHIVE, fileHeader, padding } from './tar-format';

const WRITE_BATCH = 4 * 1024 * 1024;
const ZEROS = Buffer.alloc(512);

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

/** Writes batches in order with at most one in flight; a failure surfaces at the next call. */
class Output {
  private inFlight: Promise<void> = Promise.resolve();
  size = 0;

  constructor(private readonly handle: FileHandle) {}

  private async writeAll(parts: Buffer[], length: number): Promise<void> {
    try {
      const { bytesWritten } = await this.handle.writev(parts);
      // A short write (the disk filling up) goes on until the disk says why it stopped.
      const rest = bytesWritten < length ? Buffer.concat(parts).subarray(bytesWritten) : null;
      for (let at = 0; rest && at < rest.length;) at += (await this.handle.write(rest, at)).bytesWritten;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EDQUOT') throw new AmparoError('DISK_FULL', 'The disk is full');
      throw new AmparoError('IO_ERROR', `Writing the bundle: ${code}`, { cause: error });
    }
  }

  async write(parts: Buffer[]): Promise<void> {
    await this.inFlight;
    const length = parts.reduce((n, p) => n + p.length, 0);
    this.size += length;
    const pending = this.writeAll(parts, length);
    pending.catch(() => undefined); // awaited by the next write or by drain()
    this.inFlight = pending;
  }

  drain(): Promise<void> {
    return this.inFlight;
  }
}

async function writeEntries(
  entries: BundleEntry[],
  options: WriteOptions,
  sealer: PayloadSealer,
  output: Output,
): Promise<void> {
  const flush = async (force = false) => {
    if (sealer.pending >= WRITE_BATCH || (force && sealer.pending > 0)) await output.write(sealer.take());
  };
  for (const entry of entries) {
    if (options.signal?.aborted) throw cancelledError();
    sealer.push(fileHeader(entry.path, entry.size, options.mtime));
    if (Buffer.isBuffer(entry.data)) {
      if (entry.data.length !== entry.size) throw new AmparoError('INTERNAL', `${entry.path}: size differs`);
      sealer.push(entry.data);
      options.onBytes?.(entry.data.length);
    } else {
      let written = 0;
      for await (const part of entry.data()) {
        if (options.signal?.aborted) throw cancelledError();
        written += part.length;
        if (written > entry.size)
          throw new AmparoError('EVIDENCE_DAMAGED', `${entry.path} is longer than recorded`);
        sealer.push(part);
        options.onBytes?.(part.length);
        await flush();
      }
      if (written !== entry.size)
        throw new AmparoError('EVIDENCE_DAMAGED', `${entry.path} is shorter than recorded`);
    }
    sealer.push(ZEROS.subarray(0, padding(entry.size)));
    await flush();
  }
  sealer.push(END_OF_ARCHIVE);
  sealer.finish();
  await flush(true);
  await output.drain();
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
  try {
    try {
      out = await open(partial, 'w', 0o600);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR')
        throw new AmparoError('FOLDER_NOT_FOUND', `The folder of ${target} does not exist`);
      throw new AmparoError('IO_ERROR', `Cannot create ${partial}: ${code}`, { cause: error });
    }
    const { header, fileKey } = await makeHeader(options.seal);
    const nonce = randomBytes(NONCE);
    const sealer = new PayloadSealer(fileKey, nonce);
    fileKey.fill(0);
    const output = new Output(out);
    await output.write([Buffer.from(header), nonce]);
    try {
      await writeEntries(entries, options, sealer, output);
    } finally {
      await output.drain().catch(() => undefined);
    }
    const size = output.size;
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
    await out?.close().catch(() => undefined);
    await rm(partial, { force: true }).catch(() => undefined);
    throw error;
  }
}
