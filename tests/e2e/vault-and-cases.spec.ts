// The foundation workflow in the real renderer (Chromium) over the test bridge and the real core:
// create a vault, record a case, lock, fail with a wrong passphrase, unlock and find the case again.
import { join } from 'node:path';
import {
  createCaseThroughUi,
  createVaultThroughUi,
  expect,
  fillVaultForm,
  openCases,
  screenshot,
  test,
} from './fixtures';

const PASS = 'Ríos de Oaxaca, marzo 2026, sin olvido';
const CASE_TITLE = 'A.A.Q.O. y familia — amenazas y vigilancia';

test('create a vault, add a case, lock, reject a wrong passphrase, unlock and find the case', async ({
  app,
  workDir,
}) => {
  const vaultDir = join(workDir, 'boveda-caso');

  await expect(app.getByRole('heading', { name: 'Create a vault' })).toBeVisible();
  await expect(app.getByRole('note')).toContainText(/cannot be recovered/i);
  await fillVaultForm(app, vaultDir, 'corta');
  await app.getByRole('button', { name: 'Create vault' }).click();
  await expect(app.getByText(/at least 12 characters/i).first()).toBeVisible();

  await fillVaultForm(app, vaultDir, PASS);
  await expect(app.getByTestId('strength-meter')).toBeVisible();
  await screenshot(app, 'create-vault');
  await app.getByRole('button', { name: 'Create vault' }).click();

  await openCases(app, 'Cases');
  await app.getByRole('button', { name: 'New case' }).click();
  await app.getByLabel('Title').fill(CASE_TITLE);
  await app.getByRole('combobox', { name: 'Matter type' }).click();
  await app
    .getByRole('option', { name: /precautionary measures/i })
    .first()
    .click();
  await app.getByLabel('Public reference').fill('MC-1008-19');
  await app.getByLabel('Opened on').fill('2023-03-14');
  await app.getByLabel('Summary').fill('Defensora y su hermana, sobreviviente de trata; cuentas hackeadas.');
  await screenshot(app, 'case-form');
  await app.getByRole('button', { name: 'Create case' }).click();

  await expect(app.getByRole('heading', { name: CASE_TITLE })).toBeVisible();
  await expect(app.getByText('MC-1008-19')).toBeVisible();
  await screenshot(app, 'case-view');
  await app.getByRole('button', { name: 'Back to cases' }).click();
  await expect(app.getByRole('row', { name: new RegExp(CASE_TITLE) })).toBeVisible();

  await app.getByRole('button', { name: 'Lock now' }).click();
  await expect(app.getByRole('heading', { name: 'Unlock vault' })).toBeVisible();
  // Locked means gone from the page, not just hidden.
  expect(await app.content()).not.toContain('MC-1008-19');
  expect(await app.content()).not.toContain('A.A.Q.O.');
  await expect(app.getByTestId('vault-path')).toContainText(vaultDir);

  await app.getByLabel('Passphrase', { exact: true }).fill('esta no es la frase correcta');
  await app.getByRole('button', { name: 'Unlock' }).click();
  await expect(app.getByRole('alert')).toContainText(/passphrase/i);
  await screenshot(app, 'unlock');

  await app.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await app.getByRole('button', { name: 'Unlock' }).click();
  await openCases(app, 'Cases', { timeout: 30_000 });
  await expect(app.getByRole('row', { name: new RegExp(CASE_TITLE) })).toBeVisible();
});

