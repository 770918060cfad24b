// Fulfilment by a reply and recurrence, with the services wired as the core wires them on a real vault and
// communications seeded with SQL (the correspondence service calls fulfilByReply from its own transaction).
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeadlineService } from '../../../electron/core/services/deadlines';
import { MatterService } from '../../../electron/core/services/matters';
import { RevealState } from '../../../electron/core/services/reveal-state';
import { vaultContext } from '../../../electron/core/services/vault-context';
import { createVault } from '../../../electron/core/vault/vault';
import { CreateDeadlineInput } from '../../../shared/schemas/deadline-records';
import { precautionaryRequest } from '../../support/fixtures';
import { TEST_KDF, tempDir } from '../../support/temp';

async function setup() {
  const vault = await createVault(join(await tempDir(), 'boveda'), 'frase de contraseña larga y segura', {
    kdfCost: TEST_KDF,
  });
  const ctx = vaultContext(vault, () => 'prueba');
  const reveals = new RevealState(Date.now);
  const matters = new MatterService(() => ctx, reveals);
  const deadlines = new DeadlineService(() => ctx, reveals, {
    now: () => new Date('2026-03-02T15:00:00Z'),
    userZone: () => 'America/Tijuana',
  });
  const matter = matters.create(precautionaryRequest());
  const communication = (direction: 'received' | 'sent', inReplyTo: string | null = null) => {
    const id = randomUUID();
    ctx.db
      .prepare(
        `INSERT INTO communications (id, matter_id, direction, counterpart, channel, kind, occurred_on, subject,
           in_reply_to, created_at, updated_at)
         VALUES ($id, $matterId, $direction, 'commission', 'portal', 'request_for_information', '2026-03-02',
           'Solicitud de información', $inReplyTo, $at, $at)`,
      )
      .run({ id, matterId: matter.id, direction, inReplyTo, at: new Date().toISOString() });
    return id;
  };
  const create = (input: Record<string, unknown>) =>
    deadlines.create(CreateDeadlineInput.parse({ matterId: matter.id, ...input }));
  return { ctx, deadlines, matter, communication, create, vault };
}

describe('deadlines fulfilled by a reply', () => {
  it('fulfils the open deadlines the answered communication created, inside the caller’s transaction', async () => {
    const { ctx, deadlines, communication, create } = await setup();
    const request = communication('received');
    const other = communication('received');
    const asked = create({
      title: 'Información solicitada por la Comisión',
      communicationId: request,
      date: {
        mode: 'rule',
        ruleId: 'iachr-note',
        trigger: { date: '2026-03-02' },
        period: { unit: 'days', amount: 10 },
      },
    });
    const unrelated = create({
      title: 'Otra solicitud',
      communicationId: other,
      date: {
        mode: 'rule',
        ruleId: 'iachr-note',
        trigger: { date: '2026-03-02' },
        period: { unit: 'days', amount: 20 },
      },
    });
    expect(asked.due.date).toBe('2026-03-12');
    // The user's zone differs from Washington's: the due moment is also given there.
    expect(asked.inUserZone).toEqual({ zone: 'America/Tijuana', date: '2026-03-12', time: '21:00' });

    const reply = communication('sent', request);
    let fulfilled: string[] = [];
    ctx.db.transaction(() => {
      fulfilled = deadlines.fulfilByReply({ replyId: reply, answersId: request, onDate: '2026-03-10' });
    })();
    expect(fulfilled).toEqual([asked.id]);
    expect(deadlines.get(asked.id)).toMatchObject({
      status: 'fulfilled',
      fulfilledBy: reply,
      fulfilledOn: '2026-03-10',
    });
    expect(deadlines.get(asked.id).events.at(-1)).toMatchObject({
      kind: 'fulfilled',
      communicationId: reply,
    });
    expect(deadlines.get(unrelated.id).status).toBe('open');
    // A second reply to the same request finds nothing open.
    expect(
      deadlines.fulfilByReply({
        replyId: communication('sent', request),
        answersId: request,
        onDate: '2026-03-11',
      }),
    ).toEqual([]);
  });

  it('rolls back the reply’s fulfilment when the caller’s transaction fails', async () => {
    const { ctx, deadlines, communication, create } = await setup();
    const request = communication('received');
    const d = create({
      title: 'Informe',
      communicationId: request,
      date: { mode: 'manual', date: '2026-03-20', endTime: '24:00', zone: 'America/New_York' },
    });
    expect(() =>
      ctx.db.transaction(() => {
        deadlines.fulfilByReply({
          replyId: communication('sent', request),
          answersId: request,
          onDate: '2026-03-10',
        });
        throw new Error('the reply could not be stored');
      })(),
    ).toThrow('the reply could not be stored');
    expect(deadlines.get(d.id)).toMatchObject({ status: 'open', fulfilledBy: null });
    expect(deadlines.get(d.id).events.map((e) => e.kind)).toEqual(['created']);
  });
});

