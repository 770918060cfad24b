// Runs the real main process (electron/main/index.ts) and the real core against a fake Electron module:
// checks the startup order, the window, the protocol, the IPC sender check end to end, the menu, the
// power events and the dispose-on-quit path. Every line the main process logs is captured and asserted on.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureMainLog } from './main-log';
import { CHANNELS, eventChannel } from '../../../shared/contract';
import type { WireResult } from '../../../shared/errors';
import type { FakeElectron, FakeFrame } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('../../../resources/icon.png?asset', () => ({ default: '/fake/icon.png' }));

let electron: FakeElectron;
let userData: string;
let vaultDir: string;
const saved = { ...process.env };
const PASS = 'frase de contraseña larga y segura';

// What the main process logged; each test takes the lines it expects, and anything left fails it.
const takeLog = captureMainLog();

beforeAll(async () => {
  userData = mkdtempSync(path.join(tmpdir(), 'amparo-main-'));
  vaultDir = path.join(userData, 'boveda');
  // A remote dev-server URL must be ignored (it is not loopback), so this runs the production path.
  Object.assign(process.env, { AMPARO_USER_DATA: userData, ELECTRON_RENDERER_URL: 'https://evil.example/' });
  electron = (await import('electron')) as unknown as FakeElectron;
  await import('../../../electron/main/index');
});

afterAll(() => {
  process.env = saved;
  rmSync(userData, { recursive: true, force: true });
});

const trustedEvent = (frame: FakeFrame, id: number) => ({
  senderFrame: frame,
  sender: { id, mainFrame: frame },
});

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}
const mainContents = () => electron.BrowserWindow.windows[0]!.webContents;
/** A call from the trusted window, through the registered IPC handler. */
const call = (channel: string, input: unknown = {}) =>
  electron.ipcMain.handlers.get(channel)!(
    trustedEvent(mainContents().mainFrame, mainContents().id),
    input,
  ) as Promise<WireResult<unknown>>;
const lockedEvents = () =>
  mainContents()
    .sent.filter(([channel]) => channel === eventChannel('vault:locked'))
    .map(([, payload]) => payload);
/** SQLite removes the WAL and shared-memory files when the last connection to the database closes. */
const openDatabaseFiles = () => readdirSync(vaultDir).filter((name) => /-(wal|shm)$/.test(name));

/** Asserts the vault is really locked: status, calls refused, the database connection closed. */
async function expectLocked(reason: string, eventCount: number): Promise<void> {
  await vi.waitFor(async () =>
    expect(await call('vault:status')).toMatchObject({ ok: true, value: { state: 'locked' } }),
  );
  expect(await call('matters:list')).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  expect(lockedEvents()).toHaveLength(eventCount);
  expect(lockedEvents().at(-1)).toEqual({ reason });
  expect(openDatabaseFiles()).toEqual([]);
}

async function unlock(): Promise<void> {
  expect(await call('vault:unlock', { path: vaultDir, passphrase: PASS })).toMatchObject({
    ok: true,
    value: { state: 'unlocked' },
  });
  expect(openDatabaseFiles()).not.toEqual([]);
}

const lastMenu = () => (electron.Menu.menus.at(-1) as { template: MenuItemConstructorOptions[] }).template;

