import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AmparoError } from '../../../shared/errors';
import { createTranslator } from '../../../electron/main/menu';
import {
  classifyStartupError,
  STARTUP_FALLBACK,
  startupErrorDialog,
} from '../../../electron/main/startup-error';

const i18n = path.resolve(__dirname, '../../../shared/i18n');
const read = (lang: string) => JSON.parse(readFileSync(path.join(i18n, `${lang}.json`), 'utf8'));
const files = { '/i18n/en.json': read('en'), '/i18n/es.json': read('es') };
const en = createTranslator('en', files);
const es = createTranslator('es', files);

const fsError = (code: string, p: string) =>
  Object.assign(new Error(`${code}: operation failed, open '${p}'`), { code, path: p });

describe('start-up failure dialog', () => {
  it('a missing folder names it and says to reconnect or restore it', () => {
    const dialog = startupErrorDialog(fsError('ENOENT', '/media/usb/Casos'), en);
    expect(dialog.problem).toBe('missing');
    expect(dialog.title).toBe('Amparo could not start');
    expect(dialog.content).toContain('/media/usb/Casos');
    expect(dialog.content).toMatch(/connect it/);
    expect(dialog.content).toContain("ENOENT: operation failed, open '/media/usb/Casos'");
  });

  it('a vault in use by another instance says to close it', () => {
    const busy = Object.assign(new Error('vault is in use'), { code: 'VAULT_BUSY' });
    expect(classifyStartupError(busy)).toBe('busy');
    expect(classifyStartupError({ code: 'SQLITE_BUSY_SNAPSHOT' })).toBe('busy');
    expect(startupErrorDialog(busy, en).content).toMatch(/another Amparo/);
    expect(startupErrorDialog(busy, es).content).toMatch(/otra ventana de Amparo/);
  });

  it('a vault held by another program names that program, its process and since when', () => {
    const since = new Date(2025, 2, 14, 9, 41).toISOString();
    const held = new AmparoError('VAULT_BUSY', 'The vault is being re-encrypted by another program', {
      holders: [
        { program: 'the amparo command line', pid: 4242, since, mode: 'exclusive' },
        { program: 'Amparo', pid: 77, otherHost: 'oficina-2', since, mode: 'shared' },
      ],
    });
    const english = startupErrorDialog(held, en).content;
    expect(english).toContain(
      'Being re-encrypted by the amparo command line (process 4242) since 2025-03-14 09:41.',
    );
    expect(english).toContain('Open in Amparo (process 77 on oficina-2) since 2025-03-14 09:41.');
    expect(english).not.toMatch(/probably another Amparo/);
    expect(startupErrorDialog(held, es).content).toContain(
      'La está volviendo a cifrar la línea de comandos de amparo (proceso 4242) desde 2025-03-14 09:41.',
    );
    // Without a translation file the built-in English still names the holder.
    expect(startupErrorDialog(held, createTranslator('en', {})).content).toContain('(process 4242)');
  });

  it('permission, read-only and full disks each get their own advice', () => {
    expect(classifyStartupError(fsError('EACCES', '/x'))).toBe('permission');
    expect(classifyStartupError(fsError('EROFS', '/x'))).toBe('permission');
    expect(classifyStartupError(fsError('ENOSPC', '/x'))).toBe('diskFull');
    expect(startupErrorDialog(fsError('EACCES', '/home/ana/.config/Amparo'), en).content).toContain(
      '/home/ana/.config/Amparo',
    );
  });

  it('a damaged settings file says where it was kept and that vaults are safe', () => {
    const damaged = Object.assign(new Error('Unexpected token'), {
      name: 'SettingsDamagedError',
      path: '/cfg/settings.json.damaged',
    });
    const dialog = startupErrorDialog(damaged, es);
    expect(dialog.problem).toBe('settings');
    expect(dialog.title).toBe('Se restablecieron los ajustes');
    expect(dialog.content).toContain('/cfg/settings.json.damaged');
  });

  it('a renderer that keeps crashing says the vault was locked and the app closed', () => {
    const crash = Object.assign(new Error('renderer crashed (exit code 139)'), {
      name: 'RendererCrashError',
    });
    const dialog = startupErrorDialog(crash, en);
    expect(dialog.problem).toBe('crashed');
    expect(dialog.title).toBe('Amparo closed');
    expect(dialog.content).toMatch(/vault was locked/);
    expect(dialog.content).toContain('exit code 139');
  });

  it('anything else still shows the technical message, never a bare key', () => {
    const dialog = startupErrorDialog('boom', createTranslator('en', {}));
    expect(dialog.problem).toBe('unknown');
    expect(dialog.title).toBe(STARTUP_FALLBACK['startup.title']);
    expect(dialog.content).toContain('boom');
    expect(dialog.content).not.toMatch(/startup\./);
  });

  it('every startup key is translated in both languages', () => {
    for (const key of Object.keys(STARTUP_FALLBACK)) {
      expect(en.optional(key), key).toBeTruthy();
      expect(createTranslator('es', { '/i18n/es.json': read('es') }).optional(key), key).toBeTruthy();
    }
  });
});
