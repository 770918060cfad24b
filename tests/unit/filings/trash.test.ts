// A deleted draft goes to Deleted items like any other record: listed, restorable, and purged for good with
// what hangs off it (versions, generations) when the bin is emptied, also when its case is purged.
import { describe, expect, it } from 'vitest';
import { caseWithPeople } from './setup';

describe('a filing in Deleted items', () => {
  it('is listed, restored, and purged with its versions and generations', async () => {
    const c = await caseWithPeople();
    const draft = await c.ok('filings:create', {
      matterId: c.matterId,
      kind: 'precautionary_request',
      lang: 'es',
    });
    const generated = await c.ok('filings:generate', {
      filingId: draft.id,
      profile: 'commission',
      format: 'pdf',
      keepInCase: true,
    });
    const keptId = generated.generation.evidenceId;
    expect(keptId).toEqual(expect.any(String));

    await c.ok('trash:delete', { entityType: 'filing', entityId: draft.id });
    expect(await c.ok('filings:list', { matterId: c.matterId })).toEqual([]);
    const listed = await c.ok('trash:list');
    expect(listed).toContainEqual(
      expect.objectContaining({
        entityType: 'filing',
        entityId: draft.id,
        label: 'Solicitud de medidas cautelares — MC-1008-19',
        matterId: c.matterId,
      }),
    );

    await c.ok('trash:restore', { entityType: 'filing', entityId: draft.id });
    expect((await c.ok('filings:get', { id: draft.id })).answers.seriousness).toBe(draft.answers.seriousness);
    expect((await c.ok('filings:versions', { filingId: draft.id })).length).toBeGreaterThanOrEqual(1);

    await c.ok('trash:delete', { entityType: 'filing', entityId: draft.id });
    expect((await c.ok('trash:empty')).purged).toBe(1);
    expect((await c.call('filings:get', { id: draft.id })).error?.code).toBe('NOT_FOUND');
    expect(await c.ok('trash:list')).toEqual([]);
    // The filed version kept in the case is evidence of the record: it stays.
    expect((await c.ok('evidence:get', { id: keptId })).id).toBe(keptId);
  });

  it('goes with its case when the case is purged, even when it answers a communication', async () => {
    const c = await caseWithPeople();
    const request = await c.ok('communications:create', {
      matterId: c.matterId,
      fields: {
        direction: 'received',
        counterpart: 'commission',
        channel: 'portal',
        kind: 'request_for_information',
        occurredOn: '2024-02-01',
        subject: 'Solicitud de información sobre las medidas',
      },
    });
    const draft = await c.ok('filings:create', {
      matterId: c.matterId,
      kind: 'observations',
      lang: 'es',
      communicationId: request.id,
    });
    expect(draft.answers.communicationId).toBe(request.id);
    await c.ok('filings:generate', { filingId: draft.id, profile: 'commission', format: 'pdf' });

    await c.ok('trash:delete', { entityType: 'matter', entityId: c.matterId });
    expect((await c.ok('trash:empty')).purged).toBeGreaterThanOrEqual(1);
    expect((await c.call('filings:get', { id: draft.id })).error?.code).toBe('NOT_FOUND');
    expect((await c.call('matters:get', { id: c.matterId })).error?.code).toBe('NOT_FOUND');
  });
});
