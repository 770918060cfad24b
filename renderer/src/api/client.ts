// The renderer's only door to the main process: a typed client over `window.amparo` (the preload API in
// Electron, or the loopback test bridge in browser tests). Each call unwraps its WireResult: a value comes
// back as-is, a refusal is thrown as an AmparoError carrying the code the screens translate.
import type { AmparoApi, DroppedFiles } from '../../../shared/api';
import { CHANNELS } from '../../../shared/contract';
import { AmparoError, isErrorCode, type WireResult } from '../../../shared/errors';
import type { EvidenceProgress } from '../../../shared/schemas/evidence';
import type { VaultLockedEvent } from '../../../shared/schemas/vault';

declare global {
  interface Window {
    amparo: AmparoApi;
  }
}

type Areas = Exclude<keyof AmparoApi, 'events'>;
type Unwrapped<F> = F extends (...args: infer A) => Promise<WireResult<infer T>>
  ? (...args: A) => Promise<T>
  : never;

export type AmparoClient = {
  [A in Areas]: { [K in keyof AmparoApi[A]]: Unwrapped<AmparoApi[A][K]> };
} & {
  events: {
    /** Subscribes to the vault being locked (by the user, the idle timer or the system); returns an unsubscribe. */
    onVaultLocked(listener: (event: VaultLockedEvent) => void): () => void;
    /** Progress of a long evidence operation (intake, integrity check, export). */
    onEvidenceProgress(listener: (event: EvidenceProgress) => void): () => void;
  };
  /** The local path of a dropped file (Electron only; undefined in a plain browser). */
  pathForFile(file: File): string | undefined;
};

function bridge(): AmparoApi {
  const api = (globalThis as { amparo?: AmparoApi }).amparo;
  if (!api) throw new AmparoError('INTERNAL', 'window.amparo is not available');
  return api;
}

function toAmparoError(error: unknown): AmparoError {
  if (error instanceof AmparoError) return error;
  // Errors crossing contextBridge arrive as plain objects; keep a known code if there is one.
  const code = (error as { code?: unknown } | null)?.code;
  return new AmparoError(
    isErrorCode(code) ? code : 'INTERNAL',
    error instanceof Error ? error.message : String(error),
    {
      cause: error,
    },
  );
}

type RawCall = (input?: unknown) => Promise<WireResult<unknown>>;

function buildClient(): AmparoClient {
  const client: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    const [area, action] = channel.split(':') as [string, string];
    client[area] ??= {};
    client[area][action] = async (input?: unknown) => {
      let result: WireResult<unknown>;
      try {
        const call = (bridge() as unknown as Record<string, Record<string, RawCall>>)[area]?.[action];
        if (!call) throw new AmparoError('UNKNOWN_CHANNEL', `window.amparo has no ${channel}`);
        result = await call(input ?? {});
      } catch (error) {
        throw toAmparoError(error);
      }
      if (result.ok) return result.value;
      throw AmparoError.fromWire(result.error);
    };
  }
  const events: AmparoClient['events'] = {
    onVaultLocked: (listener) => bridge().events.vaultLocked(listener),
    onEvidenceProgress: (listener) => bridge().events.evidenceProgress(listener),
  };
  const pathForFile = (file: File) => {
    const files = (bridge() as { files?: DroppedFiles }).files;
    try {
      return files?.pathForFile(file) || undefined;
    } catch {
      return undefined;
    }
  };
  return { ...client, events, pathForFile } as unknown as AmparoClient;
}

export const client: AmparoClient = buildClient();

/** The error code of anything thrown by the client (INTERNAL for anything else). */
export function errorCode(error: unknown): AmparoError['code'] {
  return error instanceof AmparoError ? error.code : 'INTERNAL';
}
