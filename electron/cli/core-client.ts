// The command line is one more face of the core, like the Electron shell and the test bridge: it builds
// the same core with createCore and makes every call through its dispatcher, so input is validated by the
// contract's schemas and the services run exactly as they do for the app. Only the CLI's own choices are
// here: settings kept in memory (the desktop app's settings.json is never rewritten) and an audit actor
// that says the change came from the command line.
import { userInfo } from 'node:os';
import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from '../../shared/contract';
import { AmparoError } from '../../shared/errors';
import { createCore, type Core } from '../core';
import { mapSqliteError } from '../core/vault/database';
import type { VaultOptions } from '../core/vault/vault';

/** Who the audit log and custody entries name for command-line changes. */
const cliActor = (): string => {
  try {
    return `${userInfo().username} (command line)`;
  } catch {
    return 'unknown (command line)';
  }
};

export interface CoreClient {
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  onEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export async function withCore<T>(
  stderr: NodeJS.WritableStream,
  work: (client: CoreClient) => Promise<T>,
  /** `exclusive` for a command that opens the vault only to re-key it: a second one is refused at once. */
  vault: Pick<VaultOptions, 'lock'> = {},
  /** The file a save dialog would answer (`deadline ics --out FILE`). */
  saveFile?: string,
): Promise<T> {
  const core: Core = await createCore({
    ...vault,
    program: 'the amparo command line',
    configDir: null,
    actor: cliActor,
    shell: {
      chooseFolder: async () => ({ path: null }),
      ...(saveFile ? { chooseSaveFile: async () => ({ path: saveFile }) } : {}),
    },
    // A command runs to its end and then locks: auto-lock must not stop a long intake or verify halfway.
    idleCheckMs: 2 ** 31 - 1,
    // search inside the evidence: the queue runs only when a command asks (`evidence extract`)
    extractionCheckMs: 0,
    // A bug surfaces as INTERNAL; its details (which may quote data) only when asked for.
    logError: (where, error) => {
      if (process.env.AMPARO_DEBUG)
        stderr.write(`amparo: debug: ${where}: ${(error as Error)?.stack ?? error}\n`);
    },
  });
  const client: CoreClient = {
    async call(channel, input) {
      const result = await core.dispatch(channel, input);
      if (!result.ok) throw AmparoError.fromWire(result.error);
      return result.value as ChannelOutput<typeof channel>;
    },
    onEvent: (name, listener) => core.onEvent(name, listener),
  };
  let result: T;
  try {
    result = await work(client);
  } catch (error) {
    // The vault still closes; the first failure is the one worth reporting (locking writes an audit
    // entry, which fails the same way when the disk is full or another program holds the database).
    await core.dispose().catch(() => undefined);
    throw error;
  }
  try {
    await core.dispose();
  } catch (error) {
    throw mapSqliteError(error, 'Locking the vault');
  }
  return result;
}

/** Unlock the vault named on the command line (the passphrase from the terminal or stdin), then work. */
export async function withUnlockedVault<T>(
  ctx: {
    dir: string;
    io: { stderr: NodeJS.WritableStream };
    passphrases: { read(prompt: string): Promise<string> };
  },
  work: (client: CoreClient) => Promise<T>,
  saveFile?: string,
): Promise<T> {
  const passphrase = await ctx.passphrases.read('Passphrase');
  return withCore(
    ctx.io.stderr,
    async (client) => {
      await client.call('vault:unlock', { path: ctx.dir, passphrase });
      return work(client);
    },
    {},
    saveFile,
  );
}