test('edit and archive a case; the list pages and searches without accents', async ({
  app,
  bridge,
  workDir,
}) => {
  await createVaultThroughUi(app, join(workDir, 'boveda'), PASS);

  // Bulk rows through the same core the app uses (as the command line would add them).
  const kinds = [
    'petition',
    'precautionary_measure',
    'case',
    'domestic_protection',
    'provisional_measures',
  ] as const;
  for (let i = 1; i <= 120; i++) {
    const result = await bridge.core.dispatch('matters:create', {
      title:
        i === 7
          ? 'Agresión a defensora comunitaria en Guerrero'
          : `Expediente ${i} — defensores de personas migrantes`,
      matterType: kinds[i % kinds.length],
      forum: kinds[i % kinds.length] === 'domestic_protection' ? 'mx_protection_mechanism' : 'iachr',
      reference: `P-${1000 + i}-18`,
      status: i % 3 === 0 ? 'follow_up' : 'under_study',
      openedOn: `2019-0${1 + (i % 9)}-15`,
      summary: '',
      classification: 'restricted',
    });
    expect(result.ok).toBe(true);
  }
  await app.getByRole('button', { name: 'Lock now' }).click();
  await app.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await app.getByRole('button', { name: 'Unlock' }).click();
  await openCases(app, 'Cases', { timeout: 30_000 });
  await expect(app.getByText(/of 120/)).toBeVisible();
  await screenshot(app, 'case-list');

  await app.getByLabel('Search cases').fill('agresion');
  await expect(app.getByRole('row', { name: /Agresión a defensora/ })).toBeVisible();
  await expect(app.getByRole('row')).toHaveCount(2);
  await app.getByRole('row', { name: /Agresión a defensora/ }).click();

  await app.getByRole('button', { name: 'Edit' }).click();
  await app.getByLabel('Title').fill('');
  await app.getByRole('button', { name: 'Save changes' }).click();
  await expect(app.getByText(/required/i).first()).toBeVisible();
  await app.getByLabel('Title').fill('Agresión a defensora comunitaria (Guerrero)');
  await app.getByRole('button', { name: 'Save changes' }).click();
  await expect(
    app.getByRole('heading', { name: 'Agresión a defensora comunitaria (Guerrero)' }),
  ).toBeVisible();

  await app.getByRole('button', { name: 'Archive case' }).click();
  await expect(app.getByRole('button', { name: 'Restore case' })).toBeVisible();
  await app.getByRole('button', { name: 'Back to cases' }).click();
  await app.getByLabel('Search cases').fill('');
  await expect(app.getByText(/of 119/)).toBeVisible();
  await app.getByText('Archived', { exact: true }).click();
  await expect(app.getByRole('row', { name: /Agresión a defensora comunitaria \(Guerrero\)/ })).toBeVisible();
});

test('keyboard: Ctrl+L locks from anywhere', async ({ app, workDir }) => {
  await fillVaultForm(app, join(workDir, 'boveda'), PASS);
  await app.getByLabel('Confirm passphrase', { exact: true }).press('Enter');
  await openCases(app, 'Cases');
  await app.getByLabel('Search cases').focus();
  await app.keyboard.press('Control+KeyL');
  await expect(app.getByRole('heading', { name: 'Unlock vault' })).toBeVisible();
});

test('a lock decided by the core (idle, suspend) clears the screen', async ({ app, bridge, workDir }) => {
  await createVaultThroughUi(app, join(workDir, 'boveda'), PASS);
  await createCaseThroughUi(app, 'Caso que debe desaparecer al bloquear');

  await bridge.core.lock('system');
  await expect(app.getByRole('heading', { name: 'Unlock vault' })).toBeVisible();
  await expect(app.getByRole('status')).toBeVisible();
  expect(await app.content()).not.toContain('desaparecer');
});

test('switches to Spanish and remembers it', async ({ app, workDir }) => {
  await createVaultThroughUi(app, join(workDir, 'boveda'), PASS);
  await app
    .getByRole('link', { name: 'Settings' })
    .or(app.getByRole('button', { name: 'Settings' }))
    .first()
    .click();
  await app.getByText('Español', { exact: true }).click();
  await expect(app.getByRole('button', { name: 'Bloquear ahora' })).toBeVisible();
  await expect(app.getByText('Casos', { exact: true }).first()).toBeVisible();
  await screenshot(app, 'settings');

  await app.getByRole('button', { name: 'Bloquear ahora' }).click();
  await app.reload();
  await expect(app.getByRole('heading', { name: 'Desbloquear bóveda' })).toBeVisible();
  await app.getByLabel('Frase de contraseña', { exact: true }).fill('equivocada pero larga');
  await app.getByRole('button', { name: 'Desbloquear' }).click();
  await expect(app.getByRole('alert')).toContainText(/frase de contraseña/i);
});

test.describe('on a computer set to Spanish', () => {
  test.use({ locale: 'es-MX' });

  test('the very first screen is in Spanish, before any setting is chosen', async ({ app }) => {
    await expect(app.getByRole('heading', { name: 'Crear una bóveda' })).toBeVisible();
    await expect(app.getByLabel('Carpeta de la bóveda')).toBeVisible();
    await expect(app.getByRole('button', { name: 'Crear bóveda' })).toBeVisible();
  });
});
