// The installed app is also the `amparo` command: which starts are commands, and the packaging that puts
// the command on PATH.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cliArguments } from '../../../electron/main/cli-mode';
import { REPO_ROOT } from '../../support/cli';

describe('CLI mode of the desktop app', () => {
  it('treats a start whose first argument is a command as the command line', () => {
    const bin = '/opt/Amparo/amparo';
    expect(cliArguments([bin, 'vault', 'check', '/home/ana/boveda'], false)).toEqual([
      'vault',
      'check',
      '/home/ana/boveda',
    ]);
    expect(cliArguments([bin, 'search', '/b', '-'], false)).toEqual(['search', '/b', '-']);
    expect(cliArguments([bin, 'evidence', 'list', '/b'], false)).toEqual(['evidence', 'list', '/b']);
    expect(cliArguments([bin, '--help'], false)).toEqual(['--help']);
    // Chromium's switches before the command stay Chromium's.
    expect(
      cliArguments([bin, '--ozone-platform=headless', '--disable-gpu', 'case', 'list', '/b'], false),
    ).toEqual(['case', 'list', '/b']);
    expect(cliArguments(['/usr/lib/electron', '.', 'case', 'list', '/b'], true)).toEqual([
      'case',
      'list',
      '/b',
    ]);
  });

  it('starts the desktop app otherwise', () => {
    expect(cliArguments(['/opt/Amparo/amparo'], false)).toBeNull();
    expect(cliArguments(['/opt/Amparo/amparo', '--enable-features=X'], false)).toBeNull();
    expect(
      cliArguments(['/opt/Amparo/amparo', '--ozone-platform=wayland', '/home/ana/vault'], false),
    ).toBeNull();
    expect(cliArguments(['/opt/Amparo/amparo', '/home/ana/case'], false)).toBeNull();
    // Under `electron .` the app folder is not a command.
    expect(cliArguments(['/usr/lib/electron', '.'], true)).toBeNull();
    expect(cliArguments(['/usr/lib/electron', 'vault'], false)).toEqual(['vault']);
  });

  it('the .deb puts an `amparo` command on PATH that runs the app binary', async () => {
    const config = parse(await readFile(join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as {
      executableName?: string;
    };
    expect(config.executableName).toBe('amparo');
    // electron-builder's after-install script links /usr/bin/<executableName> to the installed binary.
    const script = await readFile(
      join(REPO_ROOT, 'node_modules/app-builder-lib/templates/linux/after-install.tpl'),
      'utf8',
    );
    expect(script).toContain("ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'");
  });
});
