import { defineConfig } from '@playwright/test';

// The renderer runs in Debian's Chromium (Playwright cannot download browsers here) against the test
// bridge; the Electron smoke test runs only where an Electron binary exists.
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // Creating and unlocking a vault runs the real Argon2id cost (64 MiB): on a loaded CI machine that alone
  // can take several seconds, so waits on the screen that follows get more than the default 5 s.
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // This Chromium is the test harness for the renderer, not Amparo's Electron: Playwright starts it
      // without its OS sandbox (chromiumSandbox unset), which a root CI container could not run anyway.
      args: [
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
});
