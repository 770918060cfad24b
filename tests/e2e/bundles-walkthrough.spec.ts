// The bundles workflow as a lawyer walks it in the Spanish UI, with the screenshots the README shows:
// the vault's keys (the age key's QR code read back by an independent decoder), a case exported with
// "solo seudónimos", checked and imported into a second vault; then a vault with two cases backed up
// from Settings and restored from Settings into a new folder, which opens with both cases.
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Page } from '@playwright/test';
import { createSpanishVaultAndCase, expect, openCases, screenshot, test } from './fixtures';
import {
  BUNDLE,
  PASS,
  bundlePath,
  exportOpenCase,
  goTo,
  imported,
  lockAndCreate,
  newCase,
  openCase,
} from './bundles-steps';

declare const document: { querySelector(selector: string): unknown };
interface Canvas2d {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
  };
}

/** The QR code's pixels as the page drew them, decoded in the test process by jsQR. */
async function decodeQr(app: Page): Promise<string | null> {
  const image = await app.evaluate(() => {
    const canvas = document.querySelector('[data-testid="age-recipient-qr"]') as Canvas2d;
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    return { width: canvas.width, height: canvas.height, data: Array.from(data) };
  });
  return jsQR(Uint8ClampedArray.from(image.data), image.width, image.height)?.data ?? null;
}

async function bothSizes(app: Page, name: string): Promise<void> {
  await screenshot(app, `${name}-1280`);
  await app.setViewportSize({ width: 1024, height: 700 });
  await screenshot(app, `${name}-1024`);
  await app.setViewportSize({ width: 1280, height: 800 });
}

test('keys with a QR code, a redacted case exported, checked and imported into another vault', async ({
  app,
  workDir,
}) => {
  test.setTimeout(480_000);
  const title = 'Defensora de la Montaña';
  await createSpanishVaultAndCase(app, join(workDir, 'a'), PASS, title);
  // A confidential note: "solo seudónimos" leaves it out and says so.
  await app.getByRole('tab', { name: 'Notas' }).click();
  await app.getByRole('button', { name: 'Nueva nota' }).click();
  const noteForm = app.getByRole('form', { name: 'Nueva nota' });
  await noteForm.getByLabel('Título').fill('Fuente protegida');
  await noteForm.getByLabel('Texto', { exact: true }).fill('Quién nos avisó de la amenaza.');
  await noteForm.getByLabel('Clasificación').click();
  await app.getByRole('option', { name: 'Confidencial' }).click();
  await noteForm.getByRole('button', { name: 'Agregar nota' }).click();
  await expect(app.getByText('1 elemento confidencial oculto')).toBeVisible();

  await goTo(app, 'Configuración');
  const keys = app.getByRole('heading', { name: 'Paquetes: las claves de esta bóveda' });
  await keys.scrollIntoViewIfNeeded();
  const recipient = (await app.getByTestId('age-recipient').textContent())!.trim();
  expect(recipient).toMatch(/^age1[0-9a-z]{58}$/);
  const qr = app.getByRole('img', { name: 'Código QR de la clave pública age' });
  await qr.scrollIntoViewIfNeeded();
  await expect(qr).toBeVisible();
  expect(await decodeQr(app)).toBe(recipient);
  const fingerprint = (await app.getByTestId('signing-fingerprint').textContent())!.trim();
  await bothSizes(app, 'bundles-identity-es');

  await openCase(app, title);
  const file = bundlePath(workDir, 'montana');
  await exportOpenCase(app, file, {
    redact: true,
    whenDone: async (dialog) => {
      await expect(dialog.getByText(/Se excluyeron — Notas \(confidenciales\): 1\./)).toBeVisible();
      await bothSizes(app, 'bundle-export-es');
    },
  });

  await lockAndCreate(app, join(workDir, 'b'));
  await goTo(app, 'Configuración');
  await app.getByLabel('Archivo del paquete (ruta completa)').fill(file);
  await app.getByLabel('Frase de contraseña del paquete').fill(BUNDLE);
  await app.getByRole('button', { name: 'Revisar paquete' }).click();
  const summary = app.getByTestId('bundle-summary');
  await expect(summary.getByText(title, { exact: true })).toBeVisible({ timeout: 60_000 });
  // In words: kinds of record, the redaction, the signer as read aloud in the first vault.
  await expect(summary.getByText(/Casos: 1/)).toBeVisible();
  await expect(summary.getByText('Se excluyeron — Notas (confidenciales): 1.')).toBeVisible();
  await expect(summary).not.toContainText(/matters|audit_log|matter_status_history/);
  await expect(summary.getByTestId('bundle-signer')).toHaveText(fingerprint);
  await summary.getByLabel(/Comparé esta huella/).check();
  await summary.scrollIntoViewIfNeeded();
  await bothSizes(app, 'bundle-verify-es');
  await summary.getByRole('button', { name: 'Importar', exact: true }).click();
  await expect(imported(app)).toBeVisible({ timeout: 60_000 });
  await openCase(app, title);
  await app.getByRole('tab', { name: 'Notas' }).click();
  await expect(app.getByText('Aún no hay notas.')).toBeVisible();
  await expect(app.getByText(/confidencial oculto/)).toHaveCount(0);
});

