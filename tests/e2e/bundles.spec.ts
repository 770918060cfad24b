// Bundles in the real renderer over the test bridge: a case exported from one vault through the case
// screen's dialog, checked and imported into a second vault in Settings (the signer's fingerprint, shown
// in the first vault's Settings, confirmed), and the case then in the second vault's list.
import { join } from 'node:path';
import {
  createCaseThroughUi,
  createVaultThroughUi,
  expect,
  fillVaultForm,
  screenshot,
  test,
} from './fixtures';

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

// Two cases, each carried to a second vault and back with its title changed on both sides: one conflict
// resolved "keep mine", the other "take theirs", each shown side by side first.
test('a merge with one conflict resolved each way', async ({ app, workDir }) => {
  test.setTimeout(300_000);
  const nav = app.getByRole('navigation', { name: 'Main navigation' });
  const exportCase = async (file: string) => {
    await app.getByRole('button', { name: 'Export bundle' }).click();
    const dialog = app.getByRole('dialog');
    await dialog.getByLabel('Bundle file to write (full path, ending in .amparo)').fill(file);
    await dialog.getByLabel('Bundle passphrase').fill(BUNDLE);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByText(`Bundle written to ${file}`)).toBeVisible({ timeout: 60_000 });
    await app.keyboard.press('Escape');
  };
  const check = async (file: string) => {
    await nav.getByRole('button', { name: 'Settings' }).click();
    await app.getByLabel('Bundle file (full path)').fill(file);
    await app.getByLabel('Bundle passphrase').fill(BUNDLE);
    await app.getByRole('button', { name: 'Check bundle' }).click();
    const summary = app.getByTestId('bundle-summary');
    await expect(summary.getByRole('button', { name: 'Import', exact: true })).toBeVisible({
      timeout: 60_000,
    });
    const confirm = summary.getByLabel(/I compared this fingerprint/);
    if (await confirm.isVisible()) await confirm.check();
    await summary.getByRole('button', { name: 'Import', exact: true }).click();
  };
  const openCase = async (title: string) => {
    await nav.getByRole('button', { name: 'Cases' }).click();
    await app.getByRole('row', { name: new RegExp(title) }).click();
    await expect(app.getByRole('heading', { name: title })).toBeVisible();
  };
  const retitle = async (from: string, to: string) => {
    await openCase(from);
    await app.getByRole('button', { name: 'Edit' }).click();
    await app.getByLabel('Title').fill(to);
    await app.getByRole('button', { name: 'Save changes' }).click();
    await expect(app.getByRole('heading', { name: to })).toBeVisible();
  };

  await createVaultThroughUi(app, join(workDir, 'a'), PASS);
  await createCaseThroughUi(app, 'Caso uno');
  await exportCase(join(workDir, 'uno.amparo'));
  await nav.getByRole('button', { name: 'Cases' }).click();
  await createCaseThroughUi(app, 'Caso dos');
  await exportCase(join(workDir, 'dos.amparo'));

  await app.getByRole('button', { name: 'Lock now' }).click();
  await app.getByRole('button', { name: 'Create a new vault' }).click();
  await fillVaultForm(app, join(workDir, 'b'), PASS);
  await app.getByRole('button', { name: 'Create vault' }).click();
  await expect(app.getByRole('heading', { name: /^(Dashboard|Cases)$/ })).toBeVisible();
  for (const name of ['uno', 'dos']) {
    await check(join(workDir, `${name}.amparo`));
    await expect(app.getByText(/^Imported: \d+ added/)).toBeVisible({ timeout: 60_000 });
  }
  await retitle('Caso uno', 'Caso uno (de B)');
  await exportCase(join(workDir, 'uno-b.amparo'));
  await retitle('Caso dos', 'Caso dos (de B)');
  await exportCase(join(workDir, 'dos-b.amparo'));

  await app.getByRole('button', { name: 'Lock now' }).click();
  await app.getByRole('button', { name: 'Open another vault' }).click();
  await app.getByLabel('Vault folder').fill(join(workDir, 'a'));
  await app.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await app.getByRole('button', { name: 'Unlock' }).click();
  await retitle('Caso uno', 'Caso uno (de A)');
  await retitle('Caso dos', 'Caso dos (de A)');

  for (const [name, mine, theirs, choice] of [
    ['uno', 'Caso uno (de A)', 'Caso uno (de B)', 'Keep mine'],
    ['dos', 'Caso dos (de A)', 'Caso dos (de B)', 'Take theirs'],
  ] as const) {
    await check(join(workDir, `${name}-b.amparo`));
    await expect(app.getByText(/^1 record was changed both here and in the bundle/)).toBeVisible({
      timeout: 60_000,
    });
    const row = app.getByRole('row', { name: /^title / });
    await expect(row.getByRole('cell', { name: mine, exact: true })).toBeVisible();
    await expect(row.getByRole('cell', { name: theirs, exact: true })).toBeVisible();
    if (name === 'dos') await screenshot(app, 'bundle-merge-conflict');
    await app.getByText(choice, { exact: true }).click();
    await app.getByRole('button', { name: 'Import with these choices' }).click();
    await expect(app.getByText(/^Imported: \d+ added/)).toBeVisible({ timeout: 60_000 });
  }

  await nav.getByRole('button', { name: 'Cases' }).click();
  await expect(app.getByText('Caso uno (de A)')).toBeVisible();
  await expect(app.getByText('Caso dos (de B)')).toBeVisible();
  await expect(app.getByText('Caso uno (de B)')).toHaveCount(0);
  await expect(app.getByText('Caso dos (de A)')).toHaveCount(0);
});
