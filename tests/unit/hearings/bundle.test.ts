// A redacted bundle of a case with hearings: a confidential hearing stays out with all its parts, a fact the
// redaction leaves out leaves the chronology of the hearing that is carried, and the bundle says so.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEARING_FIELDS, hearingCase } from './setup';

describe('hearings in a redacted bundle', () => {
  it('leave out a confidential hearing and the picks of confidential records', async () => {
    const c = await hearingCase();
    await c.ok('hearings:setChronology', {
      hearingId: c.hearingId,
      incidentIds: [c.report, c.hacked, c.threat],
    });
    const secret = await c.ok('hearings:create', {
      matterId: c.matterId,
      fields: {
        ...HEARING_FIELDS,
        title: 'Reunión reservada',
        classification: 'confidential',
        heldOn: null,
        sessionsStartOn: null,
      },
    });
    // Its parts are edited once the case's confidential items are revealed, like any confidential record.
    await c.ok('confidential:reveal', { matterId: c.matterId, reason: 'Preparar la reunión' });
    await c.ok('hearings:addTurn', { hearingId: secret.id, fields: { topic: 'Reservado', seconds: 60 } });
    const out = join(c.work, 'caso.amparo');
    const seal = { passphrase: 'frase del paquete de prueba' };
    const made = await c.ok('bundles:export', {
      matterIds: [c.matterId],
      out,
      seal,
      redaction: 'pseudonyms-only',
    });
    const leftOut = new Map(made.leftOut.map((l: { kind: string; count: number }) => [l.kind, l.count]));
    expect(leftOut.get('hearings (confidential)')).toBe(1);
    expect(leftOut.get('hearing_turns (linked to records left out)')).toBe(1);
    expect(leftOut.get('hearing_chronology (linked to records left out)')).toBe(1);
    const summary = await c.ok('bundles:verify', { file: out, key: seal });
    const counts = new Map(summary.counts.map((x: { kind: string; count: number }) => [x.kind, x.count]));
    expect(counts.get('hearings')).toBe(1);
    expect(counts.get('hearing_turns')).toBe(3);
    expect(counts.get('hearing_chronology')).toBe(2);
    expect(counts.get('hearing_participants')).toBe(3);
    expect(counts.get('hearing_exhibits')).toBe(1);
    expect(counts.get('hearing_questions')).toBe(1);
    expect(counts.has('hearing_binders')).toBe(false);
  }, 60_000);
});
