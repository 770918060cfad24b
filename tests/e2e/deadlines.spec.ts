// Stored deadlines in the browser, in Spanish: a deadline counted by the Court's rule in a case, its basis
// shown live while typing and kept with it, and an extension recorded (the old due date stays in the history).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createSpanishVaultAndCase, expect, screenshot, test } from './fixtures';

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`));
  expect(serious, `serious or critical axe violations on ${screen}`).toEqual([]);
}

const PASS = 'caballo morado salta lejos del río 2023';

test('a deadline by rule shows its basis and keeps an extension in its history', async ({ app, workDir }) => {
  await app.setViewportSize({ width: 1366, height: 900 });
  await createSpanishVaultAndCase(app, `${workDir}/boveda`, PASS, 'Medidas provisionales — A.A.Q.O.');
  await app.getByRole('tab', { name: 'Plazos' }).click();
  await expect(app.getByText('Este caso aún no tiene plazos.')).toBeVisible();
  await app.getByRole('button', { name: 'Agregar plazo' }).click();

  const form = app.getByRole('form', { name: 'Nuevo plazo' });
  await form.getByLabel('Qué se debe presentar').fill('Observaciones de los representantes');
  await form.getByRole('combobox', { name: 'Regla de cómputo' }).click();
  await app.getByRole('option', { name: 'Corte Interamericana: plazos en casos contenciosos' }).click();
  await form.getByRole('textbox', { name: 'Notificado el' }).fill('05/03/2026');
  await form.getByRole('textbox', { name: 'Notificado el' }).press('Tab');
  await form.getByLabel('Plazo', { exact: true }).fill('9');

  // The live basis, from the same engine and words as the command line.
  const preview = form.getByRole('list', { name: 'Base del cómputo' });
  await expect(preview).toContainText(
    'Cae el sábado 14 de marzo de 2026, día inhábil: se traslada al lunes 16 de marzo de 2026, el siguiente día hábil.',
  );
  await expect(form.getByText('Vence el 16 mar 2026 a las 24:00 (America/Costa_Rica)')).toBeVisible();
  await screenshot(app, 'deadline-form-es');
  await expectNoSeriousViolations(app, 'the deadline form');
  await form.getByRole('button', { name: 'Guardar plazo' }).click();

  const detail = app.getByRole('region', { name: 'Observaciones de los representantes' });
  await expect(detail.getByRole('heading', { name: 'Observaciones de los representantes' })).toBeVisible();
  await expect(detail.getByRole('list', { name: 'Base del cómputo' })).toContainText(
    'se traslada al lunes 16 de marzo de 2026',
  );

  // The Court grants ten more days: counted from the due date in force, the old one kept.
  await detail.getByRole('button', { name: 'Registrar decisión de prórroga' }).click();
  const extension = detail.getByRole('form', { name: 'Registrar decisión de prórroga' });
  await extension.getByRole('textbox', { name: 'Fecha', exact: true }).fill('12/03/2026');
  await extension.getByRole('textbox', { name: 'Fecha', exact: true }).press('Tab');
  await extension.getByLabel('Plazo adicional').fill('10');
  await extension.getByRole('button', { name: 'Guardar' }).click();

  await expect(detail.getByText('Vence el 26 mar 2026 a las 24:00 (America/Costa_Rica)')).toBeVisible();
  const history = detail.getByRole('table', { name: 'Historial' });
  await expect(history).toContainText('Prórroga concedida');
  await expect(history).toContainText('Vencimiento 16 mar 2026 → 26 mar 2026');
  await expect(history).toContainText('Creado');
  await screenshot(app, 'deadline-detail-es');
  await expectNoSeriousViolations(app, 'the deadline detail');

  await detail.getByRole('button', { name: 'Volver a los plazos' }).click();
  await expect(
    app.getByRole('article').filter({ hasText: 'Observaciones de los representantes' }),
  ).toContainText('Vencido');
});

test('Settings → Calendarios adds a closure to the vault’s calendars', async ({ app, workDir }) => {
  await app.setViewportSize({ width: 1366, height: 900 });
  await createSpanishVaultAndCase(app, `${workDir}/boveda`, PASS, 'Caso con cierre');
  await app.getByRole('navigation').getByRole('button', { name: 'Configuración' }).click();
  const calendars = app.getByRole('region', { name: 'Calendarios' });
  await expect(calendars.getByText('No hay cambios de calendario en esta bóveda.')).toBeVisible();
  await calendars.getByRole('textbox', { name: 'Desde' }).fill('16/03/2026');
  await calendars.getByRole('textbox', { name: 'Desde' }).press('Tab');
  await calendars.getByLabel('Nombre').fill('Cierre del sistema de la Corte');
  await calendars.getByRole('button', { name: 'Agregar' }).click();
  await expect(calendars.getByRole('table', { name: 'Calendarios' })).toContainText(
    'Cierre del sistema de la Corte',
  );
  await expectNoSeriousViolations(app, 'Settings → Calendarios');
});
