// Packaging, as far as this machine can prove it: electron-builder builds the Linux app folder (the
// `dir` target, the same step the AppImage and .deb targets start from) from the real electron-builder.yml
// and the real bundles, with a stand-in Electron distribution (no Electron binary can be downloaded
// here). The stand-in is a tiny script carrying Electron 45's fuse wire, so the fuse flipping is real.
// Not proven here: that the real Electron binary starts the packaged app, the AppImage/.deb/NSIS/DMG
// formats themselves (their tools are downloaded at packaging time), signing. See README "Packaging".
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../../..');
const require = createRequire(path.join(root, 'package.json'));
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron 45's factory fuse wire (version 1, nine fuses, '1' = on): RunAsNode, CookieEncryption,
// NodeOptions, NodeCliInspect, EmbeddedAsarIntegrity, OnlyLoadAppFromAsar, BrowserV8Snapshot,
// GrantFileProtocolExtraPrivileges, WasmTrapHandlers.
const FACTORY_WIRE = '101100011';

let work: string;
let appDir: string;
let asarFiles: string[];

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'amparo-package-'));
  // The real bundles: built here when missing (a unit run without `npm run build` first). The package's
  // "exports" do not list its bin script, so it is found by its path in node_modules.
  if (!existsSync(path.join(root, 'out/main/index.js'))) {
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
      {
        cwd: root,
        stdio: 'ignore',
      },
    );
  }
  const dist = path.join(work, 'electron-dist');
  mkdirSync(path.join(dist, 'resources'), { recursive: true });
  const standIn = `#!/bin/sh\necho 'stand-in Electron'; exit 1\n# ${SENTINEL}\x01\x09${FACTORY_WIRE}\n`;
  for (const file of ['electron', 'chrome-sandbox']) {
    writeFileSync(path.join(dist, file), standIn, 'latin1');
    chmodSync(path.join(dist, file), 0o755);
  }
  writeFileSync(path.join(dist, 'version'), '45.4.1');

  const { build, Platform } = require('electron-builder') as typeof import('electron-builder');
  // electron-builder loads electron-builder.yml from the project itself and merges these overrides in.
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: {
      electronDist: dist,
      directories: { output: path.join(work, 'dist'), buildResources: 'resources' },
    },
  });
  appDir = path.join(work, 'dist', 'linux-unpacked');
  const asar = require('@electron/asar') as { listPackage(file: string): string[] };
  asarFiles = asar
    .listPackage(path.join(appDir, 'resources', 'app.asar'))
    .map((f) => f.replaceAll('\\', '/'));
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('electron-builder --linux dir (stand-in Electron)', () => {
  it('names the executable amparo and keeps chrome-sandbox for the SUID fallback', () => {
    expect(existsSync(path.join(appDir, 'amparo'))).toBe(true);
    expect(existsSync(path.join(appDir, 'chrome-sandbox'))).toBe(true);
  });

  it('flips the fuses in the binary exactly as electron-builder.yml says', () => {
    const binary = readFileSync(path.join(appDir, 'amparo'), 'latin1');
    const at = binary.indexOf(SENTINEL) + SENTINEL.length;
    expect(binary.charCodeAt(at)).toBe(1);
    const wire = binary.slice(at + 2, at + 2 + binary.charCodeAt(at + 1));
    // RunAsNode off, cookie encryption on, NODE_OPTIONS off, --inspect off, asar integrity on,
    // app only from asar on, browser V8 snapshot off, file:// privileges off; wasm trap handlers untouched.
    expect(wire).toBe('010011001');
  });

  it('packs the built bundles and the decoders, without source maps', () => {
    for (const file of [
      '/package.json',
      '/out/main/index.js',
      '/out/main/cli.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/out/renderer/pdfjs/jbig2_nowasm_fallback.js',
      '/out/renderer/pdfjs/openjpeg_nowasm_fallback.js',
    ]) {
      expect(asarFiles, file).toContain(file);
    }
    expect(asarFiles.filter((f) => f.startsWith('/out/') && f.endsWith('.map'))).toEqual([]);
    // Every decoder module this pdf.js version imports from `wasmUrl` is there (guards an upgrade).
    const worker = readFileSync(require.resolve('pdfjs-dist/build/pdf.worker.mjs'), 'utf8');
    const wanted = [...new Set([...worker.matchAll(/wasmUrl\}(\w+_nowasm_fallback\.js)/g)].map((m) => m[1]))];
    expect(wanted.sort()).toEqual(['jbig2_nowasm_fallback.js', 'openjpeg_nowasm_fallback.js']);
    for (const name of wanted) expect(asarFiles).toContain(`/out/renderer/pdfjs/${name}`);
    expect(asarFiles.filter((f) => f.startsWith('/src') || f.startsWith('/tests'))).toEqual([]);
  });

  it('ships the production dependencies and their own runtime dependencies, no dev dependencies', () => {
    const modules = new Set(
      asarFiles
        .map((f) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(f)?.[1])
        .filter((m): m is string => m !== undefined && !m.endsWith('@signalapp')),
    );
    for (const name of ['@signalapp/sqlcipher', 'exifreader', 'hash-wasm', 'zod', 'node-gyp-build']) {
      expect(modules, name).toContain(name);
    }
    for (const dev of ['electron', 'react', 'pdfjs-dist', 'vite', 'electron-builder', '@mantine/core']) {
      expect(modules, dev).not.toContain(dev);
    }
  });

  it('ships the AppArmor profile for an extracted AppImage beside app.asar', () => {
    const profile = readFileSync(path.join(appDir, 'resources/apparmor/amparo-appimage'), 'utf8');
    expect(profile).toMatch(
      /^profile amparo-appimage \/opt\/amparo-appimage\/amparo flags=\(unconfined\) \{$/m,
    );
    expect(profile).toMatch(/^\s*userns,$/m);
  });

  it('unpacks the SQLCipher native module for Linux x64 outside the asar', () => {
    const native = path.join(
      appDir,
      'resources/app.asar.unpacked/node_modules/@signalapp/sqlcipher/prebuilds/linux-x64/@signalapp+sqlcipher.node',
    );
    expect(readFileSync(native).subarray(0, 4).toString('latin1')).toBe('\x7fELF');
  });
});

