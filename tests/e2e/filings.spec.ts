// Drafting a filing in the Spanish UI, in the real renderer over the test bridge: from a case, start a
// precautionary-measures request; the completeness panel says what is missing and takes the user to the
// field; a legal name typed into the text is caught by the leak guard and replaced by the pseudonym; leaving
// and coming back loses nothing; then the PDF is generated and previewed with pdf.js in the app.
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Bridge } from '../bridge/server';
import { EMPTY_IDENTITY } from '../../shared/schemas/people';
import { precautionaryRequest } from '../support/fixtures';
import { expect, openCases, screenshot, screenshotPdfPage, test } from './fixtures';
import { call, expectAccessible } from './support';

const PASS = 'Sierra de Juárez, lluvia de junio, 2026';
const LEGAL_NAME = 'Rosa Elena Martínez Ochoa';
const PSEUDONYM = 'Árbol Sereno';

/** A step of the editor's Stepper, by its label (its number turns into a check mark once passed). */
function step(app: Page, label: string) {
  return app.getByTestId('filing-editor').locator('.mantine-Stepper-step', { hasText: label });
}

/** A Spanish vault with one case, a beneficiary with a protected legal name, two facts and one exhibit. */
async function seed(bridge: Bridge, app: Page, workDir: string) {
  await call(bridge, 'settings:update', { language: 'es' });
  await call(bridge, 'vault:create', { path: join(workDir, 'boveda'), passphrase: PASS });
  const matter = await call<{ id: string; title: string }>(
    bridge,
    'matters:create',
    precautionaryRequest({ title: 'Defensora en la Sierra Norte' }),
  );
  const person = await call<{ id: string }>(bridge, 'people:create', {
    pseudonym: PSEUDONYM,
    classification: 'restricted',
    identity: { ...EMPTY_IDENTITY, legalName: LEGAL_NAME },
  });
  await call(bridge, 'parties:add', { matterId: matter.id, role: 'beneficiary', personId: person.id });
  const fact = {
    place: 'Ixtlán de Juárez, Oaxaca',
    source: '',
    classification: 'restricted',
    personIds: [person.id],
    tags: [],
  };
  await call(bridge, 'incidents:create', {
    ...fact,
    matterId: matter.id,
    occurredOn: '2026-03-02',
    kind: 'threat',
    title: 'Amenaza frente al domicilio',
    description: 'Dos hombres armados la esperaron frente a su casa.',
  });
  await call(bridge, 'incidents:create', {
    ...fact,
    matterId: matter.id,
    occurredOn: '2026-03-05',
    kind: 'report_to_authority',
    title: 'Denuncia ante la Fiscalía',
    description: 'Denuncia penal presentada ante la Fiscalía estatal.',
  });
  await call(bridge, 'evidence:add', {
    matterId: matter.id,
    operationId: randomUUID(),
    paths: [join(__dirname, 'assets', 'mural.jpg')],
  });
  // A measure of the Protection Mechanism, for the request's field that lists them.
  await call(bridge, 'measures:create', {
    matterId: matter.id,
    kind: 'panic_button',
    description: 'Botón de asistencia con enlace a la policía estatal.',
    authority: 'Mecanismo de Protección',
    personIds: [person.id],
    agreedOn: '2026-03-08',
    agreedWithBeneficiaries: 'yes',
    classification: 'restricted',
    firstStatus: { status: 'agreed', onDate: '2026-03-08' },
  });
  await app.reload();
  await openCases(app, 'Casos');
  return matter;
}

const SERIOUSNESS =
  `La señora ${LEGAL_NAME} ha recibido amenazas de muerte reiteradas por su labor de defensa del territorio; ` +
  'hombres armados vigilan su domicilio y el de su familia, y la Fiscalía no ha dictado medida alguna. ' +
  'La gravedad se acredita por la continuidad y la escalada de los hechos descritos en la cronología.';
const URGENCY =
  'Las amenazas se han intensificado en las últimas dos semanas y los agresores conocen sus rutinas diarias; ' +
  'el riesgo de que se materialice un ataque es inminente y exige una respuesta inmediata de la Comisión, ' +
  'pues el mecanismo nacional de protección no ha implementado las medidas acordadas.';
