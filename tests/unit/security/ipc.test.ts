import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, eventChannel } from '../../../shared/contract';
import type { WireResult } from '../../../shared/errors';
import {
  checkSender,
  createIpcHandler,
  FORBIDDEN_SENDER,
  forwardCoreEvents,
  registerIpcHandlers,
  type FrameLike,
  type InvokeEventLike,
  type IpcRegistration,
} from '../../../electron/main/ipc';

const WINDOW_ID = 7;

function frame(url: string, extra: Partial<FrameLike> = {}): FrameLike {
  return { url, parent: null, processId: 3, routingId: 1, detached: false, ...extra };
}

function event(
  senderFrame: FrameLike | null,
  options: { id?: number; mainFrame?: FrameLike } = {},
): InvokeEventLike {
  const mainFrame = options.mainFrame ?? senderFrame ?? frame('app://amparo/index.html');
  return { senderFrame, sender: { id: options.id ?? WINDOW_ID, mainFrame } };
}

const PROD = { devServerUrl: null, trustedWebContentsId: WINDOW_ID };
const DEV = { devServerUrl: 'http://localhost:5173/', trustedWebContentsId: WINDOW_ID };

describe('checkSender', () => {
  it("trusts our window's main frame on the app origin", () => {
    expect(checkSender(event(frame('app://amparo/index.html')), PROD)).toEqual({ trusted: true });
  });

  it('trusts an equal (not identical) main-frame object', () => {
    const main = frame('app://amparo/index.html');
    expect(checkSender(event({ ...main }, { mainFrame: main }), PROD).trusted).toBe(true);
  });

  it('trusts the dev server only in development', () => {
    expect(checkSender(event(frame('http://localhost:5173/')), DEV).trusted).toBe(true);
    expect(checkSender(event(frame('http://localhost:5173/')), PROD).trusted).toBe(false);
  });

  it('refuses a missing or detached frame', () => {
    expect(checkSender(event(null, { mainFrame: frame('app://amparo/') }), PROD)).toEqual({
      trusted: false,
      reason: 'no sender frame',
    });
    expect(checkSender(event(frame('app://amparo/', { detached: true })), PROD).trusted).toBe(false);
  });

  it('refuses other web contents, or when there is no window', () => {
    expect(checkSender(event(frame('app://amparo/'), { id: WINDOW_ID + 1 }), PROD).trusted).toBe(false);
    expect(checkSender(event(frame('app://amparo/')), { ...PROD, trustedWebContentsId: null }).trusted).toBe(
      false,
    );
  });

  it('refuses sub-frames, even on the app origin', () => {
    const main = frame('app://amparo/index.html');
    const child = frame('app://amparo/index.html', { parent: main, routingId: 2 });
    expect(checkSender(event(child, { mainFrame: main }), PROD)).toEqual({
      trusted: false,
      reason: 'sender is a sub-frame',
    });
    const lookalike = frame('app://amparo/index.html', { processId: 9, routingId: 9 });
    expect(checkSender(event(lookalike, { mainFrame: main }), PROD).trusted).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'file:///etc/passwd',
    'app://amparo.evil/index.html',
    'app://evil/',
    'data:text/html,x',
    'javascript:alert(1)',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'http://localhost:5173/',
    '',
  ])('refuses a main frame at %s (production)', (url) => {
    expect(checkSender(event(frame(url)), PROD)).toEqual({
      trusted: false,
      reason: 'sender origin not trusted',
    });
  });

  it('refuses when reading the frame throws (destroyed mid-call)', () => {
    const exploding = {
      get url(): string {
        throw new Error('Render frame was disposed');
      },
      parent: null,
      processId: 3,
      routingId: 1,
    };
    expect(checkSender(event(exploding), PROD).trusted).toBe(false);
  });
});

function registration(overrides: Partial<IpcRegistration> = {}) {
  const dispatch = vi.fn(async (): Promise<WireResult<unknown>> => ({ ok: true, value: { state: 'none' } }));
  return {
    dispatch,
    reg: {
      dispatch,
      trustedWebContentsId: () => WINDOW_ID,
      policy: { devServerUrl: null },
      ...overrides,
    } satisfies IpcRegistration,
  };
}