test('back up from Settings and restore from Settings into a new folder, with every case', async ({
  app,
  bridge,
  workDir,
}) => {
  test.setTimeout(480_000);
  const backupPass = 'una frase para el respaldo de prueba';
  const newPass = 'Otra bóveda, otra frase, misma memoria';
  await createSpanishVaultAndCase(app, join(workDir, 'original'), PASS, 'Defensora de la Sierra Norte');
  await newCase(app, 'Periodista de Guerrero');

  await goTo(app, 'Configuración');
  const fingerprint = (await app.getByTestId('signing-fingerprint').textContent())!.trim();
  const usb = join(workDir, 'usb');
  await mkdir(usb);
  await app.getByLabel('Carpeta del respaldo (ruta completa)').fill(usb);
  await app.getByLabel('Frase de contraseña para este respaldo').fill(backupPass);
  await app.getByRole('button', { name: 'Respaldar ahora' }).click();
  await expect(app.getByText(/^Respaldo guardado en /)).toBeVisible({ timeout: 60_000 });
  await expect(app.getByText(/^Último respaldo: /)).toBeVisible();
  await app.getByLabel('Frase de contraseña para este respaldo').scrollIntoViewIfNeeded();
  await bothSizes(app, 'bundles-backup-es');
  const [backupName, ...others] = await readdir(usb);
  expect(others).toEqual([]);

  const restore = app.getByRole('region', { name: 'Restaurar desde una copia de seguridad' });
  await restore.scrollIntoViewIfNeeded();
  bridge.setChosenFiles([join(usb, backupName!)]);
  await restore.getByRole('button', { name: 'Examinar…' }).first().click();
  await expect(restore.getByLabel('Archivo de respaldo')).toHaveValue(join(usb, backupName!));
  await restore.getByLabel('Frase de contraseña del respaldo').fill(backupPass);
  const target = join(workDir, 'restaurada');
  await restore.getByLabel('Carpeta nueva para la bóveda restaurada').fill(target);
  await restore.getByLabel('Frase de contraseña de la bóveda restaurada').fill(newPass);
  await restore.getByLabel('Repita la frase de contraseña de la bóveda').fill(newPass);
  await bothSizes(app, 'bundles-restore-settings-es');
  await restore.getByRole('button', { name: 'Restaurar y abrir' }).click();

  // The original vault holds the same two cases: wait for the restored one to be the open vault.
  await expect(app.getByRole('banner')).toContainText(`Bóveda: ${target}`, { timeout: 120_000 });
  await openCases(app, 'Casos', { timeout: 120_000 });
  await expect(app.getByRole('row', { name: /^Defensora de la Sierra Norte/ })).toBeVisible();
  await expect(app.getByRole('row', { name: /^Periodista de Guerrero/ })).toBeVisible();
  expect((await readdir(target)).length).toBeGreaterThan(0);
  // The restored vault is the same vault: its signing key came back with it.
  await goTo(app, 'Configuración');
  await expect(app.getByTestId('signing-fingerprint')).toHaveText(fingerprint);
});