const IRREPARABLE =
  'La materialización del riesgo afectaría los derechos a la vida y a la integridad personal de la defensora ' +
  'y de su familia, derechos cuya lesión no admite reparación ni restitución posterior, y paralizaría la ' +
  'defensa comunitaria del territorio que ella encabeza desde hace más de diez años en la región.';

test('a precautionary request: completeness, the leak guard catches a legal name, replaced, PDF preview', async ({
  app,
  bridge,
  workDir,
}) => {
  test.setTimeout(240_000);
  const matter = await seed(bridge, app, workDir);
  await app.setViewportSize({ width: 1366, height: 900 });
  await app
    .getByRole('button', { name: /Defensora en la Sierra Norte/ })
    .first()
    .click();
  await app.getByRole('tab', { name: 'Escritos' }).click();
  await expect(app.getByText('Este caso aún no tiene escritos.')).toBeVisible();

  // A new draft: precautionary request, in Spanish, pre-filled from the case file.
  await app.getByRole('button', { name: 'Nuevo escrito' }).click();
  await expect(app.getByLabel('Tipo de escrito')).toHaveValue('Solicitud de medidas cautelares');
  await app.getByRole('button', { name: 'Crear borrador' }).click();
  const editor = app.getByTestId('filing-editor');
  await expect(editor).toBeVisible();
  await expect(editor.getByText('Solicitud de medidas cautelares · Español')).toBeVisible();

  // The completeness panel: the beneficiary is there (pre-filled), the three Art. 25 texts are not.
  const panel = app.getByTestId('filing-completeness');
  await expect(panel.locator('[data-element="beneficiaries"]')).toHaveAttribute('data-state', 'met');
  await expect(panel.locator('[data-element="seriousness"]')).not.toHaveAttribute('data-state', 'met');
  await expect(panel.locator('[data-element="consent"]')).toHaveAttribute('data-state', 'missing');
  await expect(panel).toContainText('Art. 25.2.a Reglamento CIDH');
  await expect(editor.getByLabel('Personas propuestas como beneficiarias')).toBeVisible();
  await expect(editor.getByText(PSEUDONYM).first()).toBeVisible();
  await screenshot(app, 'filing-completeness-es');
  await expectAccessible(app, 'the editor, first step');

  // Its link moves the Stepper to the step and focuses the field.
  await panel.getByRole('button', { name: 'Gravedad de la situación' }).click();
  const seriousness = editor.getByLabel('Gravedad de la situación');
  await expect(seriousness).toBeFocused();
  await seriousness.fill(SERIOUSNESS);
  await editor.getByLabel('Urgencia de la situación').fill(URGENCY);
  await editor.getByLabel('Daño irreparable').fill(IRREPARABLE);

  await panel
    .getByRole('button', { name: 'Consentimiento de las personas beneficiarias (o por qué no se obtuvo)' })
    .click();
  await editor.locator('label', { hasText: /^Sí$/ }).first().click();
  await editor
    .getByLabel('Consentimiento: cómo se obtuvo o por qué no fue posible')
    .fill('Consentimiento expreso por escrito, firmado el 6 de marzo de 2026 (se acompaña).');

  await editor.getByRole('button', { name: 'Siguiente' }).click();
  await editor.getByRole('button', { name: 'Siguiente' }).click();
  await editor.locator('label', { hasText: /^Sí$/ }).first().click();
  await editor
    .getByLabel('Qué hicieron las autoridades')
    .fill('La Fiscalía estatal abrió una carpeta de investigación y no dictó medidas de protección.');
  // The case's Mechanism measure is listed, pre-selected from the case file.
  await expect(editor.getByText('2026-03-08 — Botón de pánico — Mecanismo de Protección')).toBeVisible();
  await editor
    .getByLabel('Medidas del Mecanismo de Protección (u otras autoridades) y qué ha sido de ellas')
    .click();
  await expect(app.getByRole('option', { name: /Botón de pánico/ })).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('Escape');
  await editor
    .getByLabel('Medidas que se solicitan')
    .fill(
      'Que la Comisión requiera al Estado adoptar medidas para proteger la vida e integridad de la beneficiaria ' +
        'y de su familia, concertadas con ellas, e investigar los hechos.',
    );
  await expect(app.getByTestId('filing-save-status')).toContainText('Guardado a las', { timeout: 15_000 });
  await expect(panel.locator('[data-element="seriousness"]')).toHaveAttribute('data-state', 'met');
  await expect(panel.locator('[data-element="measures"]')).toHaveAttribute('data-state', 'met');

  // The free text: a heading, a paragraph with an exhibit reference (shown as "Anexo 1").
  await editor.getByRole('button', { name: 'Siguiente' }).click();
  const firstSection = editor.getByRole('textbox').first();
  await firstSection.click();
  await app.keyboard.press('Control+End');
  await app.keyboard.type(' La defensora vive bajo vigilancia constante. ');
  await editor.getByRole('button', { name: 'Insertar anexo' }).first().click();
  await app.getByRole('menuitem', { name: /mural/ }).click();
  await expect(editor.getByText(/Anexo 1 · /).first()).toBeVisible();
  await expect(app.getByTestId('filing-save-status')).toContainText('Guardado a las', { timeout: 15_000 });
  await screenshot(app, 'filing-editor-es');
  await expectAccessible(app, 'the editor, text step');

  // Leaving and coming back loses nothing.
  await app.getByRole('tab', { name: 'Datos generales' }).click();
  await app.getByRole('tab', { name: 'Escritos' }).click();
  await app.getByRole('button', { name: /^Abrir / }).click();
  await expect(panel.locator('[data-element="seriousness"]')).toHaveAttribute('data-state', 'met');
  await step(app, 'Riesgo').click();
  await expect(editor.getByLabel('Gravedad de la situación')).toHaveValue(SERIOUSNESS);
  await step(app, 'Texto').click();
  await expect(editor.getByRole('textbox').first()).toContainText(
    'La defensora vive bajo vigilancia constante.',
  );
  await expect(editor.getByText(/Anexo 1 · /).first()).toBeVisible();
  await step(app, 'Riesgo').click();

  // Review: the typed legal name is caught, shown in context, and blocks generation with the reason.
  await step(app, 'Revisar y generar').click();
  const leaks = app.getByTestId('filing-leaks');
  const hit = leaks.getByTestId('leak-hit').first();
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark')).toHaveText(LEGAL_NAME);
  await expect(app.getByTestId('generate-blocked')).toContainText('No se puede generar');
  await expect(app.getByRole('button', { name: 'Generar y ver' })).toBeDisabled();
  await screenshot(app, 'filing-leak-guard-es');
  await expectAccessible(app, 'the review step');
  await hit.getByRole('button', { name: `Reemplazar por seudónimo (${PSEUDONYM})` }).click();
  await expect(leaks.getByText('No se encontraron datos protegidos en el texto.')).toBeVisible();
  await expect(app.getByTestId('generate-blocked')).toHaveCount(0);

  // The text now carries the pseudonym, in the vault too.
  const saved = await call<{ answers: { seriousness: string; mechanismMeasureIds: string[] } }>(
    bridge,
    'filings:get',
    {
      id: (await call<Array<{ id: string }>>(bridge, 'filings:list', { matterId: matter.id }))[0]!.id,
    },
  );
  expect(saved.answers.seriousness).toContain(PSEUDONYM);
  expect(saved.answers.seriousness).not.toContain(LEGAL_NAME);
  expect(saved.answers.mechanismMeasureIds).toHaveLength(1);

  // Generate the PDF (the safest profile is chosen first) and preview it.
  await expect(app.getByLabel('Perfil de reserva')).toHaveValue('Uso público');
  const generated = app.waitForResponse((r) =>
    decodeURIComponent(r.url()).endsWith('/__bridge/call/filings:generate'),
  );
  await app.getByRole('button', { name: 'Generar y ver' }).click();
  const answer = (await (await generated).json()) as {
    ok: boolean;
    value: { dataBase64: string | null; generation: { sha256: string } };
  };
  expect(answer.ok).toBe(true);
  const pdf = Buffer.from(answer.value.dataBase64 ?? '', 'base64');
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(createHash('sha256').update(pdf).digest('hex')).toBe(answer.value.generation.sha256);
  await expect(app.getByTestId('generation-recorded')).toContainText(
    `SHA-256 ${answer.value.generation.sha256}`,
    { timeout: 60_000 },
  );
  await screenshotPdfPage(pdf, workDir, 'filing-request-page1');
  await expect(app.getByTestId('filing-preview-pdf')).toHaveAttribute('data-rendered', '1', {
    timeout: 60_000,
  });
  await app.getByTestId('filing-preview-pdf').scrollIntoViewIfNeeded();
  await screenshot(app, 'filing-preview-es');

  // Kept in the case as the filed version.
  await app.getByRole('button', { name: 'Conservar en el expediente' }).click();
  await expect(app.getByTestId('generation-recorded')).toContainText('versión presentada', {
    timeout: 60_000,
  });

  // Deleting the draft moves it to Deleted items, with an Undo that brings it back.
  await app.getByRole('tab', { name: 'Datos generales' }).click();
  await app.getByRole('tab', { name: 'Escritos' }).click();
  await app.getByRole('button', { name: /^Eliminar / }).click();
  await expect(app.getByText('Este caso aún no tiene escritos.')).toBeVisible();
  expect(await call<Array<{ entityType: string }>>(bridge, 'trash:list', {})).toContainEqual(
    expect.objectContaining({ entityType: 'filing' }),
  );
  await app.getByRole('button', { name: 'Deshacer' }).click();
  await expect(app.getByRole('button', { name: /^Abrir / })).toBeVisible();
});

