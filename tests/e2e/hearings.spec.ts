// Preparing a hearing in the Spanish UI, in the real renderer over the test bridge: the record, our speakers
// (a protected beneficiary by pseudonym), three turns checked against our share (over, then under), a turn
// moved by keyboard, two exhibits with their hashes, the binder saved to a file whose SHA-256 is the one
// shown, then the hearing-day view run by keyboard with a controlled clock, and a lock that leaves nothing.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Bridge } from '../bridge/server';
import es from '../../shared/i18n/es.json';
import { EMPTY_IDENTITY } from '../../shared/schemas/people';
import { precautionaryRequest } from '../support/fixtures';
import { expect, openCases, screenshot, test } from './fixtures';
import { call, expectAccessible } from './support';

const PASS = 'Audiencia en Washington, periodo 192, 2027';
const LEGAL_NAME = 'Rosa Elena Martínez Ochoa';
const PSEUDONYM = 'Árbol Sereno';
const LAWYER = 'Lic. Daniel Paredes';
const CASE = 'Defensora en la Sierra Norte';

/** A Spanish vault with the case, a beneficiary with a protected legal name, a fact and two exhibits. */
async function seed(bridge: Bridge, app: Page, workDir: string) {
  await call(bridge, 'settings:update', { language: 'es' });
  await call(bridge, 'vault:create', { path: join(workDir, 'boveda'), passphrase: PASS });
  const matter = await call<{ id: string }>(bridge, 'matters:create', precautionaryRequest({ title: CASE }));
  const person = await call<{ id: string }>(bridge, 'people:create', {
    pseudonym: PSEUDONYM,
    classification: 'restricted',
    identity: { ...EMPTY_IDENTITY, legalName: LEGAL_NAME },
  });
  await call(bridge, 'parties:add', { matterId: matter.id, role: 'beneficiary', personId: person.id });
  await call(bridge, 'incidents:create', {
    matterId: matter.id,
    occurredOn: '2026-03-02',
    kind: 'threat',
    title: 'Amenaza frente al domicilio',
    description: 'Dos hombres armados la esperaron frente a su casa.',
    place: 'Ixtlán de Juárez, Oaxaca',
    source: '',
    classification: 'restricted',
    personIds: [person.id],
    tags: [],
  });
  await call(bridge, 'evidence:add', {
    matterId: matter.id,
    operationId: randomUUID(),
    paths: [join(__dirname, 'assets', 'mural.jpg'), join(__dirname, 'assets', 'scan-ccitt.pdf')],
  });
  await app.reload();
  await openCases(app, 'Casos');
  return matter;
}

function catalogueValues(tree: unknown): string[] {
  if (typeof tree === 'string') return [tree];
  if (tree && typeof tree === 'object') return Object.values(tree).flatMap(catalogueValues);
  return [];
}
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Each Spanish catalogue value as a pattern, its {{interpolations}} as wildcards. */
const SPANISH = catalogueValues(es)
  .map((value) => value.split(/\{\{[^}]+\}\}/))
  // A value that is nothing but an interpolation ("{{name}}") would let anything through.
  .filter((parts) => parts.join('').trim().length >= 2)
  .map((parts) => new RegExp(`^${parts.map(escape).join('.*')}$`, 's'));

// Visible text nodes and the labels of visible elements (kept as source text: no DOM types here).
const COLLECT_TEXTS = `(() => {
  const out = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent || '').replace(/\\s+/g, ' ').trim();
    const parent = node.parentElement;
    if (!text || !parent || !parent.checkVisibility({ visibilityProperty: true })) continue;
    if (parent.closest('[aria-hidden="true"]')) continue;
    out.add(text);
  }
  for (const el of document.querySelectorAll('[placeholder], [aria-label]')) {
    if (!el.checkVisibility() || el.closest('[aria-hidden="true"]')) continue;
    for (const attr of ['placeholder', 'aria-label']) {
      const value = (el.getAttribute(attr) || '').trim();
      if (value) out.add(value);
    }
  }
  return [...out];
})()`;

