// The core as the renderer sees it: every call goes through dispatch with untrusted input, exactly as the
// Electron IPC handlers and the test bridge call it.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../support/contract-check';
import { deriveKek } from '../../../electron/core/crypto/kdf';
import { unwrapKey } from '../../../electron/core/crypto/key-wrap';
import { keyWrapAad, readHeader } from '../../../electron/core/vault/header';
import { precautionaryRequest } from '../../support/fixtures';
import { TEST_KDF, tempDir } from '../../support/temp';

const PASS = 'frase de contraseña larga y segura';

async function newCore(now?: () => number): Promise<{ core: Core; configDir: string; vaultDir: string }> {
  const configDir = await tempDir('amparo-config-');
  const vaultDir = join(await tempDir('amparo-vault-'), 'boveda');
  const core = await createCore({
    configDir,
    kdfCost: TEST_KDF,
    shell: { chooseFolder: async () => ({ path: vaultDir }) },
    logError: (where, error) => console.error(where, error),
    ...(now ? { now } : {}),
  });
  return { core, configDir, vaultDir };
}

describe('core dispatch', () => {
  it('walks a first run: no vault → create → case → lock → wrong passphrase → unlock', async () => {
    const { core, vaultDir } = await newCore();
    expect(await core.dispatch('vault:status', {})).toEqual({
      ok: true,
      value: { state: 'none', path: null, recent: [] },
    });

    const created = await core.dispatch('vault:create', { path: vaultDir, passphrase: PASS });
    expect(created).toEqual({ ok: true, value: { state: 'unlocked', path: vaultDir, recent: [vaultDir] } });

    const saved = await core.dispatch('matters:create', precautionaryRequest());
    expect(saved.ok).toBe(true);

    const locked: unknown[] = [];
    core.onEvent('vault:locked', (p) => locked.push(p));
    expect(await core.dispatch('vault:lock', {})).toMatchObject({
      ok: true,
      value: { state: 'locked', path: vaultDir },
    });
    expect(locked).toEqual([{ reason: 'user' }]);

    expect(await core.dispatch('matters:list', {})).toMatchObject({
      ok: false,
      error: { code: 'VAULT_LOCKED' },
    });
    expect(
      await core.dispatch('vault:unlock', { path: vaultDir, passphrase: 'wrong wrong wrong' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect(await core.dispatch('vault:unlock', { path: vaultDir, passphrase: PASS })).toMatchObject({
      ok: true,
    });
    const list = await core.dispatch('matters:list', {});
    expect(list).toMatchObject({ ok: true, value: { total: 1, items: [{ reference: 'MC-1008-19' }] } });
    await core.dispatch('vault:lock', {});
    await core.dispatch('vault:lock', {});
    expect(locked).toHaveLength(2);
    await core.dispatch('vault:unlock', { path: vaultDir, passphrase: PASS });
    await core.dispose();
  });

  it('validates input in the core and answers with typed errors, never a thrown exception', async () => {
    const { core, vaultDir } = await newCore();
    expect(await core.dispatch('no:such-channel', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(await core.dispatch('__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    const short = await core.dispatch('vault:create', { path: vaultDir, passphrase: 'short' });
    expect(short).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'VALIDATION_FAILED',
        issues: [{ path: 'passphrase', message: 'validation.passphraseTooShort' }],
      }),
    });
    expect(await core.dispatch('vault:create', { path: 'relative/path', passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', issues: [{ path: 'path', message: 'validation.absolutePath' }] },
    });
    expect(await core.dispatch('vault:status', { extra: true })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await core.dispatch('vault:status', 'a string')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });

    await core.dispatch('vault:create', { path: vaultDir, passphrase: PASS });
    const bad = await core.dispatch('matters:create', {
      ...precautionaryRequest(),
      openedOn: '2023-02-30',
      title: '  ',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const issues = (bad as { error: { issues: { path: string; message: string }[] } }).error.issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'title', message: 'validation.required' },
        { path: 'openedOn', message: 'validation.date' },
      ]),
    );
    expect(await core.dispatch('matters:get', { id: '7d1c2a4e-8f63-4c39-9a43-3c1f0d5b2a11' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await core.dispose();
  });

  it('edits with a revision check and archives without deleting', async () => {
    const { core, vaultDir } = await newCore();
    await core.dispatch('vault:create', { path: vaultDir, passphrase: PASS });
    const created = (await core.dispatch('matters:create', precautionaryRequest())) as {
      ok: true;
      value: { id: string; revision: number };
    };
    const { id } = created.value;
    const fields = {
      ...precautionaryRequest(),
      status: 'granted',
      reference: 'Resolución 44/2023',
      matterType: 'precautionary_measure',
    };
    const updated = await core.dispatch('matters:update', { id, revision: 1, fields });
    expect(updated).toMatchObject({
      ok: true,
      value: { revision: 2, status: 'granted', reference: 'Resolución 44/2023' },
    });
    expect(await core.dispatch('matters:update', { id, revision: 1, fields })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    await core.dispatch('matters:setArchived', { id, archived: true });
    expect(await core.dispatch('matters:list', {})).toMatchObject({ ok: true, value: { total: 0 } });
    expect(await core.dispatch('matters:list', { archived: true })).toMatchObject({
      ok: true,
      value: { total: 1 },
    });
    await core.dispatch('matters:setArchived', { id, archived: false });
    expect(await core.dispatch('matters:list', { query: 'RESOLUCION 44' })).toMatchObject({
      ok: true,
      value: { total: 1 },
    });
    expect(await core.dispatch('matters:list', { query: '100%' })).toMatchObject({
      ok: true,
      value: { total: 0 },
    });
    await core.dispose();
  });

  it('auto-locks after the configured idle minutes, and activity postpones it', async () => {
    let clock = 1_000_000;
    const { core, vaultDir } = await newCore(() => clock);
    await core.dispatch('settings:update', { autoLockMinutes: 5 });
    await core.dispatch('vault:create', { path: vaultDir, passphrase: PASS });
    const events: unknown[] = [];
    core.onEvent('vault:locked', (p) => events.push(p));

    clock += 4 * 60_000;
    expect(await core.checkIdle()).toBe(false);
    await core.dispatch('session:activity', {});
    clock += 4 * 60_000;
    expect(await core.checkIdle()).toBe(false);
    clock += 2 * 60_000;
    expect(await core.checkIdle()).toBe(true);
    expect(events).toEqual([{ reason: 'idle' }]);
    expect(await core.dispatch('vault:status', {})).toMatchObject({ ok: true, value: { state: 'locked' } });
    await core.dispose();
  });

  it('locks on a system event and keeps settings across restarts', async () => {
    const { core, configDir, vaultDir } = await newCore();
    await core.dispatch('vault:create', { path: vaultDir, passphrase: PASS });
    expect(await core.dispatch('settings:update', { language: 'en', autoLockMinutes: 12 })).toEqual({
      ok: true,
      value: { language: 'en', autoLockMinutes: 12, userName: '', rememberRecentVaults: true },
    });
    expect(await core.dispatch('settings:update', { autoLockMinutes: 0 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    await core.lock('system');
    await core.dispose();

    const again = await createCore({ configDir, shell: { chooseFolder: async () => ({ path: null }) } });
    expect(await again.dispatch('settings:get', {})).toEqual({
      ok: true,
      value: { language: 'en', autoLockMinutes: 12, userName: '', rememberRecentVaults: true },
    });
    expect(await again.dispatch('vault:status', {})).toEqual({
      ok: true,
      value: { state: 'locked', path: vaultDir, recent: [vaultDir] },
    });
    await again.dispose();
  });

  it('changes the passphrase and re-encrypts through the same path', async () => {
    const { core, vaultDir } = await newCore();
    await core.dispatch('vault:create', { path: vaultDir, passphrase: PASS });
    await core.dispatch('matters:create', precautionaryRequest());
    expect(
      await core.dispatch('vault:changePassphrase', {
        current: 'nope nope nope',
        next: 'nueva frase bastante larga',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect(
      await core.dispatch('vault:changePassphrase', { current: PASS, next: 'nueva frase bastante larga' }),
    ).toEqual({
      ok: true,
      value: {},
    });
    expect(await core.dispatch('vault:reencrypt', { passphrase: 'nueva frase bastante larga' })).toEqual({
      ok: true,
      value: {},
    });
    expect((await readHeader(vaultDir)).database.file).toBe('vault-2.db');
    expect(await core.dispatch('matters:list', {})).toMatchObject({ ok: true, value: { total: 1 } });
    await core.dispatch('vault:lock', {});
    expect(
      await core.dispatch('vault:unlock', { path: vaultDir, passphrase: 'nueva frase bastante larga' }),
    ).toMatchObject({ ok: true });
    await core.dispose();
  });

  it('leaves no case text, passphrase or key material readable in any file of the vault folder', async () => {
    const { core, vaultDir, configDir } = await newCore();
    await core.dispatch('vault:create', { path: vaultDir, passphrase: PASS });
    const marker = 'Zacatecas-testigo-protegido-8841';
    for (let i = 0; i < 30; i++) {
      await core.dispatch(
        'matters:create',
        precautionaryRequest({ title: `${marker} ${i}`, summary: `${marker} resumen ${'x'.repeat(300)}` }),
      );
    }
    // The secrets the header protects: the database key (recovered here the way an attacker with the
    // passphrase would) and the key-encryption key derived from the passphrase.
    const header = await readHeader(vaultDir);
    const kek = await deriveKek(PASS, header.kdf);
    const key = unwrapKey(kek, header.wrappedKey, keyWrapAad(header));
    expect(key).toHaveLength(32);
    const secrets = [kek, key!].flatMap((k) => [
      k,
      Buffer.from(k.toString('hex')),
      Buffer.from(k.toString('base64')),
    ]);
    const needles = [
      Buffer.from(marker, 'utf8'),
      Buffer.from(marker, 'utf16le'),
      Buffer.from(PASS, 'utf8'),
      Buffer.from('MC-1008-19', 'utf8'),
      Buffer.from('CREATE TABLE', 'utf8'),
      Buffer.from('SQLite format 3', 'utf8'),
      ...secrets,
    ];
    const filesUnder = async (dir: string): Promise<string[]> =>
      (
        await Promise.all(
          (await readdir(dir, { withFileTypes: true })).map((e) =>
            e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
          ),
        )
      ).flat();
    // Look at the files while the vault is open (the WAL in use) and again after it is locked.
    const scan = async (expectWal: boolean) => {
      const files = [...(await filesUnder(vaultDir)), ...(await filesUnder(configDir))];
      expect(files.some((f) => f.endsWith('-wal'))).toBe(expectWal);
      for (const file of files) {
        const bytes = await readFile(file);
        for (const needle of needles)
          expect(bytes.includes(needle), `${needle.toString('hex')} in ${file}`).toBe(false);
      }
    };
    await scan(true);
    await core.dispatch('vault:lock', {});
    await scan(false);
    await core.dispose();
  });
});
