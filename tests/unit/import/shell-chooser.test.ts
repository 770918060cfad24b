// The Electron shell's spreadsheet picker: one CSV or XLSX file, titled in the user's language. Electron's
// dialog is replaced by a recorder (there is no window under Node); the options are what Electron gets.
import { describe, expect, it } from 'vitest';
import { createShellPort } from '../../../electron/main/shell';
import { createTranslator } from '../../../electron/main/menu';

describe('spreadsheet chooser', () => {
  it('asks for one CSV or XLSX file and answers its path, or null when cancelled', async () => {
    const asked: unknown[] = [];
    const answers = [
      { canceled: false, filePaths: ['/home/abogada/expedientes.xlsx'] },
      { canceled: true, filePaths: [] },
    ];
    const dialog = {
      showOpenDialog: async (options: unknown) => (asked.push(options), answers.shift()!),
    };
    const t = createTranslator('es', {
      '../../shared/i18n/es.json': { import: { chooseFileTitle: 'Elija la hoja de cálculo' } },
    });
    const port = createShellPort(
      dialog as never,
      () => null,
      () => t,
    );
    await expect(port.chooseSpreadsheet()).resolves.toEqual({ path: '/home/abogada/expedientes.xlsx' });
    await expect(port.chooseSpreadsheet()).resolves.toEqual({ path: null });
    expect(asked[0]).toEqual({
      title: 'Elija la hoja de cálculo',
      properties: ['openFile', 'dontAddToRecent'],
      filters: [{ name: 'CSV, XLSX', extensions: ['csv', 'txt', 'xlsx'] }],
    });
  });
});
