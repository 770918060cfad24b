// A vault is for its owner alone: its folder and every folder inside are 0700, every file 0600,
// whatever the umask was when they were made. Windows has no such modes (ACLs of the user's profile
// apply), so these are no-ops there.
import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AmparoError } from '../../../shared/errors';

const POSIX = process.platform !== 'win32';
const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

/** Make one file owner-only (right after creating it, or after SQLite made a -wal / -shm). */
export function ownerOnlyFile(path: string): void {
  if (!POSIX) return;
  try {
    chmodSync(path, FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Paths (relative to `dir`) that others may read or change, the folder itself as ".". */
export function loosePermissions(dir: string): string[] {
  if (!POSIX) return [];
  const loose: string[] = [];
  walk(dir, '.', (_path, relative, _isDir, mode) => {
    if ((mode & 0o077) !== 0) loose.push(relative);
  });
  return loose.sort();
}

/**
 * Tighten a vault folder to owner-only. A folder that belongs to another user and that others can
 * change is refused (VAULT_PERMISSIONS): whoever owns it could swap the vault's files. Filesystems
 * without Unix modes (FAT and exFAT sticks) ignore chmod; there is nothing more to do on them. Runs at
 * every unlock, so it looks inside a subfolder only when it or a folder above it was open to others:
 * what lies in an owner-only folder inside an owner-only folder was never reachable by anyone else.
 */
export function tightenPermissions(dir: string): void {
  if (POSIX) tighten(dir, dir, false);
}

function tighten(path: string, root: string, aboveWasLoose: boolean): void {
  const info = lstatSync(path);
  // Links are neither followed nor changed: chmod would change their target.
  if (info.isSymbolicLink()) return;
  const loose = (info.mode & 0o077) !== 0;
  if (loose) {
    try {
      chmodSync(path, info.isDirectory() ? DIR_MODE : FILE_MODE);
    } catch (error) {
      if (info.uid !== process.getuid?.() && (info.mode & 0o022) !== 0) {
        throw new AmparoError(
          'VAULT_PERMISSIONS',
          `${path} belongs to another user and others can change it`,
          {
            cause: error,
          },
        );
      }
    }
  }
  if (!info.isDirectory() || (path !== root && !loose && !aboveWasLoose)) return;
  for (const name of readdirSync(path)) tighten(join(path, name), root, aboveWasLoose || loose);
}

function walk(
  path: string,
  relative: string,
  visit: (path: string, relative: string, isDir: boolean, mode: number) => void,
): void {
  const info = lstatSync(path);
  // Links are neither followed nor changed: chmod would change their target.
  if (info.isSymbolicLink()) return;
  visit(path, relative, info.isDirectory(), info.mode & 0o777);
  if (!info.isDirectory()) return;
  for (const name of readdirSync(path)) {
    walk(join(path, name), relative === '.' ? name : join(relative, name), visit);
  }
}
