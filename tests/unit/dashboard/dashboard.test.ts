// The dashboard over a real vault with a fixed clock: Wednesday 2 December 2026, 12:00 in Mexico City
// (18:00 UTC). Limits are Costa Rica's 24:00 (UTC−6 all year), so "24:00 on the 5th" is 06:00Z on the 6th.
import { describe, expect, it } from 'vitest';
import { DashboardService } from '../../../electron/core/services/dashboard';
import { RevealState } from '../../../electron/core/services/reveal-state';
import { vaultContext } from '../../../electron/core/services/vault-context';
import { VaultSettingsService } from '../../../electron/core/services/vault-settings';
import type { Dashboard } from '../../../shared/schemas/dashboard';
import { communication, deadline, matter } from './seed';
import { seededVault } from './vault';

const NOW = new Date('2026-12-02T18:00:00Z');

async function setUp() {
  const vault = await seededVault();
  const { db } = vault;
  const reveals = new RevealState(() => NOW.getTime());
  const ctx = () =>
    vaultContext(
      vault,
      () => 'prueba',
      () => NOW,
    );
  const main = matter(db, { reference: 'MC-1008-19', title: 'Familia Q.O.' });
  const secret = matter(db, {
    reference: 'MC-77-20',
    title: 'Defensora en Guerrero',
    classification: 'confidential',
  });
  const request = communication(db, main, {
    direction: 'received',
    occurredOn: '2026-11-20',
    kind: 'request_for_information',
    subject: 'Solicitud de información al Estado',
  });
  const confidentialNote = communication(db, main, {
    direction: 'received',
    occurredOn: '2026-11-21',
    subject: 'Nombre de la testigo protegida',
    classification: 'confidential',
  });
  const ids = {
    overdue: deadline(db, main, {
      title: 'Responder solicitud',
      dueDate: '2026-12-01',
      instant: '2026-12-02T06:00:00Z',
      communicationId: request,
    }),
    soon: deadline(db, main, {
      title: 'Observaciones',
      dueDate: '2026-12-03',
      instant: '2026-12-04T06:00:00Z',
    }),
    saturday: deadline(db, main, {
      title: 'Informe',
      dueDate: '2026-12-05',
      instant: '2026-12-06T06:00:00Z',
    }),
    secret: deadline(db, secret, {
      title: 'Escrito reservado',
      dueDate: '2026-12-04',
      instant: '2026-12-05T06:00:00Z',
    }),
    byConfidential: deadline(db, main, {
      title: 'Sobre la testigo',
      dueDate: '2026-12-10',
      instant: '2026-12-11T06:00:00Z',
      communicationId: confidentialNote,
    }),
    monday: deadline(db, main, {
      title: 'Lunes siguiente',
      dueDate: '2026-12-07',
      instant: '2026-12-08T06:00:00Z',
    }),
    january: deadline(db, main, { title: 'Enero', dueDate: '2027-01-15', instant: '2027-01-16T06:00:00Z' }),
  };
  deadline(db, main, {
    title: 'Cumplido',
    dueDate: '2026-12-04',
    instant: '2026-12-05T06:00:00Z',
    status: 'fulfilled',
  });
  deadline(db, main, {
    title: 'Borrado',
    dueDate: '2026-12-04',
    instant: '2026-12-05T06:00:00Z',
    deleted: true,
  });
  // A case in Deleted items: its open deadline is counted nowhere.
  const gone = matter(db, { reference: 'MC-0-00', deleted: true });
  deadline(db, gone, { title: 'De un caso borrado', dueDate: '2026-12-04', instant: '2026-12-05T06:00:00Z' });
  const service = new DashboardService(ctx, reveals);
  return { vault, db, reveals, ctx, service, main, secret, request, ids };
}

const titles = (s: Dashboard['overdue']) => s.items.map((i) => i.title);

