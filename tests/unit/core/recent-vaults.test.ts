// The recent-vaults list in settings.json (plain text, outside any vault): it can be switched off and
// cleared, and then no folder name is left in the file. Real core, real files.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { TEST_KDF, tempDir } from '../../support/temp';

const PASS = 'frase de contraseña larga y segura';

async function setup(configDir?: string) {
  const dir = configDir ?? (await tempDir('amparo-config-'));
  const core = await createCore({
    configDir: dir,
    kdfCost: TEST_KDF,
    shell: { chooseFolder: async () => ({ path: null }) },
  });
  return { core, configDir: dir };
}

const settingsText = (configDir: string) => readFile(join(configDir, 'settings.json'), 'utf8');
const status = async (core: Core) => {
  const result = await core.dispatch('vault:status', {});
  if (!result.ok) throw new Error('status failed');
  return result.value as { state: string; path: string | null; recent: string[] };
};

async function openAndLock(core: Core, name: string): Promise<string> {
  const vaultDir = join(await tempDir('amparo-vault-'), name);
  expect(await core.dispatch('vault:create', { path: vaultDir, passphrase: PASS })).toMatchObject({
    ok: true,
  });
  await core.lock('user');
  return vaultDir;
}

describe('recent vaults', () => {
  it('are remembered by default, in settings.json', async () => {
    const { core, configDir } = await setup();
    const dir = await openAndLock(core, 'Caso-Familia-Lopez');
    expect((await status(core)).recent).toEqual([dir]);
    expect(await settingsText(configDir)).toContain('Caso-Familia-Lopez');
    await core.dispose();
  });

  it('clearing empties the list on disk and in memory', async () => {
    const { core, configDir } = await setup();
    await openAndLock(core, 'Caso-Defensoras-Norte');
    expect(await core.dispatch('settings:clearRecentVaults', {})).toEqual({ ok: true, value: {} });
    expect(await status(core)).toMatchObject({ state: 'none', path: null, recent: [] });
    expect(await settingsText(configDir)).not.toContain('Caso-Defensoras-Norte');
    await core.dispose();
  });

  it('switched off: erased from disk, kept only for this run, forgotten after a restart', async () => {
    const { core, configDir } = await setup();
    const first = await openAndLock(core, 'Caso-Uno');
    expect(await core.dispatch('settings:update', { rememberRecentVaults: false })).toMatchObject({
      ok: true,
      value: { rememberRecentVaults: false },
    });
    expect(await settingsText(configDir)).not.toContain('Caso-Uno');
    const second = await openAndLock(core, 'Caso-Dos');
    // The unlock screen after a lock still offers the folders of this run.
    expect((await status(core)).recent).toEqual([second, first]);
    const text = await settingsText(configDir);
    expect(text).not.toContain('Caso-Uno');
    expect(text).not.toContain('Caso-Dos');
    await core.dispose();

    const again = await setup(configDir);
    expect(await status(again.core)).toMatchObject({ state: 'none', recent: [] });
    await again.core.dispose();
  });

  it('switched back on: the folders of this run are remembered again', async () => {
    const { core, configDir } = await setup();
    await core.dispatch('settings:update', { rememberRecentVaults: false });
    const dir = await openAndLock(core, 'Caso-Tres');
    await core.dispatch('settings:update', { rememberRecentVaults: true });
    expect((await status(core)).recent).toEqual([dir]);
    expect(await settingsText(configDir)).toContain('Caso-Tres');
    await core.dispose();
  });

  it('a settings file from before the option keeps its list and the option on', async () => {
    const configDir = await tempDir('amparo-config-');
    await writeFile(
      join(configDir, 'settings.json'),
      JSON.stringify({
        settings: { language: 'es', autoLockMinutes: 7, userName: '' },
        recentVaults: ['/v/a'],
      }),
    );
    const { core } = await setup(configDir);
    expect(await core.dispatch('settings:get', {})).toMatchObject({
      ok: true,
      value: { language: 'es', autoLockMinutes: 7, rememberRecentVaults: true },
    });
    expect((await status(core)).recent).toEqual(['/v/a']);
    expect(core.settingsDamaged).toBeNull();
    await core.dispose();
  });

  it('a damaged settings file is set aside as settings.json.damaged, not overwritten', async () => {
    const configDir = await tempDir('amparo-config-');
    await writeFile(join(configDir, 'settings.json'), '{"recentVaults": ["/v/b"');
    const { core } = await setup(configDir);
    expect(core.settingsDamaged?.keptAt).toBe(join(configDir, 'settings.json.damaged'));
    expect(await readFile(join(configDir, 'settings.json.damaged'), 'utf8')).toBe('{"recentVaults": ["/v/b"');
    expect(await core.dispatch('settings:get', {})).toMatchObject({
      ok: true,
      value: { language: 'system' },
    });
    await core.dispose();
  });
});
