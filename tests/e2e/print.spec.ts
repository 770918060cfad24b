// Printing sends case data out of the vault, to the operating system's print spooler: every print action
// says so first, and prints only once the user confirms. `window.print` is replaced by a counter, since a
// headless browser has no print dialog to show.
import { join } from 'node:path';
import { createCaseThroughUi, expect, fillVaultForm, openCases, test } from './fixtures';

const PASS = 'Ríos de Oaxaca, marzo 2026, sin olvido';

test('printing the timeline warns about the print spooler and prints only after confirming', async ({
  app,
  workDir,
}) => {
  await app.addInitScript(() => {
    const w = globalThis as unknown as { printed: number; print: () => void };
    w.printed = 0;
    w.print = () => {
      w.printed += 1;
    };
  });
  await app.reload();
  const printed = () => app.evaluate(() => (globalThis as unknown as { printed: number }).printed);

  await fillVaultForm(app, join(workDir, 'boveda'), PASS);
  await app.getByRole('button', { name: 'Create vault' }).click();
  // Deriving the key (Argon2id) takes seconds, more on a loaded machine.
  await openCases(app, 'Cases', { timeout: 30_000 });
  await createCaseThroughUi(app, 'R.M.S. — hostigamiento');
  await app.getByRole('tab', { name: 'Timeline' }).click();

  await app.getByRole('button', { name: 'Print', exact: true }).click();
  const dialog = app.getByRole('dialog', { name: 'Print?' });
  await expect(dialog).toContainText("operating system's print spooler");
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await printed()).toBe(0);

  await app.getByRole('button', { name: 'Print', exact: true }).click();
  await app.getByRole('dialog', { name: 'Print?' }).getByRole('button', { name: 'Print' }).click();
  await expect(app.getByRole('dialog', { name: 'Print?' })).toBeHidden();
  expect(await printed()).toBe(1);
});

test.describe('in Spanish', () => {
  test.use({ locale: 'es-MX' });

  test('the warning before printing is in Spanish', async ({ app, workDir }) => {
    await app.addInitScript(() => {
      (globalThis as unknown as { print: () => void }).print = () => undefined;
    });
    await app.reload();
    await app.getByLabel('Carpeta de la bóveda').fill(join(workDir, 'boveda'));
    await app.getByLabel('Frase de contraseña', { exact: true }).fill(PASS);
    await app.getByLabel('Confirmar frase de contraseña', { exact: true }).fill(PASS);
    await app.getByRole('button', { name: 'Crear bóveda' }).click();
    await openCases(app, 'Casos', { timeout: 30_000 });
    await app.getByRole('button', { name: 'Nuevo caso' }).click();
    await app.getByLabel('Título').fill('R.M.S. — hostigamiento');
    await app.getByRole('button', { name: 'Crear caso' }).click();
    await app.getByRole('tab', { name: 'Cronología' }).click();
    await app.getByRole('button', { name: 'Imprimir', exact: true }).click();
    await expect(app.getByRole('dialog', { name: '¿Imprimir?' })).toContainText(
      'cola de impresión del sistema operativo',
    );
  });
});
