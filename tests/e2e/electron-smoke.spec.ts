// Smoke test of the real Electron shell: the built app starts on a fresh profile, shows one window served
// from app://amparo, exposes window.amparo, keeps Node out of the page, and answers IPC. It needs the
// Electron binary, which `npm install` downloads; where it is absent (ELECTRON_SKIP_BINARY_DOWNLOAD, no
// network) the test is skipped with a clear message instead of failing.
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const MAIN_ENTRY = path.join(ROOT, 'out', 'main', 'index.js');
const SKIP_MESSAGE =
  '[electron-smoke] skipped: Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD) — run npm install with network to enable';
const ROOT_SKIP_MESSAGE =
  "[electron-smoke] skipped: running as root, where Chromium's sandbox cannot start — run as a normal user";

/**
 * The Electron executable, found the way the `electron` package finds it — without requiring that
 * package, whose index tries to download the binary when it is missing.
 */
function findElectronBinary(): string | null {
  const packageDir = path.join(ROOT, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const candidate = override
    ? path.join(override, relative || 'electron')
    : relative
      ? path.join(packageDir, 'dist', relative)
      : null;
  return candidate && existsSync(candidate) ? candidate : null;
}

test.describe('Electron shell', () => {
  let app: ElectronApplication | undefined;
  let userData: string | undefined;

  test.afterEach(async () => {
    await app?.close();
    if (userData) await rm(userData, { recursive: true, force: true });
  });

  test('opens a sandboxed, bridged window titled Amparo', async () => {
    const binary = findElectronBinary();
    if (!binary) console.log(SKIP_MESSAGE);
    test.skip(!binary, SKIP_MESSAGE);
    if (!existsSync(MAIN_ENTRY)) throw new Error(`${MAIN_ENTRY} is missing: run \`npm run build\` first`);

    userData = await mkdtemp(path.join(tmpdir(), 'amparo-electron-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    // Production mode (app:// protocol), a fresh profile, and no Node-mode leftovers from the test runner.
    delete env['ELECTRON_RENDERER_URL'];
    delete env['ELECTRON_RUN_AS_NODE'];
    delete env['NODE_OPTIONS'];
    env['AMPARO_USER_DATA'] = userData;

    // Playwright adds --no-sandbox on Linux unless chromiumSandbox is set; Amparo never runs without its
    // sandbox, so neither does this test. Chromium's sandbox cannot start as root (CI containers).
    const asRoot = process.getuid?.() === 0;
    if (asRoot) console.log(ROOT_SKIP_MESSAGE);
    test.skip(asRoot, ROOT_SKIP_MESSAGE);
    app = await electron.launch({
      executablePath: binary!,
      args: [MAIN_ENTRY],
      env,
      cwd: ROOT,
      chromiumSandbox: true,
    });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');

    expect(page.url()).toMatch(/^app:\/\/amparo\//);
    const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
    expect(title).toBe('Amparo');

    const globals = await page.evaluate(() => {
      const g = globalThis as Record<string, unknown>;
      return {
        amparo: typeof g['amparo'],
        vault: typeof (g['amparo'] as Record<string, unknown> | undefined)?.['vault'],
        require: typeof g['require'],
        process: typeof g['process'],
        module: typeof g['module'],
      };
    });
    expect(globals).toEqual({
      amparo: 'object',
      vault: 'object',
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
    });

    // A round trip through the preload, the sender check and the core.
    const status = await page.evaluate(async () => {
      const api = (globalThis as unknown as { amparo: { vault: { status(): Promise<unknown> } } }).amparo;
      return api.vault.status();
    });
    expect(status).toMatchObject({ ok: true, value: { state: 'none' } });

    // Remote content is refused (CSP in the page, webRequest filter in the session).
    const remote = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'loaded',
        () => 'blocked',
      ),
    );
    expect(remote).toBe('blocked');
  });
});
