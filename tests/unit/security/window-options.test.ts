import { describe, expect, it } from 'vitest';
import { buildWindowOptions } from '../../../electron/main/window-options';

describe('main window options', () => {
  const production = buildWindowOptions({ preloadPath: '/app/out/preload/index.cjs', isPackaged: true });
  const development = buildWindowOptions({ preloadPath: '/app/out/preload/index.cjs', isPackaged: false });

  it('isolates and sandboxes the renderer', () => {
    expect(production.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
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
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: false,
    });
  });

  it('offers devtools only in development', () => {
    expect(production.webPreferences?.devTools).toBe(false);
    expect(development.webPreferences?.devTools).toBe(true);
    const { devTools: _p, ...prodRest } = production.webPreferences ?? {};
    const { devTools: _d, ...devRest } = development.webPreferences ?? {};
    expect(devRest).toEqual(prodRest);
  });

  it('never sets a preference that weakens isolation', () => {
    const prefs = production.webPreferences as Record<string, unknown>;
    for (const key of ['enableBlinkFeatures', 'additionalArguments', 'partition', 'session', 'plugins']) {
      expect(prefs[key]).toBeUndefined();
    }
  });

  it('is titled Amparo and stays hidden until ready', () => {
    expect(production.title).toBe('Amparo');
    expect(production.show).toBe(false);
  });
});
