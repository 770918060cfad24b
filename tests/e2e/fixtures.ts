// Each test gets a fresh app profile and a bridge of its own (no state leaks between tests), and waits
// on visible UI rather than sleeping.
import { test as base, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBridge, type Bridge } from '../bridge/server';

/**
 * Test runs write screenshots to an ignored folder, so a run leaves the tree clean; `npm run screenshots`
 * points AMPARO_SCREENSHOT_DIR at docs/screenshots to refresh the README's pictures on purpose.
 */
const SCREENSHOT_DIR = resolve(
  process.env.AMPARO_SCREENSHOT_DIR ?? join(__dirname, '../../test-results/screenshots'),
);

interface Fixtures {
  /**
   * Background text extraction (and OCR) of evidence: off unless a spec about it asks with
   * `test.use({ extraction: true })`, so the others do not share the machine with it.
   */
  extraction: boolean;
  workDir: string;
  bridge: Bridge;
  app: Page;
}

/** Console errors a test has declared it expects (see expectConsoleErrors), per page. */
const expectedConsoleErrors = new WeakMap<Page, { pattern: RegExp; seen: number }[]>();

/**
 * Declares, for the current test only, console errors it expects (e.g. the browser's "Failed to load
 * resource … 422" for a tampered blob). Only console errors matching one of `patterns` are let through;
 * page errors, outside requests and any other console error still fail the test, and so does a declared
 * pattern that never matched (a stale whitelist hides nothing).
 */
export function expectConsoleErrors(page: Page, patterns: RegExp[]): void {
  const list = expectedConsoleErrors.get(page) ?? [];
  list.push(...patterns.map((pattern) => ({ pattern, seen: 0 })));
  expectedConsoleErrors.set(page, list);
}

export const test = base.extend<Fixtures>({
  extraction: [false, { option: true }],
  workDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'amparo-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  bridge: async ({ workDir, extraction }, use) => {
    const bridge = await startBridge({
      extraction,
      rendererDir: join(__dirname, '../../out/renderer'),
      configDir: join(workDir, 'config'),
      chooseFolder: () => join(workDir, 'chosen-vault'),
    });
    await use(bridge);
    await bridge.close();
    expect(bridge.contractDrift, 'answers or events outside the contract').toEqual([]);
  },
  app: async ({ page, bridge }, use) => {
    const finish = watchPage(page, bridge);
    await page.goto(bridge.url);
    await use(page);
    finish();
  },
});

/**
 * Fails the test (when the returned function is called at its end) on page errors, undeclared console
 * errors, declared ones that never happened, and any request outside the bridge's two origins.
 */
export function watchPage(page: Page, bridge: Bridge): () => void {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const expected = expectedConsoleErrors.get(page)?.find(({ pattern }) => pattern.test(msg.text()));
    if (expected) expected.seen += 1;
    else problems.push(`console: ${msg.text()}`);
  });
  // The app never touches the network: any request that is not the bridge's own origin fails the test.
  page.on('request', (request) => {
    const url = request.url();
    const ours = [bridge.origin, bridge.mediaOrigin, 'data:', 'blob:'].some((prefix) =>
      url.startsWith(prefix),
    );
    if (!ours) problems.push(`network: ${request.url()}`);
  });
  return () => {
    for (const { pattern, seen } of expectedConsoleErrors.get(page) ?? []) {
      if (seen === 0) problems.push(`expected console error never happened: ${pattern}`);
    }
    expect(problems, 'browser errors or outside requests').toEqual([]);
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  // Transitions stopped, so a button caught mid-animation (a spinner leaving) is not what the picture shows.
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });
}

/**
 * Page 1 of a generated PDF as a PNG in the screenshot folder, drawn by poppler's pdftoppm (a reader
 * independent of the app's pdf.js), so the README shows the document itself rather than its preview.
 */
export async function screenshotPdfPage(pdf: Uint8Array, workDir: string, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const source = join(workDir, `${name}.pdf`);
  await writeFile(source, pdf);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    source,
    join(SCREENSHOT_DIR, name),
  ]);
}

/** Fills the "Create a vault" form (folder, passphrase twice) without submitting it. */
export async function fillVaultForm(page: Page, dir: string, passphrase: string): Promise<void> {
  await page.getByLabel('Vault folder').fill(dir);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Confirm passphrase', { exact: true }).fill(passphrase);
}

/** Creates a vault in `dir` through the UI and waits for the (empty) list of cases. */
export async function createVaultThroughUi(page: Page, dir: string, passphrase: string): Promise<void> {
  await fillVaultForm(page, dir, passphrase);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await openCases(page, 'Cases');
}

/** Creates a case with just a title through the UI and waits for its page. */
export async function createCaseThroughUi(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

/**
 * In Spanish from the first screen (its language picker): creates a vault and a case with just a title,
 * and waits for the case's page.
 */
export async function createSpanishVaultAndCase(
  page: Page,
  dir: string,
  passphrase: string,
  title: string,
): Promise<void> {
  await page.getByText('Español', { exact: true }).click();
  await page.getByLabel('Carpeta de la bóveda').fill(dir);
  await page.getByLabel('Frase de contraseña', { exact: true }).fill(passphrase);
  await page.getByLabel('Confirmar frase de contraseña', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Crear bóveda' }).click();
  await openCases(page, 'Casos', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Nuevo caso' }).click();
  await page.getByLabel('Título').fill(title);
  await page.getByRole('button', { name: 'Crear caso' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

/**
 * After unlock the dashboard opens first (or, after a lock in this run, the screen the user was on); a spec
 * that starts from the case list goes there through the navigation (and stays put if it is already there).
 */
export async function openCases(
  page: Page,
  name: 'Casos' | 'Cases',
  options?: { timeout?: number },
): Promise<void> {
  const nav = page.getByRole('navigation').getByRole('button', { name, exact: true });
  await expect(nav).toBeVisible(options);
  if (!(await page.getByRole('heading', { name, exact: true }).isVisible())) await nav.click();
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
}

export { expect };