describe('metadata the .deb and AppImage targets need', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

  it('has a homepage (the deb target refuses to build without one)', () => {
    expect(String(pkg['homepage'])).toMatch(/^https:\/\/[^/]+\//);
  });

  it('the development profile is a template for one Electron binary, granting only userns', () => {
    const profile = readFileSync(path.join(root, 'resources/apparmor/amparo-dev.in'), 'utf8');
    const rules = profile
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    expect(rules).toEqual([
      'abi <abi/4.0>,',
      'include <tunables/global>',
      'profile amparo-dev "@ELECTRON@" flags=(unconfined) {',
      'userns,',
      'include if exists <local/amparo-dev>',
      '}',
    ]);
  });

  it("keeps electron-builder's own deb scripts, which install the AppArmor userns profile", () => {
    const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<
      string,
      Record<string, unknown> | undefined
    >;
    for (const key of ['afterInstall', 'afterRemove', 'appArmorProfile']) {
      expect(config['deb']?.[key], key).toBeUndefined();
      expect(config['linux']?.[key], key).toBeUndefined();
    }
    const templates = path.join(
      path.dirname(require.resolve('app-builder-lib/package.json')),
      'templates/linux',
    );
    expect(readFileSync(path.join(templates, 'apparmor-profile.tpl'), 'utf8')).toMatch(/^\s*userns,/m);
    expect(readFileSync(path.join(templates, 'after-install.tpl'), 'utf8')).toContain('/etc/apparmor.d/');
  });
});
