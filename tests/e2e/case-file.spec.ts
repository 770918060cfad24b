// The rest of a case's file in the real renderer over the test bridge: status history, people with family
// groups, notes in Markdown rendered safely (and found by search, which opens them on the Notes tab), the
// Art. 25 risk assessment, and deletes that go to Deleted items (with a usage check for people) until the
// bin is emptied.
import { join } from 'node:path';
import { createCaseThroughUi, createVaultThroughUi, expect, test } from './fixtures';

const PASS = 'Ríos de Oaxaca, marzo 2026, sin olvido';
const CASE_TITLE = 'M.L.H. y familia — desplazamiento forzado';

test('status history, family group, safe Markdown notes, risk assessment, deleted items', async ({
  app,
  workDir,
}) => {
  test.setTimeout(120_000);
  const nav = app.getByRole('navigation');
  await createVaultThroughUi(app, join(workDir, 'boveda'), PASS);
  await createCaseThroughUi(app, CASE_TITLE);

  // Status history: a change with its date and note.
  await app.getByRole('button', { name: 'Change status' }).click();
  const statusForm = app.getByRole('form', { name: 'Change procedural status' });
  await statusForm.getByRole('combobox', { name: 'New status' }).click();
  await app.getByRole('option', { name: 'Filed' }).click();
  await statusForm.getByLabel('Date').fill('2025-01-10');
  await statusForm.getByLabel('Note').fill('Escrito inicial enviado por el portal de la CIDH');
  await statusForm.getByRole('button', { name: 'Record status change' }).click();
  await expect(
    app
      .getByRole('table', { name: 'Status history' })
      .getByRole('row', { name: /Draft → Filed.*Escrito inicial/ }),
  ).toBeVisible();
  await expect(app.getByText('Filed', { exact: true }).first()).toBeVisible();

  // People: a beneficiary and her son, as her family group.
  await app.getByRole('tab', { name: 'People' }).click();
  const addForm = app.getByRole('form', { name: 'Add a person or organisation to the case' });
  for (const [name, initials] of [
    ['María de la Luz Hernández', 'M.L.H.'],
    ['Juan Hernández Ruiz', 'J.H.R.'],
  ] as const) {
    await app.getByRole('button', { name: 'Add to case' }).click();
    await app.getByRole('button', { name: 'New person…' }).click();
    const dialog = app.getByRole('dialog', { name: 'New person' });
    await dialog.getByLabel('Legal name').fill(name);
    await expect(dialog.getByLabel('Pseudonym')).toHaveValue(initials);
    await dialog.getByRole('button', { name: 'Create person' }).click();
    await expect(dialog).toBeHidden();
    if (initials === 'J.H.R.') {
      await addForm.getByRole('combobox', { name: 'Family of' }).click();
      await app.getByRole('option', { name: 'M.L.H.' }).click();
      await addForm.getByLabel('Relationship').fill('hijo');
    }
    await addForm.getByRole('button', { name: 'Add to case' }).click();
    await expect(addForm).toBeHidden();
  }
  const parties = app.getByRole('table', { name: 'People in this case' });
  await expect(parties.getByRole('row', { name: /J\.H\.R\..*hijo of M\.L\.H\./ })).toBeVisible();

  // Notes: Markdown becomes formatting; raw HTML and images are never rendered (no request leaves the app).
  await app.getByRole('tab', { name: 'Notes' }).click();
  await app.getByRole('button', { name: 'New note' }).click();
  const noteForm = app.getByRole('form', { name: 'New note' });
  await noteForm.getByLabel('Title').fill('Estrategia');
  await noteForm
    .getByLabel('Text')
    .fill(
      '**Urgente**: pedir ampliación\n\n<img src="x" onerror="alert(1)">\n\n![foto del domicilio](https://example.org/x.png)',
    );
  await expect(noteForm.getByRole('region', { name: 'Preview' }).locator('strong')).toHaveText('Urgente');
  await expect(noteForm.getByRole('region', { name: 'Preview' })).toContainText('[foto del domicilio]');
  await noteForm.getByRole('button', { name: 'Add note' }).click();
  const note = app.getByRole('article', { name: 'Estrategia' });
  await expect(note.locator('strong')).toHaveText('Urgente');
  expect(await app.locator('img').count()).toBe(0);

  // A search hit in a note opens its case on the Notes tab, showing that note.
  await nav.getByRole('button', { name: 'Search' }).click();
  const searchForm = app.getByRole('search');
  await searchForm.getByLabel('Search for').fill('ampliacion');
  await searchForm.getByRole('button', { name: 'Search' }).click();
  await app
    .getByRole('region', { name: 'Notes' })
    .getByRole('button', { name: /Estrategia/ })
    .click();
  await expect(app.getByRole('heading', { name: CASE_TITLE })).toBeVisible();
  await expect(app.getByRole('tab', { name: 'Notes' })).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByRole('article', { name: 'Estrategia' }).locator('strong')).toHaveText('Urgente');

  // Risk assessment along Art. 25, kept in history.
  await app.getByRole('tab', { name: 'Risk' }).click();
  await app.getByRole('button', { name: 'New assessment' }).click();
  const seriousness = app.getByRole('group', { name: 'Seriousness' });
  await seriousness.getByText('Extreme', { exact: true }).click();
  await seriousness.getByLabel('Reasoning: Seriousness').fill('Amenazas de muerte reiteradas.');
  await app.getByRole('button', { name: 'Save assessment' }).click();
  const history = app.getByRole('list', { name: 'Assessments, newest first' });
  await expect(history).toContainText('Current');
  await expect(history).toContainText('Extreme');
  await expect(history).toContainText('Amenazas de muerte reiteradas.');

  // Deleting a beneficiary says where she appears first; deleted items can be restored.
  await nav.getByRole('button', { name: 'People' }).click();
  await app.getByRole('button', { name: 'Delete M.L.H.' }).click();
  const deleteDialog = app.getByRole('dialog', { name: 'Delete M.L.H.?' });
  await expect(deleteDialog.getByRole('list')).toContainText(`Beneficiary in “${CASE_TITLE}”`);
  await deleteDialog.getByRole('button', { name: 'Delete anyway' }).click();
  await expect(deleteDialog).toBeHidden();
  await expect(app.getByRole('button', { name: 'Delete M.L.H.' })).toBeHidden();
  await nav.getByRole('button', { name: 'Deleted items' }).click();
  await app.getByRole('button', { name: 'Restore M.L.H.' }).click();
  await expect(app.getByText('“M.L.H.” was restored.')).toBeVisible();
  await nav.getByRole('button', { name: 'People' }).click();
  await expect(app.getByRole('button', { name: 'Delete M.L.H.' })).toBeVisible();

  // A deleted note, then the bin emptied for good.
  await nav.getByRole('button', { name: 'Cases' }).click();
  await app.getByRole('row', { name: new RegExp(CASE_TITLE) }).click();
  await app.getByRole('tab', { name: 'Notes' }).click();
  await app.getByRole('button', { name: 'Delete “Estrategia”' }).click();
  await expect(app.getByText('No notes yet.')).toBeVisible();
  await nav.getByRole('button', { name: 'Deleted items' }).click();
  await expect(app.getByRole('row', { name: /Estrategia/ })).toBeVisible();
  await app.getByRole('button', { name: 'Empty deleted items' }).click();
  await app
    .getByRole('dialog', { name: 'Empty deleted items?' })
    .getByRole('button', { name: 'Delete for good' })
    .click();
  await expect(app.getByText('Nothing has been deleted.')).toBeVisible();

  // Deleting a case asks first, and it can be restored.
  await nav.getByRole('button', { name: 'Cases' }).click();
  await app.getByRole('row', { name: new RegExp(CASE_TITLE) }).click();
  await app.getByRole('button', { name: 'Delete case' }).click();
  await app
    .getByRole('dialog', { name: 'Delete this case?' })
    .getByRole('button', { name: 'Delete case' })
    .click();
  await expect(app.getByText('There are no cases yet.')).toBeVisible();
  await nav.getByRole('button', { name: 'Deleted items' }).click();
  await app.getByRole('button', { name: `Restore ${CASE_TITLE}` }).click();
  await nav.getByRole('button', { name: 'Cases' }).click();
  await expect(app.getByRole('row', { name: new RegExp(CASE_TITLE) })).toBeVisible();
});
