// Steps of the bundles workflow as a lawyer does them in the Spanish UI, shared by the bundle specs.
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

export const PASS = 'Ríos de Oaxaca, marzo 2026, sin olvido';
export const BUNDLE = 'una frase para el paquete de prueba';

const nav = (app: Page) => app.getByRole('navigation', { name: 'Navegación principal' });

export async function goTo(app: Page, place: 'Casos' | 'Configuración' | 'Panel'): Promise<void> {
  await nav(app).getByRole('button', { name: place, exact: true }).click();
  await expect(app.getByRole('heading', { name: place, exact: true })).toBeVisible();
}

/** On a case's page: "Exportar paquete" to a passphrase, optionally "solo seudónimos"; waits for the file. */
export async function exportOpenCase(
  app: Page,
  file: string,
  options: { redact?: boolean; to?: string; whenDone?: (dialog: Locator) => Promise<void> } = {},
): Promise<void> {
  const { redact = false, to, whenDone } = options;
  await app.getByRole('button', { name: 'Exportar paquete' }).click();
  const dialog = app.getByRole('dialog', { name: 'Exportar este caso como paquete' });
  await dialog.getByLabel('Archivo del paquete (ruta completa, terminada en .amparo)').fill(file);
  if (to) {
    // To the other vault's age public key: no passphrase to share, and no scrypt to wait for.
    await dialog.getByText('Claves públicas age', { exact: true }).click();
    await dialog.getByLabel('Claves públicas age (age1…), una por línea').fill(to);
  } else {
    await dialog.getByLabel('Frase de contraseña del paquete').fill(BUNDLE);
  }
  if (redact) {
    await dialog.getByLabel('Protección de datos').click();
    await app.getByRole('option', { name: /^Solo seudónimos/ }).click();
  }
  await dialog.getByRole('button', { name: 'Exportar', exact: true }).click();
  await expect(
    dialog.getByText(new RegExp(`^Paquete guardado en ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)),
  ).toBeVisible({
    timeout: 60_000,
  });
  await whenDone?.(dialog);
  await dialog.getByRole('button', { name: 'Cerrar', exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** Settings: this vault's age public key, as a sender would copy it. */
export async function ageKey(app: Page): Promise<string> {
  await goTo(app, 'Configuración');
  return (await app.getByTestId('age-recipient').textContent())!.trim();
}

/**
 * Settings → "Importar un paquete": checks the file, expects its case in the summary and the signer
 * either unknown (the lawyer confirms the fingerprint) or already known, then imports.
 */
export async function checkAndImport(
  app: Page,
  file: string,
  caseTitle: string,
  signer: 'unknown' | 'known',
  passphrase: string | null = BUNDLE,
): Promise<void> {
  await goTo(app, 'Configuración');
  await app.getByLabel('Archivo del paquete (ruta completa)').fill(file);
  // No passphrase: a bundle made for this vault's own age key.
  if (passphrase) await app.getByLabel('Frase de contraseña del paquete').fill(passphrase);
  await app.getByRole('button', { name: 'Revisar paquete' }).click();
  const summary = app.getByTestId('bundle-summary');
  await expect(summary.getByText(caseTitle, { exact: true })).toBeVisible({ timeout: 60_000 });
  const importButton = summary.getByRole('button', { name: 'Importar', exact: true });
  if (signer === 'unknown') {
    await expect(importButton).toBeDisabled();
    await summary.getByLabel(/Comparé esta huella/).check();
  } else {
    await expect(summary.getByText('Firmado con una clave que esta bóveda conoce.')).toBeVisible();
  }
  await importButton.click();
}

export const imported = (app: Page) => app.getByText(/^Importado: \d+ nuevos/);

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function openCase(app: Page, title: string): Promise<void> {
  await goTo(app, 'Casos');
  await app.getByRole('row', { name: new RegExp(`^${escaped(title)}(?:\\s|$)`) }).click();
  await expect(app.getByRole('heading', { name: title, exact: true })).toBeVisible();
}

export async function retitle(app: Page, from: string, to: string): Promise<void> {
  await openCase(app, from);
  await app.getByRole('button', { name: 'Editar', exact: true }).click();
  await app.getByLabel('Título').fill(to);
  await app.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(app.getByRole('heading', { name: to, exact: true })).toBeVisible();
}

export async function lockAndCreate(app: Page, dir: string): Promise<void> {
  await app.getByRole('button', { name: 'Bloquear ahora' }).first().click();
  await app.getByRole('button', { name: 'Crear una bóveda nueva' }).click();
  await app.getByLabel('Carpeta de la bóveda').fill(dir);
  await app.getByLabel('Frase de contraseña', { exact: true }).fill(PASS);
  await app.getByLabel('Confirmar frase de contraseña', { exact: true }).fill(PASS);
  await app.getByRole('button', { name: 'Crear bóveda' }).click();
  await expect(app.getByRole('heading', { name: /^(Panel|Casos)$/ })).toBeVisible({ timeout: 30_000 });
}

export async function lockAndOpen(app: Page, dir: string): Promise<void> {
  await app.getByRole('button', { name: 'Bloquear ahora' }).first().click();
  await app.getByRole('button', { name: 'Abrir otra bóveda' }).click();
  await app.getByLabel('Carpeta de la bóveda').fill(dir);
  await app.getByLabel('Frase de contraseña', { exact: true }).fill(PASS);
  await app.getByRole('button', { name: 'Desbloquear' }).click();
  await expect(app.getByRole('heading', { name: /^(Panel|Casos)$/ })).toBeVisible({ timeout: 30_000 });
}

export async function newCase(app: Page, title: string): Promise<void> {
  await goTo(app, 'Casos');
  await app.getByRole('button', { name: 'Nuevo caso' }).click();
  await app.getByLabel('Título').fill(title);
  await app.getByRole('button', { name: 'Crear caso' }).click();
  await expect(app.getByRole('heading', { name: title, exact: true })).toBeVisible();
}

export const bundlePath = (workDir: string, name: string) => join(workDir, `${name}.amparo`);
