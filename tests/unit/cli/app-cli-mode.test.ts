// The real main process (electron/main/index.ts) started as `amparo --version` and as a bad command, under
// the fake Electron module the security tests use: it runs the command line, exits with its status, and
// neither takes the single-instance lock nor opens a window.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FakeElectron } from '../security/fake-electron';

vi.mock('electron', async () => {
  const fake = (await import('../security/fake-electron')).createFakeElectron();
  Object.assign(fake.app, { getVersion: () => '7.7.7' });
  return fake;
});
vi.mock('../../../resources/icon.png?asset', () => ({ default: '/fake/icon.png' }));

let electron: FakeElectron;
const savedArgv = process.argv;
const written: string[] = [];

beforeAll(async () => {
  vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown, done?: unknown) => {
    written.push(String(chunk));
    if (typeof done === 'function') (done as () => void)();
    return true;
  }) as typeof process.stdout.write);
  process.argv = ['/opt/Amparo/amparo', '--version'];
  electron = (await import('electron')) as unknown as FakeElectron;
  await import('../../../electron/main/index');
});

afterAll(() => {
  process.argv = savedArgv;
  vi.restoreAllMocks();
});

describe('the packaged app started as a command', () => {
  it('prints the version and exits 0, without a window or the instance lock', async () => {
    await vi.waitFor(() => expect(electron.app.exitCode).toBe(0));
    expect(written.join('')).toBe('7.7.7\n');
    expect(electron.app.calls['app.requestSingleInstanceLock']).toBeUndefined();
    electron.app.becomeReady();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(electron.BrowserWindow.windows).toHaveLength(0);
  });
});