/** Every visible text is Spanish from the catalogue, or this test's own data (names, topics, numbers). */
async function expectAllSpanish(page: Page, data: string[], where: string): Promise<void> {
  const allowed = [
    /^(Amparo|SHA-256|PDF|DOCX|CIDH|MC-1008-19|America\/New_York|México)$/,
    /^[\d\s.,:/#·—–\-+%()?↑↓⠿×−]+$/,
    /^(SHA-256 )?[0-9a-f]{64}$/,
    /^\d{1,2} [a-z]{3}\.? \d{4}( — .*)?$/,
    // The earlier binders: when one was made and its size.
    /^\d{1,2} [a-z]{3}\.? \d{4}, \d{2}:\d{2}$/,
    /^\d+(\.\d+)? (B|KB|MB)$/,
    /^(Bóveda): /,
    new RegExp(`^(${data.map(escape).join('|')})$`),
  ];
  const texts = (await page.evaluate(COLLECT_TEXTS)) as string[];
  expect(texts.length, `texts collected on ${where}`).toBeGreaterThan(10);
  const foreign = texts.filter(
    (text) => !allowed.some((re) => re.test(text)) && !SPANISH.some((re) => re.test(text)),
  );
  expect(foreign, `text outside the Spanish catalogue on ${where}`).toEqual([]);
}

/** Scrolls so that the element starts at the top of the window (for a screenshot of a section). */
async function scrollToTop(element: Locator): Promise<void> {
  await element.evaluate((el) =>
    (el as unknown as { scrollIntoView(options: { block: string }): void }).scrollIntoView({
      block: 'start',
    }),
  );
}

/** Picks an option of a Mantine select. */
async function choose(app: Page, select: Locator, option: string | RegExp): Promise<void> {
  await select.click();
  await app.getByRole('option', { name: option }).click();
}

test('a hearing: record, plan over and under the share, keyboard reorder, exhibits, binder, hearing-day view', async ({
  app,
  bridge,
  workDir,
}) => {
  test.setTimeout(240_000);
  const matter = await seed(bridge, app, workDir);
  await app.setViewportSize({ width: 1280, height: 800 });
  await app.getByRole('table', { name: 'Casos' }).getByRole('button', { name: CASE }).click();
  // Her identity revealed in the case (with a reason): the hearing screens still show her pseudonym only.
  await app.getByRole('tab', { name: 'Personas' }).click();
  await app.getByRole('button', { name: `Revelar la identidad de ${PSEUDONYM}` }).click();
  const reveal = app.getByRole('dialog', { name: `Revelar la identidad de ${PSEUDONYM}` });
  await reveal.getByLabel('Motivo').fill('Preparar la audiencia con la beneficiaria');
  await reveal.getByRole('button', { name: 'Revelar identidad' }).click();
  const identity = app.getByRole('region', { name: `Identidad de ${PSEUDONYM}` });
  await expect(identity).toContainText(LEGAL_NAME);
  await app.getByRole('tab', { name: 'Audiencias' }).click();
  await expect(app.getByText('Este caso aún no tiene audiencias.')).toBeVisible();

  // The record.
  await app.getByRole('button', { name: 'Nueva audiencia' }).click();
  const form = app.getByRole('form', { name: 'Nueva audiencia' });
  await form.getByLabel('Título').fill('Audiencia pública: defensoras de la Sierra Norte');
  await form.getByLabel('Órgano').fill('CIDH');
  await form.getByLabel('Periodo de sesiones').fill('192 Periodo de Sesiones');
  await form.getByRole('textbox', { name: 'Fecha', exact: true }).fill('10/03/2027');
  await form.getByLabel('Hora de inicio').fill('10:00');
  await form.getByLabel('Lugar o enlace de video').fill('https://videollamada.example/sala-3');
  await form.getByLabel('Tiempo total concedido').fill('60');
  await form.getByLabel('Nuestro tiempo').fill('15');
  await form.getByLabel('Petición 1').fill('Que la Comisión requiera medidas de protección concertadas');
  await form.getByLabel('Petición 2').fill('Que el Estado informe sobre la investigación penal');
  await form.getByLabel('Petición 3').fill('Una visita in loco a la región');
  await app.setViewportSize({ width: 1024, height: 700 });
  await screenshot(app, 'hearing-form-es-1024');
  await app.setViewportSize({ width: 1280, height: 800 });
  await form.getByRole('button', { name: 'Crear audiencia' }).click();
  const planning = app.getByTestId('hearing-planning');
  await expect(
    planning.getByRole('heading', { name: 'Audiencia pública: defensoras de la Sierra Norte' }),
  ).toBeVisible();
  const [hearing] = await call<Array<{ id: string }>>(bridge, 'hearings:list', { matterId: matter.id });
  expect(hearing).toBeDefined();
  const hearingId = hearing!.id;

  // Our speakers: the beneficiary by pseudonym (voice only) and a lawyer of the team.
  const adding = planning.getByRole('group', { name: 'Agregar participante' });
  await choose(app, adding.getByLabel('Persona del caso'), PSEUDONYM);
  await choose(app, adding.getByLabel('Presencia'), 'Solo voz');
  await adding.getByRole('button', { name: 'Agregar participante' }).click();
  const participants = planning.getByRole('table', { name: 'Participantes' });
  await expect(participants.getByRole('cell', { name: PSEUDONYM, exact: true })).toBeVisible();
  await choose(app, adding.getByLabel('Presencia'), 'Aparece en cámara');
  await adding.getByLabel('O un nombre').fill(LAWYER);
  await adding.getByLabel('Función o cargo').fill('Representante');
  await adding.getByRole('button', { name: 'Agregar participante' }).click();
  await expect(participants.getByRole('cell', { name: LAWYER, exact: true })).toBeVisible();
  await expect(participants).not.toContainText(LEGAL_NAME);

  // Three turns, 5 + 6 + 7 = 18 minutes against our 15: the plan runs over by 3:00.
  const turns = planning.getByTestId('turn-row');
  const plan = [
    {
      speaker: LAWYER,
      topic: 'Contexto de la región',
      minutes: '5',
      points: 'Despojo territorial\nAgresiones previas',
    },
    {
      speaker: PSEUDONYM,
      topic: 'Testimonio de la defensora',
      minutes: '6',
      points: 'Lo que vivió el 2 de marzo',
    },
    { speaker: LAWYER, topic: 'Peticiones a la Comisión', minutes: '7', points: 'Las tres peticiones clave' },
  ];
  for (const [i, turn] of plan.entries()) {
    await planning.getByRole('button', { name: 'Agregar turno' }).click();
    await expect(turns).toHaveCount(i + 1);
    const row = turns.nth(i);
    await choose(app, row.getByLabel('Quién habla'), turn.speaker);
    await row.getByLabel('Tema').fill(turn.topic);
    await row.getByLabel('Minutos').fill(turn.minutes);
    await row.getByLabel('Puntos de intervención').fill(turn.points);
  }
  const sum = planning.getByTestId('plan-sum');
  await expect(sum).toHaveAttribute('data-status', 'over');
  await expect(sum).toHaveText('El plan excede nuestro tiempo por 3:00 min: 18:00 min de 15:00 min.');
  // The third turn shortened to two and a half minutes, typed as mm:ss: 13:30 of 15, 1:30 left.
  const third = turns.nth(2).getByLabel('Minutos');
  await third.fill('2:30');
  await expect(sum).toHaveAttribute('data-status', 'under');
  await expect(sum).toHaveText('Plan: 13:30 min de 15:00 min de nuestro tiempo; quedan 1:30 min.');
  // A length that is not one is said once the field is left, and changes nothing.
  await third.fill('2:75');
  await third.blur();
  await expect(turns.nth(2).getByText(/^Escriba los minutos \(p\. ej\., 5\)/)).toBeVisible();
  await screenshot(app, 'hearing-minutes-invalid-es-1280');
  await expect(sum).toHaveText('Plan: 13:30 min de 15:00 min de nuestro tiempo; quedan 1:30 min.');
  await third.fill('2:30');
  await third.blur();
  await expect(third).toHaveValue('2:30');
  await expect(turns.nth(0).getByLabel('Minutos')).toHaveValue('5:00');
  await expect
    .poll(
      async () =>
        (
          await call<{ turns: Array<{ seconds: number; topic: string }> }>(bridge, 'hearings:get', {
            id: hearingId,
          })
        ).turns.map((t) => `${t.topic}/${t.seconds}`),
      { timeout: 15_000 },
    )
    .toEqual(['Contexto de la región/300', 'Testimonio de la defensora/360', 'Peticiones a la Comisión/150']);

  // By keyboard: the first turn moved down one place, announced, and kept in the vault.
  const down = planning.getByRole('button', { name: `Bajar Turno 1: ${LAWYER} — Contexto de la región` });
  await down.focus();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('reorder-announcement').first()).toHaveText(
    `Turno 1: ${LAWYER} — Contexto de la región quedó en la posición 2 de 3.`,
  );
  await expect(turns.nth(0).getByLabel('Tema')).toHaveValue('Testimonio de la defensora');
  await expect(turns.nth(1).getByLabel('Tema')).toHaveValue('Contexto de la región');
  await expect
    .poll(async () =>
      (await call<{ turns: Array<{ topic: string }> }>(bridge, 'hearings:get', { id: hearingId })).turns.map(
        (t) => t.topic,
      ),
    )
    .toEqual(['Testimonio de la defensora', 'Contexto de la región', 'Peticiones a la Comisión']);

  // By drag and drop: the last turn dragged by its handle above the first, then put back by keyboard.
  const handle = planning.getByRole('button', { name: /^Arrastrar Turno 3: / });
  // Tall enough for the three turns to be on screen together while dragging.
  await app.setViewportSize({ width: 1280, height: 1400 });
  await scrollToTop(planning.getByRole('heading', { name: 'Plan de intervenciones' }));
  const target = await turns.nth(0).boundingBox();
  const from = await handle.boundingBox();
  if (!target || !from) throw new Error('the turns are not laid out');
  await app.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await app.mouse.down();
  await app.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 5 });
  await app.mouse.move(from.x + from.width / 2, target.y + 5, { steps: 20 });
  await app.mouse.up();
  await expect(turns.nth(0).getByLabel('Tema')).toHaveValue('Peticiones a la Comisión');
  await app.setViewportSize({ width: 1280, height: 800 });
  await expect
    .poll(async () =>
      (await call<{ turns: Array<{ topic: string }> }>(bridge, 'hearings:get', { id: hearingId })).turns.map(
        (t) => t.topic,
      ),
    )
    .toEqual(['Peticiones a la Comisión', 'Testimonio de la defensora', 'Contexto de la región']);
  await planning.getByRole('button', { name: /^Bajar Turno 1: / }).focus();
  await app.keyboard.press('Enter');
  await planning.getByRole('button', { name: /^Bajar Turno 2: / }).focus();
  await app.keyboard.press('Enter');
  await expect
    .poll(async () =>
      (await call<{ turns: Array<{ topic: string }> }>(bridge, 'hearings:get', { id: hearingId })).turns.map(
        (t) => t.topic,
      ),
    )
    .toEqual(['Testimonio de la defensora', 'Contexto de la región', 'Peticiones a la Comisión']);

  // The chronology: the case's fact.
  await choose(
    app,
    planning.getByLabel('Agregar un hecho de la cronología del caso'),
    /Amenaza frente al domicilio/,
  );
  await expect(planning.getByTestId('chronology-list')).toContainText('Amenaza frente al domicilio');

  // Two exhibits, numbered, with the SHA-256 the vault took at intake.
  const evidence = await call<{ items: Array<{ title: string; sha256: string }> }>(bridge, 'evidence:list', {
    matterId: matter.id,
  });
  expect(evidence.items).toHaveLength(2);
  for (const item of evidence.items) {
    await choose(app, planning.getByLabel('Agregar una prueba'), item.title);
  }
  const exhibits = planning.getByTestId('exhibit-row');
  await expect(exhibits).toHaveCount(2);
  for (const [i, item] of evidence.items.entries()) {
    await expect(exhibits.nth(i)).toContainText(`Anexo ${i + 1}: ${item.title}`);
    await expect(exhibits.nth(i).getByTestId('exhibit-sha')).toHaveText(`SHA-256 ${item.sha256}`);
  }

  // A question the State may raise, with the answer and who gives it.
  await planning
    .getByLabel('Una pregunta o argumento que el Estado podría plantear')
    .fill('¿Por qué no se aceptó la escolta ofrecida?');
  await planning.getByRole('button', { name: 'Agregar', exact: true }).click();
  const question = planning.getByTestId('question-row');
  await question.getByLabel('Respuesta preparada').fill('Porque no fue concertada con la beneficiaria.');
  await choose(app, question.getByLabel('Quién responde'), LAWYER);
  // A second one added by mistake and taken out again by its own Remove button.
  await planning
    .getByLabel('Una pregunta o argumento que el Estado podría plantear')
    .fill('Pregunta repetida');
  await planning.getByRole('button', { name: 'Agregar', exact: true }).click();
  await expect(question).toHaveCount(2);
  await planning.getByRole('button', { name: 'Quitar Pregunta 2: Pregunta repetida' }).click();
  await expect(question).toHaveCount(1);
  await expect
    .poll(async () =>
      (
        await call<{ questions: Array<{ question: string }> }>(bridge, 'hearings:get', { id: hearingId })
      ).questions.map((q) => q.question),
    )
    .toEqual(['¿Por qué no se aceptó la escolta ofrecida?']);

  const planHeading = planning.getByRole('heading', { name: 'Plan de intervenciones' });
  await scrollToTop(planHeading);
  await screenshot(app, 'hearing-planning-es-1280');
  await app.setViewportSize({ width: 1024, height: 700 });
  await scrollToTop(planHeading);
  await screenshot(app, 'hearing-planning-es-1024');
  await app.setViewportSize({ width: 1280, height: 800 });
  await expectAccessible(app, 'the planning screen');
  const data = [
    CASE,
    'Audiencia pública: defensoras de la Sierra Norte',
    '192 Periodo de Sesiones',
    'https://videollamada.example/sala-3',
    'Que la Comisión requiera medidas de protección concertadas',
    'Que el Estado informe sobre la investigación penal',
    'Una visita in loco a la región',
    PSEUDONYM,
    LAWYER,
    ...plan.flatMap((turn) => [turn.topic, ...turn.points.split('\n')]),
    'Representante',
    'Despojo territorial Agresiones previas',
    'Amenaza frente al domicilio',
    ...evidence.items.map((item) => item.title),
    '¿Por qué no se aceptó la escolta ofrecida?',
    'Porque no fue concertada con la beneficiaria.',
    `Anexo 1: ${evidence.items[0]!.title}`,
    `Anexo 2: ${evidence.items[1]!.title}`,
  ];
  await expectAllSpanish(app, data, 'the planning screen');

  // The binder, saved to a file: the hash shown is the file's.
  const folder = join(workDir, 'chosen-vault');
  await mkdir(folder, { recursive: true });
  await app.getByRole('button', { name: 'Guardar como…' }).click();
  const recorded = app.getByTestId('binder-recorded');
  await expect(recorded).toContainText('registrado en la bitácora', { timeout: 90_000 });
  const [file] = await readdir(folder);
  expect(file).toMatch(/\.pdf$/);
  const bytes = await readFile(join(folder, file!));
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const sha = createHash('sha256').update(bytes).digest('hex');
  await expect(recorded).toContainText(`SHA-256 ${sha}`);
  // The earlier binders of this hearing, newest first: this one, with its format, profile, size and hash.
  const history = planning.getByRole('table', { name: 'Carpetas anteriores' });
  const binderRows = history.getByTestId('binder-history-row');
  await expect(binderRows).toHaveCount(1);
  await expect(binderRows.nth(0)).toContainText('PDF');
  await expect(binderRows.nth(0)).toContainText('Archivo');
  await expect(binderRows.nth(0).getByTestId('binder-history-sha')).toHaveText(sha);
  const [listed] = await call<Array<{ profileName: string; size: number }>>(bridge, 'hearings:binders', {
    hearingId,
  });
  expect(listed!.size).toBe(bytes.length);
  await expect(binderRows.nth(0)).toContainText(listed!.profileName);

  // The hearing-day view, on a clock the test moves.
  await app.clock.install();
  await app.getByTestId('open-hearing-day').click();
  const day = app.getByTestId('hearing-day-body');
  await expect(day.getByTestId('hearing-day-position')).toHaveText('Turno 1 de 3');
  const current = day.getByTestId('hearing-day-turn');
  await expect(current).toContainText(PSEUDONYM);
  await expect(current).toContainText('Testimonio de la defensora');
  await expect(current).toContainText('Lo que vivió el 2 de marzo');
  await expect(day.getByTestId('hearing-day-next')).toHaveText(`Sigue: ${LAWYER} — Contexto de la región`);
  await expect(day.getByTestId('turn-countdown-value')).toHaveText('6:00');
  await expect(day.getByTestId('share-countdown-value')).toHaveText('15:00');
  await app.clock.fastForward('01:05');
  await expect(day.getByTestId('turn-countdown-value')).toHaveText('4:55');
  await expect(day.getByTestId('share-countdown-value')).toHaveText('13:55');
  await screenshot(app, 'hearing-day-es-1280');
  await app.setViewportSize({ width: 1024, height: 700 });
  await screenshot(app, 'hearing-day-es-1024');
  await app.setViewportSize({ width: 1280, height: 800 });
  await expectAccessible(app, 'the hearing-day view');
  await expectAllSpanish(app, data, 'the hearing-day view');

  // → next turn: its own countdown starts full, the share keeps counting.
  await app.keyboard.press('ArrowRight');
  await expect(day.getByTestId('hearing-day-position')).toHaveText('Turno 2 de 3');
  await expect(current).toContainText('Contexto de la región');
  await expect(current).toContainText('Agresiones previas');
  await expect(day.getByTestId('turn-countdown-value')).toHaveText('5:00');
  // P pauses: time moving on does not count.
  await app.keyboard.press('p');
  await expect(day.getByTestId('hearing-day-paused')).toBeVisible();
  await app.clock.fastForward('02:00');
  await expect(day.getByTestId('turn-countdown-value')).toHaveText('5:00');
  await app.keyboard.press('p');
  await expect(day.getByTestId('hearing-day-paused')).toHaveCount(0);
  // Space: the last turn (2:30), then overrun shows in red with negative time.
  await app.keyboard.press(' ');
  await expect(day.getByTestId('hearing-day-position')).toHaveText('Turno 3 de 3');
  await expect(day.getByTestId('hearing-day-next')).toHaveText('Este es el último turno.');
  await app.clock.fastForward('03:00');
  await expect(day.getByTestId('turn-countdown-value')).toHaveText('−0:30');
  await expect(day.getByTestId('turn-countdown')).toHaveAttribute('data-over', 'true');
  await expect(day.getByTestId('turn-countdown')).toContainText('Tiempo excedido');
  await screenshot(app, 'hearing-day-overrun-es-1280');
  // ← back to the second turn: what was spent on it is kept.
  await app.keyboard.press('ArrowLeft');
  await expect(day.getByTestId('hearing-day-position')).toHaveText('Turno 2 de 3');
  await expect(day.getByTestId('turn-countdown-value')).toHaveText('5:00');
  // The speaker who is a person of the case is never named by her legal name here.
  await expect(app.getByTestId('hearing-day-body')).not.toContainText(LEGAL_NAME);

  // Esc leaves. The reveal was still in force all along (the case's People tab shows her legal name).
  await app.keyboard.press('Escape');
  await expect(day).toHaveCount(0);
  await expect(planning).toBeVisible();
  await expect(planning).not.toContainText(LEGAL_NAME);
  // A preview is recorded too, and comes first.
  await app.getByRole('button', { name: 'Generar y ver' }).click();
  await expect(binderRows).toHaveCount(2);
  await expect(binderRows.nth(0)).toContainText('Vista previa');
  await scrollToTop(planning.getByRole('heading', { name: 'Carpetas anteriores' }));
  await screenshot(app, 'hearing-binder-history-es-1280');
  await app.getByRole('tab', { name: 'Personas' }).click();
  await expect(identity).toContainText(LEGAL_NAME);

  // Opened again, a lock returns to the unlock screen with nothing of the hearing in the page.
  await app.getByRole('tab', { name: 'Audiencias' }).click();
  const list = app.getByRole('table', { name: 'Audiencias y reuniones de trabajo' });
  await expect(list).toContainText('Quedan 1:30 min');
  await screenshot(app, 'hearing-list-es-1280');
  await expect(list).toContainText('10 mar 2027, 10:00 (America/New_York)');
  await app.getByRole('button', { name: /^Preparar / }).click();
  await app.getByTestId('open-hearing-day').click();
  await expect(day.getByTestId('hearing-day-position')).toHaveText('Turno 1 de 3');
  await app.keyboard.press('Control+L');
  await expect(app.getByRole('heading', { name: 'Desbloquear bóveda' })).toBeVisible();
  const html = await app.content();
  for (const text of [
    'Testimonio de la defensora',
    'Contexto de la región',
    PSEUDONYM,
    LAWYER,
    'Agresiones previas',
  ]) {
    expect(html, `"${text}" left in the page after the lock`).not.toContain(text);
  }
  await expect(app.getByTestId('hearing-day')).toHaveCount(0);
});