test('a filing survives a lock; an earlier version is restored as a new one; a hit kept with a reason', async ({
  app,
  bridge,
  workDir,
}) => {
  test.setTimeout(180_000);
  const matter = await seed(bridge, app, workDir);
  await app.setViewportSize({ width: 1366, height: 900 });
  await app
    .getByRole('table', { name: 'Casos' })
    .getByRole('button', { name: 'Defensora en la Sierra Norte' })
    .click();
  await app.getByRole('tab', { name: 'Escritos' }).click();
  await app.getByRole('button', { name: 'Nuevo escrito' }).click();
  await app.getByRole('button', { name: 'Crear borrador' }).click();
  const editor = app.getByTestId('filing-editor');
  await step(app, 'Riesgo').click();
  await editor.getByLabel('Gravedad de la situación').fill(SERIOUSNESS);
  await expect(app.getByTestId('filing-save-status')).toContainText('Guardado a las', { timeout: 15_000 });

  // Typed, then locked at once: the lock carries it as a draft, and nothing of it stays in the page.
  await editor.getByLabel('Urgencia de la situación').fill(URGENCY);
  await app.keyboard.press('Control+L');
  await expect(app.getByRole('heading', { name: 'Desbloquear bóveda' })).toBeVisible();
  expect(await app.content()).not.toContain('intensificado');
  await app.getByLabel('Frase de contraseña', { exact: true }).fill(PASS);
  await app.getByRole('button', { name: 'Desbloquear' }).click();
  await expect(app.getByRole('tab', { name: 'Escritos' })).toHaveAttribute('aria-selected', 'true');
  await expect(editor).toBeVisible();
  await step(app, 'Riesgo').click();
  await expect(editor.getByLabel('Urgencia de la situación')).toHaveValue(URGENCY);
  await expect(editor.getByLabel('Gravedad de la situación')).toHaveValue(SERIOUSNESS);
  // The restored text reaches the vault by the same autosave.
  await expect
    .poll(
      async () => {
        const [summary] = await call<Array<{ id: string }>>(bridge, 'filings:list', { matterId: matter.id });
        return (await call<{ answers: { urgency: string } }>(bridge, 'filings:get', { id: summary!.id }))
          .answers.urgency;
      },
      { timeout: 15_000 },
    )
    .toBe(URGENCY);

  // Versions: the first one (as created) restored; it becomes the newest version, nothing is overwritten.
  await editor.getByRole('button', { name: 'Guardar versión' }).click();
  await expect(app.getByTestId('filing-save-status')).toContainText('Guardado a las');
  await editor.getByRole('button', { name: 'Versiones' }).click();
  const drawer = app.getByRole('dialog', { name: 'Versiones del borrador' });
  const rows = drawer.getByTestId('filing-version');
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();
  expect(before).toBeGreaterThanOrEqual(2);
  await drawer.getByRole('button', { name: 'Restaurar la versión 1' }).click();
  await expect(rows).toHaveCount(before + 1);
  await expect(drawer).toContainText('restaurada de la versión 1');
  await screenshot(app, 'filing-versions-es');
  await app.keyboard.press('Escape');
  await expect(editor.getByLabel('Gravedad de la situación')).toHaveValue('');

  // A hit can be kept instead, with a reason (required): then it no longer blocks generation.
  await step(app, 'Autoridades y medidas').click();
  await editor
    .getByLabel('Medidas que se solicitan')
    .fill(`Protección para ${LEGAL_NAME}, nombrada así a petición suya.`);
  await step(app, 'Revisar y generar').click();
  const hit = app.getByTestId('leak-hit').first();
  await expect(hit.locator('mark')).toHaveText(LEGAL_NAME);
  await hit.getByRole('button', { name: 'Conservar', exact: true }).click();
  const confirm = hit.getByRole('button', { name: 'Conservar con este motivo' });
  await expect(confirm).toBeDisabled();
  await hit.getByLabel('Motivo para conservarlo').fill('La beneficiaria pidió ser nombrada ante la Comisión');
  await confirm.click();
  await expect(hit).toHaveAttribute('data-kept', 'true');
  await expect(hit).toContainText('Conservado: La beneficiaria pidió ser nombrada ante la Comisión');
  await expect(app.getByTestId('generate-blocked')).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Generar y ver' })).toBeEnabled();
});

