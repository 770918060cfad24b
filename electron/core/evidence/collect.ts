// Which files an intake takes in: each path as given, and every regular file under each folder. Paths are
// handled as bytes from here on, so a name that is not valid UTF-8 is opened by its exact name. Inside
// folders, hidden files and system litter are left out silently (they are not evidence); symbolic links and
// special files (pipes, sockets, devices) are left out and listed, so the user learns what was not taken.
// A link given directly is followed: the file is recorded under its target's name, with the link noted.
// A path given as text whose name was not UTF-8 (U+FFFD in place of its odd bytes) is found by its bytes.
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import type { IntakeFailure, SkippedEntry } from '../../../shared/schemas/evidence';
import { baseNameOf, displayName, joinBytes, rawBytesIfNotUtf8 } from './names';

/** Names inside dropped or chosen folders that are system litter, not evidence. */
const LITTER = new Set(['.ds_store', 'thumbs.db', 'desktop.ini', '.localized']);

export interface SourceFile {
  /** The path as bytes, exactly as the file system names it. */
  path: Buffer;
  /** The file name for display and records (the escaped form when it is not UTF-8). */
  name: string;
  /** The name's bytes when they are not valid UTF-8. */
  rawName: Buffer | null;
  /** The path for messages. */
  shownPath: string;
  /** The symbolic link the user gave, when this file was reached through one. */
  linkedFrom: string | null;
  /** The path the caller gave that led to this file (itself, or a folder above it). */
  given: string;
}

export interface CollectedFiles {
  files: SourceFile[];
  failures: IntakeFailure[];
  skipped: SkippedEntry[];
}

function sourceFile(path: Buffer, given: string, linkedFrom: string | null = null): SourceFile {
  const base = baseNameOf(path);
  return {
    given,
    path,
    name: displayName(base),
    rawName: rawBytesIfNotUtf8(base),
    shownPath: displayName(path),
    linkedFrom,
  };
}

/**
 * The bytes of a path given as text. A name that is not UTF-8 reaches us through the command line or a
 * file dialog with each odd byte replaced by U+FFFD: such a segment is looked up in its folder, and the one
 * entry whose name reads the same after that replacement is the file meant (none or several: as given).
 */
async function pathBytes(given: string): Promise<Buffer> {
  const asText = Buffer.from(given, 'utf8');
  if (!given.includes('\uFFFD')) return asText;
  const segments = given.split('/');
  let path: Buffer = Buffer.from(segments[0] ?? '', 'utf8');
  for (const segment of segments.slice(1)) {
    let name: Buffer = Buffer.from(segment, 'utf8');
    if (segment.includes('\uFFFD')) {
      const entries = await readdir(path.length ? path : Buffer.from('/'), { encoding: 'buffer' }).catch(
        () => [] as Buffer[],
      );
      const matches = entries.filter((entry) => entry.toString('utf8') === segment);
      if (matches.length !== 1) return asText;
      name = matches[0]!;
    }
    path = Buffer.concat([path, Buffer.from('/'), name]);
  }
  return path;
}

export async function collectFiles(paths: readonly string[]): Promise<CollectedFiles> {
  const result: CollectedFiles = { files: [], failures: [], skipped: [] };
  const walk = async (dir: Buffer, given: string): Promise<void> => {
    const entries: Dirent<Buffer>[] = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
    const named = entries
      .map((entry) => ({ entry, shown: displayName(entry.name) }))
      .sort((a, b) => a.shown.localeCompare(b.shown, 'en'));
    for (const { entry, shown } of named) {
      if (shown.startsWith('.') || LITTER.has(shown.toLowerCase())) continue;
      const full = joinBytes(dir, entry.name);
      if (entry.isDirectory()) await walk(full, given);
      else if (entry.isFile()) result.files.push(sourceFile(full, given));
      else {
        const raw = rawBytesIfNotUtf8(full);
        result.skipped.push({
          path: displayName(full),
          name: shown,
          ...(raw ? { pathRaw: raw.toString('hex') } : {}),
          reason: entry.isSymbolicLink() ? 'link' : 'special',
        });
      }
    }
  };
  for (const given of paths) {
    const path = await pathBytes(given);
    try {
      const info = await lstat(path);
      if (info.isSymbolicLink()) {
        const target = await realpath(path, { encoding: 'buffer' });
        if ((await stat(target)).isDirectory()) await walk(target, given);
        else result.files.push(sourceFile(target, given, given));
      } else if (info.isDirectory()) {
        await walk(path, given);
      } else {
        // Pipes and devices given directly are refused by the intake with a reason.
        result.files.push(sourceFile(path, given));
      }
    } catch (error) {
      const name = displayName(baseNameOf(path));
      const raw = rawBytesIfNotUtf8(baseNameOf(path));
      result.failures.push({
        path: given,
        name,
        ...(raw ? { nameRaw: raw.toString('hex') } : {}),
        code: 'FILE_UNREADABLE',
        message: `${name}: cannot read it (${(error as NodeJS.ErrnoException).code ?? error})`,
      });
    }
  }
  return result;
}
