// `amparo`: the command line over the same core the app uses (see core-client.ts). This file parses argv
// once, finds the command in the registry (commands/index.ts) and turns every failure into a typed line on
// stderr and a documented exit status (docs/cli.md). Nothing here prints a stack trace.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AmparoError } from '../../shared/errors';
import { MATTER_TYPES } from '../../shared/schemas/matter';
import { COMMANDS, findCommand } from './commands';
import type { OptionSpec, Values } from './commands/types';
import { escapeForTerminal } from './escape';
import { EXIT, EXIT_BY_CODE } from './exit';
import { withJsonFields } from './from-json';
import { PassphraseSource, UsageError, type CliIo } from './io';
import { describeIssue, sentenceFor } from './messages';
import { StdinText } from './stdin';

export { EXIT };

const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
};

const USAGE = `Usage: amparo <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.usage}`).join('\n')}

Case text (titles, summaries, names, queries) never goes in arguments, where other users can read it:
give it with --from-json - (a JSON object on stdin, after the passphrase line) or --from-json FILE.

Options:
  --passphrase-stdin   Read passphrase(s) from stdin, one per line, instead of the terminal
                       (vault rekey reads the current one, then the new one)
  -h, --help           Show this help
  -v, --version        Show the version

Matter types: ${MATTER_TYPES.join(', ')}
`;

const ALL_OPTIONS = Object.assign({}, GLOBAL_OPTIONS, ...COMMANDS.map((c) => c.options)) as Record<
  string,
  OptionSpec
>;
// An option some command lets repeat is parsed as a list for all; a command that takes one value gets the last.
for (const command of COMMANDS)
  for (const [name, spec] of Object.entries(command.options))
    if (spec.multiple) ALL_OPTIONS[name] = { ...ALL_OPTIONS[name]!, multiple: true };

export async function runCli(argv: string[], io: CliIo, version = '0.0.0'): Promise<number> {
  const out = (text: string) => io.stdout.write(`${text}\n`);
  const err = (text: string) => io.stderr.write(`${text}\n`);
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: ALL_OPTIONS,
      allowPositionals: true,
      strict: true,
    }) as { values: Values; positionals: string[] };
    if (values.version) return (out(version), EXIT.ok);
    if (values.help || positionals.length === 0) return (out(USAGE), EXIT.ok);
    const found = findCommand(positionals);
    if (!found) throw new UsageError(`Unknown command "${positionals.slice(0, 2).join(' ')}"`);
    const { command, words } = found;
    const rest = positionals.slice(words);
    const [dir, ...args] = command.vault === false ? ['', ...rest] : rest;
    if (!dir && command.vault !== false) throw new UsageError(`Missing <dir> for "${command.name}"`);
    if (args.length > 0 && (command.args ?? 'none') === 'none')
      throw new UsageError(`Unexpected arguments: ${args.join(' ')}`);
    for (const name of Object.keys(values)) {
      if (!(name in command.options) && !(name in GLOBAL_OPTIONS))
        throw new UsageError(`--${name} is not an option of "${command.name}"`);
      const value = values[name];
      if (Array.isArray(value) && !command.options[name]?.multiple) values[name] = value.at(-1);
    }
    const stdin = new StdinText(io.stdin);
    const passphrases = new PassphraseSource(io, stdin, values['passphrase-stdin'] === true);
    let fields: Promise<Values> | undefined;
    return await command.run({
      dir: dir ? resolve(dir) : '',
      args,
      values,
      io,
      stdin,
      passphrases,
      readFields: () => (fields ??= withJsonFields(command, values, stdin)),
      out,
      note: err,
    });
  } catch (error) {
    return report(error, err);
  }
}

function report(error: unknown, err: (text: string) => void): number {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    err(`amparo: ${escapeForTerminal((error as Error).message)}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (error instanceof AmparoError) {
    err(`amparo: ${error.code}: ${escapeForTerminal(error.message)}`);
    // Two checks of one field may say the same thing (a date both malformed and not a real day): once.
    const issues = new Set((error.issues ?? []).map(describeIssue));
    for (const issue of issues) err(`  ${escapeForTerminal(issue)}`);
    const sentence = sentenceFor(error.code);
    if (sentence) err(sentence);
    return EXIT_BY_CODE[error.code] ?? EXIT.internal;
  }
  // Not a typed error: a bug. One line, never a stack trace (AMPARO_DEBUG=1 shows it).
  err(`amparo: INTERNAL: ${escapeForTerminal(String((error as Error)?.message ?? error))}`);
  if (process.env.AMPARO_DEBUG) err(String((error as Error)?.stack ?? ''));
  err(sentenceFor('INTERNAL') ?? '');
  return EXIT.internal;
}
