// Search inside the evidence, in Spanish, in the real renderer over the test bridge and the real core: a
// PDF with a text layer and a Word file made here are added to a case, their text is read in the
// background, a word from page 2 of the PDF is found with its page and method, and opening the hit shows
// the PDF at that page with the word marked over the drawn page. Turning the item's text off removes the
// hit; the vault switch turns reading off for new documents.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Bridge } from '../bridge/server';
import { precautionaryRequest } from '../support/fixtures';
import { letterPhotoJpeg } from '../unit/extraction/ocr-fixtures';
import { expect, openCases, screenshot, test } from './fixtures';
import { call } from './support';

// These specs are about the background extraction: it runs here (the fixture holds it elsewhere).
test.use({ extraction: true });

const PASS = 'Actas de Tlacotalpan, leídas en la bóveda';
const CASE_TITLE = 'Comunidad de San Isidro — desplazamiento forzado';
/** Only on page 2 of the PDF. */
const PDF_WORD = 'Chicontepec';
/** Only in the Word file. */
const DOCX_WORD = 'Zongolica';

/** A three-page report with a text layer; the distinctive word is on page 2 only, after other words. */
async function reportPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = [
    ['Fiscalía General del Estado de Veracruz', 'Informe sobre la denuncia presentada el 12 de marzo.'],
    [
      'Diligencias practicadas',
      `El personal ministerial se trasladó a la localidad de ${PDF_WORD} el 14 de marzo.`,
      'Se entrevistó a tres personas de la comunidad desplazada.',
    ],
    ['Conclusiones', 'Se ordena continuar la investigación.'],
  ];
  for (const lines of pages) {
    const page = doc.addPage([612, 792]);
    lines.forEach((line, i) =>
      page.drawText(line, { x: 72, y: 700 - i * 28, size: i === 0 ? 16 : 12, font }),
    );
  }
  return doc.save();
}

async function letterDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: 'Escrito de la comunidad', bold: true })] }),
          new Paragraph(`Las familias salieron de ${DOCX_WORD} tras las amenazas de marzo.`),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

async function seed(bridge: Bridge, app: Page, workDir: string): Promise<void> {
  await call(bridge, 'settings:update', { language: 'es' });
  await call(bridge, 'vault:create', { path: join(workDir, 'boveda'), passphrase: PASS });
  await call(bridge, 'matters:create', precautionaryRequest({ reference: 'MC-415-24', title: CASE_TITLE }));
  await app.reload();
  await openCases(app, 'Casos');
}

async function search(app: Page, words: string): Promise<void> {
  await app.getByRole('navigation').getByRole('button', { name: 'Búsqueda' }).click();
  await app.getByRole('searchbox', { name: 'Buscar' }).fill(words);
  await app.getByRole('button', { name: 'Buscar', exact: true }).click();
}

/** The box of the element, which must lie over the canvas. */
async function within(inner: Locator, outer: Locator): Promise<boolean> {
  const [a, b] = await Promise.all([inner.boundingBox(), outer.boundingBox()]);
  if (!a || !b || a.width <= 0 || a.height <= 0) return false;
  return a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
}

