import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import {
  buildMenuTemplate,
  createTranslator,
  FALLBACK_LABELS,
  lookup,
  pickLanguage,
} from '../../../electron/main/menu';
import { folderDialogOptions, createShellPort } from '../../../electron/main/shell';

const source = {
  '../../shared/i18n/en.json': { menu: { file: 'File', lockNow: 'Lock now' } },
  '../../shared/i18n/es.json': { menu: { file: 'Archivo', lockNow: 'Bloquear ahora' }, 'menu.quit': 'Salir' },
};

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

describe('menu translations', () => {
  it('picks the setting, else Spanish for a Spanish OS, else English', () => {
    expect(pickLanguage('es', 'en-US')).toBe('es');
    expect(pickLanguage('en', 'es-MX')).toBe('en');
    expect(pickLanguage('system', 'es-419')).toBe('es');
    expect(pickLanguage(undefined, 'ES')).toBe('es');
    expect(pickLanguage('system', 'pt-BR')).toBe('en');
    expect(pickLanguage('fr', 'fr-FR')).toBe('en');
  });

  it('reads nested and flat keys', () => {
    expect(lookup({ menu: { file: 'Archivo' } }, 'menu.file')).toBe('Archivo');
    expect(lookup({ 'menu.file': 'Archivo' }, 'menu.file')).toBe('Archivo');
    expect(lookup({ menu: 'x' }, 'menu.file')).toBeUndefined();
    expect(lookup(undefined, 'menu.file')).toBeUndefined();
  });

  it('falls back from Spanish to English to the built-in labels', () => {
    const t = createTranslator('es', source);
    expect(t('menu.file')).toBe('Archivo');
    expect(t('menu.quit')).toBe('Salir');
    expect(t('menu.edit')).toBe(FALLBACK_LABELS['menu.edit']);
    expect(t('menu.nonexistent')).toBe('menu.nonexistent');
    expect(createTranslator('es', {})('menu.lockNow')).toBe('Lock now');
  });

  it('works with whatever translation files are bundled', () => {
    for (const language of ['en', 'es'] as const) {
      const t = createTranslator(language);
      for (const key of ['menu.file', 'menu.lockNow', 'menu.quit', 'menu.edit', 'menu.view', 'menu.window']) {
        expect(t(key), `${language} ${key}`).not.toBe(key);
      }
    }
  });

  it('leaves standard role items on their Electron label when no file translates them', () => {
    const items = flatten(
      buildMenuTemplate({
        t: createTranslator('es', source),
        isDev: false,
        platform: 'linux',
        onLockNow: () => {},
      }),
    );
    expect(items.find((item) => item.role === 'copy')).toEqual({ role: 'copy' });
    expect(items.find((item) => item.role === 'quit')?.label).toBe('Salir');
    expect(items.find((item) => item.id === 'lock-now')?.label).toBe('Bloquear ahora');

    const translated = createTranslator('es', {
      ...source,
      '../../shared/i18n/es.json': { menu: { copy: 'Copiar' } },
    });
    const withCopy = flatten(
      buildMenuTemplate({ t: translated, isDev: false, platform: 'linux', onLockNow: () => {} }),
    );
    expect(withCopy.find((item) => item.role === 'copy')?.label).toBe('Copiar');
  });
});

describe('menu template', () => {
  const t = createTranslator('en', {});

  it('File → Lock now (CmdOrCtrl+L) locks with reason "user" via the callback', () => {
    const onLockNow = vi.fn();
    const items = flatten(buildMenuTemplate({ t, isDev: false, platform: 'linux', onLockNow }));
    const lockNow = items.find((item) => item.id === 'lock-now');
    expect(lockNow?.accelerator).toBe('CmdOrCtrl+L');
    expect(lockNow?.label).toBe('Lock now');
    (lockNow?.click as () => void)();
    expect(onLockNow).toHaveBeenCalledOnce();
    expect(items.some((item) => item.role === 'quit')).toBe(true);
  });

  it('has no reload or devtools in production', () => {
    const roles = flatten(
      buildMenuTemplate({ t, isDev: false, platform: 'linux', onLockNow: () => undefined }),
    ).map((item) => item.role);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('forceReload');
    expect(roles).toEqual(
      expect.arrayContaining(['copy', 'paste', 'zoomIn', 'zoomOut', 'resetZoom', 'minimize']),
    );
  });

  it('has reload and devtools in development', () => {
    const roles = flatten(
      buildMenuTemplate({ t, isDev: true, platform: 'linux', onLockNow: () => undefined }),
    ).map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('uses the macOS app menu for Quit', () => {
    const template = buildMenuTemplate({ t, isDev: false, platform: 'darwin', onLockNow: () => undefined });
    expect(template[0]?.role).toBe('appMenu');
    expect(flatten(template.slice(1)).some((item) => item.role === 'quit')).toBe(false);
  });
});

describe('shell port: chooseFolder', () => {
  const t = createTranslator('en', {});

  it('offers folder creation only when creating a vault, and never adds to recent documents', () => {
    expect(folderDialogOptions('create', t).properties).toEqual([
      'openDirectory',
      'createDirectory',
      'dontAddToRecent',
    ]);
    expect(folderDialogOptions('open', t).properties).toEqual(['openDirectory', 'dontAddToRecent']);
  });

  it('returns the chosen folder, or null when cancelled', async () => {
    const showOpenDialog = vi
      .fn()
      .mockResolvedValueOnce({ canceled: false, filePaths: ['/home/lawyer/vault'] })
      .mockResolvedValueOnce({ canceled: true, filePaths: [] });
    const port = createShellPort(
      { showOpenDialog } as never,
      () => null,
      () => t,
    );
    await expect(port.chooseFolder({ purpose: 'open' })).resolves.toEqual({ path: '/home/lawyer/vault' });
    await expect(port.chooseFolder({ purpose: 'create' })).resolves.toEqual({ path: null });
  });
});
