// A case's overview figures and the calendar, over a real vault with a fixed clock (2 December 2026).
import { describe, expect, it } from 'vitest';
import { CalendarService } from '../../../electron/core/services/calendar';
import { DashboardService } from '../../../electron/core/services/dashboard';
import { RevealState } from '../../../electron/core/services/reveal-state';
import { vaultContext } from '../../../electron/core/services/vault-context';
import { CalendarRangeInput } from '../../../shared/schemas/dashboard';
import { communication, deadline, incident, matter, measure } from './seed';
import { seededVault } from './vault';

const NOW = new Date('2026-12-02T18:00:00Z');

async function setUp() {
  const vault = await seededVault();
  const reveals = new RevealState(() => NOW.getTime());
  const ctx = () =>
    vaultContext(
      vault,
      () => 'prueba',
      () => NOW,
    );
  return {
    vault,
    db: vault.db,
    reveals,
    dashboard: new DashboardService(ctx, reveals),
    calendar: new CalendarService(ctx, reveals),
  };
}

describe('dashboard:case', () => {
  it('lists the requests still unanswered: no sent reply, and an open deadline or none', async () => {
    const { db, dashboard, vault } = await setUp();
    const m = matter(db, { reference: 'MC-1008-19' });
    const rfi = (occurredOn: string, subject: string, classification = 'restricted') =>
      communication(db, m, {
        direction: 'received',
        kind: 'request_for_information',
        occurredOn,
        subject,
        classification,
      });
    const withDeadline = rfi('2026-11-01', 'Con plazo abierto');
    const open = deadline(db, m, {
      title: 'Responder',
      dueDate: '2026-12-01',
      instant: '2026-12-02T06:00:00Z',
      communicationId: withDeadline,
    });
    const none = rfi('2026-11-02', 'Sin plazo');
    const replied = rfi('2026-11-03', 'Contestada');
    communication(db, m, { direction: 'sent', occurredOn: '2026-11-10', inReplyTo: replied });
    const fulfilled = rfi('2026-11-04', 'Plazo cumplido');
    deadline(db, m, {
      title: 'Hecho',
      dueDate: '2026-11-20',
      instant: '2026-11-21T06:00:00Z',
      status: 'fulfilled',
      communicationId: fulfilled,
    });
    const receivedOnly = rfi('2026-11-05', 'Solo acuse recibido');
    communication(db, m, { direction: 'received', occurredOn: '2026-11-06', inReplyTo: receivedOnly });
    const deletedReply = rfi('2026-11-07', 'Respuesta borrada');
    communication(db, m, {
      direction: 'sent',
      occurredOn: '2026-11-08',
      inReplyTo: deletedReply,
      deleted: true,
    });
    communication(db, m, {
      direction: 'received',
      kind: 'state_report',
      occurredOn: '2026-11-09',
      subject: 'Informe',
    });
    const secret = rfi('2026-11-11', 'Pide datos de la testigo', 'confidential');

    const out = dashboard.case({ matterId: m, zone: 'America/Mexico_City' });
    expect(out.unanswered.map((u) => u.id)).toEqual([withDeadline, none, receivedOnly, deletedReply, secret]);
    expect(out.unanswered[0]!.deadline).toMatchObject({ id: open, timeStatus: 'overdue' });
    expect(out.unanswered[1]!.deadline).toBeNull();
    expect(out.unanswered.at(-1)).toMatchObject({ subject: null, masked: true });
    expect(out.nextDeadlines.map((d) => d.deadlineId)).toEqual([open]);
    vault.close();
  });

  it('counts incidents per month with the empty months, and measures by kind and status', async () => {
    const { db, dashboard, reveals, vault } = await setUp();
    const m = matter(db, { reference: 'MC-1008-19' });
    incident(db, m, '2026-09-03');
    incident(db, m, '2026-09-28');
    incident(db, m, '2026-11-15');
    incident(db, m, '2026-11-01', { precision: 'month' });
    incident(db, m, '2026-01-01', { precision: 'year' });
    incident(db, m, '2026-10-12', { classification: 'confidential' });
    measure(db, m, 'panic_button', 'implemented');
    measure(db, m, 'panic_button', 'failing');
    measure(db, m, 'cctv', 'agreed');
    measure(db, m, 'shelter', 'proposed', 'confidential');

    const out = dashboard.case({ matterId: m });
    expect(out.incidentsPerMonth).toEqual([
      { month: '2026-09', count: 2 },
      { month: '2026-10', count: 0 },
      { month: '2026-11', count: 2 },
      { month: '2026-12', count: 0 },
    ]);
    expect(out.incidentsYearOnly).toBe(1);
    expect(out.measuresByKind).toEqual([
      { kind: 'cctv', counts: { agreed: 1 } },
      { kind: 'panic_button', counts: { failing: 1, implemented: 1 } },
    ]);
    expect(out.hiddenConfidential).toBe(2);

    reveals.revealConfidential(m);
    const revealed = dashboard.case({ matterId: m });
    expect(revealed.incidentsPerMonth[1]).toEqual({ month: '2026-10', count: 1 });
    expect(revealed.measuresByStatus).toContainEqual({ status: 'proposed', count: 1 });
    expect(revealed.hiddenConfidential).toBe(0);
    vault.close();
  });

  it('refuses a confidential case until it is revealed', async () => {
    const { db, dashboard, reveals, vault } = await setUp();
    const m = matter(db, { reference: 'MC-9-20', classification: 'confidential' });
    expect(() => dashboard.case({ matterId: m })).toThrow(expect.objectContaining({ code: 'CONFIDENTIAL' }));
    reveals.revealConfidential(m);
    expect(dashboard.case({ matterId: m }).unanswered).toEqual([]);
    vault.close();
  });
});

