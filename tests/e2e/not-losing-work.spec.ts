// Working fast without losing work, in Spanish: a half-written fact survives Ctrl+L inside the vault (not in
// the browser's storage) and comes back on the same screen with a notice; removing a person offers Undo; a
// case created "Otorgado" asks for the date of that status; the skip link and the `?` panel; the layout at
// 1024×700 with a collapsible navigation.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openCases, screenshot, test } from './fixtures';

const PASS = 'Ríos de Oaxaca, marzo 2026, sin olvido';
const TITLE = 'Medidas cautelares — A.A.Q.O. y familia (agresión y vigilancia)';
const FACT = 'Llamada anónima con amenazas a la defensora, madrugada del martes';

test.use({ locale: 'es-MX', viewport: { width: 1366, height: 768 } });

async function createVault(app: Page, dir: string) {
  await app.getByLabel('Carpeta de la bóveda').fill(dir);
  await app.getByLabel('Frase de contraseña', { exact: true }).fill(PASS);
  await app.getByLabel('Confirmar frase de contraseña', { exact: true }).fill(PASS);
  await app.getByRole('button', { name: 'Crear bóveda' }).click();
  await openCases(app, 'Casos');
}

async function createCase(app: Page, title: string) {
  await app.getByRole('button', { name: 'Nuevo caso' }).first().click();
  await app.getByLabel('Título').fill(title);
  await app.getByRole('button', { name: 'Crear caso' }).click();
  await expect(app.getByRole('heading', { name: title })).toBeVisible();
}

// Page-side expressions as strings: this project's Node typings have no DOM.
const STORAGE = `(async () => JSON.stringify({
  local: { ...localStorage },
  session: { ...sessionStorage },
  indexedDB: (await indexedDB.databases()).map((db) => db.name),
}))()`;
const PAGE_WIDTH = 'document.documentElement.scrollWidth';
const FIRST_FOCUSABLE =
  'document.querySelector(\'a[href], button, input, select, textarea, [tabindex="0"]\')?.textContent';

type Box = { scrollWidth: number; clientWidth: number };
const fits = (el: unknown) => (el as Box).scrollWidth <= (el as Box).clientWidth + 1;

/** Everything the page keeps in the browser's own storage; the app itself keeps nothing there. */
async function browserStorage(app: Page): Promise<string> {
  const stored = await app.evaluate<string>(STORAGE);
  const { local, session, indexedDB } = JSON.parse(stored) as Record<string, object>;
  // The only entry is the test bridge's own token (the Electron app has no bridge).
  expect({ local, session: Object.keys(session ?? {}), indexedDB }).toEqual({
    local: {},
    session: ['amparoBridgeToken'],
    indexedDB: [],
  });
  return stored;
}

test('a half-written fact survives Ctrl+L and comes back on the same screen', async ({ app, workDir }) => {
  test.setTimeout(120_000);
  await createVault(app, join(workDir, 'boveda'));
  await createCase(app, TITLE);
  await app.getByRole('tab', { name: 'Cronología' }).click();
  await app.getByRole('button', { name: 'Nuevo hecho' }).click();
  const form = app.getByRole('form', { name: 'Nuevo hecho' });
  await form.getByLabel('Qué ocurrió').fill(FACT);
  // Locked at once, before any autosave pause: the lock itself must carry the draft.
  await app.keyboard.press('Control+L');
  await expect(app.getByRole('heading', { name: 'Desbloquear bóveda' })).toBeVisible();
  expect(await app.content()).not.toContain('Llamada anónima');
  expect(await browserStorage(app)).not.toContain('Llamada anónima');

  await app.getByLabel('Frase de contraseña', { exact: true }).fill(PASS);
  await app.getByRole('button', { name: 'Desbloquear' }).click();
  // Back on the case's timeline, the form open with what was typed, and a notice that says so.
  await expect(app.getByRole('heading', { name: TITLE })).toBeVisible();
  await expect(app.getByRole('tab', { name: 'Cronología' })).toHaveAttribute('aria-selected', 'true');
  const restored = app.getByRole('form', { name: 'Nuevo hecho' });
  await expect(restored.getByLabel('Qué ocurrió')).toHaveValue(FACT);
  await expect(restored.getByTestId('draft-restored')).toContainText('Se recuperó un borrador sin guardar');
  await expect(app.getByText('Regresó a donde estaba')).toBeVisible();
  expect(await browserStorage(app)).not.toContain('Llamada anónima');
  await screenshot(app, 'draft-restored-1366');
  await app.setViewportSize({ width: 1024, height: 700 });
  await screenshot(app, 'draft-restored-1024');
  await app.setViewportSize({ width: 1366, height: 768 });

  // Saving it drops the draft: after another lock the form stays closed.
  await restored.getByRole('button', { name: 'Agregar hecho' }).click();
  await expect(app.getByRole('heading', { name: FACT })).toBeVisible();
  await app.keyboard.press('Control+L');
  await app.getByLabel('Frase de contraseña', { exact: true }).fill(PASS);
  await app.getByRole('button', { name: 'Desbloquear' }).click();
  await openCases(app, 'Casos');
  await expect(app.getByTestId('draft-restored')).toHaveCount(0);
});

