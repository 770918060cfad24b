// After lock, no per-file key is left anywhere in the process's memory: a child process does every kind
// of work that reads a key (intake, preview, check, export, working copy), locks and collects garbage;
// this test then reads the child's whole memory (/proc/<pid>/mem) and searches it for every key of the
// vault, which it reads itself from the database.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVault } from '../../../electron/core/vault/vault';
import { tempDir } from '../../support/temp';

const PASS = 'frase de contraseña larga para pruebas';

/** Every place in the memory of process `pid` where one of `needles` occurs: [needle index, where]. */
function searchMemory(pid: number, needles: Buffer[]): [number, string][] {
  const hits: [number, string][] = [];
  const maps = readFileSync(`/proc/${pid}/maps`, 'utf8').trim().split('\n');
  const mem = openSync(`/proc/${pid}/mem`, 'r');
  const window = Buffer.alloc(16 * 1024 * 1024);
  try {
    for (const line of maps) {
      const [range, perms, , , , path = ''] = line.split(/\s+/);
      if (!perms!.startsWith('r') || path === '[vvar]' || path === '[vsyscall]') continue;
      const [start, end] = range!.split('-').map((h) => parseInt(h, 16)) as [number, number];
      // Windows overlap by a key's length, so a key across a window's edge is still seen.
      for (let at = start; at < end; at += window.length - 64) {
        const length = Math.min(window.length, end - at);
        let read = 0;
        try {
          read = readSync(mem, window, 0, length, at);
        } catch {
          break; // not readable after all (a guard page)
        }
        const view = window.subarray(0, read);
        needles.forEach((needle, i) => {
          for (let hit = view.indexOf(needle); hit !== -1; hit = view.indexOf(needle, hit + 1))
            hits.push([i, `${(at + hit).toString(16)} in ${line}`]);
        });
        if (read < length) break;
      }
    }
  } finally {
    closeSync(mem);
  }
  return hits;
}

describe('file keys after lock', () => {
  it('no file key of the vault is found anywhere in the memory of a process that used them', async (ctx) => {
    if (process.platform !== 'linux') {
      console.warn('skipped: reading a process’s memory through /proc is Linux only');
      ctx.skip();
      return;
    }
    const work = await tempDir('amparo-residue-');
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(__dirname, 'residue', 'child.ts')],
      {
        env: { ...process.env, AMPARO_RESIDUE_DIR: work, AMPARO_RESIDUE_PASS: PASS },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const ready = await new Promise<boolean>((resolve) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(true));
      child.on('exit', () => resolve(false));
    });
    try {
      expect(ready, stderr).toBe(true);
      try {
        closeSync(openSync(`/proc/${child.pid}/mem`, 'r'));
      } catch (error) {
        console.warn(
          `skipped: this system does not let a process read its child's memory (${(error as Error).message})`,
        );
        ctx.skip();
        return;
      }
      const vault = await openVault(join(work, 'boveda'), PASS);
      const keys = vault.db
        .prepare('SELECT key FROM evidence_blobs')
        .all<{ key: Uint8Array<ArrayBuffer> }>()
        .map((r) => Buffer.from(r.key));
      vault.close();
      expect(keys).toHaveLength(3); // two files and one working copy
      expect(searchMemory(child.pid!, keys)).toEqual([]);
    } finally {
      child.stdin.end();
      child.kill();
    }
  });
});
