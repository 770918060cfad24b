// Stored deadlines through the same dispatch the renderer uses, on a real vault with a fixed clock: created
// by a rule and by hand, listed with filters, extended (the old due date kept in the history), waived only
// with a reason, reopened; and the vault's calendar edits changing a computed date.
import { describe, expect, it } from 'vitest';
import { courtByRule, deadlineVault } from './records-setup';

describe('stored deadlines', () => {
  it('keeps a rule-computed deadline with its basis, rule version and the due moment in the user zone', async () => {
    const v = await deadlineVault();
    const d = await v.ok('deadlines:create', courtByRule(v.matterId));
    expect(d).toMatchObject({
      matterReference: 'MC-1008-19',
      mode: 'rule',
      ruleId: 'iacthr-court',
      ruleVersion: 1,
      status: 'open',
      timeStatus: 'open',
      withheld: false,
      // 14 March 2026 is a Saturday: the Court's limit moves to Monday 16 March, until 24:00 in San José.
      due: {
        date: '2026-03-16',
        endTime: '24:00',
        zone: 'America/Costa_Rica',
        instant: '2026-03-17T06:00:00Z',
      },
      trigger: { kind: 'notification', date: '2026-03-05' },
      period: { unit: 'days', amount: 9 },
    });
    expect(d.basis.map((s: { step: string }) => s.step)).toContain('roll');
    expect(d.events.map((e: { kind: string }) => e.kind)).toEqual(['created']);
    expect((await v.ok('deadlines:get', { id: d.id })).id).toBe(d.id);
    await v.core.dispose();
  });

  it('keeps a date typed by hand with its end time and zone', async () => {
    const v = await deadlineVault();
    const d = await v.ok('deadlines:create', {
      matterId: v.matterId,
      title: 'Informe al Mecanismo',
      date: { mode: 'manual', date: '2026-04-10', endTime: '18:00', zone: 'America/Mexico_City' },
    });
    expect(d).toMatchObject({
      mode: 'manual',
      ruleId: null,
      trigger: null,
      due: {
        date: '2026-04-10',
        endTime: '18:00',
        zone: 'America/Mexico_City',
        instant: '2026-04-11T00:00:00Z',
      },
    });
    expect(d.basis[0]).toEqual({ step: 'manual', date: '2026-04-10' });
    expect(d.basis[1]).toMatchObject({ step: 'expires', date: '2026-04-10', endTime: '18:00' });
    await v.core.dispose();
  });

  it('lists by case, status, due window and overdue, with the engine’s time status', async () => {
    const v = await deadlineVault({ now: '2026-03-02T15:00:00Z' });
    const manual = (date: string, title: string) =>
      v.ok('deadlines:create', {
        matterId: v.matterId,
        title,
        date: { mode: 'manual', date, endTime: '24:00', zone: 'America/New_York' },
      });
    const past = await manual('2026-02-27', 'Vencido');
    const soon = await manual('2026-03-03', 'Pronto');
    const later = await manual('2026-05-30', 'Después');
    expect(past.timeStatus).toBe('overdue');
    expect(soon.timeStatus).toBe('dueSoon');
    expect(later.timeStatus).toBe('open');

    const titles = async (input: unknown) =>
      (await v.ok('deadlines:list', input)).items.map((d: { title: string }) => d.title);
    expect(await titles({ matterId: v.matterId })).toEqual(['Vencido', 'Pronto', 'Después']);
    expect(await titles({ overdue: true })).toEqual(['Vencido']);
    expect(await titles({ dueWithinDays: 7 })).toEqual(['Vencido', 'Pronto']);
    await v.ok('deadlines:waive', {
      id: past.id,
      revision: past.revision,
      onDate: '2026-03-02',
      reason: 'La Comisión lo dejó sin efecto',
    });
    expect(await titles({ status: 'open' })).toEqual(['Pronto', 'Después']);
    expect(await titles({ status: 'waived' })).toEqual(['Vencido']);
    expect(await titles({ overdue: true })).toEqual([]);
    await v.core.dispose();
  });

  it('moves the due date on a granted extension and keeps the request and the old date in the history', async () => {
    const v = await deadlineVault();
    let d = await v.ok('deadlines:create', courtByRule(v.matterId));
    d = await v.ok('deadlines:extend', {
      id: d.id,
      revision: d.revision,
      outcome: 'requested',
      onDate: '2026-03-10',
      note: 'Se pidió prórroga de 10 días',
    });
    expect(d.due.date).toBe('2026-03-16');
    d = await v.ok('deadlines:extend', {
      id: d.id,
      revision: d.revision,
      outcome: 'granted',
      onDate: '2026-03-12',
      period: { unit: 'days', amount: 10 },
    });
    // 10 calendar days from Monday 16 March: Thursday 26 March 2026 (a working day in Costa Rica).
    expect(d.due).toMatchObject({ date: '2026-03-26', endTime: '24:00', zone: 'America/Costa_Rica' });
    expect(d.basis[0]).toEqual({ step: 'extension', from: '2026-03-16' });
    expect(d.events.map((e: { kind: string }) => e.kind)).toEqual([
      'created',
      'extension_requested',
      'extension_granted',
    ]);
    const created = d.events[0];
    const granted = d.events[2];
    expect(created).toMatchObject({ newDueDate: '2026-03-16' });
    expect(created.basis.map((s: { step: string }) => s.step)).toContain('roll');
    expect(granted).toMatchObject({
      onDate: '2026-03-12',
      previousDueDate: '2026-03-16',
      newDueDate: '2026-03-26',
    });

    // A stale revision is refused; so is extending a closed deadline.
    const stale = await v.call('deadlines:extend', {
      id: d.id,
      revision: 1,
      outcome: 'denied',
      onDate: '2026-03-13',
    });
    expect(stale.error?.code).toBe('CONFLICT');
    d = await v.ok('deadlines:fulfil', {
      id: d.id,
      revision: d.revision,
      onDate: '2026-03-20',
      note: 'Enviado por el portal',
    });
    expect(d).toMatchObject({ status: 'fulfilled', fulfilledOn: '2026-03-20', fulfilledBy: null });
    const closed = await v.call('deadlines:extend', {
      id: d.id,
      revision: d.revision,
      outcome: 'denied',
      onDate: '2026-03-21',
    });
    expect(closed.error?.issues?.[0]?.message).toBe('deadlines.error.notOpen');
    await v.core.dispose();
  });

  it('waives only with a reason, and reopens with the history kept', async () => {
    const v = await deadlineVault();
    let d = await v.ok('deadlines:create', courtByRule(v.matterId));
    const blank = await v.call('deadlines:waive', {
      id: d.id,
      revision: d.revision,
      onDate: '2026-03-06',
      reason: '   ',
    });
    expect(blank.ok).toBe(false);
    expect(blank.error?.code).toBe('VALIDATION_FAILED');
    expect((await v.ok('deadlines:get', { id: d.id })).status).toBe('open');
    d = await v.ok('deadlines:waive', {
      id: d.id,
      revision: d.revision,
      onDate: '2026-03-06',
      reason: 'La Corte cerró el trámite',
    });
    expect(d).toMatchObject({ status: 'waived', waivedReason: 'La Corte cerró el trámite' });
    d = await v.ok('deadlines:reopen', { id: d.id, revision: d.revision, onDate: '2026-03-07' });
    expect(d).toMatchObject({ status: 'open', waivedReason: null });
    expect(d.events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'waived', 'reopened']);
    expect(d.events[1].note).toBe('La Corte cerró el trámite');
    await v.core.dispose();
  });

  it('counts the vault’s calendar edits: an extra closure moves a computed date, and removing it moves it back', async () => {
    const v = await deadlineVault();
    const request = { date: courtByRule(v.matterId).date };
    expect((await v.ok('deadlines:preview', request)).due.date).toBe('2026-03-16');
    const edit = await v.ok('deadlines:addCalendarEdit', {
      ruleId: 'iacthr-court',
      kind: 'closure',
      from: '2026-03-16',
      to: '2026-03-17',
      name: 'Cierre del sistema de la Corte',
    });
    const moved = await v.ok('deadlines:preview', request);
    expect(moved.due.date).toBe('2026-03-18');
    expect(moved.basis).toContainEqual(
      expect.objectContaining({
        step: 'skip',
        date: '2026-03-17',
        reason: 'closure',
        name: { en: 'Cierre del sistema de la Corte', es: 'Cierre del sistema de la Corte' },
      }),
    );
    // Another rule is not touched by an edit for the Court.
    const commission = await v.ok('deadlines:preview', {
      date: {
        mode: 'rule',
        ruleId: 'iachr-note',
        trigger: { date: '2026-03-05' },
        period: { unit: 'days', amount: 11 },
      },
    });
    expect(commission.due.date).toBe('2026-03-16');
    expect(await v.ok('deadlines:calendarEdits')).toEqual([
      expect.objectContaining({ id: edit.id, kind: 'closure' }),
    ]);
    await v.ok('deadlines:removeCalendarEdit', { id: edit.id });
    expect((await v.ok('deadlines:preview', request)).due.date).toBe('2026-03-16');

    // A recess for every rule (null) applies to the Court's count too.
    await v.ok('deadlines:addCalendarEdit', {
      ruleId: null,
      kind: 'recess',
      from: '2026-03-14',
      to: '2026-03-22',
      name: 'Receso',
    });
    const inRecess = await v.ok('deadlines:preview', request);
    expect(inRecess.due.date).toBe('2026-03-23');
    expect(inRecess.basis.map((s: { step: string }) => s.step)).toContain('recessExtension');
    await v.core.dispose();
  });

  it('withholds a confidential case’s titles and notes until it is revealed, and audits every change', async () => {
    const v = await deadlineVault({ matter: { reference: 'MC-77-26', classification: 'confidential' } });
    await v.ok('confidential:reveal', { reason: 'alta del plazo' });
    const d = await v.ok('deadlines:create', courtByRule(v.matterId, { notes: 'Testigo protegido' }));
    await v.ok('vault:lock');
    await v.ok('vault:unlock', { path: v.vaultDir, passphrase: 'frase de contraseña larga y segura' });
    const listed = await v.ok('deadlines:list', {});
    expect(listed.hiddenConfidential).toBe(1);
    expect(listed.items[0]).toMatchObject({
      id: d.id,
      matterReference: 'MC-77-26',
      withheld: true,
      title: '',
      notes: '',
    });
    const audit = await v.ok('audit:list', {});
    expect(JSON.stringify(audit)).toContain('deadline');
    await v.core.dispose();
  });

  it('is found by search by its title and notes, and goes to Deleted items and back', async () => {
    const v = await deadlineVault();
    const d = await v.ok(
      'deadlines:create',
      courtByRule(v.matterId, { title: 'Escrito de solicitudes y argumentos', notes: 'anexos periciales' }),
    );
    const hits = async (query: string) =>
      (await v.ok('search:query', { query })).hits.filter(
        (h: { entityType: string }) => h.entityType === 'deadline',
      );
    expect((await hits('periciales')).map((h: { entityId: string }) => h.entityId)).toEqual([d.id]);
    await v.ok('trash:delete', { entityType: 'deadline', entityId: d.id });
    expect(await hits('periciales')).toEqual([]);
    expect((await v.ok('deadlines:list', { matterId: v.matterId })).items).toEqual([]);
    expect((await v.ok('trash:list')).map((i: { entityType: string }) => i.entityType)).toContain('deadline');
    await v.ok('trash:restore', { entityType: 'deadline', entityId: d.id });
    expect((await hits('argumentos')).map((h: { entityId: string }) => h.entityId)).toEqual([d.id]);
    await v.ok('trash:delete', { entityType: 'deadline', entityId: d.id });
    expect((await v.ok('trash:empty')).purged).toBe(1);
    expect((await v.call('deadlines:get', { id: d.id })).error?.code).toBe('NOT_FOUND');
    await v.core.dispose();
  });
});
