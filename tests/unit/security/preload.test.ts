import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, eventChannel } from '../../../shared/contract';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  webUtils: { getPathForFile: vi.fn(() => '/home/abogada/Descargas/foto.jpg') },
  ipcRenderer: {
    invoke: vi.fn(async () => ({ ok: true, value: {} })),
    on: vi.fn(),
    removeListener: vi.fn(),
    send: vi.fn(),
    sendSync: vi.fn(),
  },
}));
vi.mock('electron', () => electron);

type Api = Record<string, Record<string, (...args: unknown[]) => unknown>>;
let api: Api;

beforeAll(async () => {
  await import('../../../electron/preload/index');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [name, value] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, Api];
  expect(name).toBe('amparo');
  api = value;
});

function walk(value: unknown, seen = new Set<unknown>()): unknown[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  return [value, ...Object.values(value).flatMap((v) => [v, ...walk(v, seen)])];
}

describe('preload', () => {
  it('exposes only functions, and never ipcRenderer or its methods', () => {
    const everything = walk(api);
    expect(everything).not.toContain(electron.ipcRenderer);
    for (const fn of Object.values(electron.ipcRenderer)) expect(everything).not.toContain(fn);
    for (const [area, members] of Object.entries(api)) {
      for (const [name, member] of Object.entries(members))
        expect(typeof member, `${area}.${name}`).toBe('function');
    }
  });

  it('has one function per contract channel that invokes exactly that channel', async () => {
    for (const channel of CHANNELS) {
      const [area, action] = channel.split(':') as [string, string];
      electron.ipcRenderer.invoke.mockClear();
      await api[area]![action]!({ probe: channel });
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(channel, { probe: channel });
    }
  });

  it('subscribes to events without handing the IpcRendererEvent to the page, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = api.events!.vaultLocked!(listener) as () => void;
    const [ipcChannel, wrapped] = electron.ipcRenderer.on.mock.calls.at(-1) as unknown as [
      string,
      (event: unknown, payload: unknown) => void,
    ];
    expect(ipcChannel).toBe(eventChannel('vault:locked'));
    const fakeEvent = { sender: electron.ipcRenderer, senderId: 0 };
    wrapped(fakeEvent, { reason: 'idle' });
    expect(listener).toHaveBeenCalledWith({ reason: 'idle' });
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(ipcChannel, wrapped);
  });

  it('exposes only the path of a dropped file, through webUtils', () => {
    const file = { name: 'foto.jpg' };
    expect(api.files!.pathForFile!(file)).toBe('/home/abogada/Descargas/foto.jpg');
    expect(electron.webUtils.getPathForFile).toHaveBeenCalledWith(file);
    expect(Object.keys(api.files!)).toEqual(['pathForFile']);
  });

  it('never uses send/sendSync', () => {
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.sendSync).not.toHaveBeenCalled();
  });
});

describe('built preload bundle', () => {
  const bundle = path.resolve(__dirname, '../../../out/preload/index.cjs');

  // `npm test` builds before the unit tests, so CI always checks the real bundle; a bare `vitest run`
  // before any build skips this one test and says why.
  it('requires nothing but electron (sandboxed preloads cannot)', (context) => {
    if (!existsSync(bundle)) {
      if (process.env.CI) throw new Error(`${bundle} is missing: npm test builds before the unit tests`);
      context.skip('no built preload yet: run `npm run build` first');
    }
    const code = readFileSync(bundle, 'utf8');
    const required = new Set([...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]));
    expect([...required]).toEqual(['electron']);
    expect(code).not.toMatch(/\bimport\s*\(/);
  });
});
