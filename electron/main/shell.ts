// The core's ShellPort in Electron: the native folder and file pickers, and the preview URL scheme.
// Type-only Electron imports.
import type { BaseWindow, Dialog, OpenDialogOptions } from 'electron';
import type { ChooseFolderResult } from '../../shared/schemas/vault';
import { mediaUrlFor } from './media-protocol';
import type { Translate } from './menu';

export interface ChooseFolderRequest {
  purpose: 'create' | 'open' | 'export';
}

const FOLDER_TITLES: Record<ChooseFolderRequest['purpose'], string> = {
  create: 'dialog.chooseFolderCreate',
  open: 'dialog.chooseFolderOpen',
  export: 'dialog.chooseFolderExport',
};

export function folderDialogOptions(
  purpose: ChooseFolderRequest['purpose'],
  t: Translate,
): OpenDialogOptions {
  return {
    title: t(FOLDER_TITLES[purpose]),
    // Windows: keep vault folders out of the shell's "recent" list on a laptop that may be seized.
    properties:
      purpose !== 'open'
        ? ['openDirectory', 'createDirectory', 'dontAddToRecent']
        : ['openDirectory', 'dontAddToRecent'],
  };
}

export function createShellPort(
  dialog: Pick<Dialog, 'showOpenDialog'> & Partial<Pick<Dialog, 'showSaveDialog'>>,
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
    /** Evidence intake: any number of files (folders go through drag and drop or the command line). */
    async chooseFiles(): Promise<{ paths: string[] }> {
      const options: OpenDialogOptions = {
        title: getTranslate()('dialog.chooseEvidenceFiles'),
        properties: ['openFile', 'multiSelections', 'dontAddToRecent'],
      };
      const window = getWindow();
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return { paths: result.canceled ? [] : result.filePaths };
    },
    /** Correspondence: any number of saved e-mails (.eml). */
    async chooseEmails(): Promise<{ paths: string[] }> {
      const options: OpenDialogOptions = {
        title: getTranslate()('dialog.chooseEmails'),
        properties: ['openFile', 'multiSelections', 'dontAddToRecent'],
        filters: [{ name: 'E-mail (.eml)', extensions: ['eml'] }],
      };
      const window = getWindow();
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return { paths: result.canceled ? [] : result.filePaths };
    },
    /** Spreadsheet import: one CSV or XLSX file. */
    async chooseSpreadsheet(): Promise<{ path: string | null }> {
      const options: OpenDialogOptions = {
        title: getTranslate()('import.chooseFileTitle'),
        properties: ['openFile', 'dontAddToRecent'],
        filters: [{ name: 'CSV, XLSX', extensions: ['csv', 'txt', 'xlsx'] }],
      };
      const window = getWindow();
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return { path: result.canceled ? null : (result.filePaths[0] ?? null) };
    },
    /** A bundle or backup to restore from: one .amparo file. */
    async chooseBundle(): Promise<{ path: string | null }> {
      const options: OpenDialogOptions = {
        title: getTranslate()('bundles.restore.chooseTitle'),
        properties: ['openFile', 'dontAddToRecent'],
        filters: [{ name: 'Amparo', extensions: ['amparo'] }],
      };
      const window = getWindow();
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return { path: result.canceled ? null : (result.filePaths[0] ?? null) };
    },
    /** Deadlines to a calendar file (.ics). */
    async chooseSaveFile({ defaultName }: { purpose: 'ics'; defaultName: string }) {
      if (!dialog.showSaveDialog) return { path: null };
      const options = {
        title: getTranslate()('deadlines.exportIcs'),
        defaultPath: defaultName,
        filters: [{ name: 'iCalendar', extensions: ['ics'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'] as (
          'createDirectory' | 'showOverwriteConfirmation' | 'dontAddToRecent'
        )[],
      };
      const window = getWindow();
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return { path: result.canceled || !result.filePath ? null : result.filePath };
    },
    mediaUrl: mediaUrlFor,
  };
}
