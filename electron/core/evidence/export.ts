// Decrypted copies leaving the vault, to a folder the user chose. The copy is written under a temporary
// name, its SHA-256 checked against the one taken at intake, fsynced, and only then given its real
// name, never replacing an existing file. A name that would be unsafe on any system (separators,
// reserved words, control or bidi-override characters that disguise an extension) is made safe.
import { createHash, randomBytes } from 'node:crypto';
import { access, link, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { AmparoError } from '../../../shared/errors';
import { vaultWriteError } from './intake';
import { openBlob, readAll } from './reader';
import { fsyncDir } from '../fs/atomic';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_NAME_BYTES = 200;

/** A file name safe to create on Linux, macOS and Windows that still reads like the original. */
export function safeFileName(name: string, fallback = 'evidence'): string {
  let safe = name
    .normalize('NFC')
    // Control characters, and bidi marks that could make `gpj.exe` read as `exe.jpg`.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  const ext = extname(safe);
  let stem = ext ? safe.slice(0, -ext.length) : safe;
  if (WINDOWS_RESERVED.test(stem.split('.')[0] ?? '')) stem = `_${stem}`;
  const extBytes = Buffer.byteLength(ext);
  while (Buffer.byteLength(stem) + extBytes > MAX_NAME_BYTES && stem.length > 0)
    stem = [...stem].slice(0, -1).join('');
  safe = `${stem}${ext}`;
  return safe === '' || safe === ext ? `${fallback}${ext}` : safe;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** `name`, or `name (2)`, `name (3)`… whichever does not exist yet in `folder`. */
async function freeName(folder: string, name: string): Promise<string> {
  const ext = extname(name);
  const stem = ext ? name.slice(0, -ext.length) : name;
  for (let n = 1; n < 10_000; n++) {
    const candidate = n === 1 ? name : `${stem} (${n})${ext}`;
    if (!(await exists(join(folder, candidate)))) return candidate;
  }
  throw new AmparoError('IO_ERROR', 'Too many files with the same name in the export folder');
}

export interface ExportOptions {
  signal?: AbortSignal;
  onBytes?: (n: number) => void;
}

/** Writes the plaintext of a blob into `folder` as (a free variant of) `name`; returns the full path. */
export async function exportBlob(
  blob: { path: string; key: Buffer; blobId: string; sha256: string },
  folder: string,
  name: string,
  options: ExportOptions = {},
): Promise<string> {
  const reader = await openBlob(blob.path, blob.key, blob.blobId);
  const temp = join(folder, `.amparo-export-${randomBytes(6).toString('hex')}.part`);
  let out: FileHandle | null = null;
  try {
    try {
      out = await open(temp, 'wx', 0o600);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR')
        throw new AmparoError('FOLDER_NOT_FOUND', `The export folder ${folder} does not exist`);
      throw vaultWriteError(error, 'Creating the exported file');
    }
    const hash = createHash('sha256');
    for await (const part of readAll(reader, options.signal)) {
      hash.update(part);
      try {
        await out.write(part);
      } catch (error) {
        throw vaultWriteError(error, 'Writing the exported file');
      }
      options.onBytes?.(part.length);
      part.fill(0); // written and hashed: no decrypted copy stays in memory
    }
    if (hash.digest('hex') !== blob.sha256) {
      throw new AmparoError('EVIDENCE_DAMAGED', 'The decrypted copy does not match the hash taken at intake');
    }
    await out.sync();
    await out.close();
    out = null;
    const target = join(folder, await freeName(folder, safeFileName(name)));
    try {
      // A hard link never replaces an existing file; file systems without links (FAT USB sticks) rename.
      await link(temp, target);
      await rm(temp, { force: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new AmparoError('CONFLICT', `${target} appeared meanwhile`);
      if (await exists(target)) throw new AmparoError('CONFLICT', `${target} appeared meanwhile`);
      await rename(temp, target);
    }
    await fsyncDir(folder).catch(() => undefined);
    return target;
  } catch (error) {
    await out?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  } finally {
    await reader.close();
  }
}
