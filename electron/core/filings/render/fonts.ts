// The fonts every generated document embeds (resources/fonts, SIL OFL 1.1). They are found on disk rather
// than bundled: beside app.asar in a packaged build (electron-builder extraResources), in the checkout's
// resources/ when running from the sources (tests, tsx) or from the built bundles in out/main.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const FONT_FILES = {
  serif: 'LiberationSerif-Regular.ttf',
  serifBold: 'LiberationSerif-Bold.ttf',
  serifItalic: 'LiberationSerif-Italic.ttf',
  serifBoldItalic: 'LiberationSerif-BoldItalic.ttf',
  mono: 'LiberationMono-Regular.ttf',
} as const;
export type FontFace = keyof typeof FONT_FILES;
export type FontSet = Record<FontFace, Buffer>;

/** The family name written into the DOCX (Word looks it up, then falls back to the embedded copy). */
export const SERIF_FAMILY = 'Liberation Serif';
export const MONO_FAMILY = 'Liberation Mono';

/** Where to look, first match wins: `resourcesPath` is Electron's (process.resourcesPath), `from` this module's folder. */
export function locateFonts(resourcesPath: string | undefined, from: string): string | undefined {
  const found: string[] = [];
  // In a packaged app the fonts sit in the resources folder, beside app.asar.
  if (resourcesPath) found.push(path.join(resourcesPath, 'fonts'));
  // From the sources (electron/core/filings/render) or a bundle (out/main), walk up to the checkout.
  let dir = from;
  for (let i = 0; i < 8; i++) {
    found.push(path.join(dir, 'resources', 'fonts'));
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return found.find((d) => existsSync(path.join(d, FONT_FILES.serif)));
}

let cachedDir: string | undefined;

export function fontsDirectory(): string {
  if (cachedDir) return cachedDir;
  const dir = locateFonts((process as { resourcesPath?: string }).resourcesPath, __dirname);
  if (!dir) throw new Error('The fonts for generated documents (resources/fonts) are missing.');
  cachedDir = dir;
  return dir;
}

let cachedFonts: FontSet | undefined;

export function loadFonts(): FontSet {
  if (cachedFonts) return cachedFonts;
  const dir = fontsDirectory();
  const entries = Object.entries(FONT_FILES).map(([face, file]) => [
    face,
    readFileSync(path.join(dir, file)),
  ]);
  cachedFonts = Object.fromEntries(entries) as FontSet;
  return cachedFonts;
}
