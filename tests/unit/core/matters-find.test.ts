// `matters:find`, the lookup people use ("case MC-1008-19"), through dispatch as the app and the command
// line call it; and a command-line core that keeps its settings in memory.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { precautionaryRequest } from '../../support/fixtures';
import { TEST_KDF, tempDir } from '../../support/temp';

const PASS = 'frase de contraseña larga y segura';

describe('matters:find', () => {
  it('finds a case by reference (any letter case) or id, and says why it cannot', async () => {
    const configDir = await tempDir('amparo-config-');
    const vaultDir = join(await tempDir('amparo-vault-'), 'boveda');
    const core = await createCore({
      configDir,
      kdfCost: TEST_KDF,
      shell: { chooseFolder: async () => ({ path: null }) },
    });
    try {
      expect((await core.dispatch('vault:create', { path: vaultDir, passphrase: PASS })).ok).toBe(true);
      const create = async (reference: string) => {
        const result = await core.dispatch('matters:create', precautionaryRequest({ reference }));
        if (!result.ok) throw new Error(result.error.message);
        return (result.value as { id: string }).id;
      };
      const id = await create('MC-1008-19');
      await create('P-1234-18');
      await create('P-1234-18');

      expect(await core.dispatch('matters:find', { ref: 'mc-1008-19' })).toEqual({ ok: true, value: { id } });
      expect(await core.dispatch('matters:find', { ref: ` ${id.toUpperCase()} ` })).toEqual({
        ok: true,
        value: { id },
      });
      expect(await core.dispatch('matters:find', { ref: 'P-1234-18' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('2 cases') },
      });
      expect(await core.dispatch('matters:find', { ref: '' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', issues: [{ path: 'ref', message: 'validation.required' }] },
      });
      expect((await core.dispatch('trash:delete', { entityType: 'matter', entityId: id })).ok).toBe(true);
      expect(await core.dispatch('matters:find', { ref: 'MC-1008-19' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    } finally {
      await core.dispose();
    }
  });

  it('a core without a config folder writes no settings file and names the given actor', async () => {
    const vaultDir = join(await tempDir('amparo-vault-'), 'boveda');
    const core = await createCore({
      configDir: null,
      actor: () => 'ana (command line)',
      kdfCost: TEST_KDF,
      shell: { chooseFolder: async () => ({ path: null }) },
    });
    try {
      await core.dispatch('vault:create', { path: vaultDir, passphrase: PASS });
      await core.dispatch('matters:create', precautionaryRequest());
      const audit = await core.dispatch('audit:list', {});
      expect(audit.ok && (audit.value as { items: { actor: string }[] }).items.map((e) => e.actor)).toContain(
        'ana (command line)',
      );
      expect(existsSync(join(vaultDir, '..', 'settings.json'))).toBe(false);
    } finally {
      await core.dispose();
    }
  });
});
