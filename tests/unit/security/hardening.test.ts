import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents, installAppHardening } from '../../../electron/main/hardening';

type Listener = (...args: unknown[]) => unknown;

function fakeSession() {
  const handlers: Record<string, Listener> = {};
  const emitter = new EventEmitter();
  const session = Object.assign(emitter, {
    setPermissionRequestHandler: (h: Listener) => (handlers.permissionRequest = h),
    setPermissionCheckHandler: (h: Listener) => (handlers.permissionCheck = h),
    setDevicePermissionHandler: (h: Listener) => (handlers.devicePermission = h),
    setSpellCheckerEnabled: (enable: boolean) => (handlers.spellCheckerEnabled = () => enable),
    webRequest: { onBeforeRequest: (h: Listener) => (handlers.beforeRequest = h) },
  });
  return { session, handlers };
}

function preventable<T extends object = Record<string, never>>(fields: T = {} as T) {
  return { ...fields, preventDefault: vi.fn() };
}

const PROD = { devServerUrl: null };

describe('hardenSession', () => {
  const { session, handlers } = fakeSession();
  hardenSession(session as never, PROD);

  it('turns the spellchecker off for the session (it would download dictionaries)', () => {
    expect(handlers.spellCheckerEnabled?.()).toBe(false);
  });

  it('refuses every permission request and check', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'hid',
    ]) {
      const callback = vi.fn();
      handlers.permissionRequest!(null, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(handlers.permissionCheck!(null, permission, 'app://amparo', {})).toBe(false);
    }
    expect(handlers.devicePermission!({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels every request that is not app://amparo or devtools', () => {
    const decide = (url: string) => {
      const callback = vi.fn();
      handlers.beforeRequest!({ url }, callback);
      return callback.mock.calls[0]![0] as { cancel: boolean };
    };
    expect(decide('app://amparo/index.html')).toEqual({ cancel: false });
    expect(decide('devtools://devtools/bundled/inspector.html')).toEqual({ cancel: false });
    for (const url of [
      'https://evil.example/beacon?matter=1',
      'http://localhost:5173/',
      'file:///etc/passwd',
      'ws://evil.example/',
      'app://evil/x',
    ]) {
      expect(decide(url), url).toEqual({ cancel: true });
    }
  });

  it('refuses downloads', () => {
    const event = preventable();
    session.emit('will-download', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('hardens a session only once', () => {
    const spy = vi.spyOn(session, 'on');
    hardenSession(session as never, PROD);
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('hardenWebContents', () => {
  function setup(options: { devServerUrl: string | null } = PROD) {
    const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler: (h: Listener) => void };
    let openHandler: Listener | undefined;
    contents.setWindowOpenHandler = (h) => (openHandler = h);
    hardenWebContents(contents as never, options);
    return { contents, open: (url: string) => openHandler!({ url }) };
  }

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: only the app origin', (name) => {
    const { contents } = setup();
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://amparo.evil/',
      'data:text/html,x',
    ]) {
      const event = preventable({ url });
      contents.emit(name, event, url);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
    const ok = preventable({ url: 'app://amparo/index.html' });
    contents.emit(name, ok, ok.url);
    expect(ok.preventDefault).not.toHaveBeenCalled();
  });

  it('allows navigation to the dev server only in development', () => {
    const dev = setup({ devServerUrl: 'http://localhost:5173/' });
    const event = preventable({ url: 'http://localhost:5173/' });
    dev.contents.emit('will-navigate', event, event.url);
    expect(event.preventDefault).not.toHaveBeenCalled();

    const prod = setup();
    const blocked = preventable({ url: 'http://localhost:5173/' });
    prod.contents.emit('will-navigate', blocked, blocked.url);
    expect(blocked.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window, even to the app origin', () => {
    const { open } = setup();
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('app://amparo/index.html')).toEqual({ action: 'deny' });
  });

  it('refuses <webview>', () => {
    const { contents } = setup();
    const event = preventable();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('installAppHardening', () => {
  it('enables the sandbox for all renderers and hooks every new session and web contents', () => {
    const app = Object.assign(new EventEmitter(), { enableSandbox: vi.fn() });
    installAppHardening(app as never, PROD);
    expect(app.enableSandbox).toHaveBeenCalledOnce();

    const { session, handlers } = fakeSession();
    app.emit('session-created', session);
    expect(handlers.beforeRequest).toBeTypeOf('function');

    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });
});
