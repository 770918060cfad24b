// The State a case is brought against, in Spanish: picked in the new-case form by typing part of its name
// (OAS members listed first), shown in the case header, and used to filter the case list.
import { join } from 'node:path';
import { precautionaryRequest } from '../support/fixtures';
import { expect, openCases, screenshot, test } from './fixtures';
import { call } from './support';

const PASS = 'Ríos de Oaxaca, marzo 2026, sin olvido';

test('a case against Guatemala: chosen in the form, shown in its header, found by the State filter', async ({
  app,
  bridge,
  workDir,
}) => {
  await call(bridge, 'settings:update', { language: 'es' });
  await call(bridge, 'vault:create', { path: join(workDir, 'boveda'), passphrase: PASS });
  await call(
    bridge,
    'matters:create',
    precautionaryRequest({ reference: 'MC-1-26', title: 'Defensora en Guerrero' }),
  );
  await app.reload();
  await openCases(app, 'Casos');
  await app.setViewportSize({ width: 1366, height: 768 });

  await app.getByRole('button', { name: 'Nuevo caso' }).first().click();
  await app.getByLabel('Título').fill('Comunidad maya q’eqchi’ en Alta Verapaz');
  const state = app.getByRole('combobox', { name: 'Estado (país)' });
  await expect(state).toHaveValue('México');
  await state.click();
  // The OAS member States come first.
  await expect(app.getByRole('listbox').getByRole('group').first()).toContainText(
    'Estados miembros de la OEA',
  );
  await screenshot(app, 'matter-state-form-open-1366');
  await state.fill('guate');
  await app.getByRole('option', { name: 'Guatemala' }).click();
  await expect(state).toHaveValue('Guatemala');
  await app.getByRole('button', { name: 'Crear caso' }).click();
  const header = app.getByTestId('matter-header');
  await expect(app.getByRole('heading', { name: 'Comunidad maya q’eqchi’ en Alta Verapaz' })).toBeVisible();
  await expect(header).toContainText('Estado (país)');
  await expect(header).toContainText('Guatemala');
  await screenshot(app, 'matter-state-header-1366');

  await app.getByRole('button', { name: 'Volver a casos' }).first().click();
  const table = app.getByRole('table', { name: 'Casos' });
  await expect(table.getByRole('row')).toHaveCount(3);
  const filter = app.getByRole('combobox', { name: 'Estado (país)' });
  await filter.fill('Guatemala');
  await app.getByRole('option', { name: 'Guatemala' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('Alta Verapaz');
  await expect(table).not.toContainText('Defensora en Guerrero');
  await screenshot(app, 'matter-state-list-1366');
  await app.setViewportSize({ width: 1024, height: 700 });
  await screenshot(app, 'matter-state-list-1024');

  // México is found without its accent, and the filter then shows only the Mexican case.
  await filter.fill('mexico');
  await app.getByRole('option', { name: 'México' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('Defensora en Guerrero');

  // The new-case form at the smaller size, the list of States open on a search.
  await app.getByRole('button', { name: 'Nuevo caso' }).first().click();
  await app.getByRole('combobox', { name: 'Estado (país)' }).fill('san');
  await expect(app.getByRole('option', { name: 'San Vicente y las Granadinas' })).toBeVisible();
  await screenshot(app, 'matter-state-form-1024');
});
