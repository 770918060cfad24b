// The real main process (electron/main/index.ts) and the real core on a fake Electron, on this Linux
// machine: no spellchecker (no dictionary download), screen lock through the idle-state poll, a crashed
// renderer locks the vault and reloads to the unlock screen, a damaged settings file is reported.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FakeElectron, FakeFrame } from './fake-electron';
import { captureMainLog } from './main-log';
import { SCREEN_LOCK_POLL_MS } from '../../../electron/main/screen-lock';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('../../../resources/icon.png?asset', () => ({ default: '/fake/icon.png' }));

// What the main process logged; each test takes the lines it expects, and anything left fails it.
const takeLog = captureMainLog();

let electron: FakeElectron;
let userData: string;
const saved = { ...process.env };

beforeAll(async () => {
  userData = mkdtempSync(path.join(tmpdir(), 'amparo-resilience-'));
  writeFileSync(path.join(userData, 'settings.json'), '{"settings": {"language": "en"', 'utf8');
  Object.assign(process.env, { AMPARO_USER_DATA: userData });
  Reflect.deleteProperty(process.env, 'ELECTRON_RENDERER_URL');
  // Only the interval timers are fake: the screen-lock poll (and the core's idle check) run on demand.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  electron = (await import('electron')) as unknown as FakeElectron;
  await import('../../../electron/main/index');
  electron.app.becomeReady();
  await vi.waitFor(() => expect(electron.BrowserWindow.windows[0]?.loadedUrl).toBeDefined());
});

afterAll(() => {
  vi.useRealTimers();
  process.env = saved;
  rmSync(userData, { recursive: true, force: true });
});

const window = () => electron.BrowserWindow.windows[0]!;
const call = (channel: string, input: unknown) => {
  const contents = window().webContents;
  const frame: FakeFrame = contents.mainFrame;
  return electron.ipcMain.handlers.get(channel)!(
    { senderFrame: frame, sender: { id: contents.id, mainFrame: frame } },
    input,
  ) as Promise<{
    ok: boolean;
    value?: { state?: string };
  }>;
};
const status = async () => (await call('vault:status', {})).value?.state;

async function unlockedVault(name: string): Promise<void> {
  const result = await call('vault:create', {
    path: path.join(userData, name),
    passphrase: 'correct horse battery staple',
  });
  expect(result).toMatchObject({ ok: true, value: { state: 'unlocked' } });
}

describe('main process resilience (fake Electron, real core)', () => {
  it('switches the spellchecker off on every session and never sets a dictionary URL', () => {
    const defaultSession = electron.session.defaultSession;
    expect(defaultSession.spellCheckerEnabled).toBe(false);
    expect(defaultSession.dictionaryDownloadUrls).toEqual([]);
    const other = new (defaultSession.constructor as new () => typeof defaultSession)();
    electron.app.emit('session-created', other);
    expect(other.spellCheckerEnabled).toBe(false);
    expect(other.dictionaryDownloadUrls).toEqual([]);
  });

  it('a damaged settings.json is set aside and reported in a warning dialog', () => {
    expect(readFileSync(path.join(userData, 'settings.json.damaged'), 'utf8')).toContain('"language"');
    expect(electron.dialog.messageBoxes).toHaveLength(1);
    const [options] = electron.dialog.messageBoxes[0] as [{ type: string; detail: string }];
    expect(options.type).toBe('warning');
    expect(options.detail).toContain(path.join(userData, 'settings.json.damaged'));
  });

  it('Linux: the vault locks when the idle-state poll reports the screen locked', async () => {
    await unlockedVault('poll-vault');
    vi.advanceTimersByTime(SCREEN_LOCK_POLL_MS);
    expect(await status()).toBe('unlocked');
    electron.powerMonitor.idleState = 'locked';
    vi.advanceTimersByTime(SCREEN_LOCK_POLL_MS);
    await vi.waitFor(async () => expect(await status()).toBe('locked'));
    electron.powerMonitor.idleState = 'active';
    vi.advanceTimersByTime(SCREEN_LOCK_POLL_MS);
  });

  it('a crashed renderer locks the vault and the window reloads to the unlock screen', async () => {
    await unlockedVault('crash-vault');
    const loadsBefore = window().loadCount;
    window().webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await vi.waitFor(() => expect(window().loadCount).toBe(loadsBefore + 1));
    expect(window().loadedUrl).toBe('app://amparo/index.html');
    expect(await status()).toBe('locked');
    expect(electron.dialog.errorBoxes).toEqual([]);
    expect(takeLog()).toEqual(['renderer gone: crashed']);
  });

  it('a clean renderer exit neither reloads nor locks', async () => {
    await unlockedVault('clean-vault');
    const loadsBefore = window().loadCount;
    window().webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(window().loadCount).toBe(loadsBefore);
    expect(await status()).toBe('unlocked');
  });
});

describe('a renderer that keeps crashing', () => {
  it('is reloaded up to three times a minute, then the app says so and quits (vault locked)', async () => {
    await unlockedVault('crashing-vault');
    // One crash already happened in this file, less than a minute ago.
    for (let crash = 2; crash <= 3; crash++) {
      const loads = window().loadCount;
      window().webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
      await vi.waitFor(() => expect(window().loadCount).toBe(loads + 1));
    }
    const loads = window().loadCount;
    window().webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
    await vi.waitFor(() => expect(electron.dialog.errorBoxes).toHaveLength(1));
    const [[title, content]] = electron.dialog.errorBoxes as [[string, string]];
    expect(title).toBe('Amparo se cerró'); // the fake OS locale is Spanish
    expect(content).toContain('renderer oom');
    expect(window().loadCount).toBe(loads);
    expect(await status()).toBe('locked');
    await vi.waitFor(() => expect(electron.app.quitCount).toBe(1));
    expect(takeLog()).toEqual(['renderer gone: crashed', 'renderer gone: crashed', 'renderer gone: oom']);
  });
});
