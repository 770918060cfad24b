// A second descriptor on a file, opened with O_DIRECT where the system has it (Linux) and the file
// system takes it, for the bundle worker's large sequential reads and writes: bytes move between its
// buffer and the disk without a copy through the page cache (and, for writes, the writeback after it).
// What a bundle writes is fsynced before it counts anyway (an attachment, a bundle) and read once, so
// the cache would only hold a second gigabyte for nothing; on a virtual machine, filling fresh cache
// pages was most of an import's time. Where the flag is missing or refused (macOS, Windows, some FUSE
// or network file systems) the caller uses its ordinary descriptor instead.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/** The file at `path` (already created) opened for direct I/O, or null where that is not possible. */
export async function openDirect(path: string, mode: 'read' | 'write'): Promise<FileHandle | null> {
  const flag = (constants as Record<string, number | undefined>).O_DIRECT;
  if (!flag) return null;
  try {
    return await open(path, (mode === 'read' ? constants.O_RDONLY : constants.O_WRONLY) | flag);
  } catch {
    return null;
  }
}
