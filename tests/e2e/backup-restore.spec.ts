// A backup made in Settings and restored from the start screen, in the Spanish UI: the lawyer whose laptop
// is gone picks the backup file and a new folder through the (bridge's) dialogs, and the restored vault
// opens with the case in it.
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createSpanishVaultAndCase, expect, openCases, screenshot, test } from './fixtures';

const PASS = 'Ríos de Oaxaca, marzo 2026, sin olvido';
const BACKUP_PASS = 'una frase para el respaldo de prueba';
const NEW_PASS = 'Otra bóveda, otra frase, misma memoria';
const TITLE = 'Defensora de la Sierra Norte';

test('back up from Settings, lock, restore from the start screen and find the case', async ({
  app,
  bridge,
  workDir,
}) => {
  test.setTimeout(180_000);
  await createSpanishVaultAndCase(app, join(workDir, 'original'), PASS, TITLE);

  const nav = app.getByRole('navigation');
  await nav.getByRole('button', { name: 'Configuración', exact: true }).click();
  const usb = join(workDir, 'usb');
  await mkdir(usb); // the plugged-in stick
  await app.getByLabel('Carpeta del respaldo (ruta completa)').fill(usb);
  await app.getByLabel('Frase de contraseña para este respaldo').fill(BACKUP_PASS);
  await app.getByRole('button', { name: 'Respaldar ahora' }).click();
  await expect(app.getByText(/^Respaldo guardado en /)).toBeVisible({ timeout: 60_000 });
  const [backupName, ...others] = await readdir(usb);
  expect(others).toEqual([]);
  const backupFile = join(usb, backupName!);

  await app.getByRole('button', { name: 'Bloquear ahora' }).first().click();
  await app.getByRole('button', { name: 'Restaurar desde una copia de seguridad' }).click();
  await expect(app.getByRole('heading', { name: 'Restaurar desde una copia de seguridad' })).toBeVisible();
  bridge.setChosenFiles([backupFile]);
  const browse = app.getByRole('button', { name: 'Examinar…' });
  await browse.nth(0).click();
  await expect(app.getByLabel('Archivo de respaldo')).toHaveValue(backupFile);
  await browse.nth(1).click();
  await expect(app.getByLabel('Carpeta nueva para la bóveda restaurada')).toHaveValue(
    join(workDir, 'chosen-vault'),
  );
  await app.getByLabel('Frase de contraseña del respaldo').fill(BACKUP_PASS);
  await app.getByLabel('Frase de contraseña de la bóveda restaurada').fill(NEW_PASS);
  await app.getByLabel('Repita la frase de contraseña de la bóveda').fill(NEW_PASS);
  await screenshot(app, 'restore-backup-start-screen');
  await app.getByRole('button', { name: 'Restaurar y abrir' }).click();

  await openCases(app, 'Casos', { timeout: 60_000 });
  await expect(app.getByText(TITLE)).toBeVisible();
  // The restored vault was written into the chosen new folder.
  expect((await readdir(join(workDir, 'chosen-vault'))).length).toBeGreaterThan(0);
});
