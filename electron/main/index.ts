/// <reference types="electron-vite/node" />
// The Electron main process: a thin shell around the Electron-free core. It owns the app lifecycle, the
// window, the menu, the app:// protocol and the IPC registration; every business rule lives in the core.
// Security rules are in security-policy.ts (pure), hardening.ts, app-protocol.ts, ipc.ts, window-options.ts.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  powerMonitor,
  protocol,
  session,
} from 'electron';
import { startReminders } from './reminders';
import iconAsset from '../../resources/icon.png?asset';
import { createCore, type Core } from '../core';
import type { LockReason } from '../../shared/schemas/vault';
import { Settings } from '../../shared/schemas/settings';
import type { WireResult } from '../../shared/errors';
import { createCrashRecovery } from './crash-recovery';
import { watchScreenLock } from './screen-lock';
import { startupErrorDialog } from './startup-error';
import { APP_SCHEME_DEFINITION, createAppProtocolHandler } from './app-protocol';
import { MEDIA_SCHEME_DEFINITION, createMediaProtocolHandler } from './media-protocol';
import { hardenSession, installAppHardening, type HardeningOptions } from './hardening';
import { forwardCoreEvents, registerIpcHandlers } from './ipc';
import { log, logError } from './log';
import { buildMenuTemplate, createTranslator, pickLanguage, type Translate } from './menu';
import { bundlePaths, resolveUserDataOverride } from './paths';
import { createShellPort } from './shell';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, MEDIA_SCHEME, resolveDevServerUrl } from './security-policy';
import { buildWindowOptions } from './window-options';
import { cliArguments, runCliInApp } from './cli-mode';

const isPackaged = app.isPackaged;
// electron-vite dev sets ELECTRON_RENDERER_URL; a packaged app ignores it (see resolveDevServerUrl).
const devServerUrl = resolveDevServerUrl(process.env['ELECTRON_RENDERER_URL'], isPackaged);
const hardening: HardeningOptions = { devServerUrl, log };
const paths = bundlePaths(__dirname);

// Everything below must happen before `ready`.
const userDataOverride = resolveUserDataOverride(process.env['AMPARO_USER_DATA']);
if (userDataOverride) app.setPath('userData', userDataOverride);
protocol.registerSchemesAsPrivileged([APP_SCHEME_DEFINITION, MEDIA_SCHEME_DEFINITION]);
installAppHardening(app, hardening);
if (process.platform === 'win32') app.setAppUserModelId('org.amparo.desktop');

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;
let translate: Translate = createTranslator('en');
let menuApplied = false;
let disposed = false;
const afterCrash = createCrashRecovery();

const cliArgs = cliArguments(process.argv, process.defaultApp === true);

if (cliArgs) {
  // `amparo <command>` through the installed app: the command line, no window.
  runCliInApp(cliArgs, app);
} else if (!app.requestSingleInstanceLock()) {
  // One instance per profile: two processes must never open the same vault.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Quit on every platform (macOS included) when the window closes: the vault must not stay open
  // in a windowless process.
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', shutdown);
  app.on('will-quit', shutdown);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
  process.on('unhandledRejection', (error) => logError('unhandled rejection', error));

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logError('startup failed', error);
      // Never exit without a word: say what failed and what to do (showErrorBox blocks until read).
      // Before the settings were read, the OS language is the best guess.
      const t = menuApplied ? translate : createTranslator(pickLanguage(undefined, app.getLocale()));
      const { title, content } = startupErrorDialog(error, t);
      dialog.showErrorBox(title, content);
      app.exit(1);
    });
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, hardening);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.renderer));

  const activeCore = await createCore({
    configDir: app.getPath('userData'),
    shell: createShellPort(
      dialog,
      () => mainWindow,
      () => translate,
    ),
    logError,
  });
  core = activeCore;
  // Evidence previews, decrypted on the fly; CORS answers only the page's own origin.
  protocol.handle(
    MEDIA_SCHEME,
    createMediaProtocolHandler(activeCore, devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN),
  );

  registerIpcHandlers(ipcMain, {
    dispatch: activeCore.dispatch,
    trustedWebContentsId: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.id : null),
    policy: { devServerUrl },
    afterCall: (channel, result) => {
      if (channel === 'settings:update') applyMenu(languageSetting(result));
    },
    log,
  });
  forwardCoreEvents(activeCore, (ipcChannel, payload) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(ipcChannel, payload);
  });

  applyMenu(languageSetting(await activeCore.dispatch('settings:get', {})));

  // follow-up: deadline reminders as desktop notifications while a vault is unlocked.
  startReminders({
    dispatch: (channel, input) => activeCore.dispatch(channel, input),
    Notification,
    getWindow: () => mainWindow,
    openDeadline: (request) => activeCore.openDeadline(request),
    translate: () => translate,
    log: logError,
  });

  // Closing the lid, locking the screen, switching user (macOS) or shutting down locks the vault.
  // Screen lock: an event on macOS and Windows, a poll of the idle state on Linux (see screen-lock.ts).
  powerMonitor.on('suspend', () => lock('system'));
  watchScreenLock({ platform: process.platform, powerMonitor, onLocked: () => lock('system') });
  powerMonitor.on('user-did-resign-active', () => lock('system'));
  powerMonitor.on('shutdown', () => lock('system'));

  await createWindow();
  if (activeCore.settingsDamaged) {
    const { title, content } = startupErrorDialog(
      Object.assign(new Error(activeCore.settingsDamaged.reason), {
        name: 'SettingsDamagedError',
        path: activeCore.settingsDamaged.keptAt,
      }),
      translate,
    );
    // No parent window: a dialog attached to a window not shown yet may not appear on Linux.
    void dialog.showMessageBox({ type: 'warning', title, message: title, detail: content });
  }
}

