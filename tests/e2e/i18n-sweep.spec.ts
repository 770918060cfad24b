// Sweeps the main screens in Spanish for any visible text the Spanish catalogue did not produce (English,
// internal codes), and the English UI for Spanish strings. Catalogue values become patterns, with each
// {{interpolation}} a wildcard; the test's own data and a short list of proper nouns are allowed.
import type { Page } from '@playwright/test';
import { userInfo } from 'node:os';
import en from '../../shared/i18n/en.json';
import es from '../../shared/i18n/es.json';
import { ISO_COUNTRY_CODES, stateName } from '../../shared/countries';
import { expect, openCases, test } from './fixtures';

const PASS = 'caballo morado salta lejos del río 2023';
const TITLE = 'Resolución 44/2023';
const FACT = 'Llamadas con amenazas';
const NOTE = 'Reunión con la defensora';
const PSEUDONYM = 'A.L.Q.';

function values(tree: unknown): string[] {
  if (typeof tree === 'string') return [tree];
  if (tree && typeof tree === 'object') return Object.values(tree).flatMap(values);
  return [];
}

function patterns(catalogue: unknown): RegExp[] {
  return values(catalogue).map((value) => {
    const parts = value.split(/\{\{[^}]+\}\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${parts.join('.*')}$`, 's');
  });
}

/** Text that is data or a name in any language: the test's own entries, numbers, dates, symbols. */
const ALLOWED = [
  /^(Amparo|Español|English|SHA-256|UTC|CIDH|IACHR|EXIF|GPS|PDF)$/,
  /^[\d\s.,:/#·—–\-+%()?]+$/, // numbers and symbols (the "?" of the shortcuts button)
  /^\d{1,2} [a-z]{3}\.? \d{4}(, \d{2}:\d{2})?$/i, // es-MX and en-US medium dates, with a time
  /^[A-Z][a-z]{2} \d{1,2}, \d{4}(, \d{2}:\d{2})?$/,
  new RegExp(
    `^(${[TITLE, FACT, NOTE, PSEUDONYM].map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`,
  ),
  /^(Bóveda|Vault): /, // the vault path header
  /^(\/|~\/)/, // folder paths
  /^\*$/, // a required field's asterisk
  /^([0-9a-f]{4} ){15}[0-9a-f]{4}$/, // the vault's signing fingerprint (Settings, bundles)
  /^age1[0-9a-z]+$/, // the vault's age public key
  // State names come from the platform (Intl.DisplayNames), in the UI's language.
  new RegExp(
    `^(${ISO_COUNTRY_CODES.flatMap((c) => [stateName(c, 'es-MX'), stateName(c, 'en')])
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|')})$`,
  ),
  new RegExp(`^${userInfo().username}$`), // the actor in the logs: this machine's user
];

/** Codes and English that a catalogue pattern's wildcard would otherwise let through ("Motivo: user"). */
const CODE = /\b[a-z]+(_[a-z]+)+\b/;
const ENGLISH_IN_SPANISH =
  /\b(user|idle|system|status|fields?|reason|item|copy|working|metadata|removed|the|of)\b/i;

// Runs in the page (kept as source text: the Node-side tsconfig has no DOM types). Visible text nodes and
// the placeholders and labels of visible elements, outside anything hidden from assistive technology.
const COLLECT_TEXTS = `(() => {
  const out = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent || '').replace(/\\s+/g, ' ').trim();
    const parent = node.parentElement;
    if (!text || !parent || !parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
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

async function visibleTexts(page: Page): Promise<string[]> {
  return (await page.evaluate(COLLECT_TEXTS)) as string[];
}

async function visitAll(
  page: Page,
  nav: Record<'newCase' | 'cancel' | 'people' | 'search' | 'trash' | 'audit' | 'settings', string>,
  tabs: string[],
  seen: (where: string) => Promise<void>,
) {
  await seen('case list');
  await page.getByRole('button', { name: nav.newCase }).click();
  await seen('new case form');
  await page.getByRole('button', { name: nav.cancel }).click();
  await page.getByRole('row', { name: new RegExp(TITLE) }).click();
  for (const tab of tabs) {
    await page.getByRole('tab', { name: tab }).click();
    await seen(`case tab ${tab}`);
  }
  for (const screen of [nav.people, nav.search, nav.trash, nav.audit, nav.settings]) {
    await page.getByRole('navigation').getByText(screen, { exact: true }).click();
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await seen(screen);
  }
}

test('no English or internal code in the Spanish UI, no Spanish in the English UI', async ({
  app,
  workDir,
}) => {
  test.setTimeout(120_000);
  const spanish = patterns(es);
  const english = patterns(en);
  const problems: string[] = [];
  let language: 'es' | 'en' = 'es';
  const seen = async (where: string) => {
    await app.waitForTimeout(150); // let a screen's loads settle (lists replace their loaders)
    for (const text of await visibleTexts(app)) {
      if (ALLOWED.some((re) => re.test(text))) continue;
      const own = language === 'es' ? spanish : english;
      const code = CODE.test(text) || (language === 'es' && ENGLISH_IN_SPANISH.test(text));
      if (!code && own.some((re) => re.test(text))) continue;
      problems.push(`${language} · ${where}: «${text}»`);
    }
  };

  await app.getByText('Español', { exact: true }).click();
  await seen('create vault');
  await app.getByLabel('Carpeta de la bóveda').fill(`${workDir}/boveda`);
  await app.getByLabel('Frase de contraseña', { exact: true }).fill(PASS);
  await app.getByLabel('Confirmar frase de contraseña', { exact: true }).fill(PASS);
  await app.getByRole('button', { name: 'Crear bóveda' }).click();
  await openCases(app, 'Casos', { timeout: 30_000 });

  // Some data of every kind, so lists, the audit log and details have rows to show.
  await app.getByRole('button', { name: 'Nuevo caso' }).click();
  await app.getByLabel('Título').fill(TITLE);
  await app.getByRole('button', { name: 'Crear caso' }).click();
  await app.getByRole('tab', { name: 'Cronología' }).click();
  await app.getByRole('button', { name: 'Nuevo hecho' }).click();
  await app.getByLabel('Qué ocurrió').fill(FACT);
  await app.getByRole('button', { name: 'Agregar hecho' }).click();
  await expect(app.getByRole('heading', { name: FACT })).toBeVisible();
  await app.getByRole('tab', { name: 'Datos generales' }).click();
  await app.getByRole('button', { name: 'Cambiar estado' }).click();
  await app.getByRole('button', { name: 'Registrar cambio de estado' }).click();
  await app.getByRole('button', { name: 'Volver a casos' }).click();
  // A lock and an unlock, so the audit log has a lock reason (a code) to show.
  await app.getByRole('button', { name: 'Bloquear ahora' }).click();
  await app.getByLabel('Frase de contraseña', { exact: true }).fill(PASS);
  await app.getByRole('button', { name: 'Desbloquear', exact: true }).click();
  await openCases(app, 'Casos', { timeout: 30_000 });

  await visitAll(
    app,
    {
      newCase: 'Nuevo caso',
      cancel: 'Cancelar',
      people: 'Personas',
      search: 'Búsqueda',
      trash: 'Elementos eliminados',
      audit: 'Bitácora de auditoría',
      settings: 'Configuración',
    },
    ['Datos generales', 'Personas', 'Cronología', 'Riesgo', 'Notas', 'Pruebas', 'Correspondencia'],
    seen,
  );
  await app.getByRole('button', { name: 'Bloquear ahora' }).click();
  await expect(app.getByRole('heading', { name: 'Desbloquear bóveda' })).toBeVisible();
  await seen('unlock');

  language = 'en';
  await app.getByText('English', { exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Unlock vault' })).toBeVisible();
  await seen('unlock');
  await app.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await app.getByRole('button', { name: 'Unlock' }).click();
  await openCases(app, 'Cases', { timeout: 30_000 });
  await visitAll(
    app,
    {
      newCase: 'New case',
      cancel: 'Cancel',
      people: 'People',
      search: 'Search',
      trash: 'Deleted items',
      audit: 'Audit log',
      settings: 'Settings',
    },
    ['Overview', 'People', 'Timeline', 'Risk', 'Notes', 'Evidence', 'Correspondence'],
    seen,
  );

  expect(problems).toEqual([]);
});