describe('calendar:range', () => {
  it('returns every deadline whose forum date is in the range, whatever its zone', async () => {
    const { db, calendar, vault } = await setUp();
    const m = matter(db, { reference: 'MC-1008-19' });
    deadline(db, m, { title: 'Antes', dueDate: '2026-11-30', instant: '2026-12-01T06:00:00Z' });
    const first = deadline(db, m, {
      title: 'Primero',
      dueDate: '2026-12-01',
      instant: '2026-12-02T06:00:00Z',
    });
    const done = deadline(db, m, {
      title: 'Cumplido',
      dueDate: '2026-12-03',
      instant: '2026-12-04T06:00:00Z',
      status: 'fulfilled',
    });
    // Samoa's 24:00 on the 7th is 11:00Z on the 8th; Kiritimati's 24:00 on the 1st is 10:00Z on the 1st.
    const samoa = deadline(db, m, {
      title: 'Pago Pago',
      dueDate: '2026-12-07',
      instant: '2026-12-08T11:00:00Z',
      zone: 'Pacific/Pago_Pago',
    });
    const kiritimati = deadline(db, m, {
      title: 'Kiritimati',
      dueDate: '2026-12-01',
      instant: '2026-12-01T10:00:00Z',
      zone: 'Pacific/Kiritimati',
    });
    deadline(db, m, { title: 'Después', dueDate: '2026-12-08', instant: '2026-12-09T06:00:00Z' });
    deadline(db, m, {
      title: 'Borrado',
      dueDate: '2026-12-02',
      instant: '2026-12-03T06:00:00Z',
      deleted: true,
    });

    const out = calendar.range({ from: '2026-12-01', to: '2026-12-07', zone: 'America/Mexico_City' });
    expect(out.entries.map((e) => e.deadlineId)).toEqual([kiritimati, first, done, samoa]);
    expect(out.entries.every((e) => e.type === 'deadline')).toBe(true);
    expect(out.entries.find((e) => e.deadlineId === done)).toMatchObject({
      status: 'fulfilled',
      timeStatus: null,
    });
    vault.close();
  });

  it('refuses a reversed or overlong range', () => {
    expect(CalendarRangeInput.safeParse({ from: '2026-12-07', to: '2026-12-01' }).success).toBe(false);
    expect(CalendarRangeInput.safeParse({ from: '2026-01-01', to: '2026-12-31' }).success).toBe(false);
    expect(CalendarRangeInput.safeParse({ from: '2026-11-29', to: '2027-01-09' }).success).toBe(true);
  });
});