describe('dashboard:get', () => {
  it('puts open deadlines in overdue / this week / this month', async () => {
    const { service, ids, vault } = await setUp();
    const d = service.get({ zone: 'America/Mexico_City', weekStartsOn: 0 });
    expect(d.today).toBe('2026-12-02');
    expect(d.weekEnd).toBe('2026-12-05');
    expect(d.monthEnd).toBe('2026-12-31');
    expect(titles(d.overdue)).toEqual(['Responder solicitud']);
    // 24:00 on Saturday the 5th belongs to this week even though its instant is Sunday 00:00.
    expect(d.thisWeek.items.map((i) => i.deadlineId)).toEqual([ids.soon, ids.secret, ids.saturday]);
    expect(d.thisWeek.total).toBe(3);
    expect(d.thisMonth.items.map((i) => i.deadlineId)).toEqual([ids.monday, ids.byConfidential]);
    expect(d.overdue.items[0]!.timeStatus).toBe('overdue');
    expect(d.thisWeek.items[0]!.timeStatus).toBe('dueSoon'); // 36 hours left
    expect(d.thisWeek.items[2]!.timeStatus).toBe('open'); // 84 hours left
    vault.close();
  });

  it('ends the week where the UI locale and the user’s zone end it', async () => {
    const { service, ids, vault } = await setUp();
    // Weeks from Monday: Monday 30 Nov – Sunday 6 Dec; Monday the 7th's limit is next week.
    const monday = service.get({ zone: 'America/Mexico_City', weekStartsOn: 1 });
    expect(monday.weekEnd).toBe('2026-12-06');
    expect(monday.thisWeek.items.map((i) => i.deadlineId)).toEqual([ids.soon, ids.secret, ids.saturday]);
    expect(monday.thisMonth.items.map((i) => i.deadlineId)).toContain(ids.monday);
    // In Tokyo it is already Thursday the 3rd, and the week ends at 15:00Z on the 5th: Costa Rica's
    // Saturday 24:00 (06:00Z on the 6th) falls in Tokyo's next week; Friday's (06:00Z on the 5th) stays in.
    const tokyo = service.get({ zone: 'Asia/Tokyo', weekStartsOn: 0 });
    expect(tokyo.today).toBe('2026-12-03');
    expect(tokyo.thisWeek.items.map((i) => i.deadlineId)).toEqual([ids.soon, ids.secret]);
    expect(tokyo.thisMonth.items.map((i) => i.deadlineId)).toEqual([
      ids.saturday,
      ids.monday,
      ids.byConfidential,
    ]);
    const saturday = tokyo.thisMonth.items.find((i) => i.deadlineId === ids.saturday)!;
    expect(saturday.due).toMatchObject({ date: '2026-12-05', endTime: '24:00', zone: 'America/Costa_Rica' });
    expect(saturday.due.inUserZone).toEqual({ zone: 'Asia/Tokyo', date: '2026-12-06', time: '15:00' });
    // Mexico City reads Costa Rica's clock the same: no second time is shown.
    const mx = service.get({ zone: 'America/Mexico_City' });
    expect(mx.thisWeek.items[0]!.due.inUserZone).toBeUndefined();
    vault.close();
  });

  it('counts open deadlines per week for twelve weeks', async () => {
    const { service, vault } = await setUp();
    const d = service.get({ zone: 'America/Mexico_City', weekStartsOn: 0 });
    expect(d.perWeek).toHaveLength(12);
    expect(d.perWeek[0]).toEqual({ weekStart: '2026-11-29', count: 3 });
    expect(d.perWeek[1]).toEqual({ weekStart: '2026-12-06', count: 2 });
    expect(d.perWeek[6]).toEqual({ weekStart: '2027-01-10', count: 1 });
    expect(d.perWeek.reduce((n, w) => n + w.count, 0)).toBe(6);
    vault.close();
  });

  it('shows confidential cases and records by reference only until revealed', async () => {
    const { service, reveals, ids, main, secret, request, vault } = await setUp();
    const before = service.get({ zone: 'America/Mexico_City' });
    const hidden = before.thisWeek.items.find((i) => i.deadlineId === ids.secret)!;
    expect(hidden).toMatchObject({ reference: 'MC-77-20', title: null, matterTitle: null, masked: true });
    expect(JSON.stringify(before)).not.toContain('Defensora en Guerrero');
    expect(JSON.stringify(before)).not.toContain('Escrito reservado');
    const byNote = before.thisMonth.items.find((i) => i.deadlineId === ids.byConfidential)!;
    expect(byNote).toMatchObject({ title: null, masked: true, matterTitle: 'Familia Q.O.' });
    expect(byNote.communication?.subject).toBeNull();
    expect(JSON.stringify(before)).not.toContain('testigo');
    // The request that created the overdue deadline is linked, with its subject.
    expect(before.overdue.items[0]!.communication).toMatchObject({
      id: request,
      kind: 'request_for_information',
      subject: 'Solicitud de información al Estado',
    });

    reveals.revealConfidential(secret);
    reveals.revealConfidential(main);
    const after = service.get({ zone: 'America/Mexico_City' });
    expect(after.thisWeek.items.find((i) => i.deadlineId === ids.secret)).toMatchObject({
      title: 'Escrito reservado',
      matterTitle: 'Defensora en Guerrero',
      masked: false,
    });
    expect(
      after.thisMonth.items.find((i) => i.deadlineId === ids.byConfidential)!.communication?.subject,
    ).toBe('Nombre de la testigo protegida');
    vault.close();
  });
});

