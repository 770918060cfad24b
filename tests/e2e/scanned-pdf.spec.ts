// Scanned documents: their page images are CCITT Group 4 fax, JBIG2 or JPEG 2000, which pdf.js decodes
// only with the decoder modules the build ships (pdfjs/ next to the bundle). Each fixture (made by
// tests/e2e/assets/make-scans.sh) is one scanned page, about 30 % black; the preview's canvas must show
// it, not a blank page, and the JPEG 2000 page its red and blue blocks.
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { createCaseThroughUi, createVaultThroughUi, expect, test } from './fixtures';

const PASS = 'Escaneos de la Fiscalía, legibles siempre';
const SCANS = ['scan-ccitt', 'scan-jbig2', 'scan-jpx'] as const;

interface Sample {
  dark: number;
  red: number;
  blue: number;
}

/** Fractions of the canvas that are dark, strongly red and strongly blue. */
function sample(canvas: Locator): Promise<Sample> {
  return canvas.evaluate((element) => {
    const c = element as unknown as {
      width: number;
      height: number;
      getContext(kind: '2d'): { getImageData(...a: number[]): { data: Uint8ClampedArray } };
    };
    if (c.width === 0 || c.height === 0) return { dark: 0, red: 0, blue: 0 };
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    let red = 0;
    let blue = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
      if (a < 128) continue;
      if (r < 80 && g < 80 && b < 80) dark += 1;
      if (r > 150 && g < 80 && b < 80) red += 1;
      if (b > 150 && r < 80 && g < 110) blue += 1;
    }
    const pixels = data.length / 4;
    return { dark: dark / pixels, red: red / pixels, blue: blue / pixels };
  });
}

test('scanned pages in CCITT fax, JBIG2 and JPEG 2000 render in the PDF preview', async ({
  app,
  bridge,
  workDir,
}) => {
  const files = SCANS.map((name) => join(workDir, `${name}.pdf`));
  for (const [i, name] of SCANS.entries()) {
    await copyFile(join(__dirname, 'assets', `${name}.pdf`), files[i]!);
  }
  bridge.setChosenFiles(files);

  await createVaultThroughUi(app, join(workDir, 'boveda'), PASS);
  await createCaseThroughUi(app, 'Expediente escaneado');
  await app.getByRole('tab', { name: 'Evidence' }).click();
  await app.getByRole('button', { name: 'Choose files…' }).click();
  await app.getByRole('button', { name: /^Add \d+ files?$/ }).click();
  await expect(app.getByText('3 files added to the case.')).toBeVisible();

  const rows = app.getByRole('table', { name: 'Evidence' }).getByRole('row');
  for (const name of SCANS) {
    await rows.filter({ hasText: name }).click();
    const canvas = app.getByTestId('evidence-preview-pdf');
    await expect(canvas).toBeVisible();
    await expect(app.getByText('Page 1 of 1')).toBeVisible();
    // The bars and frame of the page: about 30 % black (a blank or failed image gives 0).
    await expect.poll(async () => (await sample(canvas)).dark, { message: name }).toBeGreaterThan(0.15);
    const final = await sample(canvas);
    expect(final.dark, `${name}: not inverted`).toBeLessThan(0.45);
    if (name === 'scan-jpx') {
      expect(final.red, 'JPEG 2000 red block').toBeGreaterThan(0.05);
      expect(final.blue, 'JPEG 2000 blue block').toBeGreaterThan(0.03);
    }
    await app.getByRole('button', { name: 'Back to evidence' }).click();
  }
});
