// Protection measures and the follow-up timeline, in Spanish: a panic button the State reported for the
// seed-like case (Resolution 44/2023), later recorded as failing citing the incident that shows it, and the
// change seen on the follow-up timeline, whose entry leads back to the measure.
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { precautionaryRequest } from '../support/fixtures';
import { expect, openCases, screenshot, test } from './fixtures';
import { call } from './support';

const PASS = 'Ríos de Oaxaca, marzo 2026, sin olvido';
const TITLE = 'Medidas cautelares — A.A.Q.O. y familia';

/** No serious or critical axe violation on the screen as it is now. */
async function expectAccessible(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`));
  expect(serious, `axe violations on ${where}`).toEqual([]);
}

test('a panic button: added, recorded as failing citing an incident, seen on the follow-up timeline', async ({
  app,
  bridge,
  workDir,
}) => {
  await call(bridge, 'settings:update', { language: 'es' });
  await call(bridge, 'vault:create', { path: join(workDir, 'boveda'), passphrase: PASS });
  const matter = await call<{ id: string; revision: number }>(
    bridge,
    'matters:create',
    precautionaryRequest({ title: TITLE }),
  );
  await call(bridge, 'matters:changeStatus', {
    matterId: matter.id,
    revision: matter.revision,
    toStatus: 'granted',
    changedOn: '2023-08-12',
    note: 'Resolución 44/2023',
  });
  const person = await call<{ id: string }>(bridge, 'people:create', {
    pseudonym: 'A.A.Q.O.',
    classification: 'restricted',
  });
  await call(bridge, 'parties:add', { matterId: matter.id, role: 'beneficiary', personId: person.id });
  await call(bridge, 'incidents:create', {
    matterId: matter.id,
    occurredOn: '2024-04-03',
    kind: 'attack',
    title: 'El botón de pánico no respondió',
    description: '',
    place: '',
    source: '',
    classification: 'restricted',
    personIds: [person.id],
    tags: [],
  });

  await app.setViewportSize({ width: 1366, height: 768 });
  await app.reload();
  await openCases(app, 'Casos');
  await app.getByRole('row', { name: new RegExp(TITLE) }).click();
  await app.getByRole('tab', { name: 'Medidas de protección' }).click();
  await expect(app.getByText(/Aún no hay medidas de protección/)).toBeVisible();

  await app.getByRole('button', { name: 'Agregar medida' }).click();
  const form = app.getByRole('form', { name: 'Nueva medida de protección' });
  await form.getByLabel('Autoridad que la implementa').fill('Mecanismo de Protección (SEGOB)');
  await form.getByLabel('Descripción').fill('Botón de pánico en el domicilio de la beneficiaria');
  await form.getByRole('combobox', { name: 'Personas beneficiarias que protege' }).click();
  await app.getByRole('option', { name: 'A.A.Q.O.' }).click();
  await form.getByRole('textbox', { name: 'Acordada el' }).fill('15/09/2023');
  await form.getByRole('textbox', { name: 'Acordada el' }).press('Tab');
  await form.getByRole('combobox', { name: '¿Se acordó con las personas beneficiarias?' }).click();
  await app.getByRole('option', { name: 'Sin acuerdo de las personas beneficiarias' }).click();
  await form.getByRole('combobox', { name: 'Estado actual' }).click();
  await app.getByRole('option', { name: 'Implementada' }).click();
  const since = form.getByRole('textbox', { name: 'Estado a la fecha' });
  await since.fill('02/10/2023');
  await since.press('Tab');
  await form.getByRole('button', { name: 'Agregar medida' }).click();
  await expect(form).toBeHidden();

  const table = app.getByRole('table', { name: 'Medidas de protección' });
  const row = table.getByRole('row', { name: /Botón de pánico/ });
  await expect(row).toContainText('Mecanismo de Protección (SEGOB)');
  await expect(row).toContainText('A.A.Q.O.');
  await expect(row).toContainText('15 sep 2023');
  await expect(row).toContainText('Implementada');
  await expect(row).toContainText('desde el 2 oct 2023');

  // The detail is open after saving: record that the button failed, citing the incident.
  const detail = app.getByRole('region', { name: 'Medida Botón de pánico' });
  await detail.getByRole('button', { name: 'Registrar estado' }).click();
  const statusForm = detail.getByRole('form', { name: 'Registrar un estado' });
  await statusForm.getByRole('combobox', { name: 'Estado', exact: true }).click();
  await app.getByRole('option', { name: 'Falla' }).click();
  const date = statusForm.getByRole('textbox', { name: 'Fecha', exact: true });
  await date.fill('03/04/2024');
  await date.press('Tab');
  await statusForm.getByRole('combobox', { name: 'Lo acredita' }).click();
  await app.getByRole('option', { name: /El botón de pánico no respondió/ }).click();
  await statusForm.getByLabel('Nota').fill('No hubo respuesta a la alerta.');
  await statusForm.getByRole('button', { name: 'Registrar estado' }).click();
  await expect(statusForm).toBeHidden();

  await expect(row).toContainText('Falla');
  await expect(row).toContainText('desde el 3 abr 2024');
  await expect(row).toContainText('Hecho del 3 abr 2024: El botón de pánico no respondió');
  const history = detail.getByRole('list', { name: 'Historial de estados' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').nth(0)).toContainText('Implementada');
  await expect(history.getByRole('listitem').nth(1)).toContainText('No hubo respuesta a la alerta.');
  await screenshot(app, 'measures-tab-es-1366');
  await expectAccessible(app, 'the measures tab');

  await app.getByRole('tab', { name: 'Seguimiento' }).click();
  const timeline = app.getByRole('list', { name: 'Seguimiento' });
  const entries = timeline.getByRole('listitem');
  // The opening, the grant, the measure implemented, then failing: in date order.
  await expect(entries).toHaveCount(4);
  await expect(entries.nth(1)).toContainText('Otorgado');
  await expect(entries.nth(2)).toContainText('Implementada');
  await expect(entries.nth(3)).toContainText('3 abr 2024');
  await expect(entries.nth(3)).toContainText('Falla');
  await expect(entries.nth(3)).toContainText('Mecanismo de Protección (SEGOB) · A.A.Q.O.');
  await screenshot(app, 'followup-tab-es-1366');
  await expectAccessible(app, 'the follow-up tab');

  // A chip shows only that kind; the entry opens the measure.
  const chips = app.getByRole('group', { name: 'Tipos de entrada' });
  await chips.getByText('Medidas de protección').click();
  await expect(chips.getByRole('checkbox', { name: 'Medidas de protección' })).toBeChecked();
  await expect(entries).toHaveCount(2);
  await app.setViewportSize({ width: 1024, height: 700 });
  await screenshot(app, 'followup-tab-es-1024');
  await entries.nth(1).getByRole('button', { name: 'Botón de pánico' }).click();
  await expect(app.getByRole('tab', { name: 'Medidas de protección' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(app.getByRole('region', { name: 'Medida Botón de pánico' })).toBeVisible();
});

test('a half-written status survives Ctrl+L; the follow-up prints without its controls', async ({
  app,
  bridge,
  workDir,
}) => {
  test.setTimeout(120_000);
  await call(bridge, 'settings:update', { language: 'es' });
  await call(bridge, 'vault:create', { path: join(workDir, 'boveda'), passphrase: PASS });
  const matter = await call<{ id: string }>(bridge, 'matters:create', precautionaryRequest({ title: TITLE }));
  await call(bridge, 'measures:create', {
    matterId: matter.id,
    kind: 'cctv',
    description: 'Cámaras en el domicilio',
    authority: 'Mecanismo de Protección (SEGOB)',
    personIds: [],
    agreedOn: null,
    agreedWithBeneficiaries: 'unknown',
    classification: 'restricted',
    firstStatus: { status: 'proposed', onDate: '2023-09-01' },
  });
  await app.setViewportSize({ width: 1366, height: 768 });
  await app.reload();
  await openCases(app, 'Casos');
  await app.getByRole('row', { name: new RegExp(TITLE) }).click();
  await app.getByRole('tab', { name: 'Medidas de protección' }).click();
  await app.getByRole('button', { name: 'Cámaras de videovigilancia', exact: true }).click();
  const detail = app.getByRole('region', { name: 'Medida Cámaras de videovigilancia' });
  await detail.getByRole('button', { name: 'Registrar estado' }).click();
  const note = 'Las cámaras no graban desde la tormenta';
  await detail.getByRole('form', { name: 'Registrar un estado' }).getByLabel('Nota').fill(note);
  await app.keyboard.press('Control+L');
  await expect(app.getByRole('heading', { name: 'Desbloquear bóveda' })).toBeVisible();
  expect(await app.content()).not.toContain('no graban');

  await app.getByLabel('Frase de contraseña', { exact: true }).fill(PASS);
  await app.getByRole('button', { name: 'Desbloquear' }).click();
  await expect(app.getByRole('tab', { name: 'Medidas de protección' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const restored = app
    .getByRole('region', { name: 'Medida Cámaras de videovigilancia' })
    .getByRole('form', { name: 'Registrar un estado' });
  await expect(restored.getByLabel('Nota')).toHaveValue(note);
  await expect(restored.getByTestId('draft-restored')).toBeVisible();

  // On paper: the timeline and the case title, no tabs, chips or buttons.
  await app.getByRole('tab', { name: 'Seguimiento' }).click();
  await expect(app.getByRole('list', { name: 'Seguimiento' }).getByRole('listitem')).toHaveCount(2);
  await app.emulateMedia({ media: 'print' });
  await expect(app.getByRole('group', { name: 'Tipos de entrada' })).toBeHidden();
  await expect(app.getByRole('button', { name: 'Imprimir seguimiento' })).toBeHidden();
  await expect(app.getByRole('heading', { name: `${TITLE} — Seguimiento` })).toBeVisible();
  await screenshot(app, 'followup-print-es');
  await app.emulateMedia({ media: 'screen' });
});