describe('inactivity alerts', () => {
  it('flags matters silent longer than their type allows', async () => {
    const vault = await seededVault();
    const { db } = vault;
    const ctx = () =>
      vaultContext(
        vault,
        () => 'prueba',
        () => NOW,
      );
    const service = new DashboardService(ctx, new RevealState(() => NOW.getTime()));
    // Precautionary measures: 6 months by default, so the cut-off is 2 June 2026.
    const exactly = matter(db, { reference: 'MC-1-19' });
    communication(db, exactly, { direction: 'sent', occurredOn: '2026-06-02' });
    const recent = matter(db, { reference: 'MC-2-19' });
    communication(db, recent, { direction: 'sent', occurredOn: '2026-06-03' });
    const onlyReceived = matter(db, { reference: 'MC-3-19' });
    communication(db, onlyReceived, { direction: 'sent', occurredOn: '2026-01-10' });
    communication(db, onlyReceived, { direction: 'received', occurredOn: '2026-11-30' });
    communication(db, onlyReceived, { direction: 'sent', occurredOn: '2026-11-01', deleted: true });
    // A petition: 12 months, counted from the opening when nothing was ever sent.
    const petition = matter(db, { reference: 'P-1234-18', type: 'petition', openedOn: '2025-12-01' });
    matter(db, { reference: 'P-9-25', type: 'petition', openedOn: '2025-12-03' });
    matter(db, { reference: 'MC-4-19', archived: true });
    matter(db, { reference: 'MC-5-19', status: 'lifted' });
    matter(db, { reference: 'MC-6-19', status: 'draft' });
    matter(db, { reference: 'MC-7-19', deleted: true });
    const secret = matter(db, { reference: 'MC-8-19', title: 'Reservado', classification: 'confidential' });

    // Longest silent first.
    const alerts = service.get({ zone: 'America/Mexico_City' }).inactivity;
    expect(alerts.items.map((a) => a.reference)).toEqual(['MC-8-19', 'P-1234-18', 'MC-3-19', 'MC-1-19']);
    expect(alerts.total).toBe(4);
    expect(alerts.items.find((a) => a.matterId === exactly)).toMatchObject({
      lastSentOn: '2026-06-02',
      months: 6,
    });
    expect(alerts.items.find((a) => a.matterId === onlyReceived)).toMatchObject({
      lastSentOn: '2026-01-10',
    });
    expect(alerts.items.find((a) => a.matterId === petition)).toMatchObject({
      lastSentOn: null,
      since: '2025-12-01',
      months: 12,
      matterType: 'petition',
    });
    expect(alerts.items.find((a) => a.matterId === secret)).toMatchObject({
      matterTitle: null,
      masked: true,
    });
    expect(alerts.items.some((a) => a.matterId === recent)).toBe(false);

    // Off for precautionary measures (0), 24 months for petitions: only nothing is left.
    const settings = new VaultSettingsService(ctx);
    settings.update({ inactivityMonths: { precautionary_measure: 0, petition: 24 } });
    expect(settings.get().inactivityMonths).toMatchObject({
      precautionary_measure: 0,
      petition: 24,
      case: 12,
    });
    expect(service.get({ zone: 'America/Mexico_City' }).inactivity.items).toEqual([]);
    vault.close();
  });
});
