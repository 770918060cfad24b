// A case exported through one of the filings' redaction profiles, chosen in the export dialog, in Spanish:
// the lawyer's own profile ("leave out confidential incidents, print people by pseudonym") is offered
// beside the fixed choices, the bundle says what stayed out (counts, never values), and checking it in
// Settings names the profile. The file itself is read back in tests/unit/bundles/redact-profile.test.ts.
import { join } from 'node:path';
import { precautionaryRequest } from '../support/fixtures';
import { expect, openCases, screenshot, test } from './fixtures';
import { call } from './support';

const PASS = 'Ríos de Oaxaca, marzo 2026, sin olvido';
const BUNDLE = 'una frase para el paquete de prueba';
const TITLE = 'Defensora de la Montaña — paquete para el Estado';
const PROFILE = 'Para el Estado (sin hechos reservados)';

test('pick a filings redaction profile in the export dialog; the bundle names it and counts what stayed out', async ({
  app,
  bridge,
  workDir,
}) => {
  test.setTimeout(180_000);
  await call(bridge, 'settings:update', { language: 'es' });
  await call(bridge, 'vault:create', { path: join(workDir, 'boveda'), passphrase: PASS });
  const matter = await call<{ id: string }>(
    bridge,
    'matters:create',
    precautionaryRequest({ reference: 'MC-330-25', title: TITLE }),
  );
  for (const [title, classification] of [
    ['Amenaza en la radio comunitaria', 'restricted'],
    ['Informante dentro de la policía municipal', 'confidential'],
    ['Vigilancia frente a la casa', 'confidential'],
  ] as const) {
    await call(bridge, 'incidents:create', {
      matterId: matter.id,
      occurredOn: '2025-02-10',
      kind: 'threat',
      title,
      description: '',
      place: '',
      source: '',
      classification,
      personIds: [],
      tags: [],
    });
  }
  await call(bridge, 'filingProfiles:save', {
    name: PROFILE,
    base: null,
    rules: {
      people: 'pseudonym',
      byRole: {},
      byPerson: {},
      petitionerIdentityWithheld: true,
      excludeConfidentialIncidents: true,
      excludedIncidentIds: [],
      excludeConfidentialExhibits: true,
      excludedEvidenceIds: [],
      excludeConfidentialNotes: true,
      exhibitIndex: true,
    },
  });
  await app.setViewportSize({ width: 1280, height: 800 });
  await app.reload();
  await openCases(app, 'Casos');
  await app.getByRole('row', { name: new RegExp(TITLE) }).click();
  await expect(app.getByRole('heading', { name: TITLE, exact: true })).toBeVisible();

  await app.getByRole('button', { name: 'Exportar paquete' }).click();
  const dialog = app.getByRole('dialog', { name: 'Exportar este caso como paquete' });
  const out = join(workDir, 'caso-estado.amparo');
  await dialog.getByLabel('Archivo del paquete (ruta completa, terminada en .amparo)').fill(out);
  await dialog.getByLabel('Frase de contraseña del paquete').fill(BUNDLE);
  await dialog.getByLabel('Protección de datos').click();
  // The fixed choices and every saved profile (the four built-in ones and the lawyer's own).
  const list = app.getByRole('listbox');
  await expect(list.getByText('Opciones fijas')).toBeVisible();
  await expect(list.getByText('Perfiles de protección de los escritos')).toBeVisible();
  for (const name of ['Solo seudónimos', 'Comisión', 'Estado', 'Co-litigantes', 'Uso público']) {
    await expect(list.getByRole('option', { name, exact: true })).toBeVisible();
  }
  await list.getByRole('option', { name: PROFILE }).click();
  await expect(dialog.getByLabel('Protección de datos')).toHaveValue(PROFILE);
  await expect(dialog.getByText(/^Se aplica como en los escritos:/)).toBeVisible();
  await screenshot(app, 'bundle-export-profile-1280');
  await dialog.getByRole('button', { name: 'Exportar', exact: true }).click();
  await expect(dialog.getByText(/^Paquete guardado en /)).toBeVisible({ timeout: 60_000 });
  // Two confidential incidents stayed out, said in words and counted.
  await expect(dialog.getByText('Se excluyeron — Hechos (confidenciales): 2.')).toBeVisible();
  await screenshot(app, 'bundle-export-profile-done-1280');
  await dialog.getByRole('button', { name: 'Cerrar', exact: true }).click();

  // Checked in Settings: the summary names the profile and repeats what stayed out.
  await app.getByRole('navigation').getByRole('button', { name: 'Configuración', exact: true }).click();
  await app.getByLabel('Archivo del paquete (ruta completa)').fill(out);
  await app.getByLabel('Frase de contraseña del paquete').fill(BUNDLE);
  await app.getByRole('button', { name: 'Revisar paquete' }).click();
  const summary = app.getByTestId('bundle-summary');
  await expect(
    summary.getByText(`Con datos reservados por quien lo envió, con el perfil «${PROFILE}».`),
  ).toBeVisible({ timeout: 60_000 });
  await expect(summary.getByText('Se excluyeron — Hechos (confidenciales): 2.')).toBeVisible();
  await summary.scrollIntoViewIfNeeded();
  await screenshot(app, 'bundle-verify-profile-1280');
});
