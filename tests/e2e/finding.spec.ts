// Finding things, in Spanish, in the real renderer over the test bridge: search hits that name their case,
// the real total with more on demand, highlighted words, a fact highlighted when opened, the query and
// scroll kept on the way back; Ctrl+K to a case by a beneficiary's pseudonym; the case list keeping its
// filter; and the audit log naming who was revealed, with a link.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Bridge } from '../bridge/server';
import { EMPTY_IDENTITY } from '../../shared/schemas/people';
import { precautionaryRequest } from '../support/fixtures';
import { expect, openCases, screenshot, test } from './fixtures';
import { call } from './support';

const PASS = 'Ríos de Oaxaca, marzo 2026, sin olvido';
const FACTS = 60;

/** A Spanish-speaking vault with two cases, a beneficiary and many facts that share a word. */
async function seed(bridge: Bridge, app: Page, workDir: string) {
  await call(bridge, 'settings:update', { language: 'es' });
  await call(bridge, 'vault:create', { path: join(workDir, 'boveda'), passphrase: PASS });
  const guerrero = await call<{ id: string }>(
    bridge,
    'matters:create',
    precautionaryRequest({ reference: 'MC-1008-19', title: 'Defensora en Guerrero' }),
  );
  await call(
    bridge,
    'matters:create',
    precautionaryRequest({
      reference: 'P-2-21',
      title: 'Periodistas de Veracruz',
      matterType: 'petition',
      status: 'under_study',
    }),
  );
  const person = await call<{ id: string }>(bridge, 'people:create', {
    pseudonym: 'Árbol Sereno',
    classification: 'restricted',
    identity: { ...EMPTY_IDENTITY, legalName: 'Nombre Legal Protegido' },
  });
  await call(bridge, 'parties:add', { matterId: guerrero.id, role: 'beneficiary', personId: person.id });
  for (let i = 1; i <= FACTS; i++) {
    await call(bridge, 'incidents:create', {
      matterId: guerrero.id,
      occurredOn: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      kind: 'threat',
      title: `Hecho ${i}`,
      description: `Hostigamiento número ${i} frente al domicilio de la defensora.`,
      place: '',
      source: '',
      classification: 'restricted',
      personIds: [],
      tags: [],
    });
  }
  await app.reload();
  await openCases(app, 'Casos');
  return { guerrero: guerrero.id, person: person.id };
}

