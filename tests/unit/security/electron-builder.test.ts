import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../../..');
const configPath = path.join(root, 'electron-builder.yml');
const config = parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>;
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};

describe('electron-builder.yml', () => {
  it('identifies the app', () => {
    expect(config.appId).toBe('org.amparo.desktop');
    expect(config.productName).toBe('Amparo');
  });

  it('flips every security fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('only the test packaging script re-enables the inspector, and nothing else', () => {
    const overrides = Object.entries(pkg.scripts).flatMap(([name, script]) =>
      [...script.matchAll(/-c\.electronFuses\.(\w+)=(\w+)/g)].map((m) => [name, m[1], m[2]]),
    );
    expect(overrides).toEqual([['package:test', 'enableNodeCliInspectArguments', 'true']]);
    expect(pkg.scripts.package).not.toContain('electronFuses');
  });

  it('packs only the built bundles into an asar, with the native module unpacked', () => {
    expect(config.asar).toBe(true);
    const files = config.files as string[];
    expect(files.filter((f) => !f.startsWith('!'))).toEqual(['out/**', 'package.json']);
    expect(config.asarUnpack).toContain('**/node_modules/@signalapp/sqlcipher/**');
    expect(Object.keys(pkg.dependencies).sort()).toEqual([
      '@napi-rs/canvas',
      // bundles: bech32 keys for age
      '@scure/base',
      '@signalapp/sqlcipher',
      '@tesseract.js-data/eng',
      '@tesseract.js-data/spa',
      'age-encryption',
      'date-holidays',
      'docx',
      'exifreader',
      // search inside the evidence
      'fflate',
      'hash-wasm',
      'html-to-text',
      'ical-generator',
      // search inside the evidence
      'mammoth',
      'pdf-lib',
      'pdfjs-dist',
      'pdfmake',
      'postal-mime',
      'pureimage',
      // bundles: tar headers
      'tar',
      'temporal-polyfill',
      'tesseract.js',
      'zod',
    ]);
  });

  it('has no update or publish channel (an offline app never phones home)', () => {
    expect(config.publish).toBeNull();
  });

  it('targets AppImage + deb, NSIS and DMG', () => {
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((config.win as { target: string[] }).target).toEqual(['nsis']);
    expect((config.mac as { target: string[] }).target).toEqual(['dmg']);
  });

  it("matches electron-builder's own configuration schema", async () => {
    const require = createRequire(path.join(root, 'package.json'));
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      getConfig: (dir: string, file: string, extra: null) => Promise<unknown>;
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const loaded = await getConfig(root, configPath, null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
  });
});
