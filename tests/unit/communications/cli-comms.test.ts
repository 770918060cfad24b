// `amparo comms add | import | list` over a real vault: case text only through --from-json, per-file
// results with progress on stderr and exit 8 when a file failed, and the list with and without --json.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../electron/cli/run';
import { runAmparo } from '../../support/cli';
import { tempDir } from '../../support/temp';
import { commissionEmail, SUBJECT } from './eml';

const PASS = 'clave de prueba suficientemente larga';
const amparo = (args: string[], stdin = '') =>
  runAmparo([...args, '--passphrase-stdin'], `${PASS}\n${stdin}`);

describe('amparo comms', () => {
  it('adds, imports and lists a case’s communications', async () => {
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

    // Case text in argv is refused before the vault is opened.
    const inArgv = await amparo(['comms', 'add', dir, '--case', 'MC-1008-19', '--subject', 'Nombre real']);
    expect(inArgv.code).toBe(EXIT.usage);
    expect(inArgv.stderr).toContain('through --from-json');

    const added = await amparo(
      ['comms', 'add', dir, '--case', 'MC-1008-19', '--from-json', '-'],
      JSON.stringify({
        direction: 'sent',
        counterpart: 'commission',
        channel: 'portal',
        date: '2026-03-12',
        subject: 'Observaciones de la representación',
        body: 'Texto de las observaciones.',
      }),
    );
    expect(added.code).toBe(EXIT.ok);
    const sentId = added.stdout.trim();
    expect(sentId).toMatch(/^[0-9a-f-]{36}$/);

    const bad = await amparo(
      ['comms', 'add', dir, '--case', 'MC-1008-19', '--from-json', '-'],
      JSON.stringify({
        direction: 'sent',
        counterpart: 'commission',
        channel: 'portal',
        date: '2026-02-30',
        subject: 'x',
      }),
    );
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.stderr).toContain('occurredOn');

    const good = join(work, 'solicitud.eml');
    await writeFile(good, commissionEmail().eml);
    const broken = join(work, 'roto.eml');
    await writeFile(broken, 'sin encabezados\n');
    const imported = await amparo(['comms', 'import', dir, '--case', 'MC-1008-19', good, broken]);
    expect(imported.code).toBe(EXIT.someFilesFailed);
    expect(imported.stdout).toMatch(/^imported\t[0-9a-f-]{36}\tsolicitud\.eml\t2 attachment\(s\)\n$/);
    expect(imported.stderr).toContain('[1/2] solicitud.eml');
    expect(imported.stderr).toContain('[2/2] roto.eml');
    expect(imported.stderr).toContain('amparo: EMAIL_INVALID: roto.eml: not an e-mail message');
    expect(imported.stderr).toContain('1 imported, 0 duplicate(s), 1 failed');

    const again = await amparo(['comms', 'import', dir, '--case', 'MC-1008-19', good]);
    expect(again.code).toBe(EXIT.ok);
    expect(again.stdout).toMatch(/^duplicate\t/);

    const listed = await amparo(['comms', 'list', dir, '--case', 'mc-1008-19']);
    expect(listed.code).toBe(EXIT.ok);
    const rows = listed.stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(rows.map((r) => [r[1], r[2], r[3], r[5], r[6]])).toEqual([
      ['2026-03-12', 'sent', 'commission', '-', 'Observaciones de la representación'],
      ['2026-03-03 17:45', 'received', 'commission', 'MC-1008-19', SUBJECT],
    ]);
    const json = await amparo(['comms', 'list', dir, '--case', 'MC-1008-19', '--json']);
    const items = JSON.parse(json.stdout) as { id: string; attachmentCount: number }[];
    expect(items.map((i) => i.id)[0]).toBe(sentId);
    expect(items[1]!.attachmentCount).toBe(2);
  });
});