test('a word inside a PDF and a Word file is found, opened at its page and marked; then turned off', async ({
  app,
  bridge,
  workDir,
}) => {
  test.setTimeout(180_000);
  const pdfPath = join(workDir, 'informe-fiscalia.pdf');
  const docxPath = join(workDir, 'escrito-comunidad.docx');
  await writeFile(pdfPath, await reportPdf());
  await writeFile(docxPath, await letterDocx());
  bridge.setChosenFiles([pdfPath, docxPath]);
  await seed(bridge, app, workDir);

  await app.getByRole('row', { name: new RegExp(CASE_TITLE) }).click();
  await app.getByRole('tab', { name: 'Pruebas' }).click();
  await app.getByRole('button', { name: 'Elegir archivos…' }).click();
  await app.getByRole('button', { name: 'Agregar 2 archivos' }).click();
  await expect(app.getByText('Se agregaron 2 archivos al caso.')).toBeVisible();

  // Both are read in the background: each row ends with its text searchable.
  const rows = app.getByRole('table', { name: 'Pruebas' }).getByRole('row');
  for (const name of ['informe-fiscalia', 'escrito-comunidad']) {
    await expect(rows.filter({ hasText: name }).getByTestId('extraction-state')).toHaveAttribute(
      'data-state',
      'done',
      { timeout: 60_000 },
    );
  }

  await app.setViewportSize({ width: 1280, height: 800 });
  await screenshot(app, 'evidence-text-list-1280');
  await app.setViewportSize({ width: 1024, height: 700 });
  await rows.last().scrollIntoViewIfNeeded();
  await screenshot(app, 'evidence-text-list-1024');

  // The word of page 2: one document hit, naming the item, the page and how the text was read.
  await search(app, PDF_WORD.toLowerCase());
  const hit = app.getByTestId('document-hit');
  await expect(hit).toHaveCount(1);
  await expect(hit.getByTestId('document-hit-title')).toHaveText('informe-fiscalia');
  await expect(hit.getByTestId('document-hit-page')).toHaveText('Página 2');
  await expect(hit.getByTestId('document-hit-method')).toHaveText('Texto del PDF');
  await expect(hit.locator('mark')).toHaveText(PDF_WORD);
  await app.setViewportSize({ width: 1280, height: 800 });
  await screenshot(app, 'evidence-text-search-1280');
  await app.setViewportSize({ width: 1024, height: 700 });
  await screenshot(app, 'evidence-text-search-1024');
  await app.setViewportSize({ width: 1280, height: 800 });

  // Opened: the PDF at page 2, the word marked over the drawn page.
  await hit.click();
  await expect(app.getByText('Página 2 de 3')).toBeVisible();
  const canvas = app.getByTestId('evidence-preview-pdf');
  await expect(canvas).toHaveAttribute('data-rendered', '2');
  const mark = app.getByTestId('page-highlight');
  await expect(mark).toHaveCount(1);
  await expect.poll(() => within(mark, canvas)).toBe(true);
  await expect(app.getByTestId('page-marks')).toHaveText('1 coincidencia marcada en esta página');
  await mark.scrollIntoViewIfNeeded();
  await screenshot(app, 'evidence-text-preview-1280');
  await app.setViewportSize({ width: 1024, height: 700 });
  await screenshot(app, 'evidence-text-preview-1024');
  await app.setViewportSize({ width: 1280, height: 800 });

  // The Word file's word: found, as Word text.
  await app.getByRole('button', { name: 'Volver a la búsqueda' }).first().click();
  await search(app, DOCX_WORD);
  await expect(hit).toHaveCount(1);
  await expect(hit.getByTestId('document-hit-title')).toHaveText('escrito-comunidad');
  await expect(hit.getByTestId('document-hit-method')).toHaveText('Documento de Word');

  // The PDF's text turned off (after confirming): its hit is gone.
  await search(app, PDF_WORD);
  await hit.click();
  await app.getByRole('switch', { name: 'Incluir el texto de este documento en la búsqueda' }).click();
  const confirm = app.getByRole('dialog', { name: '¿Quitar el texto de este documento de la búsqueda?' });
  await confirm.getByRole('button', { name: 'Quitar su texto' }).click();
  await expect(confirm).toBeHidden();
  await expect(app.getByTestId('extraction-state')).toHaveAttribute('data-state', 'disabled');
  await app.getByRole('region', { name: 'Texto para la búsqueda' }).scrollIntoViewIfNeeded();
  await screenshot(app, 'evidence-text-item-off-1280');
  await app.getByRole('button', { name: 'Volver a la búsqueda' }).first().click();
  await search(app, PDF_WORD);
  await expect(app.getByText('No se encontró nada.')).toBeVisible();
  await expect(hit).toHaveCount(0);

  // The vault switch off: said so in Settings and on an item.
  await app.getByRole('navigation').getByRole('button', { name: 'Configuración' }).click();
  const vaultSwitch = app.getByRole('switch', {
    name: 'Leer el texto de los documentos para que la búsqueda lo encuentre',
  });
  await expect(vaultSwitch).toBeChecked();
  await vaultSwitch.scrollIntoViewIfNeeded();
  await screenshot(app, 'evidence-text-settings-1280');
  await vaultSwitch.click();
  await expect(vaultSwitch).not.toBeChecked();
  await app.reload();
  await openCases(app, 'Casos');
  await app.getByRole('navigation').getByRole('button', { name: 'Configuración' }).click();
  await expect(vaultSwitch).not.toBeChecked();
});

