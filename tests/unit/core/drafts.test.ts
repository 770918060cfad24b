// Unsaved drafts through the same dispatch the renderer uses: kept in the vault across a lock, hidden with
// the classification of their case, gone when the case is deleted, and the first status row dated as asked.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../support/contract-check';
import { precautionaryRequest } from '../../support/fixtures';
import { TEST_KDF, tempDir } from '../../support/temp';

const PASS = 'frase de contraseña larga y segura';
const TYPED = 'Llamada anónima con amenazas a la defensora, madrugada del martes';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- payloads are read as the renderer would, untyped
type Wire = { ok: boolean; value?: any; error?: { code: string } };

async function setup(): Promise<{
  core: Core;
  vaultDir: string;
  call: (ch: string, input?: unknown) => Promise<Wire>;
}> {
  const vaultDir = join(await tempDir(), 'boveda');
  const core = await createCore({
    configDir: await tempDir(),
    kdfCost: TEST_KDF,
    shell: { chooseFolder: async () => ({ path: null }) },
  });
  const call = async (channel: string, input: unknown = {}) => (await core.dispatch(channel, input)) as Wire;
  expect((await call('vault:create', { path: vaultDir, passphrase: PASS })).ok).toBe(true);
  return { core, vaultDir, call };
}

const draftOf = (matterId: string, classification = 'restricted') => ({
  key: `incident:new:${matterId}`,
  matterId,
  screen: { name: 'case', id: matterId, place: { tab: 'timeline' } },
  values: { title: TYPED, occurredOn: '2023-05-02', classification },
});

describe('drafts', () => {
  it('survive a lock inside the encrypted vault and come back after unlock', async () => {
    const { core, vaultDir, call } = await setup();
    const matter = (await call('matters:create', precautionaryRequest())).value as { id: string };
    expect((await call('drafts:save', draftOf(matter.id))).ok).toBe(true);
    await call('vault:lock');
    expect((await call('drafts:get', {})).error?.code).toBe('VAULT_LOCKED');

    // The typed text is nowhere in the vault folder in the clear.
    const files = (await readdir(vaultDir)).filter((name) => /^vault-\d+\.db/.test(name));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect((await readFile(join(vaultDir, file))).includes(Buffer.from('Llamada anónima'))).toBe(false);
    }

    expect((await call('vault:unlock', { path: vaultDir, passphrase: PASS })).ok).toBe(true);
    const all = (await call('drafts:get', {})).value;
    expect(all.items).toHaveLength(1);
    expect(all.items[0]).toMatchObject({
      key: `incident:new:${matter.id}`,
      matterId: matter.id,
      screen: { name: 'case', id: matter.id, place: { tab: 'timeline' } },
      values: { title: TYPED, occurredOn: '2023-05-02' },
    });
    // Saving again replaces; discarding removes.
    await call('drafts:save', { ...draftOf(matter.id), values: { title: 'otro' } });
    const one = (await call('drafts:get', { key: `incident:new:${matter.id}` })).value;
    expect(one.items.map((d: { values: { title: string } }) => d.values.title)).toEqual(['otro']);
    await call('drafts:discard', { key: `incident:new:${matter.id}` });
    expect((await call('drafts:get', {})).value.items).toEqual([]);
    await core.dispose();
  });

  it('follow the classification of their case and of their own fields', async () => {
    const { core, call } = await setup();
    const open = (await call('matters:create', precautionaryRequest({ reference: 'MC-1' }))).value;
    const secret = (
      await call(
        'matters:create',
        precautionaryRequest({ reference: 'MC-2', classification: 'confidential' }),
      )
    ).value;
    await call('drafts:save', draftOf(open.id, 'confidential'));
    await call('drafts:save', draftOf(secret.id));
    expect((await call('drafts:get', {})).value).toEqual({ items: [], hiddenConfidential: 2 });

    await call('confidential:reveal', { matterId: open.id, reason: 'revisar el borrador' });
    const shown = (await call('drafts:get', {})).value;
    expect(shown.items.map((d: { matterId: string }) => d.matterId)).toEqual([open.id]);
    expect(shown.hiddenConfidential).toBe(1);
    await core.dispose();
  });

  it('go with their case, to the bin and for good', async () => {
    const { core, call } = await setup();
    const matter = (await call('matters:create', precautionaryRequest())).value;
    await call('drafts:save', draftOf(matter.id));
    await call('drafts:save', { key: 'matter:new', matterId: null, screen: { name: 'newCase' }, values: {} });
    await call('trash:delete', { entityType: 'matter', entityId: matter.id });
    await call('trash:restore', { entityType: 'matter', entityId: matter.id });
    expect((await call('drafts:get', {})).value.items.map((d: { key: string }) => d.key)).toEqual([
      'matter:new',
    ]);
    // A draft for a case in the bin is refused.
    await call('trash:delete', { entityType: 'matter', entityId: matter.id });
    expect((await call('drafts:save', draftOf(matter.id))).error?.code).toBe('NOT_FOUND');
    await call('trash:empty');
    expect((await call('drafts:get', {})).value.items).toHaveLength(1);
    await core.dispose();
  });

  it('a case created "granted" dates its first status as asked, not with the opening date', async () => {
    const { core, call } = await setup();
    const matter = (
      await call('matters:create', precautionaryRequest({ status: 'granted', openedOn: '2023-03-14' }))
    ).value;
    const plain = (await call('matters:create', { ...precautionaryRequest({ reference: 'B' }) })).value;
    const granted = (
      await call('matters:create', {
        ...precautionaryRequest({ status: 'granted', reference: 'C' }),
        statusOn: '2023-06-02',
      })
    ).value;
    const first = async (id: string) => (await call('matters:statusHistory', { matterId: id })).value[0];
    expect((await first(matter.id)).changedOn).toBe('2023-03-14');
    expect((await first(plain.id)).changedOn).toBe('2023-03-14');
    expect(await first(granted.id)).toMatchObject({ toStatus: 'granted', changedOn: '2023-06-02' });
    await core.dispose();
  });
});
