// `amparo case add --from-json` with the State a case is against, and `case list --json` printing it,
// over a real vault.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../electron/cli/run';
import { createTestVault, runAmparo } from '../../support/cli';
import { tempDir } from '../../support/temp';

const PASS = 'clave de prueba suficientemente larga';
const amparo = (args: string[], body = '') => runAmparo([...args, '--passphrase-stdin'], `${PASS}\n${body}`);

describe('amparo case add / list with a State', () => {
  it('stores the State given, Mexico when none is, and refuses one that is not a code', async () => {
    const dir = join(await tempDir(), 'boveda');
    await createTestVault(dir, PASS);
    const add = (fields: object) => amparo(['case', 'add', dir, '--from-json', '-'], JSON.stringify(fields));
    expect((await add({ title: 'Comunidad en Alta Verapaz', type: 'petition', state: 'GT' })).code).toBe(
      EXIT.ok,
    );
    expect((await add({ title: 'Defensora en Guerrero', type: 'petition' })).code).toBe(EXIT.ok);
    const bad = await add({ title: 'X', type: 'petition', state: 'Guatemala' });
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.stderr).toMatch(/state/);

    const listed = await amparo(['case', 'list', dir, '--json']);
    const items = JSON.parse(listed.stdout) as { title: string; state: string }[];
    expect(items.map((m) => `${m.title}:${m.state}`).sort()).toEqual([
      'Comunidad en Alta Verapaz:GT',
      'Defensora en Guerrero:MX',
    ]);
  });
});