test('a paused queue holds new documents until resumed; a file that cannot be read says why', async ({
  app,
  bridge,
  workDir,
}) => {
  test.setTimeout(120_000);
  const goodPath = join(workDir, 'escrito-comunidad.docx');
  const brokenPath = join(workDir, 'acta-danada.docx');
  await writeFile(goodPath, await letterDocx());
  // A Word file cut in half (as from an interrupted download): its text cannot be read.
  const whole = await letterDocx();
  await writeFile(brokenPath, whole.subarray(0, Math.floor(whole.length / 2)));
  const chatPath = join(workDir, 'chat-familia.txt');
  await writeFile(
    chatPath,
    [
      '12/03/24, 09:14 - Rosa: Ya llegaron a la casa de la tía',
      '12/03/24, 09:20 - Juan: ¿Vieron la camioneta en Tepetzintla otra vez?',
      '12/03/24, 09:21 - Rosa: Sí, estaba frente a la escuela',
    ].join('\n'),
  );
  bridge.setChosenFiles([goodPath, brokenPath, chatPath]);
  await seed(bridge, app, workDir);

  // Paused from Settings before anything is added.
  await app.getByRole('navigation').getByRole('button', { name: 'Configuración' }).click();
  const settingsQueue = app.getByRole('region', { name: 'Lectura del texto de los documentos' });
  await settingsQueue.getByRole('button', { name: 'Pausar' }).click();
  await expect(settingsQueue.getByText('En pausa. No se lee nada hasta que lo reanude.')).toBeVisible();

  await app.getByRole('navigation').getByRole('button', { name: 'Casos' }).click();
  await app.getByRole('row', { name: new RegExp(CASE_TITLE) }).click();
  await app.getByRole('tab', { name: 'Pruebas' }).click();
  await app.getByRole('button', { name: 'Elegir archivos…' }).click();
  await app.getByRole('button', { name: 'Agregar 3 archivos' }).click();
  await expect(app.getByText('Se agregaron 3 archivos al caso.')).toBeVisible();

  // All wait while paused; the queue panel above the list says so.
  const rows = app.getByRole('table', { name: 'Pruebas' }).getByRole('row');
  const state = (name: string) => rows.filter({ hasText: name }).getByTestId('extraction-state');
  await expect(state('escrito-comunidad')).toHaveAttribute('data-state', 'pending');
  await expect(state('acta-danada')).toHaveAttribute('data-state', 'pending');
  const queue = app.getByRole('region', { name: 'Lectura del texto de los documentos' });
  await expect(queue).toContainText('En espera: 3');
  await screenshot(app, 'evidence-text-queue-paused-1280');
  await app.waitForTimeout(1500); // nothing moves while paused: still waiting after a while
  await expect(state('escrito-comunidad')).toHaveAttribute('data-state', 'pending');

  // Resumed: one is read, the other is marked with the reason in words, and the queue goes on.
  await queue.getByRole('button', { name: 'Reanudar' }).click();
  await expect(state('escrito-comunidad')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(state('acta-danada')).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
  await rows.filter({ hasText: 'acta-danada' }).click();
  await expect(app.getByTestId('extraction-reason')).toHaveText(
    'No se pudo leer el archivo como documento (está dañado o no es lo que indica su nombre).',
  );

  // A chat export's hit opens the text with the word marked in it.
  await app.getByRole('button', { name: 'Volver a las pruebas' }).click();
  await expect(state('chat-familia')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await search(app, 'tepetzintla');
  const hit = app.getByTestId('document-hit');
  await expect(hit).toHaveCount(1);
  await expect(hit.getByTestId('document-hit-page')).toHaveCount(0);
  await hit.click();
  await expect(app.getByTestId('text-highlight')).toHaveText('Tepetzintla');
});

test('a photo of a letter is read by OCR; its hit opens the photo with the word marked on it', async ({
  app,
  bridge,
  workDir,
}) => {
  test.setTimeout(240_000);
  const photoPath = join(workDir, 'foto-oficio.jpg');
  await writeFile(photoPath, await letterPhotoJpeg());
  bridge.setChosenFiles([photoPath]);
  await seed(bridge, app, workDir);

  await app.getByRole('row', { name: new RegExp(CASE_TITLE) }).click();
  await app.getByRole('tab', { name: 'Pruebas' }).click();
  await app.getByRole('button', { name: 'Elegir archivos…' }).click();
  await app.getByRole('button', { name: 'Agregar 1 archivo' }).click();
  await expect(
    app
      .getByRole('table', { name: 'Pruebas' })
      .getByRole('row')
      .filter({ hasText: 'foto-oficio' })
      .getByTestId('extraction-state'),
  ).toHaveAttribute('data-state', 'done', { timeout: 180_000 });

  // Typed without its accent, as a lawyer would.
  await search(app, 'xochitl');
  const hit = app.getByTestId('document-hit');
  await expect(hit).toHaveCount(1);
  await expect(hit.getByTestId('document-hit-method')).toHaveText('Texto reconocido (OCR)');
  await expect(hit.locator('mark')).toHaveText(/^Xóchitl/);

  await hit.click();
  const photo = app.getByTestId('evidence-preview-image');
  await expect(photo).toBeVisible();
  const mark = app.getByTestId('page-highlight');
  await expect(mark).toHaveCount(1);
  await expect.poll(() => within(mark, photo)).toBe(true);
  await mark.scrollIntoViewIfNeeded();
  await screenshot(app, 'evidence-text-photo-1280');
});

test('document hits come 20 pages at a time, with the real total, and more on demand', async ({
  app,
  bridge,
  workDir,
}) => {
  test.setTimeout(120_000);
  const PAGES = 25;
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= PAGES; n++) {
    doc.addPage([612, 792]).drawText(`Acta ${n}: comparecencia en Tlacolula de la persona ${n}.`, {
      x: 72,
      y: 700,
      size: 12,
      font,
    });
  }
  const path = join(workDir, 'actas-tlacolula.pdf');
  await writeFile(path, await doc.save());
  bridge.setChosenFiles([path]);
  await seed(bridge, app, workDir);

  await app.getByRole('row', { name: new RegExp(CASE_TITLE) }).click();
  await app.getByRole('tab', { name: 'Pruebas' }).click();
  await app.getByRole('button', { name: 'Elegir archivos…' }).click();
  await app.getByRole('button', { name: 'Agregar 1 archivo' }).click();
  await expect(app.getByRole('table', { name: 'Pruebas' }).getByTestId('extraction-state')).toHaveAttribute(
    'data-state',
    'done',
    { timeout: 60_000 },
  );

  await search(app, 'tlacolula');
  const hits = app.getByTestId('document-hit');
  const total = app.getByTestId('document-total');
  await expect(hits).toHaveCount(20);
  await expect(total).toHaveText('20 de 25 páginas');
  await app.getByRole('button', { name: 'Más páginas de documentos' }).click();
  await expect(hits).toHaveCount(PAGES);
  await expect(total).toHaveText('25 de 25 páginas');
  await expect(app.getByRole('button', { name: 'Más páginas de documentos' })).toHaveCount(0);
  // Every page once.
  const pages = await hits.getByTestId('document-hit-page').allInnerTexts();
  expect(new Set(pages.map((p) => p.toLowerCase())).size).toBe(PAGES);
});
