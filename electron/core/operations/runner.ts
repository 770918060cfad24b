// Long operations (taking in files, checking or exporting evidence, and the bundle, document, backup and
// OCR workflows that follow): one lifecycle for all of them.
//
//   const runner = new OperationRunner<Progress>({ onProgress, onActivity });
//   const result = await runner.run(operationId, async (op) => {
//     op.throwIfCancelled();                 // or check op.signal.aborted between steps
//     const file = op.stage(tempPath);       // removed when the operation ends, unless kept
//     await op.commit(file, () => recordInDatabase());  // kept if the commit succeeds, removed if it throws
//     op.wipeOnEnd(key);                     // secret bytes zeroed when the operation ends, however it ends
//     op.progress({ ... });                  // forwarded to onProgress; also counts as user activity
//     return result;
//   });
//   runner.cancel(operationId);              // from the UI or Ctrl+C: aborts op.signal
//   runner.abortAll();                       // on lock: every operation and open stream stops
//
// An operation ends exactly once (its promise settles, or `end()` for work that outlives a call, such as a
// media stream started with `begin`): then every staged file not kept is removed, every `onEnd` callback
// runs and every registered buffer is zeroed. Nothing half-written survives a failure, a cancel or a lock.
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { AmparoError } from '../../../shared/errors';

interface StagedFile {
  readonly path: string | Buffer;
  /** The file is accounted for (its database row committed): the end of the operation leaves it. */
  keep(): void;
  /** Removes the file now (a failed step inside an operation that goes on). */
  discard(): Promise<void>;
}

export interface Operation<P> {
  readonly id: string;
  readonly signal: AbortSignal;
  readonly cancelled: boolean;
  /** Throws CANCELLED once the operation was cancelled or the vault locked. */
  throwIfCancelled(): void;
  progress(progress: P): void;
  /** A file this operation wrote and has not yet accounted for. */
  stage(path: string | Buffer): StagedFile;
  /** Runs `commit` for a staged file: kept when it returns, removed (and the error rethrown) when it throws. */
  commit<T>(file: StagedFile, commit: () => T | Promise<T>): Promise<T>;
  /** Secret bytes (keys, decrypted copies) zeroed when the operation ends. Returns them for chaining. */
  wipeOnEnd<B extends Uint8Array>(buffer: B): B;
  /** Runs when the operation ends, whatever the outcome (close handles, release resources). */
  onEnd(cleanup: () => void | Promise<void>): void;
}

/** An operation started with `begin`: the caller ends it. */
export interface OpenOperation<P> extends Operation<P> {
  end(): Promise<void>;
}

export interface RunnerOptions<P> {
  onProgress?: (progress: P) => void;
  /** A running operation is user activity (it postpones auto-lock). */
  onActivity?: () => void;
}

export function cancelledError(): AmparoError {
  return new AmparoError('CANCELLED', 'Cancelled');
}

const removeQuietly = (path: string | Buffer) => rm(path, { force: true }).catch(() => undefined);

class RunningOperation<P> implements OpenOperation<P> {
  private readonly controller = new AbortController();
  private readonly staged = new Set<StagedFile>();
  private readonly cleanups: (() => void | Promise<void>)[] = [];
  private readonly secrets: Uint8Array[] = [];
  private ended: Promise<void> | null = null;

  constructor(
    readonly id: string,
    private readonly options: RunnerOptions<P>,
    private readonly onFinish: () => void,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get cancelled(): boolean {
    return this.controller.signal.aborted;
  }

  abort(): void {
    this.controller.abort();
  }

  throwIfCancelled(): void {
    if (this.cancelled) throw cancelledError();
  }

  progress(progress: P): void {
    this.options.onProgress?.(progress);
    this.options.onActivity?.();
  }

  stage(path: string | Buffer): StagedFile {
    const staged = this.staged;
    const file: StagedFile = {
      path,
      keep: () => void staged.delete(file),
      discard: async () => {
        staged.delete(file);
        await removeQuietly(path);
      },
    };
    staged.add(file);
    return file;
  }

  async commit<T>(file: StagedFile, commit: () => T | Promise<T>): Promise<T> {
    let value: T;
    try {
      value = await commit();
    } catch (error) {
      await file.discard();
      throw error;
    }
    file.keep();
    return value;
  }

  wipeOnEnd<B extends Uint8Array>(buffer: B): B {
    this.secrets.push(buffer);
    return buffer;
  }

  onEnd(cleanup: () => void | Promise<void>): void {
    this.cleanups.push(cleanup);
  }

  end(): Promise<void> {
    this.ended ??= this.finish();
    return this.ended;
  }

  private async finish(): Promise<void> {
    try {
      for (const cleanup of this.cleanups.splice(0).reverse()) {
        try {
          await cleanup();
        } catch {
          // one failed clean-up must not keep the others from running
        }
      }
      for (const file of [...this.staged]) await file.discard();
    } finally {
      for (const secret of this.secrets.splice(0)) secret.fill(0);
      this.onFinish();
    }
  }
}

export class OperationRunner<P> {
  private readonly running = new Map<string, RunningOperation<P>>();

  constructor(private readonly options: RunnerOptions<P> = {}) {}

  /** Starts an operation the caller ends itself (`end()`), e.g. a stream handed to someone else. */
  begin(operationId: string = randomUUID()): OpenOperation<P> {
    if (this.running.has(operationId)) throw new AmparoError('CONFLICT', 'This operation is already running');
    const operation = new RunningOperation<P>(operationId, this.options, () => {
      if (this.running.get(operationId) === operation) this.running.delete(operationId);
    });
    this.running.set(operationId, operation);
    return operation;
  }

  /** Runs `work` as one operation and ends it when `work` settles (clean-up before the result is seen). */
  async run<T>(operationId: string | undefined, work: (op: Operation<P>) => Promise<T>): Promise<T> {
    const operation = this.begin(operationId);
    try {
      return await work(operation);
    } finally {
      await operation.end();
    }
  }

  /** Cancels one operation (unknown or finished ids are ignored: the user may click twice). */
  cancel(operationId: string): void {
    this.running.get(operationId)?.abort();
  }

  /** Cancels everything running (on lock); each operation then cleans up after itself. */
  abortAll(): void {
    for (const operation of this.running.values()) operation.abort();
  }

  /** The ids of the operations running now. */
  runningIds(): string[] {
    return [...this.running.keys()];
  }
}
