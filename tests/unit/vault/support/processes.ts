import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');
// tsx as a loader inside the one process (its CLI would start a second one, which SIGKILL would miss).
const TSX = ['--import', 'tsx'];

/** A separate Node process holding a vault, driven line by line (support/hold-vault.ts). */
export class VaultHolder {
  readonly child: ChildProcessWithoutNullStreams;
  private buffer = '';
  private waiting: ((line: string) => void)[] = [];
  private lines: string[] = [];

  /** `asUid`: run as that user (root only), through setpriv. */
  constructor(dir: string, mode: 'shared' | 'exclusive' = 'shared', program?: string, asUid?: number) {
    const args = [...TSX, join(__dirname, 'hold-vault.ts'), dir, mode, ...(program ? [program] : [])];
    this.child =
      asUid === undefined
        ? spawn(process.execPath, args, { cwd: ROOT })
        : spawn(
            'setpriv',
            [`--reuid=${asUid}`, `--regid=${asUid}`, '--clear-groups', process.execPath, ...args],
            { cwd: ROOT },
          );
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\n')) >= 0) {
        const line = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 1);
        const next = this.waiting.shift();
        if (next) next(line);
        else this.lines.push(line);
      }
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Send one line and wait for the one-line answer. */
  send(line: string): Promise<string> {
    this.child.stdin.write(`${line}\n`);
    return this.answer();
  }

  answer(): Promise<string> {
    const ready = this.lines.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the holder process did not answer')), 30_000);
      this.waiting.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
    });
  }

  /** SIGKILL: the process gets no chance to clean up, as in a crash. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The `amparo` command line from source in its own process, stdin text in. */
export function amparoProcess(
  args: string[],
  input: string,
): { done: Promise<Run>; child: ChildProcessWithoutNullStreams } {
  const child = spawn(process.execPath, [...TSX, join(ROOT, 'electron/cli/index.ts'), ...args], {
    cwd: ROOT,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.end(input);
  const done = new Promise<Run>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? -1 : 1), stdout, stderr })),
  );
  return { done, child };
}
