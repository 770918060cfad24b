// The renderer's only door to the main process: a typed client over `window.amparo` (the preload API in
// Electron, or the loopback test bridge in browser tests). Each call unwraps its WireResult: a value comes
// back as-is, a refusal is thrown as an AmparoError carrying the code the screens translate.
import { eventHandlerName, type AmparoApi, type DroppedFiles } from '../../../shared/api';
import { CHANNELS, EVENT_NAMES } from '../../../shared/contract';
import { AmparoError, isErrorCode, type WireResult } from '../../../shared/errors';

declare global {
  interface Window {
    amparo: AmparoApi;
  }
}

type Areas = Exclude<keyof AmparoApi, 'events'>;
type ApiEvents = AmparoApi['events'];
type Unsubscribe = () => void;
type Unwrapped<F> = F extends (...args: infer A) => Promise<WireResult<infer T>>
  ? (...args: A) => Promise<T>
  : never;

export type AmparoClient = {
  [A in Areas]: { [K in keyof AmparoApi[A]]: Unwrapped<AmparoApi[A][K]> };
} & {
  /** One `on<Event>` per contract event (`vault:locked` → `onVaultLocked`); each returns an unsubscribe. */
  events: { [K in keyof ApiEvents as `on${Capitalize<K & string>}`]: ApiEvents[K] };
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
  const events: Record<string, (listener: (payload: unknown) => void) => Unsubscribe> = {};
  for (const name of EVENT_NAMES) {
    const handler = eventHandlerName(name);
    const subscribe = (listener: (payload: unknown) => void): Unsubscribe => {
      const on = (bridge().events as Record<string, ((l: typeof listener) => Unsubscribe) | undefined>)[
        handler
      ];
      if (!on) throw new AmparoError('UNKNOWN_CHANNEL', `window.amparo has no event ${name}`);
      return on(listener);
    };
    events[`on${handler.charAt(0).toUpperCase()}${handler.slice(1)}`] = subscribe;
  }
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
