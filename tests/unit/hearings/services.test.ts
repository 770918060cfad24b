// Hearings through the checked core on a real SQLCipher vault: the record and its parts, revision conflicts,
// reordering, the deadlines a request window and a date create (and how they follow edits), the outcome as
// a communication, the hearing-day data's pseudonyms, and audit entries without the typed text.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HEARING_FIELDS, hearingCase } from './setup';

describe('a hearing and its parts', () => {
  it('keeps the plan in order, with start offsets and the sum against our share', async () => {
    const c = await hearingCase();
    const h = c.hearing;
    expect(h.participants.map((p: { label: string }) => p.label)).toEqual([
      'A.L.Q.',
      'Lic. Rosa Méndez',
      'Embajador Juan Pérez',
    ]);
    expect(h.turns.map((t: { topic: string }) => t.topic)).toEqual(['Contexto', 'Testimonio', 'Peticiones']);
    expect(h.turns.map((t: { startOffset: number }) => t.startOffset)).toEqual([0, 300, 780]);
    // 300 + 480 + 240 = 1020 s planned against 20 min = 1200 s: 180 s left.
    expect(h.plan).toEqual({
      plannedSeconds: 1020,
      shareSeconds: 1200,
      differenceSeconds: -180,
      status: 'under',
    });
    expect(h.chronology.map((x: { incidentId: string }) => x.incidentId)).toEqual([c.report, c.threat]);
    expect(h.exhibits).toEqual([
      {
        evidenceId: c.evidenceId,
        position: 0,
        number: 1,
        title: 'Captura de la amenaza',
        sha256: c.evidenceSha,
      },
    ]);

    const last = h.turns[2];
    const moved = await c.ok('hearings:moveTurn', { id: last.id, toIndex: 0 });
    expect(moved.turns.map((t: { topic: string }) => t.topic)).toEqual([
      'Peticiones',
      'Contexto',
      'Testimonio',
    ]);
    expect(moved.turns.map((t: { startOffset: number }) => t.startOffset)).toEqual([0, 240, 540]);

    const over = await c.ok('hearings:addTurn', {
      hearingId: c.hearingId,
      fields: { participantId: null, topic: 'Réplica', seconds: 300 },
    });
    expect(over.plan).toEqual({
      plannedSeconds: 1320,
      shareSeconds: 1200,
      differenceSeconds: 120,
      status: 'over',
    });

    const removed = await c.ok('hearings:removeTurn', { id: over.turns[3].id });
    expect(removed.turns.map((t: { position: number }) => t.position)).toEqual([0, 1, 2]);
  });

  it('refuses a stale revision for the hearing and for a part', async () => {
    const c = await hearingCase();
    const fresh = await c.ok('hearings:update', {
      id: c.hearingId,
      revision: c.hearing.revision,
      fields: { ...HEARING_FIELDS, title: 'Audiencia sobre MC-1008-19' },
    });
    expect(fresh.revision).toBe(c.hearing.revision + 1);
    const stale = await c.call('hearings:update', {
      id: c.hearingId,
      revision: c.hearing.revision,
      fields: { ...HEARING_FIELDS, place: 'Washington, D.C.' },
    });
    expect(stale.error?.code).toBe('CONFLICT');

    const turn = fresh.turns[0];
    const edited = await c.ok('hearings:updateTurn', {
      id: turn.id,
      revision: turn.revision,
      fields: {
        participantId: turn.participantId,
        topic: 'Contexto general',
        seconds: 360,
        talkingPoints: '',
      },
    });
    expect(edited.turns[0]).toMatchObject({
      topic: 'Contexto general',
      seconds: 360,
      revision: turn.revision + 1,
    });
    const staleTurn = await c.call('hearings:updateTurn', {
      id: turn.id,
      revision: turn.revision,
      fields: { participantId: null, topic: 'x', seconds: 1 },
    });
    expect(staleTurn.error?.code).toBe('CONFLICT');
  });

  it('names our speakers only as people of the case, never by a typed name', async () => {
    const c = await hearingCase(false);
    const stranger = await c.ok('people:create', { pseudonym: 'Z.Z.', classification: 'restricted' });
    const outside = await c.call('hearings:addParticipant', {
      hearingId: c.hearingId,
      fields: { side: 'ours', personId: stranger.id },
    });
    expect(outside.error?.code).toBe('VALIDATION_FAILED');
    expect(outside.error?.issues?.[0]?.message).toBe('hearingCore.error.notInCase');
    const both = await c.call('hearings:addParticipant', {
      hearingId: c.hearingId,
      fields: { side: 'ours', personId: c.ana, name: 'Ana María López Quintero' },
    });
    expect(both.error?.code).toBe('VALIDATION_FAILED');
    const over = await c.call('hearings:update', {
      id: c.hearingId,
      revision: c.hearing.revision,
      fields: { ...HEARING_FIELDS, totalMinutes: 10, ourMinutes: 20 },
    });
    expect(over.error?.issues?.[0]?.message).toBe('hearingCore.error.shareOverTotal');
  });

  it('picks facts and exhibits of the case once each, in order, and changes nothing when one is not', async () => {
    const c = await hearingCase();
    const picked = await c.ok('hearings:setChronology', {
      hearingId: c.hearingId,
      incidentIds: [c.threat, c.report, c.threat],
    });
    expect(picked.chronology.map((x: { incidentId: string }) => x.incidentId)).toEqual([c.threat, c.report]);
    const elsewhere = randomUUID();
    const badFact = await c.call('hearings:setChronology', {
      hearingId: c.hearingId,
      incidentIds: [c.report, elsewhere],
    });
    expect(badFact.error?.code).toBe('VALIDATION_FAILED');
    expect(badFact.error?.issues?.[0]).toMatchObject({
      path: 'incidentIds',
      message: 'hearingCore.error.notOfCase',
    });
    const badExhibit = await c.call('hearings:setExhibits', {
      hearingId: c.hearingId,
      evidenceIds: [c.evidenceId, elsewhere],
    });
    expect(badExhibit.error?.issues?.[0]).toMatchObject({
      path: 'evidenceIds',
      message: 'hearingCore.error.notOfCase',
    });
    const after = await c.ok('hearings:get', { id: c.hearingId });
    expect(after.chronology.map((x: { incidentId: string }) => x.incidentId)).toEqual([c.threat, c.report]);
    expect(after.exhibits.map((x: { evidenceId: string }) => x.evidenceId)).toEqual([c.evidenceId]);
  });
});

