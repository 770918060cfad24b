// The Electron shell's backup picker: one .amparo file, titled in the user's language. Electron's dialog is
// replaced by a recorder (there is no window under Node); the options are what Electron gets.
import { describe, expect, it } from 'vitest';
import { createShellPort } from '../../../electron/main/shell';
import { createTranslator } from '../../../electron/main/menu';

describe('bundle chooser', () => {
  it('asks for one .amparo file and answers its path, or null when cancelled', async () => {
    const asked: unknown[] = [];
    const answers = [
      { canceled: false, filePaths: ['/media/usb/amparo-backup.amparo'] },
      { canceled: true, filePaths: [] },
    ];
    const dialog = {
      showOpenDialog: async (options: unknown) => (asked.push(options), answers.shift()!),
    };
    const t = createTranslator('es', {
      '../../shared/i18n/es.json': { bundles: { restore: { chooseTitle: 'Elija el respaldo' } } },
    });
    const port = createShellPort(
      dialog as never,
      () => null,
      () => t,
    );
    await expect(port.chooseBundle()).resolves.toEqual({ path: '/media/usb/amparo-backup.amparo' });
    await expect(port.chooseBundle()).resolves.toEqual({ path: null });
    expect(asked[0]).toEqual({
      title: 'Elija el respaldo',
      properties: ['openFile', 'dontAddToRecent'],
      filters: [{ name: 'Amparo', extensions: ['amparo'] }],
    });
  });
});
