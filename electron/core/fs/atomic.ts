import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Replace a file so that a crash leaves either the old or the new content, never a mix: write a
 * sibling temp file, fsync it, rename over the target, fsync the folder.
 */
export async function writeFileAtomic(path: string, data: string | Buffer): Promise<void> {
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncDir(dirname(path));
}

/** fsync a folder so a rename into it survives a power cut. */
export async function fsyncDir(dir: string): Promise<void> {
  // Directory fsync is how POSIX makes a rename durable; Windows cannot open folders, and does not need it.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
