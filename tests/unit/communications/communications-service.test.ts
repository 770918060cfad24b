// Communications recorded by hand in a real vault: create, edit with optimistic locking, reply links both
// ways, filters, confidential ones hidden until revealed, attachments from files, Deleted items, audit
// entries, and the `recorded` hook running inside the same transaction.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  Communication,
  CommunicationFieldsInput,
  CommunicationList,
} from '../../../shared/schemas/communications';
import type { AuditPage } from '../../../shared/schemas/audit';
import type { EvidenceItem } from '../../../shared/schemas/evidence';
import { CommunicationService } from '../../../electron/core/services/communications';
import { RevealState } from '../../../electron/core/services/reveal-state';
import { vaultContext } from '../../../electron/core/services/vault-context';
import { openVault } from '../../../electron/core/vault/vault';
import { call, PASS, setupEvidence, type EvidenceSetup } from '../evidence/evidence-setup';
import { precautionaryRequest } from '../../support/fixtures';

let s: EvidenceSetup;
beforeEach(async () => {
  s = await setupEvidence();
});
afterEach(async () => {
  await s.core.dispose();
});

const request: CommunicationFieldsInput = {
  direction: 'received',
  counterpart: 'commission',
  counterpartName: 'Secretaría Ejecutiva',
  channel: 'portal',
  kind: 'request_for_information',
  occurredOn: '2026-03-03',
  notifiedOn: '2026-03-04',
  reference: 'MC-1008-19',
  noteNumber: 'CIDH/SE/Art.25/MC-1008-19/123',
  subject: 'Solicitud de información al Estado y a la representación',
  body: 'La Comisión solicita información en un plazo de 10 días.',
};

const create = (fields: CommunicationFieldsInput, matterId = s.matterId) =>
  call<Communication>(s.core, 'communications:create', { matterId, fields });
const list = (filters: Record<string, unknown> = {}) =>
  call<CommunicationList>(s.core, 'communications:list', { matterId: s.matterId, ...filters });

