// The main window's options, including every security-relevant webPreference, in one Electron-free
// function so a Node unit test can pin them (tests/unit/security/window-options.test.ts).
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the bundled sandboxed preload (out/preload/index.cjs). */
  preloadPath: string;
  /** `app.isPackaged`: devtools exist only in development builds. */
  isPackaged: boolean;
  /** Window icon (Linux/Windows); packaged installers use electron-builder's icon instead. */
  iconPath?: string;
}

function buildWebPreferences(input: Pick<WindowOptionsInput, 'preloadPath' | 'isPackaged'>): WebPreferences {
  return {
    preload: input.preloadPath,
    // The renderer is a web page with no Node and no Electron; it reaches the core only via window.amparo.
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    // Spell checking sends words to a dictionary service and keeps a custom word list on disk.
    spellcheck: false,
    // Dropping a file on the window must not navigate it to file://.
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: !input.isPackaged,
  };
}

export function buildWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Amparo',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: buildWebPreferences(input),
  };
}
