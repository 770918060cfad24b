// The app's core merges the full-text index by itself after an unlock: a vault written in many small
// transactions is left in several segments, and soon after the next unlock it is in one.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { segmentCount } from '../../../electron/core/services/index-maintenance';
import { openVault } from '../../../electron/core/vault/vault';
import { precautionaryRequest } from '../../support/fixtures';
import { TEST_KDF, tempDir } from '../../support/temp';

const PASS = 'frase de contraseña larga y segura';

async function segments(dir: string): Promise<number> {
  const vault = await openVault(dir, PASS, { kdfCost: TEST_KDF });
  try {
    return segmentCount(vault.db, 'search_index');
  } finally {
    vault.close();
  }
}

describe('index maintenance in the core', () => {
  it('merges the records index by itself after an unlock', async () => {
    const configDir = await tempDir('amparo-config-');
    const vaultDir = join(await tempDir('amparo-vault-'), 'boveda');
    const core = await createCore({
      configDir,
      kdfCost: TEST_KDF,
      extractionCheckMs: 0,
      shell: { chooseFolder: async () => ({ path: vaultDir }) },
    });
    expect((await core.dispatch('vault:create', { path: vaultDir, passphrase: PASS })).ok).toBe(true);
    // creating the vault ran the maintenance on an empty index; every case below is its own transaction
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (let i = 0; i < 40; i++)
      expect(
        (
          await core.dispatch(
            'matters:create',
            precautionaryRequest({ title: `Caso ${i}`, summary: `amenaza patrulla registro${i}` }),
          )
        ).ok,
      ).toBe(true);
    await core.lock('user');
    expect(await segments(vaultDir)).toBeGreaterThan(1);

    // The run starts once the unlock has answered; a tiny index merges in milliseconds. Checked from a
    // second connection after a lock, so up to a few rounds under a loaded machine.
    let after = Infinity;
    for (let round = 0; round < 10 && after > 1; round++) {
      expect((await core.dispatch('vault:unlock', { path: vaultDir, passphrase: PASS })).ok).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await core.lock('user');
      after = await segments(vaultDir);
    }
    expect(after).toBe(1);
    await core.dispose();
  });
});
