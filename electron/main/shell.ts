// The core's ShellPort in Electron: the native folder picker. Type-only Electron imports.
import type { BaseWindow, Dialog, OpenDialogOptions } from 'electron';
import type { ChooseFolderResult } from '../../shared/schemas/vault';
import type { Translate } from './menu';

export interface ChooseFolderRequest {
  purpose: 'create' | 'open';
}

export function folderDialogOptions(
  purpose: ChooseFolderRequest['purpose'],
  t: Translate,
): OpenDialogOptions {
  return {
    title: t(purpose === 'create' ? 'dialog.chooseFolderCreate' : 'dialog.chooseFolderOpen'),
    // Windows: keep vault folders out of the shell's "recent" list on a laptop that may be seized.
    properties:
      purpose === 'create'
        ? ['openDirectory', 'createDirectory', 'dontAddToRecent']
        : ['openDirectory', 'dontAddToRecent'],
  };
}

export function createShellPort(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  getWindow: () => BaseWindow | null,
  getTranslate: () => Translate,
) {
  return {
    async chooseFolder({ purpose }: ChooseFolderRequest): Promise<ChooseFolderResult> {
      const options = folderDialogOptions(purpose, getTranslate());
      const window = getWindow();
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      const path = result.filePaths[0];
      return { path: result.canceled || !path ? null : path };
    },
  };
}
