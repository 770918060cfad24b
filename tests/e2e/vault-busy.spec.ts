// A vault another program holds is refused at Unlock with the program named: here a separate Node
// process takes the vault's exclusive lock as a re-encrypting `amparo vault rekey` would.
import { join } from 'node:path';
import { VaultHolder } from '../unit/vault/support/processes';
import { createVaultThroughUi, expect, openCases, test } from './fixtures';

const PASS = 'frase de contraseña larga y segura para la prueba';

test('unlocking a vault being re-encrypted elsewhere names the program that holds it', async ({
  app,
  workDir,
}) => {
  const vaultDir = join(workDir, 'boveda');
  await createVaultThroughUi(app, vaultDir, PASS);
  await app.getByRole('button', { name: 'Lock now' }).click();
  await expect(app.getByRole('heading', { name: 'Unlock vault' })).toBeVisible();

  const holder = new VaultHolder(vaultDir, 'exclusive', 'the amparo command line');
  try {
    expect(await holder.send(PASS)).toBe('ready');
    await app.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await app.getByRole('button', { name: 'Unlock' }).click();
    const alert = app.getByRole('alert');
    await expect(alert).toContainText('The vault is open in another program');
    await expect(alert.getByTestId('vault-holders')).toHaveText(
      new RegExp(
        `^Being re-encrypted by the amparo command line \\(process ${holder.pid}\\) since \\d\\d:\\d\\d\\.$`,
      ),
    );
  } finally {
    await holder.kill();
  }

  // Once the other program is gone the same passphrase opens the vault.
  await app.getByRole('button', { name: 'Unlock' }).click();
  await openCases(app, 'Cases');
});
