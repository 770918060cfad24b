// `--from-json -` (standard input, after any passphrase lines) or `--from-json FILE`: the fields of a
// command that carry case text, as one JSON object keyed by the option names. Nothing sensitive has to
// appear in argv, where every user on the machine can read it and npm would log it.
import { readFile } from 'node:fs/promises';
import { UsageError } from './io';
import type { StdinText } from './stdin';
import type { Command, Values } from './commands/types';

export async function withJsonFields(command: Command, values: Values, stdin: StdinText): Promise<Values> {
  const source = values['from-json'];
  if (typeof source !== 'string') return values;
  let raw: string;
  try {
    raw = source === '-' ? await stdin.rest() : await readFile(source, 'utf8');
  } catch (error) {
    throw new UsageError(
      `--from-json: cannot read ${source} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    // The parser's message quotes the text: it is case text, so it is not repeated here.
    throw new UsageError('--from-json: the input is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new UsageError('--from-json: expected one JSON object, e.g. {"title": "…", "summary": "…"}');
  // Folder and file names often name the client, so the paths of an intake can come this way too.
  const allowed = [...(command.textFields ?? []), ...(command.args === 'paths' ? ['paths'] : [])];
  const merged: Values = { ...values };
  for (const [key, value] of Object.entries(parsed)) {
    if (!allowed.includes(key))
      throw new UsageError(
        `--from-json: "${key}" is not a field of "${command.name}" (fields: ${allowed.join(', ')})`,
      );
    if (key === 'paths') {
      if (!Array.isArray(value) || !value.every((p) => typeof p === 'string'))
        throw new UsageError('--from-json: "paths" must be a list of file or folder names');
      merged.paths = value as string[];
      continue;
    }
    const spec = command.options[key];
    if (typeof value !== (spec?.type === 'boolean' ? 'boolean' : 'string'))
      throw new UsageError(
        `--from-json: "${key}" must be a ${spec?.type === 'boolean' ? 'boolean' : 'string'}`,
      );
    if (values[key] !== undefined)
      throw new UsageError(`--${key} is given both as an argument and in --from-json`);
    merged[key] = value as string | boolean;
  }
  return merged;
}