describe('communications', () => {
  it('records a request and a reply linked to it, both ways', async () => {
    const asked = await create(request);
    expect(asked).toMatchObject({ origin: 'manual', revision: 1, answers: null, answeredBy: [], zone: null });
    const reply = await create({
      direction: 'sent',
      counterpart: 'commission',
      channel: 'portal',
      kind: 'observations',
      occurredOn: '2026-03-12',
      reference: 'MC-1008-19',
      subject: 'Respuesta de la representación',
      inReplyTo: asked.id,
    });
    expect(reply.answers).toEqual({
      id: asked.id,
      direction: 'received',
      occurredOn: '2026-03-03',
      subject: request.subject,
    });
    const again = await call<Communication>(s.core, 'communications:get', { id: asked.id });
    expect(again.answeredBy.map((r) => r.id)).toEqual([reply.id]);
    const rows = (await list()).items;
    expect(rows.map((r) => r.id)).toEqual([reply.id, asked.id]);
    expect(rows[1]!.replyCount).toBe(1);
  });

  it('refuses a reply to a communication of another case, and a reply loop', async () => {
    const other = await call<{ id: string }>(
      s.core,
      'matters:create',
      precautionaryRequest({ reference: 'MC-1-20' }),
    );
    const elsewhere = await create(request, other.id);
    const refused = await s.core.dispatch('communications:create', {
      matterId: s.matterId,
      fields: { ...request, inReplyTo: elsewhere.id },
    });
    expect(refused.ok ? null : refused.error.code).toBe('NOT_FOUND');
    const a = await create(request);
    const b = await create({ ...request, direction: 'sent', inReplyTo: a.id });
    const loop = await s.core.dispatch('communications:update', {
      id: a.id,
      revision: a.revision,
      fields: { ...request, inReplyTo: b.id },
    });
    expect(loop.ok ? null : loop.error.code).toBe('VALIDATION_FAILED');
  });

  it('edits with optimistic locking and audits every write without the text', async () => {
    const c = await create(request);
    const edited = await call<Communication>(s.core, 'communications:update', {
      id: c.id,
      revision: 1,
      fields: {
        ...request,
        occurredTime: '09:30',
        zone: 'America/New_York',
        subject: 'Solicitud (corregida)',
      },
    });
    expect(edited).toMatchObject({ revision: 2, subject: 'Solicitud (corregida)', occurredTime: '09:30' });
    const stale = await s.core.dispatch('communications:update', { id: c.id, revision: 1, fields: request });
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT');
    const audit = await call<AuditPage>(s.core, 'audit:list', { matterId: s.matterId });
    const mine = audit.items.filter((e) => e.entityId === c.id);
    expect(mine.map((e) => e.action).sort()).toEqual(['record.create', 'record.update']);
    expect(mine.every((e) => e.entityType === 'communication')).toBe(true);
    expect(JSON.stringify(mine)).not.toContain('plazo');
  });

  it('rejects impossible input with field errors', async () => {
    const bad = await s.core.dispatch('communications:create', {
      matterId: s.matterId,
      fields: { ...request, occurredOn: '2026-02-30', notifiedOn: null, zone: 'America/New_York' },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('VALIDATION_FAILED');
      expect(bad.error.issues?.map((i) => i.path)).toContain('fields.occurredOn');
    }
    const before = await s.core.dispatch('communications:create', {
      matterId: s.matterId,
      fields: { ...request, notifiedOn: '2026-03-01' },
    });
    expect(before.ok ? null : before.error.issues?.[0]?.message).toBe('communications.error.notifiedBefore');
  });

  it('filters by direction, counterpart, kind and folded words', async () => {
    await create(request);
    await create({
      ...request,
      direction: 'sent',
      counterpart: 'state',
      kind: 'other',
      subject: 'Oficio a la SRE',
      body: '',
    });
    expect((await list({ direction: 'sent' })).items.map((r) => r.subject)).toEqual(['Oficio a la SRE']);
    expect((await list({ counterpart: 'commission' })).items).toHaveLength(1);
    expect((await list({ kind: 'request_for_information' })).items).toHaveLength(1);
    expect((await list({ text: 'INFORMACION plazo' })).items.map((r) => r.subject)).toEqual([
      request.subject,
    ]);
  });

  it('hides confidential communications until revealed, and says how many', async () => {
    const secret = await create({ ...request, classification: 'confidential' });
    await create(request);
    const hidden = await list();
    expect(hidden.items).toHaveLength(1);
    expect(hidden.hiddenConfidential).toBe(1);
    const refused = await s.core.dispatch('communications:get', { id: secret.id });
    expect(refused.ok ? null : refused.error.code).toBe('CONFIDENTIAL');
    const search = await call<{ hits: { entityId: string }[] }>(s.core, 'search:query', { query: 'plazo' });
    expect(search.hits.map((h) => h.entityId)).not.toContain(secret.id);
    await call(s.core, 'confidential:reveal', { matterId: s.matterId, reason: 'Preparar la respuesta' });
    expect((await list()).items).toHaveLength(2);
  });

  it('attaches files as evidence items with a custody entry naming the counterpart', async () => {
    const c = await create({ ...request, channel: 'email' });
    const file = join(s.work, 'anexo.pdf');
    await writeFile(file, '%PDF-1.4\nanexo\n%%EOF\n');
    const result = await call<{ communication: Communication; failed: unknown[] }>(
      s.core,
      'communications:attach',
      {
        id: c.id,
        paths: [file, join(s.work, 'falta.pdf')],
      },
    );
    expect(result.failed).toHaveLength(1);
    expect(result.communication.attachments.map((a) => a.originalName)).toEqual(['anexo.pdf']);
    const item = await call<EvidenceItem>(s.core, 'evidence:get', {
      id: result.communication.attachments[0]!.evidenceId,
    });
    expect(item.custody[0]!.note).toBe('Received by e-mail from Secretaría Ejecutiva on 2026-03-03');
    expect(item.source).toBe('Secretaría Ejecutiva');
  });

  it('goes to Deleted items and comes back, with its search entry; purged for good when emptied', async () => {
    const c = await create(request);
    await call(s.core, 'trash:delete', { entityType: 'communication', entityId: c.id });
    expect((await list()).items).toHaveLength(0);
    let hits = await call<{ hits: unknown[] }>(s.core, 'search:query', { query: 'plazo' });
    expect(hits.hits).toHaveLength(0);
    const bin = await call<{ entityType: string; label: string }[]>(s.core, 'trash:list');
    expect(bin).toContainEqual(
      expect.objectContaining({ entityType: 'communication', label: request.subject }),
    );
    await call(s.core, 'trash:restore', { entityType: 'communication', entityId: c.id });
    hits = await call<{ hits: unknown[] }>(s.core, 'search:query', { query: 'plazo' });
    expect(hits.hits).toHaveLength(1);
    const reply = await create({ ...request, direction: 'sent', inReplyTo: c.id });
    await call(s.core, 'trash:delete', { entityType: 'communication', entityId: c.id });
    expect((await call<{ purged: number }>(s.core, 'trash:empty')).purged).toBe(1);
    const left = await call<Communication>(s.core, 'communications:get', { id: reply.id });
    expect(left.inReplyTo).toBeNull();
  });

  it('calls `recorded` inside the transaction: a failing hook leaves nothing', async () => {
    await s.core.dispose();
    const vault = await openVault(s.vaultDir, PASS);
    try {
      const ctx = vaultContext(vault, () => 'prueba');
      const seen: unknown[] = [];
      const service = new CommunicationService(() => ctx, new RevealState(() => Date.now()), {
        recorded: (c) => seen.push(c),
      });
      const parsed = (await import('../../../shared/schemas/communications')).CommunicationFields.parse(
        request,
      );
      const c = service.create(s.matterId, parsed);
      expect(seen).toEqual([
        {
          id: c.id,
          matterId: s.matterId,
          direction: 'received',
          kind: 'request_for_information',
          inReplyTo: null,
          occurredOn: '2026-03-03',
          notifiedOn: '2026-03-04',
        },
      ]);
      service.onRecorded(() => {
        throw new Error('deadline failed');
      });
      expect(() => service.create(s.matterId, parsed)).toThrow('deadline failed');
      expect(service.list({ matterId: s.matterId }).items).toHaveLength(1);
    } finally {
      vault.close();
    }
    s = { ...s, core: { dispose: async () => undefined } as never };
  });
});
