// The confidentiality workflow in the real renderer (Chromium) over the test bridge and the real core: a
// beneficiary is shown by initials everywhere until someone reveals her identity with a reason; the reveal
// ends at lock; protected search and confidential incidents need their own logged reveals; the audit log
// shows it all and verifies.
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { createCaseThroughUi, createVaultThroughUi, expect, openCases, screenshot, test } from './fixtures';

const PASS = 'Ríos de Oaxaca, marzo 2026, sin olvido';
const CASE_TITLE = 'Defensora comunitaria — amenazas en Guerrero';
const LEGAL_NAME = 'Ana López Quintero';
const REASON = 'Preparar la respuesta a la solicitud de información de la CIDH';

/** "López" must not be anywhere in the page: not shown, not hidden, not in an attribute. */
async function expectNoLegalName(page: Page): Promise<void> {
  await expect.poll(async () => (await page.content()).includes('López')).toBe(false);
}

/** Picks an option of the Mantine select labelled `label` inside `scope` (the option list is in a portal). */
async function chooseOption(
  page: Page,
  scope: Locator | Page,
  label: string,
  option: string | RegExp,
): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

test('a beneficiary is shown by initials until revealed with a reason; lock hides her again; all of it is logged', async ({
  app,
  workDir,
}) => {
  // One long story; each step waits on what the screen shows.
  test.setTimeout(120_000);
  const nav = app.getByRole('navigation');

  await createVaultThroughUi(app, join(workDir, 'boveda'), PASS);

  // A case, with a beneficiary recorded by her legal name: the pseudonym follows it as initials.
  await createCaseThroughUi(app, CASE_TITLE);
  await app.getByRole('tab', { name: 'People' }).click();
  await app.getByRole('button', { name: 'Add to case' }).click();
  await app.getByRole('button', { name: 'New person…' }).click();
  const personDialog = app.getByRole('dialog', { name: 'New person' });
  await personDialog.getByLabel('Legal name').fill(LEGAL_NAME);
  await expect(personDialog.getByLabel('Pseudonym')).toHaveValue('A.L.Q.');
  await personDialog.getByLabel('Phones').fill('+52 744 000 0000');
  await personDialog.getByRole('button', { name: 'Create person' }).click();
  await expect(personDialog).toBeHidden();
  await expect(app.getByRole('combobox', { name: 'Person' })).toHaveValue('A.L.Q.');
  await expect(app.getByRole('combobox', { name: 'Role' })).toHaveValue('Beneficiary');
  await app
    .getByRole('form', { name: 'Add a person or organisation to the case' })
    .getByRole('button', { name: 'Add to case' })
    .click();

  const parties = app.getByRole('table', { name: 'People in this case' });
  await expect(parties.getByRole('row', { name: /A\.L\.Q\..*Beneficiary/ })).toBeVisible();
  await expectNoLegalName(app);

  // The case list and the people list show the initials only.
  await app.getByRole('button', { name: 'Back to cases' }).click();
  await expect(app.getByRole('row', { name: new RegExp(CASE_TITLE) })).toBeVisible();
  await expectNoLegalName(app);
  await nav.getByRole('button', { name: 'People' }).click();
  await expect(
    app.getByRole('table', { name: 'People' }).getByRole('cell', { name: 'A.L.Q.', exact: true }),
  ).toBeVisible();
  await expectNoLegalName(app);
  await screenshot(app, 'people-pseudonyms');

  // Reveal in the case view: a reason is required, then the identity shows with the time it hides again.
  await nav.getByRole('button', { name: 'Cases' }).click();
  await app.getByRole('row', { name: new RegExp(CASE_TITLE) }).click();
  await app.getByRole('tab', { name: 'People' }).click();
  await app.getByRole('button', { name: 'Reveal identity of A.L.Q.' }).click();
  const revealDialog = app.getByRole('dialog', { name: 'Reveal the identity of A.L.Q.' });
  await revealDialog.getByRole('button', { name: 'Reveal identity' }).click();
  await expect(revealDialog.getByText(/at least 3 characters/)).toBeVisible();
  await revealDialog.getByLabel('Reason').fill(REASON);
  await revealDialog.getByRole('button', { name: 'Reveal identity' }).click();
  const identity = app.getByRole('region', { name: 'Identity of A.L.Q.' });
  await expect(identity).toContainText(LEGAL_NAME);
  await expect(identity).toContainText('+52 744 000 0000');
  await expect(identity).toContainText(/Hidden again at \d{1,2}:\d{2}/);
  await screenshot(app, 'identity-revealed');

  // "Hide" takes it out of the page at once.
  await identity.getByRole('button', { name: 'Hide' }).click();
  await expect(identity).toBeHidden();
  await expectNoLegalName(app);

  // Revealed again, then the vault is locked: after unlocking, it is hidden everywhere.
  await app.getByRole('button', { name: 'Reveal identity of A.L.Q.' }).click();
  await revealDialog.getByLabel('Reason').fill('Verificar el domicilio para la solicitud de medidas');
  await revealDialog.getByRole('button', { name: 'Reveal identity' }).click();
  await expect(identity).toContainText(LEGAL_NAME);
  await app.getByRole('button', { name: 'Lock now' }).click();
  await expect(app.getByRole('heading', { name: 'Unlock vault' })).toBeVisible();
  await expectNoLegalName(app);
  await app.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await app.getByRole('button', { name: 'Unlock' }).click();
  await openCases(app, 'Cases', { timeout: 30_000 });
  await app.getByRole('row', { name: new RegExp(CASE_TITLE) }).click();
  await app.getByRole('tab', { name: 'People' }).click();
  await expect(app.getByRole('button', { name: 'Reveal identity of A.L.Q.' })).toBeVisible();
  await expectNoLegalName(app);
  await nav.getByRole('button', { name: 'People' }).click();
  await expect(app.getByRole('button', { name: 'Reveal identity of A.L.Q.' })).toBeVisible();
  await expectNoLegalName(app);

  // Protected fields are searched only after unlocking that, with a reason; results still show initials.
  await nav.getByRole('button', { name: 'Search' }).click();
  const searchForm = app.getByRole('search');
  await searchForm.getByLabel('Search for').fill('Ana');
  await searchForm.getByRole('button', { name: 'Search' }).click();
  await expect(app.getByText('Nothing found.')).toBeVisible();
  await app.getByRole('switch', { name: 'Search protected fields' }).click();
  const unlockDialog = app.getByRole('dialog', { name: 'Search protected fields' });
  await unlockDialog.getByLabel('Reason').fill('Confirmar si la peticionaria ya tiene expediente');
  await unlockDialog.getByRole('button', { name: 'Unlock protected search' }).click();
  await expect(app.getByText(/recorded in the audit log/)).toBeVisible();
  await searchForm.getByRole('button', { name: 'Search' }).click();
  const peopleHits = app.getByRole('region', { name: 'People' });
  await expect(peopleHits.getByText('A.L.Q.')).toBeVisible();
  await expect(peopleHits.getByText('Matched a protected field')).toBeVisible();
  await expectNoLegalName(app);

  // A confidential incident stays out of the timeline until revealed (with a reason).
  await nav.getByRole('button', { name: 'Cases' }).click();
  await app.getByRole('row', { name: new RegExp(CASE_TITLE) }).click();
  await app.getByRole('tab', { name: 'Timeline' }).click();
  await app.getByRole('button', { name: 'New incident' }).click();
  let form = app.getByRole('form', { name: 'New incident' });
  await form.getByLabel('What happened').fill('Vehículo sin placas vigila el domicilio');
  await chooseOption(app, form, 'Kind', 'Surveillance');
  await form.getByLabel('Date').fill('2025-11-03');
  await form.getByLabel('Place', { exact: true }).fill('Chilpancingo, Guerrero');
  await form.getByLabel('Source', { exact: true }).fill('Testimonio de A.L.Q.');
  await form.getByRole('combobox', { name: 'People affected' }).click();
  await app.getByRole('option', { name: 'A.L.Q.' }).click();
  await app.keyboard.press('Escape');
  await form.getByRole('button', { name: 'Add incident' }).click();
  await expect(app.getByRole('heading', { name: 'Vehículo sin placas vigila el domicilio' })).toBeVisible();

  await app.getByRole('button', { name: 'New incident' }).click();
  form = app.getByRole('form', { name: 'New incident' });
  await form.getByLabel('What happened').fill('Llamada con amenazas de muerte a la defensora');
  await form.getByLabel('Date').fill('2025-11-10');
  await chooseOption(app, form, 'Classification', 'Confidential');
  await form.getByRole('button', { name: 'Add incident' }).click();
  await expect(form).toBeHidden();
  await expect(app.getByText('1 confidential item hidden')).toBeVisible();
  await expect(
    app.getByRole('heading', { name: 'Llamada con amenazas de muerte a la defensora' }),
  ).toBeHidden();
  await screenshot(app, 'timeline');
  // Printing shows the timeline only: no navigation, no controls.
  await app.emulateMedia({ media: 'print' });
  await expect(app.getByRole('heading', { name: 'Vehículo sin placas vigila el domicilio' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Lock now' })).toBeHidden();
  await expect(app.getByRole('tab', { name: 'Timeline' })).toBeHidden();
  await expect(app.getByRole('button', { name: 'New incident' })).toBeHidden();
  await app.emulateMedia({ media: 'screen' });
  await app.getByRole('button', { name: 'Reveal', exact: true }).click();
  const confidentialDialog = app.getByRole('dialog', { name: 'Reveal confidential items' });
  await confidentialDialog.getByLabel('Reason').fill('Revisar los hechos para la evaluación de riesgo');
  await confidentialDialog.getByRole('button', { name: 'Reveal' }).click();
  await expect(
    app.getByRole('heading', { name: 'Llamada con amenazas de muerte a la defensora' }),
  ).toBeVisible();
  await expect(app.getByText(/confidential item hidden/)).toBeHidden();

  // The audit log lists the reveal with its reason, and verifies.
  await nav.getByRole('button', { name: 'Audit log' }).click();
  const log = app.getByRole('table', { name: 'Audit log' });
  await expect(log.getByRole('row', { name: /Identity revealed.*Preparar la respuesta/ })).toBeVisible();
  await expect(log.getByRole('row', { name: /Confidential items revealed/ })).toBeVisible();
  await chooseOption(app, app, 'Action', 'Identity revealed');
  await expect(log.getByRole('row')).toHaveCount(3);
  await app.getByRole('button', { name: 'Verify audit log' }).click();
  await expect(app.getByText('The audit log is intact')).toBeVisible();
  await screenshot(app, 'audit-log');
  await expectNoLegalName(app);
});
