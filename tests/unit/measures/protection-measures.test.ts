// Protection measures against a real vault: the status history is kept in date order and never rewritten,
// the current status is the latest by date, a status cites a communication or an incident of the same case,
// confidential measures stay hidden until revealed, and Deleted items takes them and gives them back.
import { describe, expect, it } from 'vitest';
import { measuresVault } from './measures-vault';

describe('protection measures', () => {
  it('keep their status history in date order; the current status is the latest by date, not the latest typed', async () => {
    const v = await measuresVault();
    const aaqo = v.person('A.A.Q.O.');
    const alqo = v.person('A.L.Q.O.');
    const created = v.measures.create(
      v.matter.id,
      v.fields({ personIds: [alqo, aaqo], agreedOn: '2023-09-01', agreedWithBeneficiaries: 'no' }),
      v.status('proposed', '2023-08-20', { note: 'El Estado informa la medida' }),
    );
    expect(created).toMatchObject({
      status: 'proposed',
      statusSince: '2023-08-20',
      agreedOn: '2023-09-01',
      agreedWithBeneficiaries: 'no',
      revision: 1,
    });
    expect(new Set(created.personIds)).toEqual(new Set([aaqo, alqo]));

    v.measures.addStatus(created.id, v.status('implemented', '2023-10-02'));
    // Typed later, but dated before the implementation: history order follows the dates.
    const late = v.measures.addStatus(created.id, v.status('agreed', '2023-09-15'));
    expect(late.history.map((h) => [h.status, h.onDate])).toEqual([
      ['proposed', '2023-08-20'],
      ['agreed', '2023-09-15'],
      ['implemented', '2023-10-02'],
    ]);
    expect(late.status).toBe('implemented');
    expect(late.statusSince).toBe('2023-10-02');
    expect(late.revision).toBe(3);
    // The row the dashboard reads agrees.
    expect(
      v.db.prepare('SELECT status FROM protection_measures WHERE id = $id').get({ id: created.id }),
    ).toEqual({ status: 'implemented' });

    // Two entries on one day: the one recorded last is current.
    v.measures.addStatus(created.id, v.status('failing', '2024-04-03'));
    const same = v.measures.addStatus(
      created.id,
      v.status('implemented', '2024-04-03', { note: 'Reparado' }),
    );
    expect(same.status).toBe('implemented');
    expect(same.history.at(-2)!.status).toBe('failing');
    expect(same.history.every((h) => h.recordedBy === 'abogada de prueba')).toBe(true);
  });

  it('never rewrite a status entry: editing the measure leaves the history as it was, a correction is a new entry', async () => {
    const v = await measuresVault();
    const m = v.measures.create(v.matter.id, v.fields(), v.status('implemented', '2023-10-02'));
    const before = v.db
      .prepare('SELECT * FROM protection_measure_status WHERE measure_id = $id')
      .all({ id: m.id });
    const edited = v.measures.update(
      m.id,
      m.revision,
      v.fields({ authority: 'Policía estatal de Guerrero' }),
    );
    expect(edited.authority).toBe('Policía estatal de Guerrero');
    expect(edited.revision).toBe(2);
    expect(
      v.db.prepare('SELECT * FROM protection_measure_status WHERE measure_id = $id').all({ id: m.id }),
    ).toEqual(before);
    // A stale revision is refused.
    expect(() => v.measures.update(m.id, m.revision, v.fields())).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    // The wrong status, corrected: both entries stay.
    v.measures.addStatus(m.id, v.status('withdrawn', '2024-01-10'));
    const corrected = v.measures.addStatus(
      m.id,
      v.status('implemented', '2024-01-10', { note: 'Corrección: no fue retirado' }),
    );
    expect(corrected.history.map((h) => h.status)).toEqual(['implemented', 'withdrawn', 'implemented']);
    // Every write is in the audit log, naming the measure.
    const entries = v.ctx.audit
      .list({ matterId: v.matter.id })
      .items.filter((e) => e.entityType === 'measure' && e.entityId === m.id);
    expect(entries.map((e) => e.action).sort()).toEqual([
      'record.create',
      'record.update',
      'record.update',
      'record.update',
    ]);
  });

  it('cite the communication or incident that shows a status, only of the same case', async () => {
    const v = await measuresVault();
    const failed = v.incident('El botón de pánico no funcionó', '2024-04-03');
    const report = v.communication({ occurredOn: '2024-03-01', subject: 'Informe del Estado' });
    const m = v.measures.create(
      v.matter.id,
      v.fields(),
      v.status('implemented', '2024-03-01', { communicationId: report }),
    );
    const after = v.measures.addStatus(
      m.id,
      v.status('failing', '2024-04-03', { incidentId: failed, note: 'No respondió la llamada' }),
    );
    expect(after.history.map((h) => h.cites)).toEqual([
      { kind: 'communication', id: report, date: '2024-03-01', label: 'MC-1008-19 — Informe del Estado' },
      { kind: 'incident', id: failed, date: '2024-04-03', label: 'El botón de pánico no funcionó' },
    ]);
    expect(after.status).toBe('failing');

    const options = v.measures.linkOptions(v.matter.id);
    expect(options.communications).toEqual([
      { id: report, date: '2024-03-01', label: 'MC-1008-19 — Informe del Estado' },
    ]);
    expect(options.incidents).toEqual([
      { id: failed, date: '2024-04-03', label: 'El botón de pánico no funcionó' },
    ]);

    // Another case's records cannot be cited, and a status cites one record at most.
    const other = v.matters.create({ ...v.matter, reference: 'MC-2-24', title: 'Otro caso' });
    const foreign = v.communication({ occurredOn: '2024-03-02', subject: 'Ajeno', matterId: other.id });
    expect(() =>
      v.measures.addStatus(m.id, v.status('failing', '2024-04-05', { communicationId: foreign })),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() =>
      v.measures.addStatus(
        m.id,
        v.status('failing', '2024-04-05', { communicationId: report, incidentId: failed }),
      ),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(v.measures.get(m.id).history).toHaveLength(2);
  });

  it('keep confidential measures, and confidential cited records, hidden until the case is revealed', async () => {
    const v = await measuresVault();
    v.measures.create(v.matter.id, v.fields(), v.status('implemented', '2024-01-01'));
    const hiddenIncident = v.incident('Ataque en el albergue', '2024-02-02', {
      classification: 'confidential',
    });
    const secret = v.measures.create(
      v.matter.id,
      v.fields({ kind: 'shelter', description: 'Albergue temporal', classification: 'confidential' }),
      v.status('implemented', '2024-01-05'),
    );
    const open = v.measures.create(
      v.matter.id,
      v.fields({ kind: 'patrols', description: 'Rondines' }),
      v.status('failing', '2024-02-02', { incidentId: hiddenIncident }),
    );

    const list = v.measures.list(v.matter.id);
    expect(list.items.map((m) => m.kind)).toEqual(['panic_button', 'patrols']);
    expect(list.hiddenConfidential).toBe(1);
    expect(JSON.stringify(list)).not.toContain('Albergue');
    expect(JSON.stringify(list)).not.toContain('Ataque en el albergue');
    expect(list.items[1]!.history[0]!.cites).toEqual({
      kind: 'incident',
      id: hiddenIncident,
      date: '2024-02-02',
      label: null,
    });
    expect(() => v.measures.get(secret.id)).toThrow(expect.objectContaining({ code: 'CONFIDENTIAL' }));
    expect(v.measures.linkOptions(v.matter.id)).toMatchObject({ incidents: [], hiddenConfidential: 1 });
    expect(v.measures.summaryForFiling(v.matter.id).hiddenConfidential).toBe(1);

    v.reveals.revealConfidential(v.matter.id);
    expect(v.measures.list(v.matter.id).hiddenConfidential).toBe(0);
    expect(v.measures.get(secret.id).description).toBe('Albergue temporal');
    expect(v.measures.get(open.id).history[0]!.cites!.label).toBe('Ataque en el albergue');
  });

  it('go to Deleted items and come back with their history, and leave the search index meanwhile', async () => {
    const v = await measuresVault();
    const m = v.measures.create(
      v.matter.id,
      v.fields({ description: 'Cámaras de videovigilancia en la casa', kind: 'cctv' }),
      v.status('proposed', '2023-08-20', { note: 'Instalación pendiente' }),
    );
    v.measures.addStatus(m.id, v.status('implemented', '2023-09-01'));
    const found = () =>
      v.search.search({ query: 'videovigilancia', includeProtected: false, limit: 10, offset: 0 }).hits;
    expect(found().map((h) => [h.entityType, h.entityId])).toEqual([['measure', m.id]]);
    // Status notes are searchable too.
    expect(
      v.search.search({ query: 'pendiente', includeProtected: false, limit: 10, offset: 0 }).hits,
    ).toHaveLength(1);

    v.trash.delete('measure', m.id, false);
    expect(v.measures.list(v.matter.id).items).toEqual([]);
    expect(found()).toEqual([]);
    expect(v.trash.list()).toEqual([
      expect.objectContaining({
        entityType: 'measure',
        entityId: m.id,
        label: 'Cámaras de videovigilancia en la casa',
      }),
    ]);
    expect(() => v.measures.get(m.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));

    v.trash.restore('measure', m.id);
    expect(v.measures.get(m.id).history.map((h) => h.status)).toEqual(['proposed', 'implemented']);
    expect(found()).toHaveLength(1);

    // Emptying the bin removes the measure, its history and its people for good; a purged incident it cited
    // leaves the status entry without the citation.
    const failed = v.incident('Falla del botón', '2024-04-03');
    const person = v.person('A.L.Q.O.');
    const other = v.measures.create(
      v.matter.id,
      v.fields({ personIds: [person] }),
      v.status('failing', '2024-04-03', { incidentId: failed }),
    );
    v.trash.delete('measure', m.id, false);
    v.trash.delete('incident', failed, false);
    await v.trash.empty();
    expect(
      v.db
        .prepare('SELECT count(*) AS n FROM protection_measure_status WHERE measure_id = $id')
        .get({ id: m.id }),
    ).toEqual({ n: 0 });
    expect(
      v.db.prepare('SELECT count(*) AS n FROM protection_measures WHERE id = $id').get({ id: m.id }),
    ).toEqual({ n: 0 });
    expect(v.measures.get(other.id).history[0]).toMatchObject({
      status: 'failing',
      incidentId: null,
      cites: null,
    });

    // A case purged with its measures.
    v.trash.delete('matter', v.matter.id, false);
    await v.trash.empty();
    expect(v.db.prepare('SELECT count(*) AS n FROM protection_measures').get()).toEqual({ n: 0 });
    expect(v.db.prepare('SELECT count(*) AS n FROM protection_measure_people').get()).toEqual({ n: 0 });
  });

  it('summarise each measure with its state and history for a filing, beneficiaries by pseudonym', async () => {
    const v = await measuresVault();
    const p = v.person('A.A.Q.O.');
    const failed = v.incident('El botón de pánico no funcionó', '2024-04-03');
    const m = v.measures.create(
      v.matter.id,
      v.fields({ personIds: [p], agreedWithBeneficiaries: 'yes', agreedOn: '2023-09-15' }),
      v.status('agreed', '2023-09-15'),
    );
    v.measures.addStatus(
      m.id,
      v.status('failing', '2024-04-03', { incidentId: failed, note: 'Sin respuesta' }),
    );
    expect(v.measures.summaryForFiling(v.matter.id)).toEqual({
      hiddenConfidential: 0,
      measures: [
        {
          id: m.id,
          kind: 'panic_button',
          description: 'Botón de pánico en el domicilio de la beneficiaria',
          authority: 'Mecanismo de Protección (SEGOB)',
          beneficiaries: ['A.A.Q.O.'],
          agreedOn: '2023-09-15',
          agreedWithBeneficiaries: 'yes',
          classification: 'restricted',
          status: 'failing',
          statusSince: '2024-04-03',
          history: [
            { status: 'agreed', onDate: '2023-09-15', note: '', cites: null },
            {
              status: 'failing',
              onDate: '2024-04-03',
              note: 'Sin respuesta',
              cites: {
                kind: 'incident',
                id: failed,
                date: '2024-04-03',
                label: 'El botón de pánico no funcionó',
              },
            },
          ],
        },
      ],
    });
  });
});
