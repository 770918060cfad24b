// `vault check` is documented to change nothing: every byte of every file in the vault is the same after
// it, the database file included (opening it for writing would rewrite its first page).
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../electron/cli/run';
import { createTestVault, runAmparo } from '../../support/cli';
import { tempDir } from '../../support/temp';

const PASS = 'clave de prueba suficientemente larga';

async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  }
  return out;
}

describe('amparo vault check', () => {
  it('leaves every byte of the vault as it was', async () => {
    const dir = join(await tempDir(), 'boveda');
    await createTestVault(dir, PASS);
    const added = await runAmparo(
      ['case', 'add', dir, '--passphrase-stdin', '--from-json', '-'],
      `${PASS}\n{"title": "Caso", "type": "case"}`,
    );
    expect(added.code, added.stderr).toBe(EXIT.ok);
    const before = await fingerprint(dir);
    expect(Object.keys(before)).toContain('vault-1.db');

    const check = await runAmparo(['vault', 'check', dir, '--passphrase-stdin'], `${PASS}\n`);
    expect(check.code, check.stderr).toBe(EXIT.ok);
    expect(check.stdout).toContain('Vault is healthy.');
    expect(await fingerprint(dir)).toEqual(before);
  });
});
