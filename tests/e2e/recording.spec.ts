// Recording what lawyers record, in the real renderer over the bridge: an intake batch edited row by row
// (an invalid date keeps the files out), a repeated file warned about with a link and removed, a PDF
// exported as its copy without metadata (checked with poppler's pdfinfo and pdftotext, outside the app),
// a note with a Markdown table, the length counter and the future-date question on a case, and people
// with a differentiated-approach profile, filtered by it; screenshots in Spanish at two sizes.
import { execFile } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDF_AUTHOR, PDF_PAGE_TEXT, pdfWithMetadata } from '../support/pdf-with-metadata';
import { createCaseThroughUi, createVaultThroughUi, expect, screenshot, test } from './fixtures';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const run = promisify(execFile);
const PASS = 'Ríos de Oaxaca, marzo 2026, sin olvido';
const CASE_TITLE = 'R.M.G. — periodista amenazada en Guerrero';

async function toSpanish(app: Page): Promise<void> {
  await app.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await app.getByRole('radio', { name: 'Español' }).check();
  await expect(app.getByRole('heading', { name: 'Configuración' })).toBeVisible();
}

async function twoSizes(app: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1366, 768],
    [1024, 700],
  ] as const) {
    await app.setViewportSize({ width, height });
    // A dialog is pictured once it has finished fading in (spinners run forever).
    await app.waitForFunction(() =>
      (
        globalThis as unknown as {
          document: {
            getAnimations(): {
              playState: string;
              effect: { getTiming(): { iterations?: number } } | null;
            }[];
          };
        }
      ).document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    );
    await screenshot(app, `${name}-${width}x${height}`);
  }
  // The new screens hold to the same bar as the others: no serious or critical axe violation.
  const { violations } = await new AxeBuilder({ page: app }).analyze();
  expect(
    violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)),
    name,
  ).toEqual([]);
  await app.setViewportSize({ width: 1366, height: 768 });
}

test('intake rows, a repeated file, and a PDF exported without its metadata', async ({
  app,
  bridge,
  workDir,
}) => {
  const acta = join(workDir, 'acta-de-hechos.pdf');
  const foto = join(workDir, 'captura-amenaza.txt');
  await writeFile(acta, pdfWithMetadata());
  await writeFile(foto, 'Mensaje recibido el 14/03/2023: "sabemos dónde vives"');
  bridge.setChosenFiles([acta, foto]);

  await createVaultThroughUi(app, join(workDir, 'boveda'), PASS);
  await createCaseThroughUi(app, CASE_TITLE);
  await app.getByRole('tab', { name: 'Evidence' }).click();
  await app.getByLabel('Source', { exact: true }).fill('R.M.G.');
  await app.getByRole('button', { name: 'Choose files…' }).click();

  // Each row starts from the batch and can differ.
  const rows = app.getByRole('table', { name: 'Files to add' });
  await expect(rows.getByRole('row')).toHaveCount(3);
  await expect(app.getByLabel('Source of acta-de-hechos.pdf')).toHaveValue('R.M.G.');
  await app.getByLabel('Source of captura-amenaza.txt').fill('Colectivo de periodistas');
  await app.getByLabel('Classification of captura-amenaza.txt').click();
  await app.getByRole('option', { name: 'Public' }).click();
  await app.getByLabel('Event date of acta-de-hechos.pdf').fill('2023-03-14');

  // An invalid date anywhere keeps the files out until it is fixed.
  const confirm = app.getByRole('button', { name: 'Add 2 files' });
  await app.getByLabel('Event date of captura-amenaza.txt').fill('2023-14-03');
  await expect(confirm).toBeDisabled();
  await expect(app.getByRole('alert')).toContainText('Fix the marked dates');
  await app.getByLabel('Event date of captura-amenaza.txt').fill('2023-03-15');
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(app.getByText('2 files added to the case.')).toBeVisible();

  const evidence = app.getByRole('table', { name: 'Evidence' });
  await evidence.getByRole('row').filter({ hasText: 'captura-amenaza' }).click();
  const custody = app.getByRole('table', { name: 'Chain of custody' });
  await expect(custody).toContainText('Source: Colectivo de periodistas');
  await expect(app.getByText('Public', { exact: true }).first()).toBeVisible();
  await app.getByRole('button', { name: 'Back to evidence' }).click();

  // The same bytes again under another name: warned at the end, with the item it repeats.
  const again = join(workDir, 'acta (copia).pdf');
  await writeFile(again, pdfWithMetadata());
  bridge.setChosenFiles([again]);
  await app.getByRole('button', { name: 'Choose files…' }).click();
  await app.getByRole('button', { name: 'Add 1 file' }).click();
  const warning = app.getByRole('alert').filter({ hasText: 'Repeated file' });
  await expect(warning).toContainText('“acta (copia).pdf” has the same content (SHA-256)');
  await expect(warning.getByRole('button', { name: 'acta-de-hechos' })).toBeVisible();
  await expect(evidence.getByRole('row')).toHaveCount(4);
  await warning.getByRole('button', { name: 'Remove the duplicate “acta (copia).pdf”' }).click();
  await expect(warning).toBeHidden();
  await expect(evidence.getByRole('row')).toHaveCount(3);

  // Exporting the original PDF: the dialog says what its metadata gives away and offers the clean copy.
  await evidence.getByRole('row').filter({ hasText: 'acta-de-hechos' }).click();
  await expect(app.getByText(PDF_AUTHOR).first()).toBeVisible();
  const out = join(workDir, 'chosen-vault');
  await mkdir(out, { recursive: true });
  await app.getByRole('button', { name: 'Export decrypted copy…' }).click();
  const dialog = app.getByRole('dialog');
  await expect(dialog).toContainText('holds metadata with names of people');
  await dialog.getByRole('button', { name: 'Make and export the copy without metadata' }).click();
  await expect(app.getByRole('status').filter({ hasText: /no-metadata\.pdf/ })).toBeVisible();

  const [exported] = (await readdir(out)).filter((name) => name.endsWith('.pdf'));
  expect(exported).toMatch(/no-metadata\.pdf$/);
  const info = (await run('pdfinfo', [join(out, exported!)])).stdout;
  expect(info).not.toMatch(/^(Author|Creator|Producer|Title):/m);
  expect(info).toMatch(/^Pages:\s+2$/m);
  const text = (await run('pdftotext', [join(out, exported!), '-'])).stdout;
  expect(text).toContain(PDF_PAGE_TEXT[0]);
  expect(text).toBe((await run('pdftotext', [acta, '-'])).stdout);

  // The intake list in Spanish, for the screenshots.
  await app.getByRole('button', { name: 'Back to evidence' }).click();
  bridge.setChosenFiles([acta, foto]);
  await toSpanish(app);
  await app.getByRole('navigation').getByRole('button', { name: 'Casos' }).click();
  await app.getByRole('row', { name: new RegExp(CASE_TITLE) }).click();
  await app.getByRole('tab', { name: 'Pruebas' }).click();
  await app.getByRole('button', { name: 'Elegir archivos…' }).click();
  await app.getByLabel('Fecha del hecho de captura-amenaza.txt').fill('2023-02-30');
  await expect(app.getByRole('alert')).toContainText('Corrija las fechas marcadas');
  await twoSizes(app, 'intake-rows-es');
});

