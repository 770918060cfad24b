// settings.json sits outside any vault in plain text, and vault folder names often name clients: the
// Settings screen turns the recent list off (nothing written, this run still offers the folder) and
// clears it. Checked in the real settings.json the core writes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createVaultThroughUi, expect, openCases, test } from './fixtures';

const PASS = 'Carpetas sin nombres de clientes, por favor';
const VAULT = 'Caso-Comunidad-Rio-Verde';

test('the recent-vaults list can be switched off and cleared', async ({ app, workDir }) => {
  const settingsFile = join(workDir, 'config', 'settings.json');
  await createVaultThroughUi(app, join(workDir, VAULT), PASS);
  expect(await readFile(settingsFile, 'utf8')).toContain(VAULT);

  await app
    .getByRole('link', { name: 'Settings' })
    .or(app.getByRole('button', { name: 'Settings' }))
    .click();
  const remember = app.getByRole('switch', { name: 'Remember recently opened vaults' });
  await expect(remember).toBeChecked();
  await remember.click();
  await expect(remember).not.toBeChecked();
  await expect.poll(async () => readFile(settingsFile, 'utf8')).not.toContain(VAULT);
  expect(JSON.parse(await readFile(settingsFile, 'utf8'))).toMatchObject({
    settings: { rememberRecentVaults: false },
    recentVaults: [],
  });

  // This run still offers the folder after a lock, without writing it down.
  await app.getByRole('button', { name: 'Lock now' }).click();
  await expect(app.getByRole('heading', { name: 'Unlock vault' })).toBeVisible();
  await app.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await app.getByRole('button', { name: 'Unlock' }).click();
  await openCases(app, 'Cases');
  expect(await readFile(settingsFile, 'utf8')).not.toContain(VAULT);

  await app
    .getByRole('link', { name: 'Settings' })
    .or(app.getByRole('button', { name: 'Settings' }))
    .click();
  await app.getByRole('button', { name: 'Clear the list' }).click();
  // Forgetting cannot be undone, so it asks first.
  await app
    .getByRole('dialog', { name: 'Forget recent vaults?' })
    .getByRole('button', { name: 'Forget them' })
    .click();
  await expect(
    app.getByRole('status').filter({ hasText: 'The list of recent vaults was cleared.' }),
  ).toBeVisible();
  await app.getByRole('switch', { name: 'Remember recently opened vaults' }).click();
  await expect
    .poll(async () => JSON.parse(await readFile(settingsFile, 'utf8')))
    .toMatchObject({
      settings: { rememberRecentVaults: true },
      recentVaults: [],
    });
});