test('observations: the communication answered is pre-chosen and can be changed', async ({
  app,
  bridge,
  workDir,
}) => {
  test.setTimeout(120_000);
  const matter = await seed(bridge, app, workDir);
  const received = (occurredOn: string, subject: string) =>
    call<{ id: string }>(bridge, 'communications:create', {
      matterId: matter.id,
      fields: {
        direction: 'received',
        counterpart: 'commission',
        channel: 'portal',
        kind: 'request_for_information',
        occurredOn,
        subject,
      },
    });
  const older = await received('2026-03-10', 'Primera solicitud de información');
  await received('2026-04-20', 'Segunda solicitud de información');
  await app.setViewportSize({ width: 1366, height: 900 });
  await app
    .getByRole('table', { name: 'Casos' })
    .getByRole('button', { name: 'Defensora en la Sierra Norte' })
    .click();
  await app.getByRole('tab', { name: 'Escritos' }).click();
  await app.getByRole('button', { name: 'Nuevo escrito' }).click();
  await app.getByLabel('Tipo de escrito').click();
  await app.getByRole('option', { name: 'Observaciones' }).click();
  await app.getByRole('button', { name: 'Crear borrador' }).click();
  const editor = app.getByTestId('filing-editor');
  const answered = editor.getByLabel('Comunicación que se responde');
  await expect(answered).toHaveValue(/Segunda solicitud de información/);
  await answered.click();
  await app.getByRole('option', { name: /Primera solicitud de información/ }).click();
  await expect(answered).toHaveValue(/Primera solicitud de información/);
  await expect
    .poll(
      async () => {
        const [summary] = await call<Array<{ id: string }>>(bridge, 'filings:list', { matterId: matter.id });
        return (
          await call<{ answers: { communicationId: string | null } }>(bridge, 'filings:get', {
            id: summary!.id,
          })
        ).answers.communicationId;
      },
      { timeout: 15_000 },
    )
    .toBe(older.id);
});
