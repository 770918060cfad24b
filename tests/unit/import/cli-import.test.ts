// `amparo import` as a user runs it: a child process, the passphrase on stdin, the mapping in a file.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../electron/cli/exit';
import { createTestVault, execAmparo } from '../../support/cli';
import { tempDir } from '../../support/temp';
import { PASS, latin1Cases } from './helpers';

describe('amparo import', () => {
  it('dry-runs with the reasons in words, refuses to import a file with refused rows, then imports', async () => {
    const dir = await tempDir('amparo-cli-import-');
    const vault = join(dir, 'boveda');
    await createTestVault(vault, PASS);
    const file = await latin1Cases(dir);
    const mapping = join(dir, 'mapping.json');
    await writeFile(
      mapping,
      JSON.stringify({
        tables: [
          {
            table: 'casos',
            kind: 'cases',
            columns: {
              Referencia: 'reference',
              Título: 'title',
              'Tipo de caso': 'matterType',
              'Fecha de apertura': 'openedOn',
              Estado: 'status',
            },
          },
        ],
      }),
    );
    const args = ['import', vault, file, '--mapping', mapping, '--passphrase-stdin'];
    const dry = await execAmparo([...args, '--dry-run'], `${PASS}\n`);
    expect(dry.code).toBe(EXIT.checkFailed);
    expect(dry.stdout.trim().split('\n')).toEqual([
      'casos row 3 (MC-102-23 · Periodista de Oaxaca): Opening date: “31/02/2023” is not a possible date (write dd/mm/yyyy or yyyy-mm-dd)',
      'casos row 4 (MC-103-23): Title is missing',
      'casos row 5 (mc-101-23 · Otra defensora): The reference “mc-101-23” is already used in row 2',
      "casos row 6 (MC-104-23 · Comunidad desplazada): Case type: “Amparo indirecto” is not one of the app's values",
    ]);
    expect(dry.stderr).toContain('cases 2 accepted, 4 refused');

    // Without --mapping the guessed one is used, and printed to be saved and edited.
    const guessed = await execAmparo(['import', vault, file, '--dry-run', '--passphrase-stdin'], `${PASS}\n`);
    expect(guessed.code).toBe(EXIT.checkFailed);
    expect(guessed.stderr).toContain('using this guessed mapping');
    expect(guessed.stderr).toContain('"Fecha de apertura": "openedOn"');

    const refused = await execAmparo(args, `${PASS}\n`);
    expect(refused.code).toBe(EXIT.checkFailed);
    expect(refused.stderr).toContain('nothing imported');

    const run = await execAmparo([...args, '--accept-refused', '--json'], `${PASS}\n`);
    expect(run.code).toBe(EXIT.ok);
    expect(JSON.parse(run.stdout)).toMatchObject({
      cases: [{ reference: 'MC-101-23' }, { reference: 'MC-105-23' }],
      refused: 4,
    });
    const listed = await execAmparo(['case', 'list', vault, '--json', '--passphrase-stdin'], `${PASS}\n`);
    expect(
      JSON.parse(listed.stdout)
        .map((m: { reference: string }) => m.reference)
        .sort(),
    ).toEqual(['MC-101-23', 'MC-105-23']);
  });
});