test('search with case, totals, highlight, back; Ctrl+K; list filter kept; audit names who was revealed', async ({
  app,
  bridge,
  workDir,
}) => {
  test.setTimeout(180_000);
  const { person } = await seed(bridge, app, workDir);
  const nav = app.getByRole('navigation');

  // Search: the first 50 of all 60, each naming its case, the matched word marked.
  await nav.getByRole('button', { name: 'Búsqueda' }).click();
  await app.getByRole('searchbox', { name: 'Buscar' }).fill('hostigamiento');
  await app.getByRole('button', { name: 'Buscar', exact: true }).click();
  const total = app.getByTestId('search-total');
  await expect(total).toHaveText('50 de 60 resultados para «hostigamiento»');
  const hits = app.getByTestId('search-hit');
  await expect(hits).toHaveCount(50);
  await expect(hits.first().getByTestId('hit-case')).toHaveText('Caso MC-1008-19 · Defensora en Guerrero');
  await expect(hits.first().locator('mark')).toHaveText(/^hostigamiento$/i);
  await app.setViewportSize({ width: 1366, height: 768 });
  await screenshot(app, 'finding-search-1366');
  await app.setViewportSize({ width: 1024, height: 700 });
  await screenshot(app, 'finding-search-1024');
  await app.setViewportSize({ width: 1366, height: 768 });
  await app.getByRole('button', { name: 'Más resultados' }).click();
  await expect(total).toHaveText('60 de 60 resultados para «hostigamiento»');
  await expect(hits).toHaveCount(60);
  await expect(app.getByRole('button', { name: 'Más resultados' })).toHaveCount(0);

  // Opening a fact far down the list: its case, on the timeline, with that fact highlighted.
  const target = hits.nth(55);
  const targetTitle = (await target.locator('p').nth(0).innerText()).trim();
  await target.scrollIntoViewIfNeeded();
  const scrolled = await app.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY);
  expect(scrolled).toBeGreaterThan(500);
  await target.click();
  await expect(app.getByRole('heading', { name: 'Defensora en Guerrero' })).toBeVisible();
  await expect(app.getByRole('tab', { name: 'Cronología' })).toHaveAttribute('aria-selected', 'true');
  const found = app.locator('[data-found="true"]');
  await expect(found).toBeVisible();
  await expect(found).toContainText(targetTitle);
  await expect(found).toBeInViewport();
  await screenshot(app, 'finding-fact-highlighted-1366');

  // Back: the same query, the same results, the same place on the page.
  await app.getByRole('button', { name: 'Volver a la búsqueda' }).first().click();
  await expect(app.getByRole('searchbox', { name: 'Buscar' })).toHaveValue('hostigamiento');
  await expect(total).toHaveText('60 de 60 resultados para «hostigamiento»');
  await expect
    .poll(() => app.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY))
    .toBeGreaterThan(scrolled - 200);

  // A new search never shows the old results under it.
  await app.getByRole('searchbox', { name: 'Buscar' }).fill('inexistentísimo');
  await app.getByRole('button', { name: 'Buscar', exact: true }).click();
  await expect(app.getByText('No se encontró nada.')).toBeVisible();
  await expect(hits).toHaveCount(0);

  // Ctrl+K: to a case by its beneficiary's pseudonym (accents ignored), never by the protected name.
  await app.keyboard.press('Control+K');
  const switcher = app.getByPlaceholder('Referencia, título o seudónimo de una persona beneficiaria');
  await expect(switcher).toBeFocused();
  await switcher.fill('Nombre Legal');
  await expect(app.getByText(/Ningún caso coincide/)).toBeVisible();
  await switcher.fill('arbol');
  const option = app.getByTestId('switcher-hit');
  await expect(option).toHaveCount(1);
  await expect(option).toContainText('MC-1008-19 · Defensora en Guerrero');
  await expect(option).toContainText('Persona beneficiaria: Árbol Sereno');
  await app.setViewportSize({ width: 1024, height: 700 });
  await screenshot(app, 'finding-switcher-1024');
  await switcher.press('Enter');
  await expect(app.getByRole('heading', { name: 'Defensora en Guerrero' })).toBeVisible();

  // The case list keeps its filter when a case is opened and closed.
  await nav.getByRole('button', { name: 'Casos' }).click();
  const table = app.getByRole('table', { name: 'Casos' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await app.getByRole('combobox', { name: 'Tipo de asunto' }).click();
  await app.getByRole('option', { name: 'Petición' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('P-2-21');
  await screenshot(app, 'finding-case-list-1024');
  await app.setViewportSize({ width: 1366, height: 768 });
  await screenshot(app, 'finding-case-list-1366');
  await table.getByRole('button', { name: 'Periodistas de Veracruz' }).click();
  await expect(app.getByRole('heading', { name: 'Periodistas de Veracruz' })).toBeVisible();
  await app.getByRole('button', { name: 'Volver a casos' }).first().click();
  await expect(app.getByRole('combobox', { name: 'Tipo de asunto' })).toHaveValue('Petición');
  await expect(table.getByRole('row')).toHaveCount(2);

  // The audit log says who was revealed, by pseudonym, with a link to them; never the protected name.
  await call(bridge, 'people:reveal', { personId: person, reason: 'preparar la solicitud a la CIDH' });
  await nav.getByRole('button', { name: 'Bitácora de auditoría' }).click();
  const log = app.getByRole('table', { name: 'Bitácora de auditoría' });
  const revealed = log.getByRole('row', { name: /Identidad revelada/ });
  await expect(revealed).toBeVisible();
  await expect(revealed.getByRole('button', { name: 'Abrir Árbol Sereno' })).toBeVisible();
  await expect(log).not.toContainText('Nombre Legal Protegido');
  // The case filter finds any case as it is typed, by reference or by a beneficiary.
  await app.getByRole('combobox', { name: 'Caso' }).fill('arbol');
  await app.getByRole('option', { name: 'MC-1008-19 · Defensora en Guerrero' }).click();
  await expect(
    log.getByRole('row', { name: /Registro creado.*Abrir Hecho 60.*Abrir MC-1008-19/ }),
  ).toBeVisible();
  await expect(log).not.toContainText('P-2-21');
  await screenshot(app, 'finding-audit-1366');
  await app.setViewportSize({ width: 1024, height: 700 });
  await screenshot(app, 'finding-audit-1024');
  await app.getByRole('button', { name: 'Mostrar todos los casos' }).click();
  await expect(log.getByRole('row', { name: /Identidad revelada/ })).toBeVisible();
  await revealed.getByRole('button', { name: 'Abrir Árbol Sereno' }).click();
  await expect(app.getByRole('heading', { name: 'Personas y organizaciones' })).toBeVisible();
  await expect(app.getByText('Árbol Sereno').first()).toBeVisible();
});
