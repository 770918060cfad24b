// The .ics export parsed back by an independent parser (ical.js): one event per open deadline at the due
// moment in the forum's zone (TZID + VTIMEZONE), an alarm a day before, stable UIDs, and in its bytes no
// protected identity, no confidential case's title and no notes.
import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { EMPTY_IDENTITY } from '../../../shared/schemas/people';
import { precautionaryRequest } from '../../support/fixtures';
import { tempDir } from '../../support/temp';
import { courtByRule, deadlineVault } from './records-setup';

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
}

describe('.ics export', () => {
  it('writes the open deadlines with forum zones, alarms and stable UIDs, and nothing protected', async () => {
    const exportDir = await tempDir('amparo-ics-');
    const v = await deadlineVault({ exportDir });
    const person = await v.ok('people:create', {
      pseudonym: 'A.A.Q.O.',
      classification: 'restricted',
      identity: { ...EMPTY_IDENTITY, legalName: 'Alejandra Quintero Ortega' },
    });
    await v.ok('parties:add', { matterId: v.matterId, personId: person.id, role: 'beneficiary' });
    const court = await v.ok(
      'deadlines:create',
      courtByRule(v.matterId, { title: 'Informe de cumplimiento', notes: 'Nota interna reservada' }),
    );
    // New York changes to daylight time on 8 March 2026: 24:00 on 9 March is 04:00 UTC on the 10th.
    const washington = await v.ok('deadlines:create', {
      matterId: v.matterId,
      title: 'Observaciones a la Comisión',
      date: { mode: 'manual', date: '2026-03-09', endTime: '24:00', zone: 'America/New_York' },
    });
    // A title typed with a beneficiary's legal name: the event keeps only the reference.
    const named = await v.ok('deadlines:create', {
      matterId: v.matterId,
      title: 'Declaración jurada de alejandra QUINTERO ortega',
      date: { mode: 'manual', date: '2026-04-01', endTime: '18:00', zone: 'America/Mexico_City' },
    });
    const done = await v.ok('deadlines:create', {
      matterId: v.matterId,
      title: 'Ya cumplido',
      date: { mode: 'manual', date: '2026-03-20', endTime: '18:00', zone: 'America/Mexico_City' },
    });
    await v.ok('deadlines:fulfil', { id: done.id, revision: done.revision, onDate: '2026-03-02' });
    const secret = await v.ok(
      'matters:create',
      precautionaryRequest({
        reference: 'MC-77-26',
        classification: 'confidential',
        title: 'Caso reservado',
      }),
    );
    await v.ok('confidential:reveal', { matterId: secret.id, reason: 'alta' });
    await v.ok('deadlines:create', courtByRule(secret.id, { title: 'Declaración de la testigo Marisol' }));

    const result = await v.ok('deadlines:exportIcs', { lang: 'es' });
    expect(result).toEqual({ path: `${exportDir}/amparo-plazos.ics`, events: 4 });
    const bytes = await readFile(result.path);
    const text = bytes.toString('utf8');
    for (const forbidden of [
      'Alejandra',
      'Quintero Ortega',
      'Marisol',
      'Declaración',
      'Nota interna',
      'Ya cumplido',
    ])
      expect(bytes.includes(Buffer.from(forbidden)), forbidden).toBe(false);

    const events = parse(text);
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect(byUid.size).toBe(4);
    expect(byUid.get(`${named.id}@amparo`)?.summary).toBe('MC-1008-19 — plazo');
    expect(byUid.has(`${court.id}@amparo`) && byUid.has(`${washington.id}@amparo`)).toBe(true);
    const c = byUid.get(`${court.id}@amparo`)!;
    expect(c.summary).toBe('MC-1008-19 — Informe de cumplimiento');
    expect(c.endDate.zone?.tzid).toBe('America/Costa_Rica');
    expect(c.endDate.toJSDate().toISOString()).toBe('2026-03-17T06:00:00.000Z');
    expect(c.startDate.toJSDate().toISOString()).toBe('2026-03-17T05:00:00.000Z');
    const alarm = c.component.getFirstSubcomponent('valarm')!;
    expect(alarm.getFirstPropertyValue('trigger')?.toString()).toBe('-P1D');
    const w = byUid.get(`${washington.id}@amparo`)!;
    expect(w.endDate.zone?.tzid).toBe('America/New_York');
    expect(w.endDate.toJSDate().toISOString()).toBe('2026-03-10T04:00:00.000Z');
    const hidden = events.find((e) => e.summary.startsWith('MC-77-26'))!;
    expect(hidden.summary).toBe('MC-77-26 — plazo');
    expect(text).toMatch(/DTSTART;TZID=America\/Costa_Rica:20260316T230000/);

    // A second export gives the same UIDs, so a calendar updates instead of duplicating.
    const again = await v.ok('deadlines:exportIcs', { lang: 'es' });
    expect(
      parse(await readFile(again.path, 'utf8'))
        .map((e) => e.uid)
        .sort(),
    ).toEqual([...byUid.keys()].sort());
    // `all` adds the fulfilled one, marked as such.
    const all = await v.ok('deadlines:exportIcs', { include: 'all', lang: 'en' });
    expect(all.events).toBe(5);
    const allEvents = parse(await readFile(all.path, 'utf8'));
    expect(allEvents.find((e) => e.uid === `${done.id}@amparo`)?.summary).toBe(
      'MC-1008-19 — Ya cumplido (fulfilled)',
    );
    const audit = await v.ok('audit:list', { action: 'export' });
    expect(audit.items.filter((e: { entityType: string }) => e.entityType === 'deadline')).toHaveLength(3);
    await v.core.dispose();
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const v = await deadlineVault();
    await v.ok('deadlines:create', courtByRule(v.matterId));
    expect(await v.ok('deadlines:exportIcs', {})).toEqual({ path: null, events: 0 });
    await v.core.dispose();
  });
});
