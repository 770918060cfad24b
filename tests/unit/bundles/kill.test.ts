/* eslint-disable @typescript-eslint/no-explicit-any -- results of untyped channel names are read by shape */
// A cancelled export leaves no file; a process killed (SIGKILL) during an export leaves nothing under the
// target name, and during an import leaves the vault openable and unchanged.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PASS, richCase, side, snapshot, type Side } from './helpers';

const SIZE = 48 * 1024 * 1024;
const ROOT = join(__dirname, '..', '..', '..');
const TSX = createRequire(join(ROOT, 'package.json')).resolve('tsx/cjs');

/** Runs kill-child.ts and SIGKILLs it once it has moved a few MiB and paused, short of the end. */
async function killHalfway(args: string[]): Promise<string> {
  const child = spawn(process.execPath, ['--require', TSX, join(__dirname, 'kill-child.ts'), ...args], {
    cwd: ROOT,
  });
  child.stdin.end(`${PASS}\n`);
  let output = '';
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      output += d;
      const paused = /paused (\d+) of (\d+)/.exec(output);
      if (paused && Number(paused[1]) < SIZE - 1024 * 1024) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(output);
      else
        reject(
          new Error(`the child ended by itself (${code}) before it could be killed: ${output} ${stderr}`),
        );
    });
  });
}

async function lockAll(s: Side): Promise<void> {
  await s.ok('vault:lock');
}

describe('interrupted bundles', () => {
  it('cancel and SIGKILL during an export leave no file under the target name', async () => {
    const a = await side('origen');
    const rich = await richCase(a, [SIZE]);
    const out = join(a.dir, 'cancelado.amparo');
    const operationId = randomUUID();
    // Progress comes at least every 8 MiB, and the cancel acts before the next write: asked at the
    // first report past 1 MiB, it always lands well before the end of the 48 MiB file.
    let cancelledAt = -1;
    const stop = a.core.onEvent('bundles:progress', (p) => {
      if (p.operationId === operationId && p.bytesDone > 1024 * 1024 && cancelledAt < 0) {
        cancelledAt = p.bytesDone;
        void a.call('bundles:cancel', { operationId });
      }
    });
    const cancelled = await a.call('bundles:export', {
      matterIds: [rich.matterId],
      out,
      seal: { passphrase: 'paquete' },
      operationId,
    });
    stop();
    expect(cancelledAt).toBeLessThan(SIZE - 8 * 1024 * 1024);
    expect(cancelled.error?.code).toBe('CANCELLED');
    expect((await readdir(a.dir)).filter((n) => n.includes('cancelado'))).toEqual([]);

    await lockAll(a);
    const killed = join(a.dir, 'matado.amparo');
    await killHalfway(['export', a.vaultDir, rich.matterId, killed]);
    expect(existsSync(killed)).toBe(false);
  }, 180_000);

  it('SIGKILL during an import leaves the vault openable and unchanged', async () => {
    const a = await side('origen');
    const b = await side('destino');
    const rich = await richCase(a, [SIZE]);
    const out = join(a.dir, 'caso.amparo');
    await a.ok('bundles:export', { matterIds: [rich.matterId], out, seal: { passphrase: 'paquete' } });
    const { fingerprint } = await a.ok('vault:identity');
    await richCase(b, [100]);
    const before = await snapshot(b);
    await lockAll(b);
    await killHalfway(['import', b.vaultDir, out, fingerprint]);
    await b.ok('vault:unlock', { path: b.vaultDir, passphrase: PASS });
    expect(await snapshot(b)).toEqual(before);
    expect((await b.ok('matters:list', {})).items.map((m: any) => m.id)).not.toContain(rich.matterId);
  }, 180_000);
});
