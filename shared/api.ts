// Builds `window.amparo` from the contract over a transport: Electron's ipcRenderer in the preload, or
// HTTP on loopback in the test bridge. One named function per channel; results come back as plain
// WireResult values because thrown errors lose their fields when crossing contextBridge.
import type { WireResult } from './errors';
import {
  CHANNELS,
  EVENT_NAMES,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type EventName,
  type EventPayload,
} from './contract';

export interface Transport {
  invoke(channel: Channel, input: unknown): Promise<WireResult<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

type AreaOf<C extends string> = C extends `${infer A}:${string}` ? A : never;
type Call<C extends Channel> =
  object extends ChannelInput<C>
    ? (input?: ChannelInput<C>) => Promise<WireResult<ChannelOutput<C>>>
    : (input: ChannelInput<C>) => Promise<WireResult<ChannelOutput<C>>>;

/** `vault:locked` → `vaultLocked`: the name of an event's subscribe function. */
export type EventHandlerName<E extends string> = E extends `${infer A}:${infer B}`
  ? `${A}${Capitalize<B>}`
  : never;
export function eventHandlerName<E extends EventName>(name: E): EventHandlerName<E> {
  const [area, what] = name.split(':') as [string, string];
  return `${area}${what.charAt(0).toUpperCase()}${what.slice(1)}` as EventHandlerName<E>;
}

export type AmparoApi = {
  [A in AreaOf<Channel>]: { [C in Channel as C extends `${A}:${infer X}` ? X : never]: Call<C> };
} & {
  /** `events.vaultLocked(listener)` subscribes and returns an unsubscribe function. */
  events: {
    [E in EventName as EventHandlerName<E>]: (listener: (payload: EventPayload<E>) => void) => () => void;
  };
};

export function buildApi(transport: Transport): AmparoApi {
  const api: Record<string, Record<string, unknown>> = { events: {} };
  for (const channel of CHANNELS) {
    const [area, action] = channel.split(':') as [string, string];
    api[area] ??= {};
    api[area][action] = (input?: unknown) => transport.invoke(channel, input ?? {});
  }
  for (const name of EVENT_NAMES) {
    api.events![eventHandlerName(name)] = (listener: (p: unknown) => void) =>
      transport.subscribe(name, listener);
  }
  return api as unknown as AmparoApi;
}

/**
 * Outside the contract, Electron only: the local path of a file dropped on the window (the preload's
 * `window.amparo.files`). Absent in a plain browser (the test bridge), where dropping is not offered.
 */
export interface DroppedFiles {
  pathForFile(file: File): string;
}