describe('main process lifecycle (fake Electron, real core)', () => {
  it('before ready: privileged scheme, sandbox, profile override, single-instance lock', () => {
    const { calls } = electron.app;
    expect(calls['protocol.registerSchemesAsPrivileged']).toEqual([
      [
        [
          { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
          {
            scheme: 'amparo-media',
            privileges: {
              standard: true,
              secure: true,
              stream: true,
              supportFetchAPI: true,
              corsEnabled: true,
            },
          },
        ],
      ],
    ]);
    expect(calls['app.enableSandbox']).toHaveLength(1);
    expect(calls['app.requestSingleInstanceLock']).toHaveLength(1);
    expect(electron.app.paths['userData']).toBe(userData);
    expect(electron.BrowserWindow.windows).toHaveLength(0);
  });

  it('after ready: hardened session, app:// handler, one sandboxed window on app://amparo', async () => {
    electron.app.becomeReady();
    await vi.waitFor(() => expect(electron.BrowserWindow.windows[0]?.loadedUrl).toBeDefined());
    const [window] = electron.BrowserWindow.windows;
    // A remote ELECTRON_RENDERER_URL is ignored: production URL.
    expect(window!.loadedUrl).toBe('app://amparo/index.html');
    expect(window!.shown).toBe(true);
    expect(window!.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: true,
    });
    expect(String((window!.options['webPreferences'] as { preload: string }).preload)).toMatch(
      /preload[/\\]index\.cjs$/,
    );
    expect(window!.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });

    // Nothing is fetched for the spellchecker: off for the session, no remote dictionary URL, no languages.
    const { spellChecker } = electron.session.defaultSession;
    expect(spellChecker.filter(([name]) => name === 'setSpellCheckerEnabled').at(-1)).toEqual([
      'setSpellCheckerEnabled',
      false,
    ]);
    for (const [name, value] of spellChecker) {
      if (name === 'setSpellCheckerDictionaryDownloadURL')
        expect(String(value)).not.toMatch(/^(https?|ftp):/i);
      if (name === 'setSpellCheckerLanguages') expect(value).toEqual([]);
    }

    const handlers = electron.session.defaultSession.handlers as Record<string, unknown>;
    expect(handlers['permissionCheck']).toBeTypeOf('function');
    const cancel = vi.fn();
    (handlers['beforeRequest'] as unknown as (d: { url: string }, cb: typeof cancel) => void)(
      { url: 'https://evil.example/' },
      cancel,
    );
    expect(cancel).toHaveBeenCalledWith({ cancel: true });

    const [[scheme, handler]] = electron.app.calls['protocol.handle'] as [
      [string, (r: Request) => Promise<Response>],
    ];
    expect(scheme).toBe('app');
    expect((await handler(new Request('app://amparo/..%2f..%2fpackage.json'))).status).toBe(403);
    expect(takeLog()).toEqual([
      'window.open denied: https://evil.example',
      'request cancelled: https://evil.example',
    ]);
  });

  it('registers every channel; the real core answers the trusted window and nobody else', async () => {
    const ipcHandlers = electron.ipcMain.handlers;
    const windows = electron.BrowserWindow.windows;
    expect([...ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const contents = windows[0]!.webContents;
    const status = ipcHandlers.get('vault:status')!;

    await expect(status(trustedEvent(contents.mainFrame, contents.id), {})).resolves.toMatchObject({
      ok: true,
      value: { state: 'none' },
    });
    const foreign = { ...contents.mainFrame, url: 'https://evil.example/' };
    await expect(status(trustedEvent(foreign, contents.id), {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    await expect(status(trustedEvent(contents.mainFrame, contents.id + 100), {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    // Input still goes through the core's validation.
    await expect(
      ipcHandlers.get('settings:update')!(trustedEvent(contents.mainFrame, contents.id), {
        autoLockMinutes: -1,
      }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(takeLog()).toEqual([
      'vault:status: sender origin not trusted',
      'vault:status: sender is not the main window',
    ]);
  });

  it('builds the menu in the OS language and rebuilds it when the language setting changes', async () => {
    expect(lastMenu()[0]?.label).toBe('Archivo');
    const contents = electron.BrowserWindow.windows[0]!.webContents;
    const result = await electron.ipcMain.handlers.get('settings:update')!(
      trustedEvent(contents.mainFrame, contents.id),
      { language: 'en' },
    );
    expect(result).toMatchObject({ ok: true });
    expect(lastMenu()[0]?.label).toBe('File');
    const roles = flatten(lastMenu()).map((item) => item.role);
    expect(roles).toContain('toggleDevTools'); // unpackaged = development
  });

  it('Lock now locks the vault: status, refused calls, database closed', async () => {
    expect(await call('vault:create', { path: vaultDir, passphrase: PASS })).toMatchObject({
      ok: true,
      value: { state: 'unlocked' },
    });
    expect(openDatabaseFiles()).not.toEqual([]);
    const lockNow = flatten(lastMenu()).find((item) => item.id === 'lock-now')!;
    expect(lockNow.accelerator).toBe('CmdOrCtrl+L');
    (lockNow.click as () => void)();
    await expectLocked('user', 1);
  });

  it.each(['suspend', 'lock-screen', 'user-did-resign-active', 'shutdown'])(
    'the power event %s locks the vault',
    async (event) => {
      await unlock();
      const before = lockedEvents().length;
      electron.powerMonitor.emit(event);
      await expectLocked('system', before + 1);
      expect(electron.app.exitCode).toBeUndefined();
    },
  );

  it('locks the vault (disposes the core) before quitting', async () => {
    await unlock();
    const before = lockedEvents().length;
    electron.app.quit();
    expect(electron.app.quitCount).toBe(0); // held back while the core disposes
    await vi.waitFor(() => expect(electron.app.quitCount).toBe(1));
    await expectLocked('user', before + 1);
  });
});
