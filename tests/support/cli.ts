import { PassThrough } from 'node:stream';
import { runCli } from '../../electron/cli/run';

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
