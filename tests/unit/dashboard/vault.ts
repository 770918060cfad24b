import { join } from 'node:path';
import { RevealState } from '../../../electron/core/services/reveal-state';
import { vaultContext } from '../../../electron/core/services/vault-context';
import { createVault, type OpenVault } from '../../../electron/core/vault/vault';
import { TEST_KDF, tempDir } from '../../support/temp';

/** A fresh real vault in a temp folder (removed after the test). */
export async function seededVault(): Promise<OpenVault> {
  const dir = await tempDir('amparo-dashboard-');
  return createVault(join(dir, 'boveda'), 'frase de contraseña para el panel', { kdfCost: TEST_KDF });
}

/** The services' context on a vault with the clock stopped at `now`, and reveals on the same clock. */
export function frozenContext(vault: OpenVault, now: Date) {
  return {
    reveals: new RevealState(() => now.getTime()),
    ctx: () =>
      vaultContext(
        vault,
        () => 'prueba',
        () => now,
      ),
  };
}
