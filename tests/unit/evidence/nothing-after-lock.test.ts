// Nothing of an item's key or plaintext outlives the operation that needed it, and a preview lives no longer
// than the right to see it: per-file keys zeroed after every preview, check, export and working copy;
// confidential previews end with their reveal and are re-checked on every request; open streams stop at lock.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchFileKeys } from '../../../electron/core/evidence/file-keys';
import { REVEAL_MINUTES } from '../../../electron/core/services/reveal-state';
import type { EvidenceItem, Verification } from '../../../shared/schemas/evidence';
import { jpegWithExif } from '../../support/media';
import { addEvidence, call, previewTicket, readBody, setupEvidence } from './evidence-setup';

const MiB = 1024 * 1024;

/** Every file key handed out while `work` runs, to check after it. */
async function keysUsedBy(work: () => Promise<unknown>): Promise<Buffer[]> {
  const keys: Buffer[] = [];
  const stop = watchFileKeys((key) => keys.push(key));
  try {
    await work();
  } finally {
    stop();
  }
  return keys;
}

const allZero = (key: Buffer) => key.length === 32 && key.every((b) => b === 0);

describe('per-file keys', () => {
  it('are zeroed when an intake, a preview stream, a check, a full check, an export and a working copy end', async () => {
    const s = await setupEvidence();
    const photo = join(s.work, 'foto.jpg');
    await writeFile(photo, jpegWithExif({ artist: 'A.L.Q.O.', gps: { latitude: 19.43, longitude: -99.13 } }));
    let id = '';
    const intakeKeys = await keysUsedBy(async () => {
      id = (await addEvidence(s, [photo])).added[0]!.id;
    });
    expect(intakeKeys.length).toBe(1);
    expect(allZero(intakeKeys[0]!)).toBe(true);
    const out = join(s.work, 'salida');
    await mkdir(out);

    const operations: Record<string, () => Promise<unknown>> = {
      preview: async () => {
        const ticket = await previewTicket(s, id);
        await readBody((await s.core.media(ticket, { method: 'GET' })).body);
        await s.core.media(ticket, { method: 'HEAD' });
        await s.core.media(ticket, { method: 'GET', range: 'bytes=999999-' }); // 416
      },
      verify: () => call(s.core, 'evidence:verify', { id }),
      verifyAll: () => call(s.core, 'evidence:verifyAll', {}),
      export: () => call(s.core, 'evidence:export', { ids: [id], folder: out, confirmed: true }),
      workingCopy: () => call<EvidenceItem>(s.core, 'evidence:stripMetadata', { id }),
    };
    for (const [name, work] of Object.entries(operations)) {
      const keys = await keysUsedBy(work);
      expect(keys.length, name).toBeGreaterThan(0);
      expect(keys.map(allZero), name).toEqual(keys.map(() => true));
    }
    // Zeroing the working keys left the vault's own copy intact.
    const check = await call<Verification>(s.core, 'evidence:verify', { id });
    expect(check.status).toBe('ok');
    await s.core.dispose();
  });
});

describe('confidential previews', () => {
  it('a ticket for a confidential item stops working when the reveal expires', async () => {
    const s = await setupEvidence();
    const file = join(s.work, 'testimonio.txt');
    await writeFile(file, 'testimonio protegido');
    const [item] = (await addEvidence(s, [file], { classification: 'confidential' })).added;
    await call(s.core, 'confidential:reveal', { matterId: s.matterId, reason: 'Preparar el escrito' });
    const ticket = await previewTicket(s, item!.id);
    expect((await s.core.media(ticket, { method: 'GET' })).status).toBe(200);

    s.clock.now += (REVEAL_MINUTES * 60 + 1) * 1000;
    const after = await s.core.media(ticket, { method: 'GET' });
    expect(after.status).toBe(404);
    // Revealing again does not bring the old address back.
    await call(s.core, 'confidential:reveal', { matterId: s.matterId, reason: 'Preparar el escrito' });
    expect((await s.core.media(ticket, { method: 'GET' })).status).toBe(404);
    await s.core.dispose();
  });

  it('an item made confidential after its preview was opened is refused at the next request', async () => {
    const s = await setupEvidence();
    const file = join(s.work, 'acta.txt');
    await writeFile(file, 'acta');
    const [item] = (await addEvidence(s, [file])).added;
    const ticket = await previewTicket(s, item!.id);
    expect((await s.core.media(ticket, { method: 'HEAD' })).status).toBe(200);

    const current = await call<EvidenceItem>(s.core, 'evidence:get', { id: item!.id });
    // The change is saved; the answer itself is withheld (CONFIDENTIAL), as for any unrevealed item.
    await s.core.dispatch('evidence:update', {
      id: item!.id,
      revision: current.revision,
      fields: {
        title: current.title,
        description: current.description,
        eventDate: current.eventDate,
        source: current.source,
        acquisition: current.acquisition,
        classification: 'confidential',
        tags: current.tags,
        incidentIds: current.incidentIds,
        personIds: current.personIds,
      },
    });
    const list = await call<{ hiddenConfidential: number }>(s.core, 'evidence:list', {
      matterId: s.matterId,
    });
    expect(list.hiddenConfidential).toBe(1);
    const refused = await s.core.media(ticket, { method: 'GET' });
    expect([refused.status, refused.body]).toEqual([403, 'CONFIDENTIAL']);
    await s.core.dispose();
  });
});

describe('open streams', () => {
  it('a preview stream being read fails after lock instead of decrypting on', async () => {
    const s = await setupEvidence();
    const file = join(s.work, 'video.mp4');
    await writeFile(file, randomBytes(8 * MiB));
    const [item] = (await addEvidence(s, [file])).added;
    const ticket = await previewTicket(s, item!.id);
    const response = await s.core.media(ticket, { method: 'GET' });
    expect(response.status).toBe(200);
    const body = (response.body as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
    const first = await body.next();
    expect(first.done).toBe(false);

    const keys: Buffer[] = [];
    // The key of the stream already open was handed out before: watch a fresh stream's key too.
    const stop = watchFileKeys((key) => keys.push(key));
    const second = await s.core.media(await previewTicket(s, item!.id), { method: 'GET' });
    stop();
    const secondBody = (second.body as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
    await secondBody.next();

    await s.core.lock('user');
    const rest = async (it: AsyncIterator<Buffer>) => {
      for (;;) if ((await it.next()).done) return 'read to the end';
    };
    await expect(rest(body)).rejects.toBeTruthy();
    await expect(rest(secondBody)).rejects.toBeTruthy();
    // Locking alone (nobody reading on) zeroed the open stream's key.
    expect(keys.map(allZero)).toEqual([true]);
    await s.core.dispose();
  });
});
