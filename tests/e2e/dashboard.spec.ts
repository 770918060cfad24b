// The dashboard after unlock and the calendar, in Spanish. The vault is made and filled on disk with the
// same SQL the unit tests use (no channel writes deadlines in this branch yet), then unlocked through the
// bridge: the Panel shows the overdue deadline with its case and source, a confidential case by reference
// only, and the calendar moves by keyboard to the deadline's day and opens its case.
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createVault } from '../../electron/core/vault/vault';
import { communication, deadline, incident, matter, measure } from '../unit/dashboard/seed';
import { expect, screenshot, test } from './fixtures';
import { call } from './support';

const PASS = 'Plazos de la Comisión, diciembre 2026';
const ZONE = 'America/Mexico_City';

test.use({ timezoneId: ZONE });

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`));
  expect(serious, `serious or critical axe violations on ${screen}`).toEqual([]);
}

/** A date in Mexico City (UTC−6 all year, like Costa Rica) `days` from today. */
function day(days: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(
    new Date(Date.now() + days * 86_400_000),
  );
  return parts.slice(0, 10);
}
/** 24:00 of a Costa Rica date (UTC−6) is 06:00Z of the next day. */
const endOf = (date: string) =>
  `${new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)}T06:00:00Z`;

test('the Panel after unlock shows what is overdue, and the calendar reaches it by keyboard', async ({
  app,
  bridge,
  workDir,
}) => {
  const path = join(workDir, 'boveda');
  const vault = await createVault(path, PASS, {
    kdfCost: { memoryKiB: 8 * 1024, iterations: 1, parallelism: 1 },
  });
  const yesterday = day(-1);
  try {
    const main = matter(vault.db, { reference: 'MC-1008-19', title: 'Familia Q.O. en Guerrero' });
    const secret = matter(vault.db, {
      reference: 'MC-77-20',
      title: 'Defensora reservada',
      classification: 'confidential',
    });
    const request = communication(vault.db, main, {
      direction: 'received',
      occurredOn: day(-12),
      kind: 'request_for_information',
      subject: 'Solicitud de información (10 días)',
    });
    deadline(vault.db, main, {
      title: 'Responder a la Comisión',
      dueDate: yesterday,
      instant: endOf(yesterday),
      communicationId: request,
    });
    // The escalation and the measures, for the case overview's charts.
    for (const days of [-80, -45, -40, -20, -12, -11, -3]) incident(vault.db, main, day(days));
    measure(vault.db, main, 'panic_button', 'failing');
    measure(vault.db, main, 'cctv', 'implemented');
    measure(vault.db, main, 'patrols', 'agreed');
    deadline(vault.db, secret, { title: 'Escrito reservado', dueDate: yesterday, instant: endOf(yesterday) });
  } finally {
    vault.close();
  }
  await call(bridge, 'settings:update', { language: 'es' });
  await call(bridge, 'vault:unlock', { path, passphrase: PASS });
  await app.setViewportSize({ width: 1366, height: 768 });
  await app.reload();

  await expect(app.getByRole('heading', { name: 'Panel', level: 2 })).toBeVisible({ timeout: 30_000 });
  const overdue = app.getByTestId('dashboard-overdue');
  await expect(overdue).toContainText('MC-1008-19');
  await expect(overdue).toContainText('Responder a la Comisión');
  await expect(overdue.getByRole('button', { name: 'Solicitud de información (10 días)' })).toBeVisible();
  // The confidential case: its reference, never its title or its deadline's.
  await expect(overdue).toContainText('MC-77-20');
  await expect(app.locator('body')).not.toContainText('Defensora reservada');
  await expect(app.locator('body')).not.toContainText('Escrito reservado');
  await expect(app.getByTestId('dashboard-week')).toContainText('Nada vence esta semana');
  await expect(app.getByTestId('dashboard-inactivity')).toContainText('MC-1008-19');
  await expect(app.getByRole('heading', { name: 'Plazos por semana' })).toBeVisible();
  await screenshot(app, 'dashboard-1366');
  await expectNoSeriousViolations(app, 'dashboard');

  await overdue.getByRole('button', { name: 'MC-1008-19' }).click();
  await expect(app.getByRole('heading', { name: 'Familia Q.O. en Guerrero' })).toBeVisible();
  await expect(app.getByTestId('unanswered-requests')).toContainText('Solicitud de información (10 días)');
  await expect(app.getByTestId('next-deadlines')).toContainText('Responder a la Comisión');
  await expect(app.getByRole('heading', { name: 'Hechos por mes' })).toBeVisible();
  await expect(app.getByTestId('chart-measures')).toContainText('Botón de pánico');
  await app.getByTestId('chart-incidents').getByText('Ver como tabla').click();
  await expect(app.getByTestId('chart-incidents').getByRole('table')).toBeVisible();
  await screenshot(app, 'case-next-steps-1366');

  const nav = app.getByRole('navigation');
  await nav.getByRole('button', { name: 'Calendario' }).click();
  await expect(app.getByRole('heading', { name: 'Calendario', level: 2 })).toBeVisible();
  const grid = app.getByRole('grid');
  const today = grid.locator(`[data-date="${day(0)}"]`);
  await today.focus();
  await app.keyboard.press('ArrowLeft');
  const cell = grid.locator(`[data-date="${yesterday}"]`);
  await expect(cell).toBeFocused();
  await expect(cell).toHaveAttribute('aria-selected', 'true');
  await expect(cell).toContainText('Responder a la Comisión');
  await expect(cell).toContainText('MC-77-20');
  await screenshot(app, 'calendar-month-1366');
  await expectNoSeriousViolations(app, 'calendar');

  const heading = app.getByTestId('calendar-heading');
  const month = await heading.textContent();
  await app.keyboard.press('PageDown');
  await expect(heading).not.toHaveText(month ?? '');
  await app.keyboard.press('PageUp');
  await expect(heading).toHaveText(month ?? '');
  await app.getByText('Semana', { exact: true }).click();
  await expect(heading).toContainText('Semana del');
  await expect(grid.locator(`[data-date="${yesterday}"]`)).toContainText('Responder a la Comisión');
  await screenshot(app, 'calendar-week-1366');

  await grid.getByRole('button', { name: /Responder a la Comisión/ }).click();
  await expect(app.getByRole('heading', { name: 'Familia Q.O. en Guerrero' })).toBeVisible();
});

test('an empty vault: the Panel says what to do, and the inactivity months are a vault setting', async ({
  app,
  bridge,
  workDir,
}) => {
  await call(bridge, 'settings:update', { language: 'es' });
  await call(bridge, 'vault:create', { path: join(workDir, 'vacia'), passphrase: PASS });
  await app.reload();
  await expect(app.getByRole('heading', { name: 'Panel', level: 2 })).toBeVisible({ timeout: 30_000 });
  await expect(app.getByTestId('dashboard-overdue')).toContainText('No hay plazos vencidos');
  await expect(app.getByTestId('dashboard-inactivity')).toContainText('Ningún caso lleva sin actividad');
  await screenshot(app, 'dashboard-empty');

  await app
    .getByTestId('dashboard-inactivity')
    .getByRole('button', { name: 'Cambie los meses en Configuración.' })
    .click();
  const months = app.getByLabel('Medidas cautelares otorgadas');
  await expect(months).toHaveValue('6 meses');
  await months.fill('3');
  await app
    .getByRole('region', { name: 'Alerta de inactividad' })
    .getByRole('button', { name: 'Guardar' })
    .click();
  await expect
    .poll(
      async () =>
        (await call<{ inactivityMonths: Record<string, number> }>(bridge, 'vaultSettings:get', {}))
          .inactivityMonths.precautionary_measure,
    )
    .toBe(3);
});
