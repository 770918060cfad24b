// The backup reminder on the Panel, in Spanish. The vault is made on disk with a backup written by the
// core's own backup path 30 days ago (its clock set back), then unlocked through the bridge: the Panel
// reminds the lawyer; in Settings the "remind after" days are editable and decide whether it shows; a
// backup made there with "Respaldar ahora" ends the reminder.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Bridge } from '../bridge/server';
import { exportBundle } from '../../electron/core/bundles/export';
import { vaultContext } from '../../electron/core/services/vault-context';
import { createVault } from '../../electron/core/vault/vault';
import { expect, screenshot, test } from './fixtures';
import { call } from './support';

const PASS = 'Respaldos de la Montaña, cada semana';
const BACKUP_PASS = 'una frase para el respaldo de prueba';
const DAY = 86_400_000;

const reminder = (app: Page) => app.getByTestId('backup-reminder');

async function goTo(app: Page, place: 'Panel' | 'Configuración'): Promise<void> {
  await app.getByRole('navigation').getByRole('button', { name: place, exact: true }).click();
  await expect(app.getByRole('heading', { name: place, exact: true })).toBeVisible();
}

/** Types the days into Settings' "remind after" field and leaves it (the field saves on blur). */
async function remindAfter(app: Page, bridge: Bridge, days: number): Promise<void> {
  const field = app.getByLabel('Recordarme tras estos días sin respaldo');
  await field.fill(String(days));
  await field.blur();
  await expect
    .poll(async () => (await call<{ remindAfterDays: number }>(bridge, 'backup:status', {})).remindAfterDays)
    .toBe(days);
}

test('the Panel reminds of a backup 30 days old; the days are a setting; a backup ends it', async ({
  app,
  bridge: b,
  workDir,
}) => {
  test.setTimeout(180_000);
  const path = join(workDir, 'boveda');
  const usb = join(workDir, 'usb');
  await mkdir(usb);
  const vault = await createVault(path, PASS, {
    kdfCost: { memoryKiB: 8 * 1024, iterations: 1, parallelism: 1 },
  });
  const monthAgo = new Date(Date.now() - 30 * DAY);
  try {
    await exportBundle(
      vaultContext(
        vault,
        () => 'prueba',
        () => monthAgo,
      ),
      {
        matterIds: [],
        backup: true,
        out: join(usb, 'respaldo-anterior.amparo'),
        seal: { passphrase: BACKUP_PASS, scryptLogN: 10 },
        redaction: 'none',
        omitEvidence: [],
        since: null,
      },
    );
  } finally {
    vault.close();
  }
  await call(b, 'settings:update', { language: 'es' });
  await call(b, 'vault:unlock', { path, passphrase: PASS });
  await app.setViewportSize({ width: 1280, height: 800 });
  await app.reload();

  // The Panel: a backup older than the default 7 days.
  await expect(app.getByRole('heading', { name: 'Panel', level: 2 })).toBeVisible({ timeout: 30_000 });
  await expect(reminder(app)).toContainText('Respalde esta bóveda');
  await expect(reminder(app)).toContainText(
    'No hay respaldo desde hace 7 días o más. Si esta computadora se pierde o es asegurada, solo un respaldo recupera los casos.',
  );
  await screenshot(app, 'backup-reminder-panel-1280');

  // "Respaldar ahora" leads to Settings, where the last backup's date and the setting are.
  await reminder(app).getByRole('button', { name: 'Respaldar ahora' }).click();
  await expect(app.getByRole('heading', { name: 'Configuración', exact: true })).toBeVisible();
  await expect(app.getByText(/^Último respaldo: /)).toBeVisible();
  await expect(app.getByText('No hay respaldo desde hace 7 días o más. Haga uno ahora.')).toBeVisible();
  await expect(app.getByLabel('Recordarme tras estos días sin respaldo')).toHaveValue('7');

  // Remind after 45 days: a 30-day-old backup is recent enough, the Panel says nothing.
  await remindAfter(app, b, 45);
  await goTo(app, 'Panel');
  // The Panel has loaded (its date line), and the vault says no reminder is due.
  await expect(app.getByText(/^Hoy es /)).toBeVisible();
  expect((await call<{ due: boolean }>(b, 'backup:status', {})).due).toBe(false);
  await expect(reminder(app)).toHaveCount(0);
  // Kept across a reload (a vault setting), then back to 14 days: the reminder returns, with the days.
  await app.reload();
  await expect(app.getByRole('heading', { name: 'Panel', level: 2 })).toBeVisible({ timeout: 30_000 });
  await goTo(app, 'Configuración');
  await expect(app.getByLabel('Recordarme tras estos días sin respaldo')).toHaveValue('45');
  await remindAfter(app, b, 14);
  await goTo(app, 'Panel');
  await expect(reminder(app)).toContainText('No hay respaldo desde hace 14 días o más.');

  // A backup made now, from the reminder's button: the reminder is gone.
  await reminder(app).getByRole('button', { name: 'Respaldar ahora' }).click();
  await app.getByLabel('Carpeta del respaldo (ruta completa)').fill(usb);
  await app.getByLabel('Frase de contraseña para este respaldo').fill(BACKUP_PASS);
  await app.getByRole('main').getByRole('button', { name: 'Respaldar ahora' }).click();
  await expect(app.getByText(/^Respaldo guardado en /)).toBeVisible({ timeout: 60_000 });
  await expect(app.getByText('No hay respaldo desde hace 14 días o más. Haga uno ahora.')).toHaveCount(0);
  await goTo(app, 'Panel');
  await expect(app.getByRole('heading', { name: 'Panel', level: 2 })).toBeVisible();
  await expect.poll(async () => (await call<{ due: boolean }>(b, 'backup:status', {})).due).toBe(false);
  await expect(reminder(app)).toHaveCount(0);
  await screenshot(app, 'backup-reminder-gone-1280');
});
