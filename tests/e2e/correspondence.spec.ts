// Correspondence in Spanish, in the browser: a saved e-mail from the Commission imported through the
// picker, opened (headers, text, attachments as evidence links, the original .eml), and a reply recorded
// from it, linked both ways.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commissionEmail, PDF_NAME, SUBJECT } from '../unit/communications/eml';
import { createSpanishVaultAndCase, expect, screenshot, test } from './fixtures';

const PASS = 'frase de contraseña larga para la prueba';

/** The part of the DOM's Animation this file reads (e2e specs compile without the DOM library). */
interface Animation {
  playState: string;
  effect: { getTiming(): { iterations?: number } } | null;
}

/** Serious or critical axe findings on what is shown now (after any fade-in has finished). */
async function axeSerious(page: Page): Promise<string[]> {
  await page.waitForFunction(() =>
    (globalThis as unknown as { document: { getAnimations(): Animation[] } }).document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

test('imports an e-mail from the Commission, opens it and records the reply', async ({
  app,
  bridge,
  workDir,
}) => {
  const eml = join(workDir, 'solicitud-cidh.eml');
  await writeFile(eml, commissionEmail().eml);
  bridge.setChosenFiles([eml]);
  await createSpanishVaultAndCase(app, join(workDir, 'boveda'), PASS, 'MC-1008-19 A.A.Q.O. y familia');

  await app.getByRole('tab', { name: 'Correspondencia' }).click();
  await expect(app.getByText('Aún no hay comunicaciones registradas en este caso.')).toBeVisible();
  await app.getByRole('button', { name: 'Importar correos' }).click();
  await app.getByRole('button', { name: 'Seleccionar archivos .eml' }).click();
  const results = app.getByRole('group', { name: 'Resultado de la importación' });
  await expect(results.getByText('Importado, 2 anexos')).toBeVisible();
  await results.getByRole('button', { name: 'Abrir' }).click();

  const detail = app.getByRole('article', { name: SUBJECT });
  await expect(detail.getByRole('heading', { name: SUBJECT })).toBeVisible();
  await expect(detail.getByText('Correo importado')).toBeVisible();
  await expect(detail.getByText('Secretaría Ejecutiva CIDH <cidhdenuncias@oas.org>')).toBeVisible();
  await expect(
    detail.getByText('La Comisión solicita información actualizada en un plazo de 10 días.'),
  ).toBeVisible();
  await expect(detail.getByText('Comisión (CIDH)', { exact: false })).toBeVisible();
  await expect(detail.getByText('Solicitud de información', { exact: true })).toBeVisible();
  const attachments = detail.getByRole('group', { name: 'Anexos' });
  await expect(attachments.getByRole('button', { name: PDF_NAME })).toBeVisible();
  await expect(detail.getByRole('button', { name: 'el .eml guardado (elemento de prueba)' })).toBeVisible();
  // The list row: received, the Commission, the reference parsed from the subject.
  const list = app.getByRole('table', { name: 'Correspondencia' });
  const row = list.locator('tbody tr').filter({ hasText: SUBJECT });
  await expect(row.getByRole('img', { name: 'Recibida' })).toBeVisible();
  await expect(row.getByText('MC-1008-19', { exact: true })).toBeVisible();
  // The import panel folded away: the list and the open message are what the picture is for.
  await app.getByRole('button', { name: 'Importar correos' }).click();
  await screenshot(app, 'correspondence-es');
  expect(await axeSerious(app), 'axe on the correspondence tab').toEqual([]);

  await detail.getByRole('button', { name: 'Registrar respuesta' }).click();
  const form = app.getByRole('form', { name: 'Registrar respuesta' });
  await expect(form.getByLabel('Asunto')).toHaveValue(`Re: ${SUBJECT}`);
  await expect(form.getByLabel('Referencia del órgano')).toHaveValue('MC-1008-19');
  await expect(form.getByRole('combobox', { name: 'Dirección' })).toHaveValue('Enviada');
  expect(await axeSerious(app), 'axe on the reply form').toEqual([]);
  await form.getByLabel('Texto').fill('La representación remite la información solicitada.');
  await form.getByRole('button', { name: 'Registrar' }).click();

  const reply = app.getByRole('article', { name: `Re: ${SUBJECT}` });
  await expect(reply.getByText('Responde a:')).toBeVisible();
  // Files sent with the reply become its attachments (the picker answers the same saved file here).
  await reply.getByRole('button', { name: 'Agregar anexos' }).click();
  await expect(
    reply.getByRole('group', { name: 'Anexos' }).getByRole('button', { name: 'solicitud-cidh.eml' }),
  ).toBeVisible();
  await reply.getByRole('button', { name: new RegExp(SUBJECT.slice(0, 20)) }).click();
  const original = app.getByRole('article', { name: SUBJECT });
  await expect(
    original.getByRole('group', { name: 'Respuestas' }).getByRole('button', { name: /Re: MC-1008-19/ }),
  ).toBeVisible();
  await expect(list.locator('tbody tr')).toHaveCount(2);

  // An attachment opens as the evidence item it is.
  await original.getByRole('group', { name: 'Anexos' }).getByRole('button', { name: PDF_NAME }).click();
  await expect(app.getByRole('tab', { name: 'Pruebas', selected: true })).toBeVisible();
});
