// The sandboxed preload: exposes `window.amparo` (one named function per contract channel, built by
// shared/api.ts) and nothing else. ipcRenderer itself never crosses the bridge, event listeners never see
// the IpcRendererEvent, and only contract channels and events can be reached. Bundled into one CommonJS
// file whose only import is 'electron' (sandboxed preloads cannot require anything else).
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { buildApi, type DroppedFiles, type Transport } from '../../shared/api';
import { EVENT_NAMES, eventChannel, isChannel, type EventName } from '../../shared/contract';
import type { WireResult } from '../../shared/errors';

const transport: Transport = {
  invoke(channel, input) {
    if (!isChannel(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel: ${String(channel)}` },
      });
    }
    return ipcRenderer.invoke(channel, input) as Promise<WireResult<unknown>>;
  },
  subscribe(event: EventName, listener: (payload: unknown) => void) {
    if (!EVENT_NAMES.includes(event) || typeof listener !== 'function') return () => undefined;
    const ipcChannel = eventChannel(event);
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(ipcChannel, wrapped);
    return () => {
      ipcRenderer.removeListener(ipcChannel, wrapped);
    };
  },
};

const files: DroppedFiles = {
  // Sandboxed pages no longer see a dropped File's path (Electron removed File.path); webUtils is the
  // supported way to get it. Only the path string crosses: the main process reads the file itself, and
  // validates the path like any other input.
  pathForFile: (file) => webUtils.getPathForFile(file),
};

contextBridge.exposeInMainWorld('amparo', { ...buildApi(transport), files });
