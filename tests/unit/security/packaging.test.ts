// Packaging, as far as this machine can prove it: electron-builder builds the Linux app folder (the
// `dir` target, the same step the AppImage and .deb targets start from) from the real electron-builder.yml
// and the real bundles, with a stand-in Electron distribution (no Electron binary can be downloaded
// here), then runs the deb target up to the point where it would start fpm. The stand-in is a tiny
// script carrying Electron 45's fuse wire, so the fuse flipping is real.
// Not proven here: that the real Electron binary starts the packaged app, the AppImage/.deb/NSIS/DMG
// files themselves (their tools are downloaded at packaging time), signing. See README "Packages".
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { locateFonts } from '../../../electron/core/filings/render/fonts';

const root = path.resolve(__dirname, '../../..');
const require = createRequire(path.join(root, 'package.json'));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron 45's factory fuse wire (version 1, nine fuses, '1' = on): RunAsNode, CookieEncryption,
// NodeOptions, NodeCliInspect, EmbeddedAsarIntegrity, OnlyLoadAppFromAsar, BrowserV8Snapshot,
// GrantFileProtocolExtraPrivileges, WasmTrapHandlers.
const FACTORY_WIRE = '101100011';

let work: string;
let appDir: string;
let asarFiles: string[];
let fpmArgs: string[] = [];
let afterInstall = '';

function fpmOption(name: string): string | undefined {
  const at = fpmArgs.indexOf(name);
  return at < 0 ? undefined : fpmArgs[at + 1];
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'amparo-package-'));
  // The real bundles: `npm test` builds before the unit tests; a lone run of this file builds them if
  // missing (electron-vite's package exports do not include its bin: find it from its main entry).
  if (!existsSync(path.join(root, 'out/main/index.js'))) {
    const electronVite = path.join(path.dirname(require.resolve('electron-vite')), '../bin/electron-vite.js');
    execFileSync(process.execPath, [electronVite, 'build'], {
      cwd: root,
      stdio: 'ignore',
    });
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
    // The deb target runs for real up to the fpm call (fpm is downloaded at packaging time): it checks
    // the metadata (no homepage: "Please specify project homepage"), writes the install scripts and copies
    // the AppArmor profile into the app folder. electron-builder's hook hands over fpm's arguments, and
    // answering true stops it there.
    targets: Platform.LINUX.createTarget(['dir', 'deb']),
    publish: 'never',
    config: {
      electronDist: dist,
      directories: { output: path.join(work, 'dist'), buildResources: 'resources' },
    },
    effectiveOptionComputed: async (options: unknown) => {
      if (Array.isArray(options) && Array.isArray(options[0])) {
        fpmArgs = options[0] as string[];
        // electron-builder removes its temporary files when the build ends.
        afterInstall = readFileSync(String(fpmOption('--after-install')), 'utf8');
      }
      return true;
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
    for (const name of Object.keys(pkg['dependencies'] as Record<string, string>).concat('node-gyp-build')) {
      expect(modules, name).toContain(name);
    }
    for (const dev of ['electron', 'react', 'vite', 'electron-builder', '@mantine/core']) {
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

  // Generated documents (filings, binders): the fonts and their licence beside app.asar, where the core looks.
  it('ships the document fonts with their licence where the core finds them', () => {
    const resources = path.join(appDir, 'resources');
    for (const file of [
      'LiberationSerif-Regular.ttf',
      'LiberationMono-Regular.ttf',
      'LICENSE-Liberation.txt',
    ]) {
      expect(existsSync(path.join(resources, 'fonts', file)), file).toBe(true);
    }
    expect(locateFonts(resources, path.join(resources, 'app.asar', 'out', 'main'))).toBe(
      path.join(resources, 'fonts'),
    );
  });

  it('unpacks the SQLCipher native module for Linux x64 outside the asar', () => {
    const native = path.join(
      appDir,
      'resources/app.asar.unpacked/node_modules/@signalapp/sqlcipher/prebuilds/linux-x64/@signalapp+sqlcipher.node',
    );
    expect(readFileSync(native).subarray(0, 4).toString('latin1')).toBe('\x7fELF');
  });
});

// OCR (electron/core/extraction/ocr/paths.ts): tesseract.js starts its worker thread from a real file.
describe('OCR files outside the asar', () => {
  it('unpacks the tesseract.js worker with everything it requires, the language data and the canvas module', () => {
    const unpacked = path.join(appDir, 'resources/app.asar.unpacked/node_modules');
    const requireFromWorker = createRequire(
      path.join(unpacked, 'tesseract.js/src/worker-script/node/index.js'),
    );
    for (const name of [
      '..',
      'bmp-js',
      'is-url',
      'regenerator-runtime/runtime',
      'wasm-feature-detect',
      'zlibjs',
      'tesseract.js-core/tesseract-core-relaxedsimd-lstm',
      'tesseract.js-core/tesseract-core-simd-lstm',
      'tesseract.js-core/tesseract-core-lstm',
    ]) {
      expect(requireFromWorker.resolve(name).startsWith(unpacked), name).toBe(true);
    }
    const wasm = readFileSync(path.join(unpacked, 'tesseract.js-core/tesseract-core-relaxedsimd-lstm.wasm'));
    expect(wasm.subarray(0, 4).toString('latin1')).toBe('\0asm');
    for (const lang of ['spa', 'eng']) {
      const data = readFileSync(
        path.join(unpacked, `@tesseract.js-data/${lang}/4.0.0_best_int/${lang}.traineddata.gz`),
      );
      expect([data[0], data[1]], lang).toEqual([0x1f, 0x8b]);
    }
    const canvas = path.join(unpacked, '@napi-rs/canvas-linux-x64-gnu/skia.linux-x64-gnu.node');
    expect(readFileSync(canvas).subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    expect(existsSync(path.join(unpacked, 'pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf'))).toBe(
      true,
    );
  });
});

describe('AppArmor profiles and the deb scripts', () => {
  it('gives the deb its homepage, maintainer and licence, and installs under /opt/Amparo', () => {
    expect(fpmOption('--url')).toBe(pkg['homepage']);
    expect(fpmOption('--maintainer')).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(fpmOption('--license')).toBe('AGPL-3.0-or-later');
    expect(fpmOption('--name')).toBe('amparo');
    expect(fpmArgs).toContain(`${appDir}/=/opt/Amparo`);
  });

  it("the deb's install script loads the AppArmor profile it carries for /opt/Amparo/amparo", () => {
    expect(afterInstall).toContain('/etc/apparmor.d/');
    expect(afterInstall).toContain("'/opt/Amparo/resources/apparmor-profile'");
    expect(afterInstall).toContain('apparmor_parser');
    const profile = readFileSync(path.join(appDir, 'resources/apparmor-profile'), 'utf8');
    expect(profile).toContain('/opt/Amparo/amparo');
    expect(profile).toMatch(/^\s*userns,$/m);
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