describe('recurring duties', () => {
  it('creates the next occurrence once when one is fulfilled, counted by its rule', async () => {
    const { ctx, deadlines, create } = await setup();
    const first = create({
      title: 'Informe periódico del Estado',
      kind: 'report',
      recurrence: { every: { unit: 'months', amount: 2 }, from: 'due' },
      date: {
        mode: 'rule',
        ruleId: 'iacthr-provisional-measures',
        trigger: { date: '2026-01-30' },
        period: { unit: 'months', amount: 1 },
      },
    });
    const fulfilled = deadlines.fulfil({ id: first.id, revision: first.revision, onDate: '2026-02-27' });
    const next = deadlines.list({ status: 'open' }).items;
    expect(next).toHaveLength(1);
    expect(next[0]).toMatchObject({
      previousId: first.id,
      title: 'Informe periódico del Estado',
      recurrence: { every: { unit: 'months', amount: 2 }, from: 'due' },
    });
    expect(next[0]!.basis[0]).toEqual({
      step: 'recurrence',
      every: { unit: 'months', amount: 2 },
      from: first.due.date,
    });
    // 30 January + 1 month = 28 February 2026, a Saturday: Monday 2 March. Two months on: Saturday 2 May,
    // so Monday 4 May 2026.
    expect(first.due.date).toBe('2026-03-02');
    expect(next[0]!.due.date).toBe('2026-05-04');
    expect(next[0]!.basis).toContainEqual({
      step: 'roll',
      from: '2026-05-02',
      to: '2026-05-04',
      direction: 'next-working-day',
    });

    // Reopening and fulfilling again does not add a second occurrence.
    const reopened = deadlines.reopen({ id: first.id, revision: fulfilled.revision, onDate: '2026-02-28' });
    deadlines.fulfil({ id: first.id, revision: reopened.revision, onDate: '2026-03-01' });
    const followers = ctx.db
      .prepare('SELECT count(*) AS n FROM deadlines WHERE previous_id = $id')
      .get<{ n: number }>({ id: first.id });
    expect(Number(followers?.n)).toBe(1);
  });

  it('recurs a date typed by hand on the calendar, from the day it was fulfilled when asked', async () => {
    const { deadlines, create } = await setup();
    const first = create({
      title: 'Reporte al Mecanismo',
      recurrence: { every: { unit: 'days', amount: 30 }, from: 'fulfilled' },
      date: { mode: 'manual', date: '2026-03-31', endTime: '18:00', zone: 'America/Mexico_City' },
    });
    deadlines.fulfil({ id: first.id, revision: first.revision, onDate: '2026-03-25' });
    const [next] = deadlines.list({ status: 'open' }).items;
    // 25 March + 30 days = 24 April 2026.
    expect(next).toMatchObject({ previousId: first.id, due: { date: '2026-04-24', endTime: '18:00' } });
  });
});
