// Every print action warns that pages go to the operating system's print spooler before printing: the
// only call to the browser's print in the renderer is the one PrintButton makes after its warning
// (tests/e2e/print.spec.ts drives it), and the main process offers no print of its own (menu, webContents).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

const PRINT_CALL = /\bprint\s*\(|\bprint\b\s*\??\.\s*call|\[\s*['"]print['"]\s*\]|\bprintToPDF\b/;

describe('print actions', () => {
  it('the renderer calls print only from PrintButton, after its spooler warning', () => {
    const callers = sources('renderer/src').filter((file) =>
      PRINT_CALL.test(readFileSync(path.join(root, file), 'utf8')),
    );
    expect(callers).toEqual(['renderer/src/components/PrintButton.tsx']);
    const button = readFileSync(path.join(root, 'renderer/src/components/PrintButton.tsx'), 'utf8');
    // window.print() runs only in the confirm handler of the dialog that shows the warning.
    expect(button.indexOf("t('print.spoolerWarning')")).toBeGreaterThan(0);
    expect(button.slice(button.indexOf('onConfirm'))).toContain('window.print()');
    expect(button.slice(0, button.indexOf('onConfirm'))).not.toContain('window.print()');
  });

  it('the main process has no print of its own (no menu role, no webContents.print)', () => {
    const printing = sources('electron/main').filter((file) =>
      /role:\s*['"]print['"]|\.print\s*\(|printToPDF/.test(readFileSync(path.join(root, file), 'utf8')),
    );
    expect(printing).toEqual([]);
  });
});
