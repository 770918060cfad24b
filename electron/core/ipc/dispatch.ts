// The one place where untrusted input meets the core: parse with the contract's schema, run the
// handler, and turn every outcome into a WireResult. The Electron shell and the test bridge both
// call this; neither handles input on its own.
import { z } from 'zod';
import {
  contract,
  isChannel,
  type Channel,
  type ChannelOutput,
  type ParsedInput,
} from '../../../shared/contract';
import { AmparoError, type ValidationIssue, type WireResult } from '../../../shared/errors';
import { mapSqliteError } from '../vault/database';

export type Handler<C extends Channel> = (
  input: ParsedInput<C>,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
export type Handlers = { [C in Channel]: Handler<C> };
export type Dispatch = (channel: unknown, rawInput: unknown) => Promise<WireResult<unknown>>;

/** SQLite's and the file system's own error codes (SQLITE_BUSY, ENOSPC, EACCES…), not Node's ERR_*. */
function isStorageError(error: unknown): boolean {
  return /^(SQLITE_\w+|E[A-Z]+)$/.test(String((error as { code?: unknown } | null)?.code ?? ''));
}

export function toIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export interface DispatchOptions {
  /** Called before every call that passed validation (used to postpone auto-lock). */
  onCall?: (channel: Channel) => void;
  /** Where unexpected errors are reported; their details never reach the renderer. */
  logError?: (channel: Channel, error: unknown) => void;
}

export function createDispatcher(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async (channel, rawInput) => {
    if (!isChannel(channel)) {
      return {
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel: ${String(channel)}` },
      };
    }
    const parsed = contract[channel].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'VALIDATION_FAILED',
          message: `Invalid input for ${channel}`,
          issues: toIssues(parsed.error),
        },
      };
    }
    try {
      options.onCall?.(channel);
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AmparoError) return { ok: false, error: error.toWire() };
      // A refusal of the database or the disk (busy, full, damaged, no permission) is a typed error
      // whichever service it came from.
      if (isStorageError(error)) return { ok: false, error: mapSqliteError(error, channel).toWire() };
      if (error instanceof z.ZodError) {
        return {
          ok: false,
          error: { code: 'VALIDATION_FAILED', message: 'Invalid data', issues: toIssues(error) },
        };
      }
      options.logError?.(channel, error);
      return { ok: false, error: { code: 'INTERNAL', message: 'Unexpected error' } };
    }
  };
}
