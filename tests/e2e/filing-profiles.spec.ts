// Redaction profiles in the Spanish UI, from a case's filings tab: a new profile made from "Co-litigantes",
// one of its rules changed and saved (checked in the vault), offered by the generate panel's select, then
// deleted after confirmation. The built-in ones are marked and cannot be deleted.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Bridge } from '../bridge/server';
import type { RedactionProfile } from '../../shared/schemas/filings';
import { EMPTY_IDENTITY } from '../../shared/schemas/people';
import { precautionaryRequest } from '../support/fixtures';
import { expect, openCases, screenshot, test } from './fixtures';
import { call, expectAccessible } from './support';

const PASS = 'Cañada de Yautepec, niebla de julio, 2026';
const NAME = 'Para la Fiscalía aliada';
const PSEUDONYM = 'Colibrí Azul';

/** A case with a beneficiary (pseudonym only shown) and one incident. */
async function seed(bridge: Bridge, app: Page, workDir: string) {
  await call(bridge, 'settings:update', { language: 'es' });
  await call(bridge, 'vault:create', { path: join(workDir, 'boveda'), passphrase: PASS });
  const matter = await call<{ id: string }>(
    bridge,
    'matters:create',
    precautionaryRequest({ title: 'Comunidad de la Cañada' }),
  );
  const person = await call<{ id: string }>(bridge, 'people:create', {
    pseudonym: PSEUDONYM,
    classification: 'restricted',
    identity: { ...EMPTY_IDENTITY, legalName: 'Juana Pérez Cruz' },
  });
  await call(bridge, 'parties:add', { matterId: matter.id, role: 'beneficiary', personId: person.id });
  const incident = await call<{ id: string }>(bridge, 'incidents:create', {
    matterId: matter.id,
    occurredOn: '2026-04-11',
    kind: 'threat',
    title: 'Llamada amenazante',
    description: 'Una llamada desde un número desconocido.',
    place: 'San Pedro Yautepec, Oaxaca',
    source: '',
    classification: 'restricted',
    personIds: [person.id],
    tags: [],
  });
  await app.reload();
  await openCases(app, 'Casos');
  return { person, incident };
}

test('a redaction profile made from Co-litigantes, edited, offered at generation, deleted', async ({
  app,
  bridge,
  workDir,
}) => {
  test.setTimeout(180_000);
  const { person, incident } = await seed(bridge, app, workDir);
  await app.setViewportSize({ width: 1366, height: 900 });
  await app
    .getByRole('button', { name: /Comunidad de la Cañada/ })
    .first()
    .click();
  await app.getByRole('tab', { name: 'Escritos' }).click();

  // The section opens from the filings tab, by keyboard.
  const opener = app.getByRole('button', { name: 'Perfiles de reserva' });
  await opener.focus();
  await app.keyboard.press('Enter');
  const drawer = app.getByRole('dialog', { name: 'Perfiles de reserva' });
  await expect(drawer).toBeVisible();
  const table = drawer.getByRole('table', { name: 'Perfiles de reserva' });
  await expect(table.getByTestId('profile-row')).toHaveCount(4);
  await expect(table.getByText('Predefinido')).toHaveCount(4);
  // Built-in profiles can be edited but not deleted.
  await expect(drawer.getByRole('button', { name: /^Eliminar el perfil/ })).toHaveCount(0);

  // A new profile from Co-litigantes: its rules are copied, the name proposed.
  await drawer.getByLabel('Basado en').click();
  await app.getByRole('option', { name: 'Co-litigantes' }).click();
  await drawer.getByRole('button', { name: 'Nuevo perfil' }).click();
  const name = drawer.getByLabel('Nombre del perfil');
  await expect(name).toHaveValue('Co-litigantes (copia)');
  await expect(drawer.getByLabel('Omitir las notas confidenciales')).not.toBeChecked();
  await expect(drawer.getByLabel('Omitir los incidentes confidenciales')).not.toBeChecked();
  await name.fill('');
  await drawer.getByRole('button', { name: 'Guardar perfil' }).click();
  await expect(drawer.getByText('Este campo es obligatorio.')).toBeVisible();
  await name.fill(NAME);
  // Rules changed: confidential incidents left out, state authorities printed by name.
  await drawer.getByLabel('Omitir los incidentes confidenciales').check();
  await drawer.getByLabel('Autoridad estatal').click();
  await app.getByRole('option', { name: 'Por nombre' }).click();
  // And for this case: the beneficiary left out, the incident left out.
  const caseRules = drawer.getByTestId('profile-case-rules');
  await caseRules.getByLabel(PSEUDONYM).click();
  await app.getByRole('option', { name: /^Omitir/ }).click();
  await caseRules.getByLabel('Incidentes que se omiten').click();
  await app.getByRole('option', { name: '2026-04-11 — Llamada amenazante' }).click();
  await app.keyboard.press('Escape');
  await expect(drawer).toBeVisible();
  await screenshot(app, 'filing-profile-form-es');
  await expectAccessible(app, 'the profile form');
  await drawer.getByRole('button', { name: 'Guardar perfil' }).click();
  await expect(table.getByTestId('profile-row')).toHaveCount(5);
  const row = table.getByTestId('profile-row').filter({ hasText: NAME });
  await expect(row).toContainText('Co-litigantes');
  await expect(row.getByText('Predefinido')).toHaveCount(0);

  // What the vault holds: the copied rules with the two changes.
  const saved = (await call<RedactionProfile[]>(bridge, 'filingProfiles:list', {})).find(
    (p) => p.name === NAME,
  );
  expect(saved).toMatchObject({
    builtIn: false,
    base: 'co_counsel',
    rules: {
      people: 'pseudonym',
      byRole: { state_authority: 'name' },
      byPerson: { [person.id]: 'omit' },
      excludedIncidentIds: [incident.id],
      excludeConfidentialIncidents: true,
      excludeConfidentialNotes: false,
    },
  });
  await screenshot(app, 'filing-profiles-es');
  await expectAccessible(app, 'the list of profiles');
  await app.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // The generate panel offers it.
  await app.getByRole('button', { name: 'Nuevo escrito' }).click();
  await app.getByRole('button', { name: 'Crear borrador' }).click();
  const editor = app.getByTestId('filing-editor');
  await expect(editor).toBeVisible();
  await editor.locator('.mantine-Stepper-step', { hasText: 'Revisar y generar' }).click();
  await editor.getByLabel('Perfil de reserva', { exact: true }).click();
  await app.getByRole('option', { name: NAME }).click();
  await expect(editor.getByLabel('Perfil de reserva', { exact: true })).toHaveValue(NAME);

  // Deleted, after confirmation.
  await editor.getByRole('button', { name: 'Volver a los escritos' }).click();
  await app.getByRole('button', { name: 'Perfiles de reserva' }).click();
  await drawer.getByRole('button', { name: `Eliminar el perfil ${NAME}` }).click();
  const confirm = app.getByRole('dialog', { name: 'Eliminar el perfil de reserva' });
  await expect(confirm).toContainText(`«${NAME}»`);
  await confirm.getByRole('button', { name: 'Eliminar' }).click();
  await expect(table.getByTestId('profile-row')).toHaveCount(4);
  expect(
    (await call<RedactionProfile[]>(bridge, 'filingProfiles:list', {})).map((p) => p.name),
  ).not.toContain(NAME);
});
