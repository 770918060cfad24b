// Where the shell finds its bundles and its profile folder. Electron-free.
import path from 'node:path';

/** `out/main` holds this bundle; the preload and the renderer are its siblings (electron.vite.config.ts). */
export function bundlePaths(mainDir: string): { preload: string; renderer: string } {
  return {
    preload: path.join(mainDir, '..', 'preload', 'index.cjs'),
    renderer: path.join(mainDir, '..', 'renderer'),
  };
}

/**
 * `AMPARO_USER_DATA` points the profile (settings.json, Chromium's own files) at another folder, so each
 * end-to-end test starts from a fresh one. Only an absolute path is accepted.
 */
export function resolveUserDataOverride(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '' || value.includes('\0')) return null;
  return path.isAbsolute(value) ? path.normalize(value) : null;
}
