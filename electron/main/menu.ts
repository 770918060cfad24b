/// <reference types="vite/client" />
// The application menu, in the user's language. The template is built by a pure function (type-only
// Electron import) from the renderer's translation files shared/i18n/{en,es}.json (keys `menu.*`,
// `dialog.*`), bundled at build time. A missing key falls back to English; standard items (copy, zoom…)
// without a translation keep Electron's own label for their role.
import type { MenuItemConstructorOptions } from 'electron';

export type MenuLanguage = 'en' | 'es';
export interface Translate {
  /** The translation, else the English one, else a built-in English label, else the key. */
  (key: string): string;
  /** The translation or the English one; undefined when neither file has the key. */
  optional(key: string): string | undefined;
}

/** Built-in English for the labels that have no role default, used when a file or key is missing. */
export const FALLBACK_LABELS: Record<string, string> = {
  'menu.file': 'File',
  'menu.lockNow': 'Lock now',
  'menu.quit': 'Quit Amparo',
  'menu.edit': 'Edit',
  'menu.view': 'View',
  'menu.window': 'Window',
  'dialog.chooseFolderCreate': 'Choose a folder for the new vault',
  'dialog.chooseFolderOpen': 'Choose the vault folder',
  'dialog.chooseFolderExport': 'Choose the folder for the decrypted copies',
  'dialog.chooseEvidenceFiles': 'Choose the evidence files to add',
  'dialog.chooseEmails': 'Choose the saved e-mails (.eml) to import',
};

type Messages = Record<string, unknown>;

// Vite resolves this at build time; no file at all (yet) simply yields an empty object.
const bundledMessages = import.meta.glob<Messages>('../../shared/i18n/*.json', {
  eager: true,
  import: 'default',
});

function messagesFor(language: MenuLanguage, source: Record<string, Messages>): Messages | undefined {
  const entry = Object.entries(source).find(([file]) => file.endsWith(`/${language}.json`));
  return entry?.[1];
}

/** Looks a dotted key up in nested (`{menu:{file}}`) or flat (`{"menu.file"}`) messages. */
export function lookup(messages: Messages | undefined, key: string): string | undefined {
  if (!messages) return undefined;
  const flat = messages[key];
  if (typeof flat === 'string') return flat;
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' && node.length > 0 ? node : undefined;
}

export function createTranslator(
  language: MenuLanguage,
  source: Record<string, Messages> = bundledMessages,
): Translate {
  const primary = messagesFor(language, source);
  const english = messagesFor('en', source);
  const optional = (key: string) => lookup(primary, key) ?? lookup(english, key);
  return Object.assign((key: string) => optional(key) ?? FALLBACK_LABELS[key] ?? key, { optional });
}

/** The app setting wins; `system` (or anything unknown) follows the OS: Spanish if Spanish, else English. */
export function pickLanguage(setting: unknown, systemLocale: string): MenuLanguage {
  if (setting === 'es' || setting === 'en') return setting;
  return systemLocale.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export interface MenuTemplateOptions {
  t: Translate;
  /** Reload and developer tools exist only in development. */
  isDev: boolean;
  platform: NodeJS.Platform;
  onLockNow: () => void;
}

export function buildMenuTemplate({
  t,
  isDev,
  platform,
  onLockNow,
}: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const label = (key: string): { label?: string } => {
    const text = t.optional(key);
    return text === undefined ? {} : { label: text };
  };
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ role: 'appMenu', label: 'Amparo' });

  template.push({
    label: t('menu.file'),
    submenu: [
      { id: 'lock-now', label: t('menu.lockNow'), accelerator: 'CmdOrCtrl+L', click: () => onLockNow() },
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: t('menu.quit') } as const]),
    ],
  });

  template.push({
    label: t('menu.edit'),
    submenu: [
      { role: 'undo', ...label('menu.undo') },
      { role: 'redo', ...label('menu.redo') },
      { type: 'separator' },
      { role: 'cut', ...label('menu.cut') },
      { role: 'copy', ...label('menu.copy') },
      { role: 'paste', ...label('menu.paste') },
      { role: 'selectAll', ...label('menu.selectAll') },
    ],
  });

  template.push({
    label: t('menu.view'),
    submenu: [
      ...(isDev
        ? ([
            { role: 'reload', ...label('menu.reload') },
            { role: 'forceReload', ...label('menu.forceReload') },
            { role: 'toggleDevTools', ...label('menu.toggleDevTools') },
            { type: 'separator' },
          ] as const)
        : []),
      { role: 'resetZoom', ...label('menu.resetZoom') },
      { role: 'zoomIn', ...label('menu.zoomIn') },
      { role: 'zoomOut', ...label('menu.zoomOut') },
      { type: 'separator' },
      { role: 'togglefullscreen', ...label('menu.toggleFullScreen') },
    ],
  });

  template.push({
    label: t('menu.window'),
    submenu: [
      { role: 'minimize', ...label('menu.minimize') },
      { role: 'close', ...label('menu.close') },
    ],
  });

  return template;
}