describe('deleting', () => {
  it('waives its open deadlines when deleted, and unlinks a removed participant from turns and answers', async () => {
    const c = await hearingCase();
    const lawyer = c.hearing.participants[1];
    const after = await c.ok('hearings:removeParticipant', { id: lawyer.id });
    expect(after.participants.map((p: { label: string }) => p.label)).toEqual([
      'A.L.Q.',
      'Embajador Juan Pérez',
    ]);
    expect(after.participants.map((p: { position: number }) => p.position)).toEqual([0, 1]);
    expect(after.turns.map((t: { participantId: string | null }) => t.participantId)).toEqual([
      null,
      c.hearing.participants[0].id,
      null,
    ]);
    expect(after.questions[0].answererId).toBeNull();

    await c.ok('hearings:delete', { id: c.hearingId });
    expect((await c.call('hearings:get', { id: c.hearingId })).error?.code).toBe('NOT_FOUND');
    expect(await c.ok('hearings:list', { matterId: c.matterId })).toEqual([]);
    const left = (await c.ok('deadlines:list', { matterId: c.matterId })).items;
    expect(left.map((d: { status: string }) => d.status)).toEqual(['waived', 'waived']);
  });
});

describe('Deleted items', () => {
  it('restores a deleted hearing, and empties the bin of hearings, their facts, items and people', async () => {
    const c = await hearingCase();
    await c.ok('hearings:delete', { id: c.hearingId });
    const bin = await c.ok('trash:list');
    expect(
      bin.map((e: { entityType: string; entityId: string }) => [e.entityType, e.entityId]),
    ).toContainEqual(['hearing', c.hearingId]);
    await c.ok('trash:restore', { entityType: 'hearing', entityId: c.hearingId });
    expect((await c.ok('hearings:get', { id: c.hearingId })).turns).toHaveLength(3);

    // A picked fact, a picked item and a speaker purged for good leave the live hearing that picked them.
    await c.ok('trash:delete', { entityType: 'incident', entityId: c.threat });
    await c.ok('trash:delete', { entityType: 'evidence', entityId: c.evidenceId });
    await c.ok('trash:delete', { entityType: 'person', entityId: c.ana, confirmInUse: true });
    await c.ok('trash:empty');
    const kept = await c.ok('hearings:get', { id: c.hearingId });
    expect(kept.chronology.map((x: { incidentId: string }) => x.incidentId)).toEqual([c.report]);
    expect(kept.exhibits).toEqual([]);
    expect(kept.participants.map((p: { label: string }) => p.label)).toEqual([
      'Lic. Rosa Méndez',
      'Embajador Juan Pérez',
    ]);

    // The whole case purged takes its hearings with it.
    await c.ok('trash:delete', { entityType: 'matter', entityId: c.matterId });
    await c.ok('trash:empty');
    expect((await c.call('hearings:get', { id: c.hearingId })).error?.code).toBe('NOT_FOUND');
  });
});