/** The language of a settings:get / settings:update answer, read through the contract's schema. */
function languageSetting(result: WireResult<unknown>): Settings['language'] | undefined {
  if (!result.ok) return undefined;
  const parsed = Settings.pick({ language: true }).safeParse(result.value);
  return parsed.success ? parsed.data.language : undefined;
}

function applyMenu(languageSetting: unknown): void {
  translate = createTranslator(pickLanguage(languageSetting, app.getLocale()));
  menuApplied = true;
  const template = buildMenuTemplate({
    t: translate,
    isDev: !isPackaged,
    platform: process.platform,
    onLockNow: () => lock('user'),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function createWindow(): Promise<void> {
  const window = new BrowserWindow(
    buildWindowOptions({
      preloadPath: paths.preload,
      isPackaged,
      // Development on Linux only: installers set the icon themselves, and resources/ is not packaged.
      ...(process.platform === 'linux' && !isPackaged ? { iconPath: iconAsset } : {}),
    }),
  );
  mainWindow = window;
  // The OS window list, task switcher and screen-sharing pickers always say "Amparo", never a matter name.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  // A crashed or killed renderer loses its screen state: lock rather than leave the vault open behind
  // it, then reload to the unlock screen instead of leaving a blank window.
  window.webContents.on('render-process-gone', (_event, details) => {
    const action = afterCrash(details.reason);
    if (action === 'ignore') return;
    log(`renderer gone: ${details.reason}`);
    void lockNow('system').then(() => {
      if (window.isDestroyed()) return;
      if (action === 'reload') {
        window.loadURL(devServerUrl ?? APP_ENTRY_URL).catch((error: unknown) => logError('reload', error));
        return;
      }
      const crash = Object.assign(new Error(`renderer ${details.reason} (exit code ${details.exitCode})`), {
        name: 'RendererCrashError',
      });
      const { title, content } = startupErrorDialog(crash, translate);
      dialog.showErrorBox(title, content);
      app.quit();
    });
  });

  await window.loadURL(devServerUrl ?? APP_ENTRY_URL);
}

function lock(reason: LockReason): void {
  void lockNow(reason);
}

/** Resolves once the vault is locked (or locking failed, which is logged). */
async function lockNow(reason: LockReason): Promise<void> {
  await core?.lock(reason).catch((error: unknown) => logError(`lock (${reason})`, error));
}

/** Closes the vault and zeroes the key before the process exits; never blocks quitting for long. */
function shutdown(event: { preventDefault(): void }): void {
  if (disposed || !core) return;
  disposed = true;
  event.preventDefault();
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, 5000));
  Promise.race([core.dispose(), timeout])
    .catch((error: unknown) => logError('dispose', error))
    .finally(() => app.quit());
}
