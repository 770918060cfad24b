// `amparo evidence add|verify` over a real vault: bulk intake of files and folders with progress on
// stderr, a clear report for bad paths, and verify finding a tampered blob.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../electron/cli/run';
import { blobsDir } from '../../../electron/core/evidence/store';
import { runAmparo } from '../../support/cli';
import { tempDir } from '../../support/temp';

const PASS = 'clave de prueba suficientemente larga';

const amparo = (args: string[]) => runAmparo([...args, '--passphrase-stdin'], `${PASS}\n`);

describe('amparo evidence', () => {
  it('adds files and folders to a case by reference, then verifies the vault', async () => {
    const work = await tempDir();
    const dir = join(work, 'boveda');
    expect((await amparo(['vault', 'create', dir])).code).toBe(EXIT.ok);
    const created = await amparo([
      'case',
      'add',
      dir,
      '--title',
      'A.L.Q.O.',
      '--type',
      'precautionary_request',
      '--reference',
      'MC-1008-19',
    ]);
    expect(created.code).toBe(EXIT.ok);

    const folder = join(work, 'entrega-usb');
    await mkdir(folder);
    await writeFile(join(folder, 'audio.ogg'), randomBytes(3 * 1024 * 1024));
    await writeFile(join(folder, 'nota.txt'), 'nota');
    const single = join(work, 'acta.pdf');
    await writeFile(single, '%PDF-1.4\n%%EOF\n');

    const added = await amparo([
      'evidence',
      'add',
      dir,
      '--case',
      'mc-1008-19',
      '--source',
      'Defensora',
      '--acquisition',
      'Memoria USB entregada en persona',
      single,
      folder,
      join(work, 'no-existe.jpg'),
    ]);
    expect(added.code).toBe(EXIT.someFilesFailed);
    const lines = added.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^[0-9a-f-]{36} {2}[0-9a-f]{64} {2}15 bytes {2}acta\.pdf {2}exhibit 1$/);
    expect(added.stderr).toMatch(/\[1\/3\] \d+%/);
    expect(added.stderr).toContain('FILE_UNREADABLE: no-existe.jpg');
    expect(added.stderr).toContain('3 added, 1 failed');

    const verified = await amparo(['evidence', 'verify', dir]);
    expect(verified).toMatchObject({ code: EXIT.ok });
    expect(verified.stdout).toContain('Checked 3 item(s): 3 intact');

    const blob = (await readdir(blobsDir(dir))).find((n) => n.endsWith('.blob'))!;
    const bytes = await readFile(join(blobsDir(dir), blob));
    bytes[bytes.length - 20]! ^= 0xff;
    await writeFile(join(blobsDir(dir), blob), bytes);
    const broken = await amparo(['evidence', 'verify', dir, '--json']);
    expect(broken.code).toBe(EXIT.checkFailed);
    expect(JSON.parse(broken.stdout)).toMatchObject({ checked: 3, ok: 2, problems: [{ status: 'damaged' }] });

    const plain = await amparo(['evidence', 'verify', dir]);
    expect(plain.stdout).toContain('ALTERED OR DAMAGED');
    expect((await amparo(['evidence', 'add', dir, '--case', 'P-0000-00', single])).code).toBe(EXIT.notFound);
    expect((await amparo(['evidence', 'add', dir, single])).code).toBe(EXIT.usage);
  });
});
