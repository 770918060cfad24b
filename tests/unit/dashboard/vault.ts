import { join } from 'node:path';
import { createVault, type OpenVault } from '../../../electron/core/vault/vault';
import { TEST_KDF, tempDir } from '../../support/temp';

/** A fresh real vault in a temp folder (removed after the test). */
export async function seededVault(): Promise<OpenVault> {
  const dir = await tempDir('amparo-dashboard-');
  return createVault(join(dir, 'boveda'), 'frase de contraseña para el panel', { kdfCost: TEST_KDF });
}
