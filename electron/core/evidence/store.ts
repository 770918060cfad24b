// Where evidence blobs live in a vault folder, and the clean-up of what an interrupted intake may leave:
//   <vault>/blobs/<blob id>.blob        one encrypted file per item (blob-format.ts)
//   <vault>/blobs/.incoming/<id>.part   being written; renamed into place only when complete
// A blob is renamed into place before its database row commits, so a crash can leave (a) a .part file
// or (b) a complete blob no row names. Its key lived only in memory, so either is undecryptable noise:
// both are removed at unlock once they are old enough not to belong to an intake still running in
// another process (the command line beside the app).
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../vault/database';

const BLOBS_DIR = 'blobs';
const INCOMING_DIR = '.incoming';
const BLOB_NAME = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.blob$/;
/** Leftovers younger than this may belong to an intake still running elsewhere. */
const LEFTOVER_AGE_MS = 10 * 60_000;

export const blobsDir = (vaultDir: string): string => join(vaultDir, BLOBS_DIR);
export const incomingDir = (vaultDir: string): string => join(vaultDir, BLOBS_DIR, INCOMING_DIR);
export const blobPath = (vaultDir: string, blobId: string): string =>
  join(vaultDir, BLOBS_DIR, `${blobId}.blob`);

export async function ensureBlobDirs(vaultDir: string): Promise<void> {
  await mkdir(incomingDir(vaultDir), { recursive: true, mode: 0o700 });
}

function hasEvidenceTables(db: Database): boolean {
  return Boolean(
    db.prepare(`SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'evidence_blobs'`).get(),
  );
}

export interface StrayFiles {
  /** Complete blobs that no database row names. */
  orphans: string[];
  /** Unfinished intake files. */
  partial: string[];
}

/** Files in blobs/ that the database does not account for (none are touched). */
export async function findStrayFiles(vaultDir: string, db: Database): Promise<StrayFiles> {
  const known = new Set(
    hasEvidenceTables(db)
      ? db
          .prepare('SELECT id FROM evidence_blobs')
          .all<{ id: string }>()
          .map((r) => r.id)
      : [],
  );
  const orphans: string[] = [];
  const partial: string[] = [];
  let names: string[];
  try {
    names = await readdir(blobsDir(vaultDir));
  } catch {
    return { orphans, partial };
  }
  for (const name of names) {
    const match = BLOB_NAME.exec(name);
    if (match && !known.has(match[1]!)) orphans.push(join(blobsDir(vaultDir), name));
  }
  try {
    for (const name of await readdir(incomingDir(vaultDir))) partial.push(join(incomingDir(vaultDir), name));
  } catch {
    // no intake ever ran
  }
  return { orphans, partial };
}

/** Removes leftovers of interrupted intakes older than `minAgeMs`; returns how many were removed. */
export async function sweepLeftovers(
  vaultDir: string,
  db: Database,
  { minAgeMs = LEFTOVER_AGE_MS, now = Date.now() } = {},
): Promise<number> {
  const { orphans, partial } = await findStrayFiles(vaultDir, db);
  let removed = 0;
  for (const file of [...partial, ...orphans]) {
    try {
      const info = await stat(file);
      if (now - info.mtimeMs < minAgeMs) continue;
      await rm(file, { force: true });
      removed += 1;
    } catch {
      // gone already, or not ours to remove: leave it for the next time
    }
  }
  return removed;
}