describe('createIpcHandler', () => {
  it('dispatches trusted calls with the raw input, unvalidated by the shell', async () => {
    const { dispatch, reg } = registration();
    const handler = createIpcHandler('vault:status', reg);
    const input = { anything: 1 };
    await expect(handler(event(frame('app://amparo/index.html')), input)).resolves.toEqual({
      ok: true,
      value: { state: 'none' },
    });
    expect(dispatch).toHaveBeenCalledWith('vault:status', input);
  });

  it('answers FORBIDDEN_SENDER and never reaches the core for untrusted senders', async () => {
    const { dispatch, reg } = registration();
    const handler = createIpcHandler('vault:unlock', reg);
    const result = await handler(event(frame('https://evil.example/')), { path: '/x', passphrase: 'p' });
    expect(result).toEqual(FORBIDDEN_SENDER);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('follows the current window (none → nothing trusted)', async () => {
    let id: number | null = null;
    const { dispatch, reg } = registration({ trustedWebContentsId: () => id });
    const handler = createIpcHandler('vault:status', reg);
    expect(await handler(event(frame('app://amparo/')), {})).toEqual(FORBIDDEN_SENDER);
    id = WINDOW_ID;
    expect((await handler(event(frame('app://amparo/')), {})).ok).toBe(true);
    expect(dispatch).toHaveBeenCalledTimes(1);
  });

  it('turns a throwing dispatcher into INTERNAL without details', async () => {
    const { reg } = registration({
      dispatch: async () => {
        throw new Error('secret path /home/lawyer/vault');
      },
      log: () => undefined,
    });
    const result = await createIpcHandler('vault:status', reg)(event(frame('app://amparo/')), {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Unexpected error' } });
  });

  it('calls afterCall with the result, and survives it throwing', async () => {
    const afterCall = vi.fn(() => {
      throw new Error('boom');
    });
    const { reg } = registration({ afterCall, log: () => undefined });
    const result = await createIpcHandler('settings:update', reg)(event(frame('app://amparo/')), {});
    expect(result.ok).toBe(true);
    expect(afterCall).toHaveBeenCalledWith('settings:update', result);
  });
});

describe('registerIpcHandlers', () => {
  it('registers exactly the contract channels, each behind the sender check', async () => {
    const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
    const ipcMain = {
      handle: vi.fn((channel: string, listener: (event: unknown, input: unknown) => Promise<unknown>) => {
        handlers.set(channel, listener);
      }),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    };
    const { dispatch, reg } = registration();
    const unregister = registerIpcHandlers(ipcMain as never, reg);
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());

    for (const [channel, listener] of handlers) {
      expect(await listener(event(frame('https://evil.example/')), {}), channel).toEqual(FORBIDDEN_SENDER);
    }
    expect(dispatch).not.toHaveBeenCalled();
    await handlers.get('matters:list')!(event(frame('app://amparo/')), { limit: 10 });
    expect(dispatch).toHaveBeenCalledWith('matters:list', { limit: 10 });

    unregister();
    expect(handlers.size).toBe(0);
  });
});

describe('forwardCoreEvents', () => {
  it('sends core events to the window as event:<name>', () => {
    const listeners = new Map<string, (payload: unknown) => void>();
    const off = vi.fn();
    const core = {
      onEvent: vi.fn((name: string, listener: (payload: unknown) => void) => {
        listeners.set(name, listener);
        return off;
      }),
    };
    const send = vi.fn();
    const stop = forwardCoreEvents(core as never, send);
    listeners.get('vault:locked')!({ reason: 'idle' });
    expect(send).toHaveBeenCalledWith(eventChannel('vault:locked'), { reason: 'idle' });
    expect(send).toHaveBeenCalledWith('event:vault:locked', { reason: 'idle' });
    stop();
    expect(off).toHaveBeenCalled();
  });
});
