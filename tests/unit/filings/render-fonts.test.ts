// The shipped fonts: present with their licence, found from the sources, from a bundle and from a
// packaged app's resources folder.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FONT_FILES, fontsDirectory, locateFonts } from '../../../electron/core/filings/render/fonts';

const root = path.resolve(__dirname, '../../..');
const work = mkdtempSync(path.join(tmpdir(), 'amparo-fonts-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('document fonts', () => {
  it('are TrueType files shipped with the SIL Open Font License beside them', () => {
    for (const file of Object.values(FONT_FILES)) {
      const bytes = readFileSync(path.join(root, 'resources/fonts', file));
      // sfnt version 1.0: a TrueType font, not a WOFF (which pdfkit could not embed).
      expect(bytes.readUInt32BE(0), file).toBe(0x00010000);
    }
    const licence = readFileSync(path.join(root, 'resources/fonts/LICENSE-Liberation.txt'), 'utf8');
    expect(licence).toContain('SIL OPEN FONT LICENSE Version 1.1');
    expect(readFileSync(path.join(root, 'resources/fonts/README.md'), 'utf8')).toContain(
      'LICENSE-Liberation.txt',
    );
  });

  it('are found from the sources and from the built bundles of a checkout', () => {
    expect(fontsDirectory()).toBe(path.join(root, 'resources/fonts'));
    expect(locateFonts(undefined, path.join(root, 'out/main'))).toBe(path.join(root, 'resources/fonts'));
  });

  it("are found in a packaged app's resources folder before anything else", () => {
    const resources = path.join(work, 'Amparo', 'resources');
    mkdirSync(path.join(resources, 'fonts'), { recursive: true });
    writeFileSync(path.join(resources, 'fonts', FONT_FILES.serif), 'stand-in');
    expect(locateFonts(resources, path.join(root, 'out/main'))).toBe(path.join(resources, 'fonts'));
  });

  it('are reported missing rather than guessed', () => {
    expect(locateFonts(path.join(work, 'nowhere'), path.join(work, 'nowhere', 'app.asar'))).toBeUndefined();
  });
});
