// Stopping one document while it is being read, in Spanish: a five-page scan (pages drawn here, no text
// layer, so every page goes through OCR) is added to a case; once its first page is read, the lawyer turns
// its text off from the item's "Texto para la búsqueda" panel. The item says it is off, the page already
// read is gone from the vault and from search; turned on again, it is read again from the start and found.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { precautionaryRequest } from '../support/fixtures';
import { renderLetterPng } from '../unit/extraction/ocr-fixtures';
import { expect, openCases, screenshot, test } from './fixtures';
import { call } from './support';

// The background queue is what this spec stops and starts again.
test.use({ extraction: true });

const PASS = 'Actas de Tlacotalpan, leídas en la bóveda';
const CASE_TITLE = 'Colectivo de búsqueda — oficios escaneados';
const PAGES = 5;

/** The rendered Spanish letter on every page, as images only: a scan with no text to take. */
async function scannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(renderLetterPng(150).png);
  for (let i = 0; i < PAGES; i++) {
    doc.addPage([595.28, 841.89]).drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  return doc.save();
}

async function search(app: Page, words: string): Promise<void> {
  await app.getByRole('navigation').getByRole('button', { name: 'Búsqueda' }).click();
  await app.getByRole('searchbox', { name: 'Buscar' }).fill(words);
  await app.getByRole('button', { name: 'Buscar', exact: true }).click();
}

async function openItem(app: Page): Promise<void> {
  await app.getByRole('navigation').getByRole('button', { name: 'Casos' }).click();
  await app.getByRole('row', { name: new RegExp(CASE_TITLE) }).click();
  await app.getByRole('tab', { name: 'Pruebas' }).click();
  await app
    .getByRole('table', { name: 'Pruebas' })
    .getByRole('row')
    .filter({ hasText: 'oficio-escaneado' })
    .click();
}

test('a scan stopped while it is read loses its text; turned on again it is read again', async ({
  app,
  bridge,
  workDir,
}) => {
  test.setTimeout(300_000);
  const scanPath = join(workDir, 'oficio-escaneado.pdf');
  await writeFile(scanPath, await scannedPdf());
  bridge.setChosenFiles([scanPath]);
  await call(bridge, 'settings:update', { language: 'es' });
  await call(bridge, 'vault:create', { path: join(workDir, 'boveda'), passphrase: PASS });
  const matter = await call<{ id: string }>(
    bridge,
    'matters:create',
    precautionaryRequest({ reference: 'MC-512-24', title: CASE_TITLE }),
  );
  await app.reload();
  await openCases(app, 'Casos');

  await app.getByRole('row', { name: new RegExp(CASE_TITLE) }).click();
  await app.getByRole('tab', { name: 'Pruebas' }).click();
  await app.getByRole('button', { name: 'Elegir archivos…' }).click();
  await app.getByRole('button', { name: 'Agregar 1 archivo' }).click();
  await expect(app.getByText('Se agregó 1 archivo al caso.')).toBeVisible();
  const { items } = await call<{ items: { id: string }[] }>(bridge, 'evidence:list', { matterId: matter.id });
  const itemId = items[0]!.id;

  // Being read: the first page is done (its text is in the vault), the others are still to come. A
  // failure says its reason rather than timing out.
  const row = app
    .getByRole('table', { name: 'Pruebas' })
    .getByRole('row')
    .filter({ hasText: 'oficio-escaneado' });
  await expect
    .poll(
      async () => {
        const s = await call<{ state: string; reason: string | null; pagesDone: number }>(
          bridge,
          'extraction:status',
          { id: itemId },
        );
        return s.state === 'running' ? (s.pagesDone > 0 ? 'reading' : 'starting') : `${s.state} ${s.reason}`;
      },
      { timeout: 120_000, intervals: [250] },
    )
    .toBe('reading');
  await expect(row.getByTestId('extraction-state')).toHaveText(
    new RegExp(`Leyendo el texto: página [1-${PAGES - 1}] de ${PAGES}`),
  );
  const during = await call<{ pageCount: number }>(bridge, 'extraction:text', { id: itemId });
  expect(during.pageCount).toBeGreaterThan(0);
  expect(during.pageCount).toBeLessThan(PAGES);

  // Stopped from the item's panel while it is being read.
  await row.click();
  const panel = app.getByRole('region', { name: 'Texto para la búsqueda' });
  await expect(panel.getByTestId('extraction-state')).toHaveAttribute('data-state', 'running');
  await panel.getByRole('switch', { name: 'Incluir el texto de este documento en la búsqueda' }).click();
  const confirm = app.getByRole('dialog', { name: '¿Quitar el texto de este documento de la búsqueda?' });
  await confirm.getByRole('button', { name: 'Quitar su texto' }).click();
  await expect(confirm).toBeHidden();
  await expect(panel.getByTestId('extraction-state')).toHaveAttribute('data-state', 'disabled');
  await expect(panel.getByTestId('extraction-state')).toContainText('Desactivado');
  await expect(
    panel.getByRole('switch', { name: 'Incluir el texto de este documento en la búsqueda' }),
  ).not.toBeChecked();
  await panel.scrollIntoViewIfNeeded();
  await screenshot(app, 'evidence-text-stopped-1280');
  const after = await call<{ pageCount: number; status: { state: string } }>(bridge, 'extraction:text', {
    id: itemId,
  });
  expect(after.pageCount).toBe(0);
  expect(after.status.state).toBe('disabled');
  await search(app, 'xochitl');
  await expect(app.getByText('No se encontró nada.')).toBeVisible();
  await expect(app.getByTestId('document-hit')).toHaveCount(0);

  // Turned on again: queued, read from the first page to the last, and found.
  await openItem(app);
  await panel.getByRole('switch', { name: 'Incluir el texto de este documento en la búsqueda' }).click();
  await expect(panel.getByTestId('extraction-state')).toHaveAttribute('data-state', 'done', {
    timeout: 240_000,
  });
  await expect(panel).toContainText(`${PAGES} páginas de texto`);
  await search(app, 'xochitl');
  await expect(app.getByTestId('document-hit')).toHaveCount(PAGES);
});
