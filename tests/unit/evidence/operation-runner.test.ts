// The long-operation runner on its own, with real files: what every workflow (intake, checks, exports and
// the ones to come) relies on — progress, cancel, nothing half-written left behind, secrets zeroed, lock.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OperationRunner, type Operation } from '../../../electron/core/operations/runner';
import { tempDir } from '../../support/temp';

type Progress = { step: number };

function runnerWithLog() {
  const progress: Progress[] = [];
  let activity = 0;
  const runner = new OperationRunner<Progress>({
    onProgress: (p) => progress.push(p),
    onActivity: () => (activity += 1),
  });
  return { runner, progress, activity: () => activity };
}

/** Resolves once `op` is cancelled. */
const untilCancelled = (op: Operation<Progress>) =>
  new Promise<void>((resolve) => op.signal.addEventListener('abort', () => resolve(), { once: true }));

describe('operation runner', () => {
  it('returns the work’s result, forwards progress as activity, and forgets the operation after', async () => {
    const { runner, progress, activity } = runnerWithLog();
    const value = await runner.run('op-1', async (op) => {
      expect(op.id).toBe('op-1');
      expect(runner.runningIds()).toEqual(['op-1']);
      op.progress({ step: 1 });
      op.progress({ step: 2 });
      return 42;
    });
    expect(value).toBe(42);
    expect(progress).toEqual([{ step: 1 }, { step: 2 }]);
    expect(activity()).toBe(2);
    expect(runner.runningIds()).toEqual([]);
  });

  it('refuses a second operation with the id of one still running', async () => {
    const { runner } = runnerWithLog();
    let release!: () => void;
    const first = runner.run('same', () => new Promise<void>((r) => (release = r)));
    await expect(runner.run('same', async () => 1)).rejects.toMatchObject({ code: 'CONFLICT' });
    release();
    await first;
    await expect(runner.run('same', async () => 2)).resolves.toBe(2);
  });

  it('cancel aborts the signal; throwIfCancelled then throws CANCELLED; unknown ids are ignored', async () => {
    const { runner } = runnerWithLog();
    runner.cancel('nobody');
    const pending = runner.run('op', async (op) => {
      expect(op.cancelled).toBe(false);
      const cancelled = untilCancelled(op);
      setTimeout(() => runner.cancel('op'), 5);
      await cancelled;
      expect(op.cancelled).toBe(true);
      op.throwIfCancelled();
      return 'not reached';
    });
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('removes staged files not kept when the work fails, keeps committed ones', async () => {
    const dir = await tempDir();
    const kept = join(dir, 'kept.blob');
    const unfinished = join(dir, 'unfinished.part');
    await writeFile(kept, 'a');
    await writeFile(unfinished, 'b');
    const { runner } = runnerWithLog();
    await expect(
      runner.run(undefined, async (op) => {
        await op.commit(op.stage(kept), () => 'row written');
        op.stage(unfinished);
        throw new Error('disk gone');
      }),
    ).rejects.toThrow('disk gone');
    expect(existsSync(kept)).toBe(true);
    expect(existsSync(unfinished)).toBe(false);
  });

  it('a commit that throws removes its file at once and the error comes through; the operation goes on', async () => {
    const dir = await tempDir();
    const first = join(dir, 'first.blob');
    const second = join(dir, 'second.blob');
    await writeFile(first, 'a');
    await writeFile(second, 'b');
    const { runner } = runnerWithLog();
    const outcome = await runner.run(undefined, async (op) => {
      const failed = await op
        .commit(op.stage(first), () => {
          throw Object.assign(new Error('full'), { code: 'SQLITE_FULL' });
        })
        .catch((error: { code: string }) => error.code);
      const firstGoneDuringOperation = !existsSync(first);
      await op.commit(op.stage(second), () => undefined);
      return { failed, firstGoneDuringOperation };
    });
    expect(outcome).toEqual({ failed: 'SQLITE_FULL', firstGoneDuringOperation: true });
    expect(existsSync(second)).toBe(true);
  });

  it('zeroes registered secrets and runs clean-ups when the operation ends, also after a failure', async () => {
    const { runner } = runnerWithLog();
    const key = Buffer.from('0123456789abcdef0123456789abcdef');
    const order: string[] = [];
    await expect(
      runner.run(undefined, async (op) => {
        op.wipeOnEnd(key);
        op.onEnd(() => void order.push('close file'));
        op.onEnd(() => {
          order.push('failing clean-up');
          throw new Error('ignored');
        });
        expect(key.every((b) => b === 0)).toBe(false);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(key.every((b) => b === 0)).toBe(true);
    // Last registered first; one failing clean-up does not stop the others.
    expect(order).toEqual(['failing clean-up', 'close file']);
  });

  it('abortAll cancels every running operation, including one begun for a stream, which ends once', async () => {
    const dir = await tempDir();
    const part = join(dir, 'stream.part');
    await writeFile(part, 'x');
    const { runner } = runnerWithLog();
    const stream = runner.begin();
    const secret = stream.wipeOnEnd(Buffer.from('clave secreta de archivo'));
    stream.stage(part);
    let ends = 0;
    stream.onEnd(() => void (ends += 1));
    const work = runner.run('intake', async (op) => {
      await untilCancelled(op);
      op.throwIfCancelled();
    });
    expect(runner.runningIds().sort()).toEqual([stream.id, 'intake'].sort());

    runner.abortAll();
    await expect(work).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(stream.cancelled).toBe(true);
    await Promise.all([stream.end(), stream.end()]);
    expect(ends).toBe(1);
    expect(secret.every((b) => b === 0)).toBe(true);
    expect(existsSync(part)).toBe(false);
    expect(runner.runningIds()).toEqual([]);
  });
});
