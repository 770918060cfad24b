// Reminders while the app runs, with a fixed clock on a real vault: due tomorrow, due today and overdue,
// each shown once per due moment (a restart does not repeat them; an extension's new date earns new ones),
// naming only the case's reference in the user's language.
import { describe, expect, it } from 'vitest';
import { precautionaryRequest } from '../../support/fixtures';
import { courtByRule, deadlineVault, PASS } from './records-setup';

describe('deadline reminders', () => {
  it('shows each reminder once, by the forum’s calendar day, naming only the reference', async () => {
    // Court deadline due Monday 16 March 2026 at 24:00 in San José (06:00 UTC on the 17th).
    const v = await deadlineVault({ now: '2026-03-14T18:00:00Z' });
    const d = await v.ok('deadlines:create', courtByRule(v.matterId, { title: 'Informe sobre A.A.Q.O.' }));
    const secret = await v.ok(
      'matters:create',
      precautionaryRequest({ reference: 'MC-77-26', classification: 'confidential' }),
    );
    await v.ok('deadlines:create', {
      matterId: secret.id,
      title: 'Reservado',
      date: { mode: 'manual', date: '2026-03-13', endTime: '18:00', zone: 'America/Mexico_City' },
    });

    // Saturday 14 March: nothing for the Court's Monday yet; the confidential case's deadline is overdue.
    const saturday = await v.ok('deadlines:dueReminders', { lang: 'es' });
    expect(saturday).toEqual([
      expect.objectContaining({
        matterId: secret.id,
        kind: 'overdue',
        text: 'MC-77-26: un plazo está vencido',
      }),
    ]);
    expect(await v.ok('deadlines:dueReminders', { lang: 'es' })).toEqual([]);

    v.clock.set('2026-03-15T15:00:00Z'); // Sunday 09:00 in San José
    expect(await v.ok('deadlines:dueReminders', { lang: 'es' })).toEqual([
      {
        deadlineId: d.id,
        matterId: v.matterId,
        kind: 'due_tomorrow',
        text: 'MC-1008-19: un plazo vence mañana',
      },
    ]);
    v.clock.set('2026-03-16T07:00:00Z'); // Monday 01:00 in San José
    const today = await v.ok('deadlines:dueReminders', { lang: 'en' });
    expect(today).toEqual([
      expect.objectContaining({ kind: 'due_today', text: 'MC-1008-19: a deadline is due today' }),
    ]);

    // A restart (lock and unlock) does not show them again: they are recorded in the vault.
    await v.ok('vault:lock');
    await v.ok('vault:unlock', { path: v.vaultDir, passphrase: PASS });
    expect(await v.ok('deadlines:dueReminders', { lang: 'es' })).toEqual([]);

    // An extension moves the due moment: the new date gets its own reminders.
    const current = await v.ok('deadlines:get', { id: d.id });
    await v.ok('deadlines:extend', {
      id: d.id,
      revision: current.revision,
      outcome: 'granted',
      onDate: '2026-03-16',
      period: { unit: 'date', date: '2026-03-17' },
    });
    expect(
      (await v.ok('deadlines:dueReminders', { lang: 'es' })).map((r: { kind: string }) => r.kind),
    ).toEqual(['due_tomorrow']);

    v.clock.set('2026-03-18T07:00:00Z');
    const overdue = await v.ok('deadlines:dueReminders', { lang: 'es' });
    expect(overdue).toEqual([expect.objectContaining({ deadlineId: d.id, kind: 'overdue' })]);
    expect(JSON.stringify(overdue)).not.toContain('A.A.Q.O.');
    await v.core.dispose();
  });

  it('says nothing about fulfilled or waived deadlines', async () => {
    const v = await deadlineVault({ now: '2026-03-16T07:00:00Z' });
    const d = await v.ok('deadlines:create', courtByRule(v.matterId));
    await v.ok('deadlines:fulfil', { id: d.id, revision: d.revision, onDate: '2026-03-15' });
    expect(await v.ok('deadlines:dueReminders', {})).toEqual([]);
    await v.core.dispose();
  });

  it('does not count the reminder poll as activity: auto-lock still locks an idle vault', async () => {
    const v = await deadlineVault({ now: '2026-03-16T07:00:00Z' });
    await v.ok('settings:update', { autoLockMinutes: 1 });
    v.clock.set('2026-03-16T07:00:40Z');
    await v.ok('deadlines:dueReminders', {});
    v.clock.set('2026-03-16T07:01:20Z');
    await v.ok('deadlines:dueReminders', {});
    expect(await v.core.checkIdle()).toBe(true);
    expect((await v.ok('vault:status')).state).toBe('locked');
    await v.core.dispose();
  });

  it('passes a clicked reminder to the renderer as an event', async () => {
    const v = await deadlineVault();
    const seen: unknown[] = [];
    v.core.onEvent('deadlines:open', (request) => seen.push(request));
    v.core.openDeadline({ deadlineId: '00000000-0000-4000-8000-000000000001', matterId: v.matterId });
    expect(seen).toEqual([{ deadlineId: '00000000-0000-4000-8000-000000000001', matterId: v.matterId }]);
    await v.core.dispose();
  });
});
