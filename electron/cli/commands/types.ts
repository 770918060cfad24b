// What a command is: a name (`case add`), its usage lines, its own options, and a function that returns an
// exit status. The registry (index.ts) lists them; run.ts parses argv once for all of them.
import type { CliIo, PassphraseSource } from '../io';
import type { StdinText } from '../stdin';

/** `multiple`: the option may be repeated (`--case A --case B`); other commands see its last value. */
export type OptionSpec = { type: 'string' | 'boolean'; short?: string; multiple?: boolean };
/** Parsed options; `--from-json` may add a list (the `paths` of `evidence add`). */
export type Values = Record<string, string | boolean | string[] | undefined>;

interface CommandContext {
  /** The vault folder, absolute. */
  dir: string;
  /** Positional arguments after the vault folder (files for `evidence add`, the query for `search`). */
  args: string[];
  values: Values;
  io: CliIo;
  stdin: StdinText;
  passphrases: PassphraseSource;
  /** The parsed options with the fields of `--from-json` merged in (read after the passphrase). */
  readFields(): Promise<Values>;
  /** One line of results on stdout. */
  out(text: string): void;
  /** One line of notes and progress on stderr. */
  note(text: string): void;
}

export interface Command {
  name: string;
  usage: string;
  options: Record<string, OptionSpec>;
  /** Options that carry case text: they can also come from `--from-json` (stdin or a file). */
  textFields?: readonly string[];
  /** What may follow the vault folder (`paths` may also come from `--from-json` as a list). */
  args?: 'none' | 'paths' | 'query';
  /** False for commands that work without a vault (the deadline calculator): no <dir>, `dir` is ''. */
  vault?: boolean;
  run(ctx: CommandContext): Promise<number>;
}

export function text(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function list(values: Values, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : [];
}

export function flag(values: Values, name: string): boolean {
  return values[name] === true;
}