describe('deadlines and the outcome', () => {
  it('creates the request-window and hearing-date deadlines and keeps them in step', async () => {
    const c = await hearingCase(false);
    const linked = (await c.ok('deadlines:list', { matterId: c.matterId })).items;
    const request = linked.find((d: { kind: string }) => d.kind === 'hearing_request');
    const held = linked.find((d: { kind: string }) => d.kind === 'hearing');
    // Art. 66(1): 50 calendar days back from 1 March 2027 is Sunday 10 January; it moves back to Friday 8.
    expect(request.due.date).toBe('2027-01-08');
    expect(request.ruleId).toBe('iachr-hearing-request');
    expect(request.title).toBe('Solicitud de audiencia: Audiencia pública MC-1008-19');
    expect(held.due).toMatchObject({ date: '2027-03-04', endTime: '10:30', zone: 'America/New_York' });
    // 10:30 in New York in March 2027 (before DST starts on the 14th) is 15:30 UTC.
    expect(held.due.instant).toMatch(/^2027-03-04T15:30/);
    expect(c.hearing.deadlines.map((d: { id: string }) => d.id).sort()).toEqual([request.id, held.id].sort());

    const moved = await c.ok('hearings:update', {
      id: c.hearingId,
      revision: c.hearing.revision,
      fields: { ...HEARING_FIELDS, heldOn: '2027-03-05', requestedOn: '2026-12-20' },
    });
    const after = (await c.ok('deadlines:list', { matterId: c.matterId })).items;
    const byId = new Map(after.map((d: { id: string }) => [d.id, d]));
    expect((byId.get(held.id) as { status: string }).status).toBe('waived');
    expect((byId.get(request.id) as { status: string }).status).toBe('fulfilled');
    const newHeld = after.find(
      (d: { kind: string; status: string }) => d.kind === 'hearing' && d.status === 'open',
    );
    expect(newHeld.due.date).toBe('2027-03-05');
    expect(moved.deadlines.map((d: { id: string }) => d.id).sort()).toEqual([request.id, newHeld.id].sort());

    const outcome = await c.ok('hearings:recordOutcome', {
      hearingId: c.hearingId,
      revision: moved.revision,
      occurredOn: '2027-03-05',
      subject: 'Resultado de la audiencia',
      body: 'La Comisión pidió información adicional al Estado.',
    });
    expect(outcome.status).toBe('held');
    const communication = await c.ok('communications:get', { id: outcome.outcomeCommunicationId });
    expect(communication).toMatchObject({ matterId: c.matterId, subject: 'Resultado de la audiencia' });
    expect((await c.ok('deadlines:get', { id: newHeld.id })).status).toBe('fulfilled');
  });
});

