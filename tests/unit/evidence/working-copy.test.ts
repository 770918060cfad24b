// A working copy made outside Amparo (a redacted photo, an excerpt) enters as a new item linked to the
// original; the original's bytes, hash and custody stay as they were, and both chains record the link.
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../support/contract-check';
import { precautionaryRequest } from '../../support/fixtures';
import { TEST_KDF, tempDir } from '../../support/temp';

type Ok<T> = { ok: true; value: T };

describe('working copies', () => {
  it('are new items linked to the original, which stays untouched', async () => {
    const work = await tempDir();
    const core = await createCore({
      configDir: join(work, 'config'),
      kdfCost: TEST_KDF,
      shell: { chooseFolder: async () => ({ path: null }) },
    });
    const call = (channel: string, input: unknown = {}) => core.dispatch(channel, input);
    await call('vault:create', {
      path: join(work, 'boveda'),
      passphrase: 'frase de contraseña larga y segura',
    });
    const matter = (await call('matters:create', precautionaryRequest())) as Ok<{ id: string }>;
    const originalFile = join(work, 'foto-original.txt');
    const redactedFile = join(work, 'foto-tachada.txt');
    await writeFile(originalFile, 'rostro visible de A.L.Q. frente a su domicilio');
    await writeFile(redactedFile, 'rostro ██████ frente a su ██████');

    const added = (await call('evidence:add', {
      matterId: matter.value.id,
      operationId: randomUUID(),
      paths: [originalFile],
    })) as Ok<{
      added: { id: string; sha256: string }[];
    }>;
    const original = added.value.added[0]!;

    expect(
      await call('evidence:add', {
        matterId: matter.value.id,
        operationId: randomUUID(),
        paths: [redactedFile, originalFile],
        workingCopy: { of: original.id, derivation: 'rostros tachados' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', issues: [{ path: 'paths', message: 'validation.oneFile' }] },
    });

    const copy = (await call('evidence:add', {
      matterId: matter.value.id,
      operationId: randomUUID(),
      paths: [redactedFile],
      fields: { title: 'Foto con rostros tachados' },
      workingCopy: { of: original.id, derivation: 'rostros tachados' },
    })) as Ok<{ added: { id: string }[] }>;
    const copyId = copy.value.added[0]!.id;

    const copyItem = (await call('evidence:get', { id: copyId })) as Ok<{
      derivedFrom: string;
      custody: { action: string; note: string }[];
    }>;
    expect(copyItem.value.derivedFrom).toBe(original.id);
    expect(copyItem.value.custody[0]).toMatchObject({ action: 'derived' });
    expect(copyItem.value.custody[0]!.note).toContain(original.sha256);

    const originalItem = (await call('evidence:get', { id: original.id })) as Ok<{
      sha256: string;
      custody: { action: string }[];
    }>;
    expect(originalItem.value.sha256).toBe(original.sha256);
    expect(originalItem.value.custody.map((c) => c.action)).toContain('working_copy_made');
    expect(await call('evidence:verify', { id: original.id })).toMatchObject({
      ok: true,
      value: { status: 'ok' },
    });
    await core.dispose();
  });
});
