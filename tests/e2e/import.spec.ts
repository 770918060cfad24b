// Spreadsheet import in the real renderer over the test bridge: a Latin-1 `;` CSV as Excel saves it on
// Spanish Windows, with one row the dry run refuses. The reason is shown in Spanish; the user imports
// the accepted rows and finds the cases in the list.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import writeXlsxFile from 'write-excel-file/node';
import { createVaultThroughUi, expect, screenshot, test } from './fixtures';

const PASS = 'Ríos de Oaxaca, marzo 2026, sin olvido';

/** No serious or critical axe violation on the wizard's current step. */
async function expectAccessible(page: Page, step: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`));
  expect(serious, `serious or critical axe violations on ${step}`).toEqual([]);
}

test('import a spreadsheet with one refused row, in Spanish', async ({ app, bridge, workDir }) => {
  const file = join(workDir, 'casos.csv');
  const lines = [
    'Referencia;Título;Tipo de caso;Fecha de apertura;Estado',
    'MC-301-23;Defensora de la Montaña;Medidas cautelares;05/02/2023;Otorgado',
    'MC-302-23;Periodista de Oaxaca;Solicitud;31/02/2023;Presentado',
    'MC-303-23;Comunidad desplazada de Guerrero;Petición;20/04/2023;En estudio',
  ];
  await writeFile(file, Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1'));
  bridge.setChosenFiles([file]);
  await app.setViewportSize({ width: 1366, height: 768 });

  await createVaultThroughUi(app, join(workDir, 'boveda'), PASS);
  await app
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name: 'Settings' })
    .click();
  await app.getByRole('radio', { name: 'Español' }).check();
  const nav = app.getByRole('navigation', { name: 'Navegación principal' });
  await expect(nav.getByRole('button', { name: 'Importar' })).toBeVisible();

  await nav.getByRole('button', { name: 'Importar' }).click();
  await expect(app.getByRole('heading', { name: 'Importar una hoja de cálculo' })).toBeVisible();
  await app.getByRole('button', { name: 'Elegir hoja de cálculo…' }).click();
  await expect(app.getByTestId('import-file')).toHaveText('casos.csv · CSV');
  await expect(app.getByText('Texto leído como WINDOWS-1252, celdas separadas por «;»')).toBeVisible();
  // Columns mapped from their Spanish headers, with the first values beside them.
  await expect(app.getByLabel('Campo en Amparo: Fecha de apertura')).toHaveValue(
    'Fecha de apertura (obligatorio)',
  );
  await expect(app.getByLabel('Campo en Amparo: Tipo de caso')).toHaveValue('Tipo de caso (obligatorio)');
  await expect(app.getByText('Defensora de la Montaña · Periodista de Oaxaca')).toBeVisible();
  await screenshot(app, 'import-mapping');
  await expectAccessible(app, 'the mapping step');

  await app.getByRole('button', { name: 'Revisar las filas' }).click();
  await expect(app.getByText('Casos — filas aceptadas: 2; rechazadas: 1')).toBeVisible();
  const refusals = app.getByRole('table', { name: 'Filas que se rechazarían' });
  await expect(refusals.getByRole('row')).toHaveCount(2);
  const row = refusals.getByRole('row').nth(1);
  await expect(row).toContainText('3');
  await expect(row).toContainText('MC-302-23 · Periodista de Oaxaca');
  await expect(row).toContainText(
    'Fecha de apertura: «31/02/2023» no es una fecha posible (escriba dd/mm/aaaa o aaaa-mm-dd)',
  );
  await screenshot(app, 'import-dry-run');
  await expectAccessible(app, 'the dry-run report');

  // Back to the mapping and again: the same report (nothing was written meanwhile).
  await app.getByRole('button', { name: 'Cambiar la asignación' }).click();
  await app.getByRole('button', { name: 'Revisar las filas' }).click();
  await expect(refusals.getByRole('row')).toHaveCount(2);

  await app.getByRole('button', { name: 'Importar las filas aceptadas' }).click();
  await expect(
    app.getByText('Se importaron 2 casos, 0 personas y 0 hechos. Se omitió 1 fila.'),
  ).toBeVisible();
  await expect(
    app.getByRole('button', { name: 'MC-303-23 · Comunidad desplazada de Guerrero' }),
  ).toBeVisible();
  await screenshot(app, 'import-result');
  await expectAccessible(app, 'the result');
  // A result link opens the imported case.
  await app.getByRole('button', { name: 'MC-303-23 · Comunidad desplazada de Guerrero' }).click();
  await expect(app.getByRole('heading', { name: 'Comunidad desplazada de Guerrero' })).toBeVisible();

  await nav.getByRole('button', { name: 'Casos' }).click();
  await expect(app.getByText('Defensora de la Montaña')).toBeVisible();
  await expect(app.getByText('Comunidad desplazada de Guerrero')).toBeVisible();
  await expect(app.getByText('Periodista de Oaxaca')).toHaveCount(0);

  // The same file again: every case is now refused, its reference being in the vault.
  await nav.getByRole('button', { name: 'Importar' }).click();
  await app.getByRole('button', { name: 'Elegir hoja de cálculo…' }).click();
  await app.getByRole('button', { name: 'Revisar las filas' }).click();
  await expect(app.getByText('Casos — filas aceptadas: 0; rechazadas: 3')).toBeVisible();
  await expect(app.getByText('Ya hay en la bóveda un caso con la referencia «MC-301-23»')).toBeVisible();
  await expect(app.getByText('No hay nada que importar.')).toBeVisible();
});

test('import a workbook of cases, people and facts; protected columns never shown', async ({
  app,
  bridge,
  workDir,
}) => {
  const file = join(workDir, 'expedientes.xlsx');
  await writeXlsxFile([
    {
      sheet: 'Casos',
      data: [
        ['Referencia', 'Título', 'Tipo', 'Fecha de apertura'],
        [
          'MC-401-24',
          'Periodistas de Veracruz',
          'Solicitud',
          { value: new Date(Date.UTC(2024, 0, 15)), type: Date, format: 'dd/mm/yyyy' },
        ],
      ],
    },
    {
      sheet: 'Personas',
      data: [
        ['Seudónimo', 'Nombre completo', 'Teléfono', 'Caso'],
        ['R.G.T.', 'Rosa García Torres', '+52 228 555 0101', 'MC-401-24'],
      ],
    },
    {
      sheet: 'Hechos',
      data: [
        ['Caso', 'Fecha', 'Tipo', 'Título', 'Personas'],
        ['MC-401-24', '12/01/2024', 'Amenaza', 'Mensajes intimidatorios', 'R.G.T.'],
        ['MC-499-99', '13/01/2024', 'Vigilancia', 'Auto frente a la casa', ''],
      ],
    },
  ]).toFile(file);
  bridge.setChosenFiles([file]);
  await app.setViewportSize({ width: 1024, height: 700 });
  await createVaultThroughUi(app, join(workDir, 'boveda'), PASS);
  const nav = app.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('button', { name: 'Import' }).click();
  await app.getByRole('button', { name: 'Choose a spreadsheet…' }).click();
  await expect(app.getByTestId('import-file')).toHaveText('expedientes.xlsx · XLSX');
  const people = app.getByRole('table', { name: 'Personas: 1 row' });
  await expect(people.getByRole('row', { name: /Nombre completo/ })).toContainText('hidden (protected)');
  await expect(people.getByRole('row', { name: /Teléfono/ })).toContainText('hidden (protected)');
  await expect(app.getByText('Rosa García Torres')).toHaveCount(0);
  await people.scrollIntoViewIfNeeded();
  await screenshot(app, 'import-workbook-mapping');

  // Not importing the facts, then importing them again: their columns are guessed anew.
  await app.getByRole('combobox', { name: 'What the rows of “Hechos” are' }).click();
  await app.getByRole('option', { name: 'Do not import' }).click();
  await expect(app.getByRole('table', { name: 'Hechos: 2 rows' })).toHaveCount(0);
  await app.getByRole('combobox', { name: 'What the rows of “Hechos” are' }).click();
  await app.getByRole('option', { name: 'Facts' }).click();
  await expect(app.getByLabel('Field in Amparo: Fecha', { exact: true })).toHaveValue(
    'Date of the fact (required)',
  );

  await app.getByRole('button', { name: 'Check the rows' }).click();
  const refusals = app.getByRole('table', { name: 'Rows that would be refused' });
  await expect(refusals.getByRole('row')).toHaveCount(2);
  await expect(refusals).toContainText('No case has the reference “MC-499-99”, in the file or in the vault');
  await app.getByRole('button', { name: 'Import the accepted rows' }).click();
  await expect(app.getByText('Imported 1 case, 1 person and 1 fact.')).toBeVisible();
  await app.getByRole('button', { name: 'MC-401-24 · Periodistas de Veracruz' }).click();
  await expect(app.getByRole('heading', { name: 'Periodistas de Veracruz' })).toBeVisible();
  await app.getByRole('tab', { name: 'Timeline' }).click();
  await expect(app.getByRole('heading', { name: 'Mensajes intimidatorios' })).toBeVisible();
});
