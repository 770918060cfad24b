// The follow-up workflow end to end, in Spanish, as a lawyer meets it: an e-mail from the Commission asking
// for information within 10 days is imported, the period it writes is confirmed as a deadline (nothing is
// set silently), the Panel shows that deadline with how it was counted, and recording the reply fulfils it.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSpanishVaultAndCase, expect, screenshot, test } from './fixtures';

const PASS = 'frase de contraseña larga para el seguimiento';
const SUBJECT = 'MC-1008-19 – Solicitud de información sobre medidas de protección';

/** A plain-text e-mail from the Commission, sent yesterday (so the deadline is ahead, whatever day CI runs). */
function requestEmail(sent: Date): string {
  const date = sent.toUTCString().replace('GMT', '+0000');
  const subject = `=?UTF-8?B?${Buffer.from(SUBJECT, 'utf8').toString('base64')}?=`;
  return [
    'From: =?UTF-8?B?' +
      Buffer.from('Secretaría Ejecutiva CIDH', 'utf8').toString('base64') +
      '?= <cidhdenuncias@oas.org>',
    'To: Defensa <defensa@example.org>',
    `Date: ${date}`,
    'Message-ID: <20261130.MC100819.seguimiento@oas.org>',
    `Subject: ${subject}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Estimada representación:',
    '',
    'La Comisión solicita a las partes que, en un plazo de 10 días, informen sobre la implementación',
    'de las medidas de protección acordadas.',
    '',
    'Secretaría Ejecutiva',
    '',
  ].join('\r\n');
}

test('an e-mail asking for information within 10 days: confirmed deadline, on the Panel with its basis, fulfilled by the reply', async ({
  app,
  bridge,
  workDir,
}) => {
  await app.setViewportSize({ width: 1366, height: 900 });
  const eml = join(workDir, 'solicitud-informacion.eml');
  await writeFile(eml, requestEmail(new Date(Date.now() - 24 * 3600 * 1000)));
  bridge.setChosenFiles([eml]);
  await createSpanishVaultAndCase(app, join(workDir, 'boveda'), PASS, 'Medidas cautelares — A.A.Q.O.');

  // Import the message and open it.
  await app.getByRole('tab', { name: 'Correspondencia' }).click();
  await app.getByRole('button', { name: 'Importar correos' }).click();
  await app.getByRole('button', { name: 'Seleccionar archivos .eml' }).click();
  const results = app.getByRole('group', { name: 'Resultado de la importación' });
  await expect(results.getByText('Importado', { exact: false })).toBeVisible();
  await results.getByRole('button', { name: 'Abrir' }).click();
  const message = app.getByRole('article', { name: SUBJECT });
  await expect(message.getByRole('heading', { name: SUBJECT })).toBeVisible();

  // The period written in the text is offered, and set only when confirmed.
  const suggestions = message.getByRole('region', { name: 'Plazos encontrados en esta comunicación' });
  await expect(suggestions.getByText('«en un plazo de 10 días»', { exact: false })).toBeVisible();
  const linked = message.getByRole('region', { name: 'Plazos de esta comunicación' });
  await expect(linked.getByText('Ninguno.')).toBeVisible();
  await suggestions.getByRole('button', { name: 'Confirmar como plazo' }).click();
  const form = app.getByRole('form', { name: 'Nuevo plazo' });
  await expect(form.getByLabel('Qué se debe presentar')).toHaveValue(SUBJECT);
  await expect(form.getByLabel('Plazo', { exact: true })).toHaveValue('10');
  await expect(form.getByRole('list', { name: 'Base del cómputo' })).toBeVisible();
  await form.getByRole('button', { name: 'Guardar plazo' }).click();
  await expect(linked.getByText(SUBJECT)).toBeVisible();
  await expect(linked.locator('[data-status="fulfilled"]')).toHaveCount(0);
  await expect(suggestions.getByText('Ya es un plazo de esta comunicación.')).toBeVisible();
  await screenshot(app, 'correspondence-deadline-es');

  // The Panel lists it, with the communication that set it and how the date was counted.
  await app.getByRole('navigation').getByRole('button', { name: 'Panel', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Panel', exact: true })).toBeVisible();
  const row = app
    .getByRole('row')
    .filter({ hasText: 'Medidas cautelares — A.A.Q.O.' })
    .filter({ hasText: SUBJECT });
  await expect(row.first()).toBeVisible();
  await row
    .first()
    .getByRole('button', { name: `Ver cómputo: ${SUBJECT}` })
    .click();
  const basis = row.first().getByRole('list', { name: 'Base del cómputo' });
  await expect(basis).toBeVisible();
  await expect(basis).toContainText('10');
  await screenshot(app, 'dashboard-with-deadline-es');

  // From the Panel to the communication that set it, and the reply recorded from there.
  await row.first().getByRole('button', { name: SUBJECT }).last().click();
  await expect(app.getByRole('tab', { name: 'Correspondencia', selected: true })).toBeVisible();
  const opened = app.getByRole('article', { name: SUBJECT });
  await opened.getByRole('button', { name: 'Registrar respuesta' }).click();
  const reply = app.getByRole('form', { name: 'Registrar respuesta' });
  await reply
    .getByLabel('Texto')
    .fill('La representación remite la información solicitada sobre las medidas.');
  await reply.getByRole('button', { name: 'Registrar' }).click();
  await expect(app.getByRole('article', { name: `Re: ${SUBJECT}` })).toBeVisible();

  // The reply fulfilled the deadline: on the Deadlines tab, and gone from the Panel's open deadlines.
  await app.getByRole('tab', { name: 'Plazos' }).click();
  const deadlines = app.getByRole('tabpanel', { name: 'Plazos' });
  await expect(deadlines.getByText(SUBJECT)).toBeVisible();
  await expect(deadlines.locator('[data-status="fulfilled"]')).toHaveText('Cumplido');
  await app.getByRole('navigation').getByRole('button', { name: 'Panel', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Panel', exact: true })).toBeVisible();
  await expect(app.getByRole('row').filter({ hasText: SUBJECT })).toHaveCount(0);
});