describe('the calendar and the follow-up timeline', () => {
  it('shows the hearing date in the calendar and the hearing on the case timeline', async () => {
    const c = await hearingCase(false);
    const held = c.hearing.deadlines.find((d: { kind: string }) => d.kind === 'hearing');
    const march = await c.ok('calendar:range', {
      from: '2027-03-01',
      to: '2027-03-31',
      zone: 'America/Mexico_City',
    });
    const entry = march.entries.find((e: { deadlineId: string }) => e.deadlineId === held.id);
    expect(entry).toMatchObject({ type: 'deadline', kind: 'hearing', due: { date: '2027-03-04' } });
    const january = await c.ok('calendar:range', {
      from: '2027-01-01',
      to: '2027-01-31',
      zone: 'America/Mexico_City',
    });
    expect(january.entries.map((e: { due: { date: string } }) => e.due.date)).toContain('2027-01-08');

    const requested = await c.ok('hearings:update', {
      id: c.hearingId,
      revision: c.hearing.revision,
      fields: { ...HEARING_FIELDS, requestedOn: '2026-12-15', status: 'scheduled' },
    });
    const timeline = await c.ok('followup:timeline', { matterId: c.matterId, kinds: ['hearing'] });
    expect(timeline.items).toEqual([
      {
        key: `hearing:${c.hearingId}:requested`,
        date: '2026-12-15',
        kind: 'hearing',
        event: 'requested',
        title: requested.title,
        detail: ['public_hearing', '192 Período de Sesiones', 'CIDH'],
        target: { tab: 'hearings', recordId: c.hearingId },
      },
      {
        key: `hearing:${c.hearingId}:held`,
        date: '2027-03-04',
        kind: 'hearing',
        event: 'scheduled',
        title: requested.title,
        detail: ['public_hearing', '192 Período de Sesiones', 'CIDH'],
        target: { tab: 'hearings', recordId: c.hearingId },
      },
    ]);
  });

  it('hides a confidential hearing from the timeline and the list until its case is revealed', async () => {
    const c = await hearingCase(false);
    await c.ok('hearings:update', {
      id: c.hearingId,
      revision: c.hearing.revision,
      fields: { ...HEARING_FIELDS, classification: 'confidential' },
    });
    const timeline = await c.ok('followup:timeline', { matterId: c.matterId, kinds: ['hearing'] });
    expect(timeline).toEqual({ items: [], hiddenConfidential: 1 });
    // Its deadlines, on the dashboard for everyone, now carry the kind of hearing and not its title.
    const titles = (await c.ok('deadlines:list', { matterId: c.matterId })).items.map(
      (d: { title: string }) => d.title,
    );
    expect(titles.sort()).toEqual([
      'Audiencia: Audiencia pública',
      'Solicitud de audiencia: Audiencia pública',
    ]);
    expect(await c.ok('hearings:list', { matterId: c.matterId })).toEqual([]);
    expect((await c.call('hearings:get', { id: c.hearingId })).error?.code).toBe('CONFIDENTIAL');
    await c.ok('confidential:reveal', { matterId: c.matterId, reason: 'Preparar la audiencia' });
    expect((await c.ok('hearings:list', { matterId: c.matterId })).map((h: { id: string }) => h.id)).toEqual([
      c.hearingId,
    ]);
  });
});

describe('what leaves the service', () => {
  it('labels people of the case by pseudonym on hearing day, even with the identity revealed', async () => {
    const c = await hearingCase();
    await c.ok('people:reveal', { personId: c.ana, reason: 'Preparar la audiencia' });
    const day = await c.ok('hearings:day', { id: c.hearingId });
    expect(day.turns.map((t: { speaker: string }) => t.speaker)).toEqual([
      'Lic. Rosa Méndez',
      'A.L.Q.',
      'Lic. Rosa Méndez',
    ]);
    expect(JSON.stringify(day)).not.toContain('Ana María');
    expect(day.turns.map((t: { startOffset: number }) => t.startOffset)).toEqual([0, 300, 780]);
    expect(day.matterReference).toBe((await c.ok('matters:get', { id: c.matterId })).reference);
  });

  it('writes audit entries with ids and field names, never the text typed', async () => {
    const c = await hearingCase();
    const page = await c.ok('audit:list', { limit: 500 });
    const hearingEntries = page.items.filter((e: { entityType: string }) =>
      String(e.entityType).startsWith('hearing'),
    );
    expect(hearingEntries.length).toBeGreaterThanOrEqual(8);
    const logged = JSON.stringify(hearingEntries);
    for (const typed of ['Contexto', 'Las amenazas continúan', 'Embajador', 'escolta', 'plan de protección'])
      expect(logged).not.toContain(typed);
    // The audit screen names a hearing's entries by the hearing's title (a safe label), parts included.
    const turnEntry = hearingEntries.find((e: { entityType: string }) => e.entityType === 'hearing_turn');
    expect(turnEntry.recordLabel).toBe('Audiencia pública MC-1008-19');
  });
});
