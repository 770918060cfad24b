// The desktop app's session and the vault lock: the app holds its vault shared, so the command line
// cannot re-encrypt it underneath; the app re-encrypts its own open vault only when nobody else has it.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MatterPage } from '../../../shared/schemas/matter';
import { createCore } from '../../../electron/core';
import { precautionaryRequest } from '../../support/fixtures';
import { TEST_KDF, tempDir } from '../../support/temp';
import { amparoProcess, VaultHolder } from './support/processes';

const PASS = 'frase de contraseña larga y segura';
const holders: VaultHolder[] = [];
afterEach(async () => {
  await Promise.all(holders.splice(0).map((h) => h.kill()));
});

describe('the app session under the vault lock', () => {
  it('keeps the command line from re-encrypting its open vault, and re-encrypts it itself when alone', async () => {
    const configDir = await tempDir('amparo-config-');
    const vaultDir = join(await tempDir('amparo-vault-'), 'boveda');
    const core = await createCore({
      configDir,
      kdfCost: TEST_KDF,
      shell: { chooseFolder: async () => ({ path: vaultDir }) },
    });
    expect((await core.dispatch('vault:create', { path: vaultDir, passphrase: PASS })).ok).toBe(true);
    expect((await core.dispatch('matters:create', precautionaryRequest({ title: 'Primero' }))).ok).toBe(true);

    const rekey = await amparoProcess(
      ['vault', 'rekey', vaultDir, '--reencrypt', '--passphrase-stdin'],
      `${PASS}\notra frase de contraseña larga\n`,
    ).done;
    expect(rekey.code).toBe(6);
    expect(rekey.stderr).toContain(`VAULT_BUSY: `);
    expect(rekey.stderr).toContain(`open in Amparo (pid ${process.pid}) since `);
    expect((await core.dispatch('matters:create', precautionaryRequest({ title: 'Segundo' }))).ok).toBe(true);

    const other = new VaultHolder(vaultDir, 'shared', 'a second window');
    holders.push(other);
    expect(await other.send(PASS)).toBe('ready');
    const refused = await core.dispatch('vault:reencrypt', { passphrase: PASS });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VAULT_BUSY' } });
    expect(refused.ok ? '' : refused.error.message).toContain('a second window');
    await other.kill();

    expect(await core.dispatch('vault:reencrypt', { passphrase: PASS })).toMatchObject({ ok: true });
    expect((await core.dispatch('matters:create', precautionaryRequest({ title: 'Tercero' }))).ok).toBe(true);
    // Held shared again after its own re-encryption: another program cannot take it exclusively.
    const rekeyer = new VaultHolder(vaultDir, 'exclusive');
    holders.push(rekeyer);
    expect(await rekeyer.send(PASS)).toBe('error VAULT_BUSY');

    await core.lock('user');
    expect((await core.dispatch('vault:unlock', { path: vaultDir, passphrase: PASS })).ok).toBe(true);
    const listed = await core.dispatch('matters:list', {});
    const titles = listed.ok ? (listed.value as MatterPage).items.map((m) => m.title).sort() : [];
    expect(titles).toEqual(['Primero', 'Segundo', 'Tercero']);
    await core.dispose();
  });
});
