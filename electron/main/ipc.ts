// The one IPC registration wrapper. Every channel of the contract gets the same handler: check who is
// calling (our window's main frame, on our origin), then hand the raw input to the core's dispatcher,
// which validates it with the contract's zod schema. No handler can forget the sender check because
// there is only this one. Type-only Electron imports: tests/unit/security/ipc.test.ts uses fakes.
import type { IpcMain } from 'electron';
import {
  CHANNELS,
  EVENT_NAMES,
  eventChannel,
  type EventName,
  type EventPayload,
} from '../../shared/contract';
import type { WireResult } from '../../shared/errors';
import { isTrustedSenderUrl, type PolicyOptions } from './security-policy';

/** The parts of Electron's WebFrameMain the sender check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly processId: number;
  readonly routingId: number;
  readonly detached?: boolean;
}

/** The parts of Electron's IpcMainInvokeEvent the sender check reads. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
  readonly sender: { readonly id: number; readonly mainFrame: FrameLike };
}

export interface SenderCheckOptions extends PolicyOptions {
  /** `webContents.id` of our main window, or null while there is none (then nothing is trusted). */
  trustedWebContentsId: number | null;
}

export type SenderVerdict = { trusted: true } | { trusted: false; reason: string };

/**
 * Trusted only when all hold: the message comes from our window's web contents; from its main frame
 * (not an iframe); the frame is still attached; and its URL is the app origin (app://amparo, or the dev
 * server in development).
 */
export function checkSender(event: InvokeEventLike, options: SenderCheckOptions): SenderVerdict {
  try {
    const frame = event.senderFrame;
    if (!frame) return { trusted: false, reason: 'no sender frame' };
    if (frame.detached) return { trusted: false, reason: 'sender frame detached' };
    if (options.trustedWebContentsId === null || event.sender.id !== options.trustedWebContentsId) {
      return { trusted: false, reason: 'sender is not the main window' };
    }
    const main = event.sender.mainFrame;
    const isMainFrame =
      frame === main ||
      (frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId);
    if (!isMainFrame || frame.parent !== null) return { trusted: false, reason: 'sender is a sub-frame' };
    if (!isTrustedSenderUrl(frame.url, options))
      return { trusted: false, reason: 'sender origin not trusted' };
    return { trusted: true };
  } catch {
    // A frame that navigated or was destroyed mid-call throws on access: refuse.
    return { trusted: false, reason: 'sender frame unavailable' };
  }
}

export const FORBIDDEN_SENDER: WireResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN_SENDER', message: 'IPC call refused: untrusted sender' },
};

export interface IpcRegistration {
  dispatch: (channel: unknown, rawInput: unknown) => Promise<WireResult<unknown>>;
  /** Called on each call, so a window recreated later is still recognised. */
  trustedWebContentsId: () => number | null;
  policy: PolicyOptions;
  /** Shell reactions to a successful call (e.g. rebuild the menu after a language change). */
  afterCall?: (channel: string, result: WireResult<unknown>) => void;
  log?: (message: string, error?: unknown) => void;
}

/** The handler every channel gets; exported for tests. */
export function createIpcHandler(channel: string, registration: IpcRegistration) {
  return async (event: InvokeEventLike, input: unknown): Promise<WireResult<unknown>> => {
    const verdict = checkSender(event, {
      ...registration.policy,
      trustedWebContentsId: registration.trustedWebContentsId(),
    });
    if (!verdict.trusted) {
      registration.log?.(`${channel}: ${verdict.reason}`);
      return FORBIDDEN_SENDER;
    }
    let result: WireResult<unknown>;
    try {
      result = await registration.dispatch(channel, input);
    } catch (error) {
      registration.log?.(`${channel}: dispatch threw`, error);
      result = { ok: false, error: { code: 'INTERNAL', message: 'Unexpected error' } };
    }
    try {
      registration.afterCall?.(channel, result);
    } catch (error) {
      registration.log?.(`${channel}: afterCall threw`, error);
    }
    return result;
  };
}

/** `ipcMain.handle` for every contract channel; returns a function that removes them again. */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  registration: IpcRegistration,
) {
  for (const channel of CHANNELS) {
    const handler = createIpcHandler(channel, registration);
    ipcMain.handle(channel, (event, input: unknown) => handler(event, input));
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}

export interface EventSource {
  onEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Forwards every core event to the window as `event:<name>`; returns an unsubscribe for all. */
export function forwardCoreEvents(
  core: EventSource,
  send: (ipcChannel: string, payload: unknown) => void,
): () => void {
  const unsubscribers = EVENT_NAMES.map((name) =>
    core.onEvent(name, (payload) => send(eventChannel(name), payload)),
  );
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
