// An intake batch where each file has its own source, date and classification, and the warning for a
// file whose bytes are already in the case (known only once it is read).
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AddEvidenceResult, EvidenceItem } from '../../../shared/schemas/evidence';
import { call, setupEvidence } from './evidence-setup';

describe('evidence intake rows', () => {
  it('records per-file source, date and classification, the rest from the batch', async () => {
    const s = await setupEvidence();
    const acta = join(s.work, 'acta.txt');
    const fotos = join(s.work, 'fotos');
    await mkdir(fotos);
    await writeFile(acta, 'acta de hechos');
    await writeFile(join(fotos, 'a.txt'), 'foto a');
    await writeFile(join(fotos, 'b.txt'), 'foto b');
    const result = await call<AddEvidenceResult>(s.core, 'evidence:add', {
      matterId: s.matterId,
      operationId: randomUUID(),
      paths: [acta, fotos],
      fields: { source: 'Familia', eventDate: '2023-03-14', classification: 'restricted' },
      perPath: [
        { path: fotos, source: 'Colectivo de búsqueda', eventDate: null, classification: 'confidential' },
      ],
    });
    await call(s.core, 'confidential:reveal', { matterId: s.matterId, reason: 'revisar la carga' });
    const items = await Promise.all(
      result.added.map((a) => call<EvidenceItem>(s.core, 'evidence:get', { id: a.id })),
    );
    expect(items.map((i) => [i.originalName, i.source, i.eventDate, i.classification])).toEqual([
      ['acta.txt', 'Familia', '2023-03-14', 'restricted'],
      ['a.txt', 'Colectivo de búsqueda', null, 'confidential'],
      ['b.txt', 'Colectivo de búsqueda', null, 'confidential'],
    ]);
    expect(result.duplicates).toEqual([]);
    await s.core.dispose();
  });

  it('names the item already holding the same bytes, in this case only', async () => {
    const s = await setupEvidence();
    const first = join(s.work, 'oficio.txt');
    const again = join(s.work, 'oficio (1).txt');
    const other = join(s.work, 'otro.txt');
    await writeFile(first, 'oficio 123/2024');
    await writeFile(again, 'oficio 123/2024');
    await writeFile(other, 'otro documento');
    const add = (paths: string[]) =>
      call<AddEvidenceResult>(s.core, 'evidence:add', {
        matterId: s.matterId,
        operationId: randomUUID(),
        paths,
      });
    const [original] = (await add([first])).added;
    const second = await add([other, again]);
    const copy = second.added.find((a) => a.title === 'oficio (1)')!;
    expect(second.duplicates).toEqual([
      { id: copy.id, name: 'oficio (1).txt', existingId: original!.id, existingTitle: 'oficio' },
    ]);
    // Once the duplicate is deleted, the same file warns again against the original only.
    await call(s.core, 'trash:delete', { entityType: 'evidence', entityId: copy.id });
    const third = await add([again]);
    expect(third.duplicates!.map((d) => d.existingId)).toEqual([original!.id]);
    await s.core.dispose();
  });
});