test('talking points typed and locked at once are in the vault after unlocking, back on the same planning screen; nothing stays in the page', async ({
  app,
  bridge,
  workDir,
}) => {
  test.setTimeout(180_000);
  const matter = await seed(bridge, app, workDir);
  const created = await call<{ id: string }>(bridge, 'hearings:create', {
    matterId: matter.id,
    fields: {
      kind: 'working_meeting',
      title: 'Reunión de trabajo con el Estado',
      lang: 'es',
      ourMinutes: 20,
    },
  });
  await call(bridge, 'hearings:addTurn', {
    hearingId: created.id,
    fields: { topic: 'Medidas pendientes', seconds: 600, talkingPoints: '' },
  });
  await app.setViewportSize({ width: 1280, height: 800 });
  await app.getByRole('table', { name: 'Casos' }).getByRole('button', { name: CASE }).click();
  await app.getByRole('tab', { name: 'Audiencias' }).click();
  await app.getByRole('button', { name: 'Preparar Reunión de trabajo con el Estado' }).click();
  const row = app.getByTestId('turn-row');
  await expect(row.getByLabel('Tema')).toHaveValue('Medidas pendientes');
  await expect(app.getByTestId('plan-sum')).toHaveText(
    'Plan: 10:00 min de 20:00 min de nuestro tiempo; quedan 10:00 min.',
  );

  const POINTS = 'El botón de asistencia no funciona desde enero';
  await row.getByLabel('Puntos de intervención').fill(POINTS);
  await app.keyboard.press('Control+L');
  await expect(app.getByRole('heading', { name: 'Desbloquear bóveda' })).toBeVisible();
  expect(await app.content()).not.toContain('botón de asistencia');
  expect(await app.content()).not.toContain('Medidas pendientes');

  await app.getByLabel('Frase de contraseña', { exact: true }).fill(PASS);
  await app.getByRole('button', { name: 'Desbloquear' }).click();
  // The lock wrote what was typed into the turn itself (no draft left to restore), so after unlocking the
  // vault holds it; and the app is back on this hearing's planning screen, not on the Panel.
  const planning = app.getByTestId('hearing-planning');
  await expect(planning.getByRole('heading', { name: 'Reunión de trabajo con el Estado' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(app.getByRole('heading', { name: 'Panel', exact: true })).toHaveCount(0);
  await expect(app.getByRole('tab', { name: 'Audiencias' })).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByTestId('turn-row').getByLabel('Puntos de intervención')).toHaveValue(POINTS);
  await screenshot(app, 'hearing-back-after-unlock-es-1280');
  const saved = await call<{ turns: Array<{ talkingPoints: string }> }>(bridge, 'hearings:get', {
    id: created.id,
  });
  expect(saved.turns.map((t) => t.talkingPoints)).toEqual([POINTS]);

  // Afterwards, the outcome is recorded as a communication of the case and the hearing is held.
  await app.getByRole('button', { name: 'Registrar el resultado' }).click();
  const outcome = app.getByRole('form', { name: 'Resultado' });
  await expect(outcome.getByLabel('Asunto')).toHaveValue('Resultado: Reunión de trabajo con el Estado');
  await outcome
    .getByLabel('Qué ocurrió y qué se acordó')
    .fill('El Estado se comprometió a reparar el botón.');
  await outcome.getByRole('button', { name: 'Registrar el resultado' }).click();
  await expect(app.getByTestId('hearing-outcome-recorded')).toBeVisible();
  const held = await call<{ status: string; outcomeCommunicationId: string | null }>(bridge, 'hearings:get', {
    id: created.id,
  });
  expect(held.status).toBe('held');
  const communication = await call<{ subject: string }>(bridge, 'communications:get', {
    id: held.outcomeCommunicationId,
  });
  expect(communication.subject).toBe('Resultado: Reunión de trabajo con el Estado');

  // Deleting it moves it to Deleted items, with an Undo that brings it back.
  await app.getByRole('button', { name: 'Volver a audiencias' }).click();
  await app.getByRole('button', { name: 'Eliminar Reunión de trabajo con el Estado' }).click();
  await expect(app.getByText('Este caso aún no tiene audiencias.')).toBeVisible();
  await app.getByRole('button', { name: 'Deshacer' }).click();
  await expect(app.getByRole('button', { name: 'Preparar Reunión de trabajo con el Estado' })).toBeVisible();
});
