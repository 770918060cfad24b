// A stand-in for the 'electron' module, just wide enough for electron/main/index.ts, so its lifecycle
// can run under Node (no Electron binary can be downloaded in CI). Used by main-process.test.ts.
import { EventEmitter } from 'node:events';

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
  detached: boolean;
}

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame: FakeFrame = {
    url: '',
    parent: null,
    processId: 10,
    routingId: this.id,
    detached: false,
  };
  readonly sent: Array<[string, unknown]> = [];
  windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }
}

type AnyHandler = (...args: never[]) => unknown;

export class FakeSession extends EventEmitter {
  handlers: Record<string, AnyHandler> = {};
  setPermissionRequestHandler(h: AnyHandler): void {
    this.handlers['permissionRequest'] = h;
  }
  setPermissionCheckHandler(h: AnyHandler): void {
    this.handlers['permissionCheck'] = h;
  }
  setDevicePermissionHandler(h: AnyHandler): void {
    this.handlers['devicePermission'] = h;
  }
  webRequest = { onBeforeRequest: (h: AnyHandler): void => void (this.handlers['beforeRequest'] = h) };
  /** Spellchecker calls in order, e.g. ['setSpellCheckerEnabled', false]: one of them can make Chromium fetch. */
  readonly spellChecker: Array<[string, unknown]> = [];
  spellCheckerEnabled = true;
  readonly dictionaryDownloadUrls: string[] = [];
  setSpellCheckerEnabled(enable: boolean): void {
    this.spellChecker.push(['setSpellCheckerEnabled', enable]);
    this.spellCheckerEnabled = enable;
  }
  setSpellCheckerLanguages(languages: string[]): void {
    this.spellChecker.push(['setSpellCheckerLanguages', languages]);
  }
  setSpellCheckerDictionaryDownloadURL(url: string): void {
    this.spellChecker.push(['setSpellCheckerDictionaryDownloadURL', url]);
    this.dictionaryDownloadUrls.push(url);
  }
}

interface Preventable {
  defaultPrevented: boolean;
  preventDefault(): void;
}
const preventable = (): Preventable => {
  const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) };
  return event;
};

export class FakeApp extends EventEmitter {
  isPackaged = false;
  quitCount = 0;
  exitCode: number | undefined;
  readonly calls: Record<string, unknown[][]> = {};
  readonly paths: Record<string, string> = {};
  private quitting = false;
  private resolveReady!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));

  private record(name: string, args: unknown[]): void {
    (this.calls[name] ??= []).push(args);
  }
  enableSandbox(): void {
    this.record('app.enableSandbox', []);
  }
  setAppUserModelId(id: string): void {
    this.record('app.setAppUserModelId', [id]);
  }
  requestSingleInstanceLock(): boolean {
    this.record('app.requestSingleInstanceLock', []);
    return true;
  }
  setPath(name: string, value: string): void {
    this.paths[name] = value;
  }
  getPath(name: string): string {
    return this.paths[name] ?? `/nonexistent/${name}`;
  }
  getLocale(): string {
    return 'es-ES';
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  /** Test control: fire `ready`. */
  becomeReady(): void {
    this.resolveReady();
  }
  exit(code: number): void {
    this.exitCode = code;
  }
  quit(): void {
    if (this.quitting) return;
    const before = preventable();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    const will = preventable();
    this.emit('will-quit', will);
    if (will.defaultPrevented) return;
    this.quitting = true;
    this.quitCount++;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static app: FakeApp;
  static readonly windows: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  loadCount = 0;
  /** Test control: the next loadURL rejects with this. */
  static loadError: Error | null = null;
  shown = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.windows.push(this);
    FakeBrowserWindow.app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    if (FakeBrowserWindow.loadError) throw FakeBrowserWindow.loadError;
    this.loadCount++;
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    this.emit('ready-to-show');
  }
  show(): void {
    this.shown = true;
  }
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.windows;
  }
}

export interface FakeElectron {
  app: FakeApp;
  BrowserWindow: typeof FakeBrowserWindow;
  session: { defaultSession: FakeSession };
  protocol: {
    registerSchemesAsPrivileged(schemes: unknown[]): void;
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
  };
  ipcMain: {
    handlers: Map<string, (event: unknown, input: unknown) => Promise<unknown>>;
    handle(channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>): void;
    removeHandler(channel: string): void;
  };
  Menu: {
    menus: unknown[];
    buildFromTemplate(template: unknown): unknown;
    setApplicationMenu(menu: unknown): void;
  };
  dialog: {
    showOpenDialog(...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }>;
    errorBoxes: Array<[string, string]>;
    showErrorBox(title: string, content: string): void;
    messageBoxes: unknown[][];
    showMessageBox(...args: unknown[]): Promise<{ response: number }>;
  };
  powerMonitor: FakePowerMonitor;
  Notification: { isSupported(): boolean };
}

export class FakePowerMonitor extends EventEmitter {
  /** Test control: what getSystemIdleState answers. */
  idleState: 'active' | 'idle' | 'locked' | 'unknown' = 'active';
  getSystemIdleState(_threshold: number): FakePowerMonitor['idleState'] {
    return this.idleState;
  }
}

export function createFakeElectron(): FakeElectron {
  const app = new FakeApp();
  FakeBrowserWindow.app = app;
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  const menus: unknown[] = [];
  const errorBoxes: Array<[string, string]> = [];
  const messageBoxes: unknown[][] = [];
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    session: { defaultSession: new FakeSession() },
    protocol: {
      registerSchemesAsPrivileged: (schemes) =>
        void (app.calls['protocol.registerSchemesAsPrivileged'] ??= []).push([schemes]),
      handle: (scheme, handler) => void (app.calls['protocol.handle'] ??= []).push([scheme, handler]),
    },
    ipcMain: {
      handlers,
      handle: (channel, handler) => void handlers.set(channel, handler),
      removeHandler: (channel) => void handlers.delete(channel),
    },
    Menu: {
      menus,
      buildFromTemplate: (template) => ({ template }),
      setApplicationMenu: (menu) => void menus.push(menu),
    },
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      errorBoxes,
      showErrorBox: (title, content) => void errorBoxes.push([title, content]),
      messageBoxes,
      showMessageBox: async (...args) => (messageBoxes.push(args), { response: 0 }),
    },
    powerMonitor: new FakePowerMonitor(),
    // No desktop notifications here: the deadline reminder poll does nothing.
    Notification: { isSupported: () => false },
  };
}
