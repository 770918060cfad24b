// Terminal plumbing for the command line: where text goes and how a passphrase is read. The passphrase
// never comes from argv or the environment (both are visible to other processes and shell history).
import { AmparoError } from '../../shared/errors';
import type { StdinText } from './stdin';

export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => void };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export class UsageError extends Error {}

/** Reads passphrases either all from stdin (one per line) or, interactively, from the terminal without echo. */
export class PassphraseSource {
  constructor(
    private readonly io: CliIo,
    private readonly stdin: StdinText,
    private readonly fromStdin: boolean,
  ) {}

  async read(prompt: string): Promise<string> {
    if (this.fromStdin) {
      const line = await this.stdin.line();
      if (line === undefined) throw new UsageError(`--passphrase-stdin: stdin ended before "${prompt}"`);
      return line;
    }
    if (!this.io.stdin.isTTY || !this.io.stdin.setRawMode) {
      throw new UsageError('No terminal to ask for the passphrase on: pipe it in with --passphrase-stdin');
    }
    return readHidden(this.io, `${prompt}: `);
  }

  /** A new passphrase: asked twice on a terminal, once on stdin (scripts supply it deliberately). */
  async readNew(prompt: string): Promise<string> {
    const first = await this.read(prompt);
    if (this.fromStdin) return first;
    const second = await this.read(`${prompt} (again)`);
    if (first !== second) throw new AmparoError('VALIDATION_FAILED', 'The two passphrases do not match');
    return first;
  }
}

function readHidden(io: CliIo, prompt: string): Promise<string> {
  const { stdin } = io;
  // Echo goes off before the prompt shows, so nothing typed right after it is echoed.
  stdin.setRawMode!(true);
  io.stderr.write(prompt);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (error?: Error) => {
      stdin.setRawMode!(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      io.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (data: Buffer | string) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UsageError('Cancelled'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
