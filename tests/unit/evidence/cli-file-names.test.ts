// `amparo evidence add | list` as a child process, with the names a USB stick hands over: a name that is
// not UTF-8 is shown in one escape over its exact bytes (not the escaped display form escaped again), a
// link given directly is reported as recorded under its target's name, and links and pipes inside
// folders are listed as skipped on stderr.
import { execFile } from 'node:child_process';
import { mkdir, rename, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../electron/cli/run';
import { createTestVault, execAmparo, runAmparo } from '../../support/cli';
import { tempDir } from '../../support/temp';

const PASS = 'clave de prueba suficientemente larga';
const run = promisify(execFile);

describe('amparo evidence with hostile file names', () => {
  it('shows a non-UTF-8 name as \\xHH once, reports a direct link and lists skipped links and pipes', async () => {
    const work = await tempDir();
    const dir = join(work, 'boveda');
    await createTestVault(dir, PASS);
    const created = await runAmparo(
      ['case', 'add', dir, '--passphrase-stdin', '--from-json', '-'],
      `${PASS}\n{"title": "Prueba", "type": "precautionary_request", "reference": "MC-7-26"}`,
    );
    expect(created.code).toBe(EXIT.ok);

    const folder = join(work, 'usb');
    await mkdir(folder);
    // `caf<0xE9>.jpg` (Latin-1, not UTF-8) and a valid name that holds the four characters `\xe9`.
    await writeFile(Buffer.from([...Buffer.from(`${folder}/caf`), 0xe9, ...Buffer.from('.jpg')]), 'a');
    await writeFile(join(folder, 'caf\\xe9.jpg'), 'b');
    await symlink(join(folder, 'caf\\xe9.jpg'), join(folder, 'enlace\n.jpg'));
    await run('mkfifo', [join(folder, 'tuberia')]);
    const target = join(work, 'acta.pdf');
    await writeFile(target, '%PDF-1.4\n');
    const link = join(work, 'acceso-directo.pdf');
    await symlink(target, link);

    const added = await execAmparo(
      ['evidence', 'add', dir, '--passphrase-stdin', '--from-json', '-'],
      `${PASS}\n${JSON.stringify({ case: 'MC-7-26', paths: [folder, link] })}`,
    );
    expect(added.code).toBe(EXIT.ok);
    const names = (out: string) =>
      out
        .trim()
        .split('\n')
        .map((line) => line.split('  ')[3])
        .sort();
    expect(names(added.stdout)).toEqual(['acta.pdf', 'caf\\\\xe9.jpg', 'caf\\xe9.jpg']);
    expect(added.stderr).toContain('caf\\xe9.jpg\n');
    expect(added.stderr).toContain(`amparo: linked: ${link} is a symbolic link; recorded as ${target}\n`);
    expect(added.stderr).toContain(
      `amparo: skipped: ${folder}/enlace\\n.jpg (a symbolic link; not taken in)\n`,
    );
    expect(added.stderr).toContain(
      `amparo: skipped: ${folder}/tuberia (a pipe, socket or device; not taken in)\n`,
    );
    expect(added.stderr).toContain('3 added, 0 failed');

    // A name that is not UTF-8 in a failure line: the same single escape. JSON cannot carry the raw byte, so
    // the path is given as a file dialog hands it over (U+FFFD in its place) and found by its bytes.
    await run('mkfifo', [join(work, 'fifo')]);
    await rename(join(work, 'fifo'), Buffer.from([...Buffer.from(`${work}/tub`), 0xe9, ...Buffer.from('a')]));
    const refused = await execAmparo(
      ['evidence', 'add', dir, '--passphrase-stdin', '--from-json', '-'],
      `${PASS}\n${JSON.stringify({ case: 'MC-7-26', paths: [`${work}/tub\uFFFDa`] })}`,
    );
    expect(refused.code).toBe(EXIT.someFilesFailed);
    expect(refused.stderr).toContain('amparo: FILE_UNREADABLE: tub\\xe9a: not a regular file');

    const listed = await execAmparo(
      ['evidence', 'list', dir, '--passphrase-stdin', '--case', 'MC-7-26'],
      `${PASS}\n`,
    );
    expect(listed.code).toBe(EXIT.ok);
    expect(names(listed.stdout)).toEqual(['acta.pdf', 'caf\\\\xe9.jpg', 'caf\\xe9.jpg']);
  });
});