test('removing a person from a case can be undone', async ({ app, workDir }) => {
  test.setTimeout(120_000);
  await createVault(app, join(workDir, 'boveda'));
  await createCase(app, TITLE);
  await app.getByRole('tab', { name: 'Personas' }).click();
  await app.getByRole('button', { name: 'Agregar al caso' }).click();
  await app.getByRole('button', { name: 'Nueva persona…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Nueva persona' });
  await dialog.getByLabel('Nombre legal').fill('Ana López Quintero');
  await dialog.getByRole('button', { name: 'Crear persona' }).click();
  await expect(dialog).toBeHidden();
  const addForm = app.getByRole('form', { name: 'Agregar una persona u organización al caso' });
  await addForm.getByRole('button', { name: 'Agregar al caso' }).click();
  await expect(addForm).toBeHidden();
  const parties = app.getByRole('table', { name: 'Personas en este caso' });
  await expect(parties.getByRole('row', { name: /A\.L\.Q\./ })).toBeVisible();

  await app.getByRole('button', { name: 'Quitar a A.L.Q. del caso' }).click();
  await expect(parties.getByRole('row', { name: /A\.L\.Q\./ })).toHaveCount(0);
  const notice = app.getByRole('alert').filter({ hasText: 'Se quitó a A.L.Q. del caso.' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Deshacer' }).click();
  await expect(parties.getByRole('row', { name: /A\.L\.Q\./ })).toBeVisible();
  await expect(app.getByText('Se restableció.')).toBeVisible();

  // The overview's header names the beneficiaries by pseudonym, with reference, forum and dates.
  await app.getByRole('tab', { name: 'Datos generales' }).click();
  const header = app.getByTestId('matter-header');
  await expect(header).toContainText('A.L.Q.');
  await expect(header).toContainText('Comisión Interamericana de Derechos Humanos (CIDH)');
  await expect(app.getByRole('region', { name: 'Situación actual' })).toContainText('Borrador');
  await screenshot(app, 'case-overview-1366');
  await app.setViewportSize({ width: 1024, height: 700 });
  await screenshot(app, 'case-overview-1024');
});

test('a case created "Otorgado" asks for the date of that status', async ({ app, workDir }) => {
  test.setTimeout(120_000);
  await createVault(app, join(workDir, 'boveda'));
  await app.getByRole('button', { name: 'Nuevo caso' }).first().click();
  await app.getByLabel('Título').fill(TITLE);
  await app.getByLabel('Fecha de apertura').fill('2023-03-14');
  await expect(app.getByLabel('Fecha del estado')).toHaveCount(0);
  await app.getByRole('combobox', { name: 'Estado procesal' }).click();
  await app.getByRole('option', { name: 'Otorgado', exact: true }).click();
  await app.getByRole('button', { name: 'Crear caso' }).click();
  await expect(app.getByLabel('Fecha del estado')).toHaveAttribute('aria-invalid', 'true');
  await app.getByLabel('Fecha del estado').fill('2023-06-02');
  await app.getByRole('button', { name: 'Crear caso' }).click();
  await expect(app.getByRole('heading', { name: TITLE })).toBeVisible();
  const history = app.getByRole('table', { name: 'Historial de estados' });
  await expect(history.getByRole('row', { name: /Otorgado/ })).toContainText(/2023|jun/);
  await expect(history.getByRole('row', { name: /Otorgado/ })).not.toContainText(/14 mar|14\/03/);
});

test('skip link, shortcuts panel and the layout at 1024×700', async ({ app, workDir }) => {
  test.setTimeout(120_000);
  await createVault(app, join(workDir, 'boveda'));
  await app.setViewportSize({ width: 1024, height: 700 });

  // "Saltar al contenido" is the first stop of the page, before the header's controls; it moves the
  // focus past the header and navigation.
  const first = await app.evaluate<string | undefined>(FIRST_FOCUSABLE);
  expect(first).toBe('Saltar al contenido');
  await app.getByRole('button', { name: 'Ocultar la navegación' }).focus();
  await app.keyboard.press('Shift+Tab');
  const skip = app.getByRole('link', { name: 'Saltar al contenido' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await app.keyboard.press('Enter');
  await expect(app.locator('#amparo-main')).toBeFocused();

  // `?` opens the list of shortcuts (and the header's button does too).
  await app.keyboard.press('?');
  const help = app.getByRole('dialog', { name: 'Atajos de teclado' });
  await expect(help).toContainText('Nuevo caso');
  await expect(help).toContainText('Bloquear la bóveda');
  await screenshot(app, 'shortcuts-1024');
  await app.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await app.getByRole('button', { name: 'Atajos de teclado (?)' }).click();
  await expect(help).toBeVisible();
  await app.keyboard.press('Escape');

  await app.keyboard.press('Control+F');
  await expect(app.getByRole('navigation').getByRole('button', { name: 'Búsqueda' })).toHaveAttribute(
    'aria-current',
    'page',
  );

  // Ctrl+N starts a new case; a long forum name shows whole in its select.
  await app.keyboard.press('Control+N');
  await expect(app.getByRole('heading', { name: 'Nuevo caso' })).toBeVisible();
  const forum = app.getByRole('combobox', { name: 'Instancia' });
  await expect(forum).toHaveValue('Comisión Interamericana de Derechos Humanos (CIDH)');
  expect(await forum.evaluate(fits), 'CIDH forum name is cut').toBe(true);
  await forum.click();
  await app.getByRole('option', { name: /^Mecanismo de Protección/ }).click();
  expect(await forum.evaluate(fits), 'Mecanismo forum name is cut').toBe(true);
  await screenshot(app, 'new-case-1024');

  // A title without spaces does not push the case list off screen.
  const long = 'MC' + '-'.repeat(0) + 'X'.repeat(180);
  await app.getByLabel('Título').fill(long);
  await app.getByRole('button', { name: 'Crear caso' }).click();
  await expect(app.getByRole('heading', { name: long })).toBeVisible();
  expect(await app.evaluate<number>(PAGE_WIDTH)).toBeLessThanOrEqual(1024);
  await app.getByRole('navigation').getByRole('button', { name: 'Casos' }).click();
  await expect(app.getByRole('table', { name: 'Casos' })).toBeVisible();
  expect(await app.evaluate<number>(PAGE_WIDTH)).toBeLessThanOrEqual(1024);
  await screenshot(app, 'case-list-1024');

  // On a fact, the longest kind shows whole too, and a focused field is clearly marked.
  await app.getByRole('row', { name: new RegExp(long) }).click();
  await app.getByRole('tab', { name: 'Cronología' }).click();
  await app.getByRole('button', { name: 'Nuevo hecho' }).click();
  const kind = app.getByRole('combobox', { name: 'Tipo', exact: true }).last();
  await kind.click();
  await app.getByRole('option', { name: 'Denuncia ante autoridad nacional' }).click();
  for (const select of await app.getByRole('form', { name: 'Nuevo hecho' }).getByRole('combobox').all()) {
    const value = await select.inputValue();
    expect(await select.evaluate(fits), `"${value}" is cut`).toBe(true);
  }
  const title = app.getByLabel('Qué ocurrió');
  await title.focus();
  const ring = await title.evaluate(
    (el) =>
      (globalThis as unknown as { getComputedStyle(e: unknown): { boxShadow: string } }).getComputedStyle(el)
        .boxShadow,
  );
  expect(ring).not.toBe('none');
  await screenshot(app, 'new-fact-1024');
  await app.getByRole('button', { name: 'Cancelar' }).click();
  await app.getByRole('navigation').getByRole('button', { name: 'Casos' }).click();

  // The navigation folds away and comes back.
  await app.getByRole('button', { name: 'Ocultar la navegación' }).click();
  await expect(app.getByRole('navigation')).toBeHidden();
  await screenshot(app, 'case-list-1024-collapsed');
  await app.getByRole('button', { name: 'Mostrar la navegación' }).click();
  await expect(app.getByRole('navigation').getByRole('button', { name: 'Casos' })).toBeVisible();
});

test('a note being written survives the idle auto-lock (autosaved once typing pauses)', async ({
  app,
  bridge,
  workDir,
}) => {
  test.setTimeout(120_000);
  await createVault(app, join(workDir, 'boveda'));
  await createCase(app, TITLE);
  await app.getByRole('tab', { name: 'Notas' }).click();
  await app.getByRole('button', { name: 'Nueva nota' }).click();
  const form = app.getByRole('form', { name: 'Nueva nota' });
  await form.getByLabel('Título').fill('Reunión con la defensora');
  await form.getByLabel('Texto').fill('Pidió **no** llamar a su celular; usar el número de la oficina.');
  // The core keeps the draft once typing pauses, without any lock asking for it.
  await expect
    .poll(async () => JSON.stringify(await bridge.core.dispatch('drafts:get', {})), { timeout: 10_000 })
    .toContain('Reunión con la defensora');
  await bridge.core.lock('idle');
  await expect(app.getByRole('heading', { name: 'Desbloquear bóveda' })).toBeVisible();
  expect(await app.content()).not.toContain('defensora');

  await app.getByLabel('Frase de contraseña', { exact: true }).fill(PASS);
  await app.getByRole('button', { name: 'Desbloquear' }).click();
  const restored = app.getByRole('form', { name: 'Nueva nota' });
  await expect(restored.getByLabel('Título')).toHaveValue('Reunión con la defensora');
  await expect(restored.getByLabel('Texto')).toHaveValue(/usar el número de la oficina/);
  await expect(restored.getByTestId('draft-restored')).toBeVisible();

  // Discarding the draft empties the form and forgets it in the vault.
  await restored.getByRole('button', { name: 'Descartar borrador' }).click();
  await expect(restored.getByLabel('Título')).toHaveValue('');
  await expect
    .poll(async () => JSON.stringify(await bridge.core.dispatch('drafts:get', {})))
    .not.toContain('defensora');
  // The form still keeps what is typed next.
  await restored.getByLabel('Título').fill('Segunda reunión');
  await expect
    .poll(async () => JSON.stringify(await bridge.core.dispatch('drafts:get', {})), { timeout: 10_000 })
    .toContain('Segunda reunión');

  // Left for another tab, the draft waits for its form: unlocking does not jump back to it, but opening
  // the notes again brings it back.
  await app.getByRole('tab', { name: 'Personas' }).click();
  await app.keyboard.press('Control+L');
  await app.getByLabel('Frase de contraseña', { exact: true }).fill(PASS);
  await app.getByRole('button', { name: 'Desbloquear' }).click();
  await openCases(app, 'Casos');
  await app.getByRole('row', { name: new RegExp('A\\.A\\.Q\\.O\\.') }).click();
  await app.getByRole('tab', { name: 'Notas' }).click();
  await expect(app.getByRole('form', { name: 'Nueva nota' }).getByLabel('Título')).toHaveValue(
    'Segunda reunión',
  );
});
