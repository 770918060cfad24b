// Bundles in the real renderer over the test bridge: a case exported from one vault through the case
// screen's dialog, checked and imported into a second vault in Settings (the signer's fingerprint, shown
// in the first vault's Settings, confirmed), and the case then in the second vault's list.
import { join } from 'node:path';
import { createCaseThroughUi, createVaultThroughUi, expect, fillVaultForm, test } from './fixtures';

const PASS = 'Ríos de Oaxaca, marzo 2026, sin olvido';
const BUNDLE = 'una frase para el paquete de prueba';
const TITLE = 'Defensora de la Montaña';

test('export a case as a bundle and import it into a second vault', async ({ app, workDir }) => {
  test.setTimeout(180_000);
  await createVaultThroughUi(app, join(workDir, 'a'), PASS);
  await createCaseThroughUi(app, TITLE);
  await app.getByRole('button', { name: 'Export bundle' }).click();
  const dialog = app.getByRole('dialog');
  const out = join(workDir, 'caso.amparo');
  await dialog.getByLabel('Bundle file to write (full path, ending in .amparo)').fill(out);
  await dialog.getByLabel('Bundle passphrase').fill(BUNDLE);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByText(`Bundle written to ${out}`)).toBeVisible({ timeout: 60_000 });
  await app.keyboard.press('Escape');

  const nav = app.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('button', { name: 'Settings' }).click();
  const fingerprint = (await app.getByTestId('signing-fingerprint').textContent())!.trim();
  expect(fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);

  await app.getByRole('button', { name: 'Lock now' }).click();
  await app.getByRole('button', { name: 'Create a new vault' }).click();
  await fillVaultForm(app, join(workDir, 'b'), PASS);
  await app.getByRole('button', { name: 'Create vault' }).click();
  await expect(app.getByRole('heading', { name: 'Cases' })).toBeVisible();
  await expect(app.getByText(TITLE)).toHaveCount(0);

  await nav.getByRole('button', { name: 'Settings' }).click();
  await app.getByLabel('Bundle file (full path)').fill(out);
  await app.getByLabel('Bundle passphrase').fill(BUNDLE);
  await app.getByRole('button', { name: 'Check bundle' }).click();
  const summary = app.getByTestId('bundle-summary');
  await expect(summary.getByText(fingerprint)).toBeVisible({ timeout: 60_000 });
  const importButton = summary.getByRole('button', { name: 'Import', exact: true });
  await expect(importButton).toBeDisabled();
  await summary.getByLabel(/I compared this fingerprint/).check();
  await importButton.click();
  await expect(app.getByText(/^Imported: \d+ added/)).toBeVisible({ timeout: 60_000 });

  await nav.getByRole('button', { name: 'Cases' }).click();
  await expect(app.getByText(TITLE)).toBeVisible();
});
