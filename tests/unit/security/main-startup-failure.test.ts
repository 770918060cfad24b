// A start-up that fails shows the error and what to do, then exits with status 1 (never silently).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('../../../resources/icon.png?asset', () => ({ default: '/fake/icon.png' }));

let electron: FakeElectron;
let userData: string;
const saved = { ...process.env };
const missing = '/nonexistent/amparo/out/renderer/index.html';

beforeAll(async () => {
  userData = mkdtempSync(path.join(tmpdir(), 'amparo-startfail-'));
  Object.assign(process.env, { AMPARO_USER_DATA: userData });
  electron = (await import('electron')) as unknown as FakeElectron;
  electron.BrowserWindow.loadError = Object.assign(new Error(`ENOENT: no such file, open '${missing}'`), {
    code: 'ENOENT',
    path: missing,
  });
  vi.spyOn(console, 'error').mockImplementation(() => {});
  await import('../../../electron/main/index');
});

afterAll(() => {
  electron.BrowserWindow.loadError = null;
  process.env = saved;
  rmSync(userData, { recursive: true, force: true });
});

describe('start-up failure', () => {
  it('shows an error box naming the missing file and what to do, then exits 1', async () => {
    electron.app.becomeReady();
    await vi.waitFor(() => expect(electron.app.exitCode).toBe(1));
    expect(electron.dialog.errorBoxes).toHaveLength(1);
    const [[title, content]] = electron.dialog.errorBoxes as [[string, string]];
    // The fake OS locale is Spanish.
    expect(title).toBe('Amparo no pudo iniciar');
    expect(content).toContain(missing);
    expect(content).toMatch(/restáurela desde su respaldo/);
  });
});
