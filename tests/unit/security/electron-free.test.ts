// The core, the command line and the shared contract must never import Electron: they run under plain
// Node (the `amparo` command, the test bridge, these unit tests). ESLint enforces it too; this test
// also catches require(), dynamic import() and type-only imports.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const FOLDERS = ['electron/core', 'electron/cli', 'shared'];
const CODE = /\.(?:[cm]?[jt]sx?)$/;

const IMPORT_PATTERNS = [
  // import x from 'electron'; import type { X } from "electron/main"; export * from 'electron'
  /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"`](electron(?:\/[^'"`]*)?)['"`]/g,
  // import 'electron';
  /\bimport\s*['"`](electron(?:\/[^'"`]*)?)['"`]/g,
  // require('electron'), import('electron'), import type X = require('electron')
  /\b(?:require|import)\s*\(\s*['"`](electron(?:\/[^'"`]*)?)['"`]\s*\)/g,
];

function electronImports(source: string): string[] {
  return IMPORT_PATTERNS.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1]!));
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(full).isDirectory() ? walk(full) : CODE.test(name) ? [full] : [];
  });
}

describe('Electron-free code', () => {
  it('the detector catches every import form and ignores look-alikes', () => {
    expect(electronImports(`import { app } from 'electron';`)).toEqual(['electron']);
    expect(electronImports(`import type { Session } from "electron";`)).toEqual(['electron']);
    expect(electronImports(`import {\n  a,\n  b,\n} from 'electron/main';`)).toEqual(['electron/main']);
    expect(electronImports(`import 'electron';`)).toEqual(['electron']);
    expect(electronImports(`export * from 'electron';`)).toEqual(['electron']);
    expect(electronImports(`const e = require('electron');`)).toEqual(['electron']);
    expect(electronImports(`const e = await import("electron");`)).toEqual(['electron']);
    expect(electronImports(`import x = require('electron');`)).toEqual(['electron']);
    expect(electronImports(`// the core never imports electron\nimport z from 'zod';`)).toEqual([]);
    expect(electronImports(`import x from 'electron-store';`)).toEqual([]);
    expect(electronImports(`import x from './electron';`)).toEqual([]);
  });

  it('scans a non-empty set of files', () => {
    expect(FOLDERS.flatMap((folder) => walk(path.join(root, folder))).length).toBeGreaterThan(0);
  });

  it.each(FOLDERS)('%s never imports electron', (folder) => {
    const offenders = walk(path.join(root, folder))
      .map((file) => ({
        file: path.relative(root, file),
        imports: electronImports(readFileSync(file, 'utf8')),
      }))
      .filter((entry) => entry.imports.length > 0);
    expect(offenders).toEqual([]);
  });
});
