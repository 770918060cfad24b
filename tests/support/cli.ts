import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../electron/cli/run';
import { createVault } from '../../electron/core/vault/vault';
import { TEST_KDF } from './temp';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the `amparo` command line in-process with real streams: stdin text in, output and exit code out. */
export async function runAmparo(args: string[], stdinText = ''): Promise<CliRun> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  stdin.end(stdinText);
  const code = await runCli(args, { stdin, stdout, stderr }, '9.9.9');
  return { code, stdout: out, stderr: err };
}

export const REPO_ROOT = join(__dirname, '..', '..');
/** The documented way to run the command in a checkout. */
export const AMPARO_BIN = join(REPO_ROOT, 'bin', 'amparo.cjs');

export interface SpawnedAmparo {
  child: ChildProcess;
  done: Promise<CliRun>;
}

/** The command line from its TypeScript source (bin/amparo.cjs would prefer a build in out/, maybe stale). */
const AMPARO_FROM_SOURCE = [
  process.execPath,
  '--require',
  createRequire(join(REPO_ROOT, 'package.json')).resolve('tsx/cjs'),
  join(REPO_ROOT, 'electron', 'cli', 'index.ts'),
];

/**
 * Starts `amparo` as a real child process, the way a user or a script runs it: `command` is the program
 * and its first arguments (default: the source entry). stdin stays open until `.child.stdin.end()`.
 */
export function spawnAmparo(
  args: string[],
  options: { command?: string[]; env?: NodeJS.ProcessEnv; uid?: number; gid?: number; cwd?: string } = {},
): SpawnedAmparo {
  const [program, ...first] = options.command ?? AMPARO_FROM_SOURCE;
  const child = spawn(program!, [...first, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env ?? process.env,
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid ?? options.uid }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
  return { child, done };
}

/** Runs `amparo` as a child process with `stdinText` on its standard input. */
export function execAmparo(
  args: string[],
  stdinText = '',
  options: Parameters<typeof spawnAmparo>[1] = {},
): Promise<CliRun> {
  const run = spawnAmparo(args, options);
  run.child.stdin!.end(stdinText);
  return run.done;
}

/** A vault made with the cheap test KDF, so the commands under test unlock it quickly. */
export async function createTestVault(dir: string, passphrase: string): Promise<void> {
  (await createVault(dir, passphrase, { kdfCost: TEST_KDF })).close();
}
