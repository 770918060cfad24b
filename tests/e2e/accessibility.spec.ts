// An axe scan of every main screen, with real content on it (a case with people, facts, a note, a risk
// assessment and an evidence photo), in the real renderer over the test bridge: no serious or critical
// violation anywhere. Each screen is scanned once it shows what a user would see, not while loading.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jpegWithExif } from '../support/media';
import { createCaseThroughUi, expect, fillVaultForm, openCases, test } from './fixtures';
import { expectAccessible } from './support';

const PASS = 'Ríos de Oaxaca, marzo 2026, sin olvido';
const CASE_TITLE = 'A.A.Q.O. y familia — amenazas y vigilancia';

test('every main screen passes an axe scan with no serious or critical violations', async ({
  app,
  bridge,
  workDir,
}) => {
  test.setTimeout(180_000);
  const nav = app.getByRole('navigation');
  const photo = join(workDir, 'pinta-en-la-pared.jpg');
  await writeFile(
    photo,
    jpegWithExif(
      { make: 'Motorola', artist: 'A.L.Q.O.', gps: { latitude: 17.0612, longitude: -96.7253 } },
      await readFile(join(__dirname, 'assets', 'mural.jpg')),
    ),
  );
  bridge.setChosenFiles([photo]);

  await expect(app.getByRole('heading', { name: 'Create a vault' })).toBeVisible();
  await fillVaultForm(app, join(workDir, 'boveda'), PASS);
  await expect(app.getByTestId('strength-meter')).toBeVisible();
  await expectAccessible(app, 'create vault');
  await app.getByRole('button', { name: 'Create vault' }).click();
  // Deriving the key (Argon2id) takes seconds, more on a loaded machine.
  await openCases(app, 'Cases', { timeout: 30_000 });

  await createCaseThroughUi(app, CASE_TITLE);
  await expectAccessible(app, 'case overview');

  await app.getByRole('tab', { name: 'People' }).click();
  await app.getByRole('button', { name: 'Add to case' }).click();
  await app.getByRole('button', { name: 'New person…' }).click();
  const personDialog = app.getByRole('dialog', { name: 'New person' });
  await personDialog.getByLabel('Legal name').fill('Ana Alicia Quiroz Ortega');
  await expectAccessible(app, 'new person dialog');
  await personDialog.getByRole('button', { name: 'Create person' }).click();
  await expect(personDialog).toBeHidden();
  const addForm = app.getByRole('form', { name: 'Add a person or organisation to the case' });
  await addForm.getByRole('button', { name: 'Add to case' }).click();
  await expect(addForm).toBeHidden();
  await expect(app.getByRole('table', { name: 'People in this case' })).toContainText('A.A.Q.O.');
  await expectAccessible(app, 'case people tab');

  await app.getByRole('tab', { name: 'Timeline' }).click();
  await app.getByRole('button', { name: 'New incident' }).click();
  const incidentForm = app.getByRole('form', { name: 'New incident' });
  await incidentForm.getByLabel('What happened').fill('Vehículo sin placas vigila el domicilio');
  await incidentForm.getByLabel('Date').fill('2024-03-12');
  await expectAccessible(app, 'incident form');
  await incidentForm.getByRole('button', { name: 'Add incident' }).click();
  await expect(app.getByRole('heading', { name: 'Vehículo sin placas vigila el domicilio' })).toBeVisible();
  await expectAccessible(app, 'case timeline tab');
  await app.getByRole('button', { name: 'Print', exact: true }).click();
  const printDialog = app.getByRole('dialog', { name: 'Print?' });
  await expect(printDialog).toContainText('print spooler');
  await expectAccessible(app, 'print confirmation');
  await printDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(printDialog).toBeHidden();

  await app.getByRole('tab', { name: 'Risk' }).click();
  await app.getByRole('button', { name: 'New assessment' }).click();
  await expect(app.getByRole('group', { name: 'Seriousness' })).toBeVisible();
  await expectAccessible(app, 'risk form');
  await app.getByRole('button', { name: 'Save assessment' }).click();
  await expect(app.getByRole('list', { name: 'Assessments, newest first' })).toContainText('Current');
  await expectAccessible(app, 'case risk tab');

  await app.getByRole('tab', { name: 'Notes' }).click();
  await app.getByRole('button', { name: 'New note' }).click();
  const noteForm = app.getByRole('form', { name: 'New note' });
  await noteForm.getByLabel('Title').fill('Estrategia');
  await noteForm.getByLabel('Text').fill('**Urgente**: pedir ampliación de medidas');
  await expectAccessible(app, 'note form');
  await noteForm.getByRole('button', { name: 'Add note' }).click();
  await expect(app.getByRole('article', { name: 'Estrategia' })).toBeVisible();
  await expectAccessible(app, 'case notes tab');

  await app.getByRole('tab', { name: 'Evidence' }).click();
  await app.getByRole('button', { name: 'Choose files…' }).click();
  await app.getByRole('button', { name: /^Add \d+ files?$/ }).click();
  await expect(app.getByText('1 file added to the case.')).toBeVisible();
  await expectAccessible(app, 'case evidence tab');
  await app.getByRole('button', { name: /pinta-en-la-pared/ }).click();
  await expect(app.getByTestId('evidence-preview-image')).toBeVisible();
  await expect(app.getByRole('table', { name: 'Chain of custody' })).toContainText('Acquired');
  await expectAccessible(app, 'evidence item');

  await nav.getByRole('button', { name: 'Cases' }).click();
  await expect(app.getByRole('row', { name: new RegExp(CASE_TITLE) })).toBeVisible();
  await expectAccessible(app, 'case list');
  // A row opens from the keyboard through the button in it.
  await app.getByRole('button', { name: CASE_TITLE, exact: true }).press('Enter');
  await expect(app.getByRole('heading', { name: CASE_TITLE })).toBeVisible();

  await nav.getByRole('button', { name: 'People' }).click();
  await expect(app.getByRole('table', { name: 'People' })).toContainText('A.A.Q.O.');
  await expectAccessible(app, 'people');

  await nav.getByRole('button', { name: 'Search' }).click();
  const searchForm = app.getByRole('search');
  await searchForm.getByLabel('Search for').fill('ampliacion');
  await searchForm.getByRole('button', { name: 'Search' }).click();
  await expect(app.getByRole('region', { name: 'Notes' })).toBeVisible();
  await expectAccessible(app, 'search');

  await app
    .getByRole('region', { name: 'Notes' })
    .getByRole('button', { name: /Estrategia/ })
    .click();
  await app.getByRole('button', { name: 'Delete “Estrategia”' }).click();
  await expect(app.getByText('No notes yet.')).toBeVisible();
  await nav.getByRole('button', { name: 'Deleted items' }).click();
  await expect(app.getByRole('row', { name: /Estrategia/ })).toBeVisible();
  await expectAccessible(app, 'deleted items');

  await nav.getByRole('button', { name: 'Audit log' }).click();
  await expect(app.getByRole('table').first()).toBeVisible();
  await expectAccessible(app, 'audit log');

  await nav.getByRole('button', { name: 'Settings' }).click();
  await expect(app.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expectAccessible(app, 'settings');

  await app.getByRole('button', { name: 'Lock now' }).click();
  await expect(app.getByRole('heading', { name: 'Unlock vault' })).toBeVisible();
  await expectAccessible(app, 'unlock');
});

test.describe('in dark mode (the app follows the system)', () => {
  test.use({ colorScheme: 'dark' });

  test('the main screens pass the same axe scan', async ({ app, bridge, workDir }) => {
    test.setTimeout(120_000);
    const nav = app.getByRole('navigation');
    const photo = join(workDir, 'pinta-en-la-pared.jpg');
    await writeFile(
      photo,
      jpegWithExif({ artist: 'A.L.Q.O.' }, await readFile(join(__dirname, 'assets', 'mural.jpg'))),
    );
    bridge.setChosenFiles([photo]);

    await fillVaultForm(app, join(workDir, 'boveda'), PASS);
    await expectAccessible(app, 'create vault (dark)');
    await app.getByRole('button', { name: 'Create vault' }).click();
    await openCases(app, 'Cases', { timeout: 30_000 });
    await createCaseThroughUi(app, CASE_TITLE);
    await expectAccessible(app, 'case overview (dark)');
    await app.getByRole('tab', { name: 'Timeline' }).click();
    await app.getByRole('button', { name: 'New incident' }).click();
    const incidentForm = app.getByRole('form', { name: 'New incident' });
    await incidentForm.getByLabel('What happened').fill('Vehículo sin placas vigila el domicilio');
    await incidentForm.getByLabel('Date').fill('2024-03-12');
    await incidentForm.getByRole('button', { name: 'Add incident' }).click();
    await expect(app.getByRole('heading', { name: 'Vehículo sin placas vigila el domicilio' })).toBeVisible();
    await expectAccessible(app, 'case timeline tab (dark)');
    await app.getByRole('tab', { name: 'Evidence' }).click();
    await app.getByRole('button', { name: 'Choose files…' }).click();
    await app.getByRole('button', { name: /^Add \d+ files?$/ }).click();
    await expect(app.getByText('1 file added to the case.')).toBeVisible();
    await expectAccessible(app, 'case evidence tab (dark)');
    await app.getByRole('button', { name: /pinta-en-la-pared/ }).click();
    await expect(app.getByRole('table', { name: 'Chain of custody' })).toContainText('Acquired');
    await expectAccessible(app, 'evidence item (dark)');
    await nav.getByRole('button', { name: 'Cases' }).click();
    await expect(app.getByRole('row', { name: new RegExp(CASE_TITLE) })).toBeVisible();
    await expectAccessible(app, 'case list (dark)');
    await nav.getByRole('button', { name: 'Audit log' }).click();
    await expect(app.getByRole('table').first()).toBeVisible();
    await expectAccessible(app, 'audit log (dark)');
    await nav.getByRole('button', { name: 'Settings' }).click();
    await expectAccessible(app, 'settings (dark)');
    await app.getByRole('button', { name: 'Lock now' }).click();
    await expect(app.getByRole('heading', { name: 'Unlock vault' })).toBeVisible();
    await expectAccessible(app, 'unlock (dark)');
  });
});
