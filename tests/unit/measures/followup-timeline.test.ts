// The follow-up timeline against a real vault: communications, resolutions, deadlines and their events,
// status changes of the case and measure status changes in one date order, filtered by kind and dates,
// with confidential records left out (and counted) until revealed, and each entry pointing at its tab.
import { describe, expect, it } from 'vitest';
import {
  FollowupTimelineService,
  TIMELINE_SOURCES,
  type TimelineSource,
} from '../../../electron/core/services/followup-timeline';
import { measuresVault } from './measures-vault';

async function seeded() {
  const v = await measuresVault();
  const request = v.communication({
    occurredOn: '2024-02-01',
    subject: 'Solicitud de información en un plazo de 10 días',
    kind: 'request_for_information',
  });
  const reply = v.communication({
    occurredOn: '2024-02-09',
    subject: 'Respuesta de los representantes',
    direction: 'sent',
    counterpart: 'commission',
  });
  const resolution = v.communication({
    occurredOn: '2023-08-12',
    subject: 'Resolución 44/2023',
    kind: 'resolution',
    reference: 'Resolución 44/2023',
  });
  const fulfilled = v.deadline({
    title: 'Responder la solicitud de información',
    dueDate: '2024-02-12',
    status: 'fulfilled',
    communicationId: request,
    events: [
      { kind: 'created', onDate: '2024-02-01' },
      { kind: 'extension_granted', onDate: '2024-02-05', newDueDate: '2024-02-19' },
      { kind: 'fulfilled', onDate: '2024-02-09' },
    ],
  });
  const open = v.deadline({
    title: 'Observaciones al informe del Estado',
    dueDate: '2024-05-20',
    createdAt: '2024-04-20T10:00:00.000Z',
  });
  v.matters.changeStatus({
    matterId: v.matter.id,
    revision: v.matter.revision,
    toStatus: 'granted',
    changedOn: '2023-08-12',
    note: '',
  });
  const p = v.person('A.A.Q.O.');
  const failed = v.incident('El botón de pánico no funcionó', '2024-04-03');
  const measure = v.measures.create(
    v.matter.id,
    v.fields({ personIds: [p] }),
    v.status('implemented', '2023-10-02'),
  );
  v.measures.addStatus(measure.id, v.status('failing', '2024-04-03', { incidentId: failed }));
  return { v, request, reply, resolution, fulfilled, open, measure };
}

