// Evidence follows the same soft-delete rules as every record: hidden when deleted, restorable, and
// removed for good (row, key and encrypted file) only when the user empties Deleted items.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../support/contract-check';
import { precautionaryRequest } from '../../support/fixtures';
import { TEST_KDF, tempDir } from '../../support/temp';

type Ok<T> = { ok: true; value: T };

async function blobFiles(vaultDir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(join(dir, entry.name));
      else out.push(entry.name);
    }
  };
  if (existsSync(join(vaultDir, 'blobs'))) await walk(join(vaultDir, 'blobs'));
  return out;
}

describe('deleted evidence', () => {
  it('is hidden, restorable, searchable again after restore, and purged with its file', async () => {
    const work = await tempDir();
    const vaultDir = join(work, 'boveda');
    const core = await createCore({
      configDir: join(work, 'config'),
      kdfCost: TEST_KDF,
      shell: { chooseFolder: async () => ({ path: null }) },
    });
    const call = (channel: string, input: unknown = {}) => core.dispatch(channel, input);
    await call('vault:create', { path: vaultDir, passphrase: 'frase de contraseña larga y segura' });
    const matter = (await call('matters:create', precautionaryRequest())) as Ok<{ id: string }>;
    const file = join(work, 'captura-amenaza.txt');
    await writeFile(file, 'Mensaje recibido: sabemos dónde vives.');
    const added = (await call('evidence:add', {
      matterId: matter.value.id,
      operationId: randomUUID(),
      paths: [file],
      fields: { title: 'Captura del mensaje de amenaza' },
    })) as Ok<{ added: { id: string }[] }>;
    const id = added.value.added[0]!.id;
    expect(await blobFiles(vaultDir)).toHaveLength(1);
    expect(await call('search:query', { query: 'captura amenaza' })).toMatchObject({
      ok: true,
      value: { hits: [{ entityType: 'evidence', entityId: id }] },
    });

    await call('trash:delete', { entityType: 'evidence', entityId: id });
    expect(await call('evidence:list', { matterId: matter.value.id })).toMatchObject({
      ok: true,
      value: { items: [] },
    });
    expect(await call('search:query', { query: 'captura amenaza' })).toMatchObject({
      ok: true,
      value: { hits: [] },
    });
    await call('trash:restore', { entityType: 'evidence', entityId: id });
    expect(await call('search:query', { query: 'captura' })).toMatchObject({
      ok: true,
      value: { hits: [{ entityId: id }] },
    });
    expect(await call('evidence:verify', { id })).toMatchObject({ ok: true, value: { status: 'ok' } });

    // Deleting the whole case and emptying the bin removes its evidence and the encrypted file.
    await call('trash:delete', { entityType: 'matter', entityId: matter.value.id });
    expect(await call('trash:empty', {})).toEqual({ ok: true, value: { purged: 1 } });
    expect(await blobFiles(vaultDir)).toEqual([]);
    expect(await call('evidence:get', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('audit:verify', {})).toMatchObject({ ok: true, value: { ok: true } });
    await core.dispose();
  });
});