test('a note with a table, the length counter, a future opening date, and person profiles', async ({
  app,
  workDir,
}) => {
  await createVaultThroughUi(app, join(workDir, 'boveda'), PASS);

  // The limit is said before and after: a counter near it, the number in the error.
  await app.getByRole('button', { name: 'New case' }).click();
  const title = app.getByLabel('Title');
  await title.fill('x'.repeat(170));
  await expect(app.getByTestId('length-counter')).toHaveText('170 of 200 characters');
  await title.fill('y'.repeat(205));
  await app.getByRole('button', { name: 'Create case' }).click();
  await expect(app.getByText('At most 200 characters.')).toBeVisible();
  await title.fill(CASE_TITLE);
  await expect(app.getByTestId('length-counter')).toHaveCount(0);

  // An opening date after today is asked about once.
  await app.getByLabel('Opened on').fill('2099-01-15');
  await app.getByRole('button', { name: 'Create case' }).click();
  const future = app.getByRole('dialog', { name: 'Opening date in the future?' });
  await expect(future).toContainText('2099-01-15');
  await future.getByRole('button', { name: 'Save with that date' }).click();
  await expect(app.getByRole('heading', { name: CASE_TITLE })).toBeVisible();

  // A Markdown table in a note is a table (and raw HTML still is not rendered).
  await app.getByRole('tab', { name: 'Notes' }).click();
  await app.getByRole('button', { name: 'New note' }).click();
  const noteForm = app.getByRole('form', { name: 'New note' });
  await noteForm.getByLabel('Title').fill('Medidas solicitadas');
  await noteForm
    .getByLabel('Text')
    .fill(
      '| Medida | Estado |\n| --- | --- |\n| Escolta | Otorgada |\n| Botón de pánico | Pendiente |\n\n<b>crudo</b>',
    );
  await noteForm.getByRole('button', { name: 'Add note' }).click();
  const note = app.getByRole('article', { name: 'Medidas solicitadas' });
  const table = note.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Medida', 'Estado']);
  await expect(table.getByRole('row').nth(2).getByRole('cell')).toHaveText(['Botón de pánico', 'Pendiente']);
  await expect(note.locator('b')).toHaveCount(0);

  // People with a profile, filtered by it.
  const nav = app.getByRole('navigation');
  await nav.getByRole('button', { name: 'People' }).click();
  const addPerson = async (pseudonym: string, roles: string[], gender: string) => {
    await app.getByRole('button', { name: 'Add person' }).click();
    const dialog = app.getByRole('dialog', { name: 'New person' });
    await dialog.getByRole('textbox', { name: 'Pseudonym', exact: true }).fill(pseudonym);
    for (const role of roles) await dialog.getByRole('checkbox', { name: role }).check();
    await dialog.getByRole('combobox', { name: 'Gender', exact: true }).click();
    await app.getByRole('option', { name: gender, exact: true }).click();
    await dialog.getByRole('button', { name: 'Create person' }).click();
    await expect(dialog).toBeHidden();
  };
  await addPerson('R.M.G.', ['Journalist', 'Human-rights defender'], 'Woman');
  await addPerson('J.L.T.', ['Migrant'], 'Man');
  const people = app.getByRole('table', { name: 'People' });
  await expect(people.getByRole('row').filter({ hasText: 'R.M.G.' })).toContainText('Journalist');
  await app.getByRole('combobox', { name: 'Profile' }).click();
  await app.getByRole('option', { name: 'Journalist' }).click();
  await expect(people.getByRole('row')).toHaveCount(2);
  await expect(people).toContainText('R.M.G.');
  await expect(people).not.toContainText('J.L.T.');

  await toSpanish(app);
  await nav.getByRole('button', { name: 'Personas' }).click();
  await expect(app.getByRole('table', { name: 'Personas' })).toContainText('Periodista');
  await twoSizes(app, 'people-profile-filter-es');
  await app.getByRole('button', { name: 'Editar a R.M.G.' }).click();
  const edit = app.getByRole('dialog', { name: 'Editar persona' });
  await expect(edit.getByRole('checkbox', { name: 'Periodista' })).toBeChecked();
  await twoSizes(app, 'person-profile-es');
});