describe('the follow-up timeline', () => {
  it('lists every source in date order, each entry with its event and the tab it opens', async () => {
    const { v, request, reply, resolution, fulfilled, open, measure } = await seeded();
    const { items, hiddenConfidential } = v.followup.timeline({ matterId: v.matter.id });
    expect(hiddenConfidential).toBe(0);
    const rows = items.map((e) => [e.date, e.kind, e.event, e.target.tab, e.target.recordId]);
    // On one day, the resolution comes before the status change it brought, a letter before its deadline.
    expect(rows).toEqual([
      ['2023-03-14', 'status', 'filed', 'overview', expect.any(String)],
      ['2023-08-12', 'resolution', 'received', 'correspondence', resolution],
      ['2023-08-12', 'status', 'granted', 'overview', expect.any(String)],
      ['2023-10-02', 'measure', 'implemented', 'measures', measure.id],
      ['2024-02-01', 'communication', 'received', 'correspondence', request],
      ['2024-02-01', 'deadline', 'created', 'deadlines', fulfilled],
      ['2024-02-05', 'deadline', 'extension_granted', 'deadlines', fulfilled],
      ['2024-02-09', 'communication', 'sent', 'correspondence', reply],
      ['2024-02-09', 'deadline', 'fulfilled', 'deadlines', fulfilled],
      ['2024-04-03', 'measure', 'failing', 'measures', measure.id],
      ['2024-04-20', 'deadline', 'created', 'deadlines', open],
      ['2024-05-20', 'deadline', 'due', 'deadlines', open],
    ]);
    const measureEntry = items.find((e) => e.kind === 'measure' && e.event === 'failing')!;
    expect(measureEntry).toMatchObject({
      title: 'panic_button',
      detail: ['Mecanismo de Protección (SEGOB)', 'A.A.Q.O.'],
    });
    expect(items.find((e) => e.event === 'extension_granted')!.detail).toEqual(['MC-1008-19', '2024-02-19']);
    expect(items.find((e) => e.event === 'granted')!.detail).toEqual(['filed']);
  });

  it('filters by kind and by a date range (both ends included)', async () => {
    const { v } = await seeded();
    const kinds = (input: Parameters<typeof v.followup.timeline>[0]) =>
      v.followup.timeline(input).items.map((e) => `${e.date} ${e.kind} ${e.event}`);
    expect(kinds({ matterId: v.matter.id, kinds: ['resolution', 'measure'] })).toEqual([
      '2023-08-12 resolution received',
      '2023-10-02 measure implemented',
      '2024-04-03 measure failing',
    ]);
    expect(kinds({ matterId: v.matter.id, from: '2024-02-05', to: '2024-02-09' })).toEqual([
      '2024-02-05 deadline extension_granted',
      '2024-02-09 communication sent',
      '2024-02-09 deadline fulfilled',
    ]);
    expect(kinds({ matterId: v.matter.id, kinds: ['deadline'], from: '2024-04-01' })).toEqual([
      '2024-04-20 deadline created',
      '2024-05-20 deadline due',
    ]);
    expect(kinds({ matterId: v.matter.id, kinds: ['hearing'] })).toEqual([]);
  });

  it('leaves out confidential communications, the deadlines they set, confidential measures and deleted records', async () => {
    const { v, measure } = await seeded();
    const secret = v.communication({
      occurredOn: '2024-03-03',
      subject: 'Carta de la beneficiaria sobre su paradero',
      direction: 'received',
      counterpart: 'beneficiary',
      classification: 'confidential',
    });
    v.deadline({
      title: 'Contestar a la beneficiaria',
      dueDate: '2024-03-10',
      communicationId: secret,
      events: [{ kind: 'created', onDate: '2024-03-03' }],
    });
    v.measures.create(
      v.matter.id,
      v.fields({ kind: 'shelter', description: 'Albergue', classification: 'confidential' }),
      v.status('implemented', '2024-03-04'),
    );
    const all = v.followup.timeline({ matterId: v.matter.id });
    // The letter, its deadline's creation and due date, and the shelter's status.
    expect(all.hiddenConfidential).toBe(4);
    expect(JSON.stringify(all)).not.toContain('paradero');
    expect(JSON.stringify(all)).not.toContain('Contestar a la beneficiaria');
    expect(all.items.some((e) => e.title === 'shelter')).toBe(false);
    // Counted only within the range asked for.
    expect(v.followup.timeline({ matterId: v.matter.id, to: '2024-01-01' }).hiddenConfidential).toBe(0);

    v.reveals.revealConfidential(v.matter.id);
    const revealed = v.followup.timeline({ matterId: v.matter.id });
    expect(revealed.hiddenConfidential).toBe(0);
    expect(revealed.items).toHaveLength(all.items.length + 4);

    v.trash.delete('measure', measure.id, false);
    expect(
      v.followup.timeline({ matterId: v.matter.id, kinds: ['measure'] }).items.map((e) => e.title),
    ).toEqual(['shelter']);
  });

  it('refuses a confidential case until it is revealed, and a case that does not exist', async () => {
    const { v } = await seeded();
    const hidden = v.matters.create({ ...v.matter, reference: 'MC-3-24', classification: 'confidential' });
    expect(() => v.followup.timeline({ matterId: hidden.id })).toThrow(
      expect.objectContaining({ code: 'CONFIDENTIAL' }),
    );
    expect(() => v.measures.list(hidden.id)).toThrow(expect.objectContaining({ code: 'CONFIDENTIAL' }));
    v.reveals.revealConfidential(hidden.id);
    expect(v.followup.timeline({ matterId: hidden.id }).items.map((e) => e.kind)).toEqual(['status']);
    expect(() => v.followup.timeline({ matterId: '00000000-0000-4000-8000-000000000000' })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });

  it('takes hearings as one more source: sorted, filtered and hidden like the others', async () => {
    const { v } = await seeded();
    // Stands in for the hearings table to come: what a hearings source would return.
    const hearings: TimelineSource = {
      kinds: ['hearing'],
      read: (_db, matterId) =>
        matterId === v.matter.id
          ? [
              {
                confidential: false,
                key: 'hearing:1',
                date: '2024-03-07',
                kind: 'hearing',
                event: 'held',
                title: 'Audiencia pública, 189 período de sesiones',
                detail: [],
                target: { tab: 'hearings', recordId: 'h1' },
              },
              {
                confidential: true,
                key: 'hearing:2',
                date: '2024-03-08',
                kind: 'hearing',
                event: 'held',
                title: 'Reunión de trabajo reservada',
                detail: [],
                target: { tab: 'hearings', recordId: 'h2' },
              },
            ]
          : [],
    };
    const withHearings = new FollowupTimelineService(() => v.ctx, v.reveals, v.matters, [
      ...TIMELINE_SOURCES,
      hearings,
    ]);
    const all = withHearings.timeline({ matterId: v.matter.id });
    const at = all.items.findIndex((e) => e.kind === 'hearing');
    expect(all.items[at - 1]!.date <= '2024-03-07' && all.items[at + 1]!.date >= '2024-03-07').toBe(true);
    expect(all.hiddenConfidential).toBe(1);
    expect(
      withHearings.timeline({ matterId: v.matter.id, kinds: ['hearing'] }).items.map((e) => e.title),
    ).toEqual(['Audiencia pública, 189 período de sesiones']);
  });
});
