/* eslint-disable @typescript-eslint/no-explicit-any -- results of untyped channel names are read by shape */
// Spreadsheet import on a real vault, through the dispatch the renderer uses: a Latin-1 `;` CSV, a UTF-8
// CSV with a byte-order mark, and a workbook written by a real XLSX writer.
import { createHash, randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  CURP,
  LEGAL_NAME,
  PHONE,
  STREET,
  bomPeople,
  inVault,
  latin1Cases,
  rowCounts,
  setup,
  workbook,
} from './helpers';

const problemsOf = (report: any) =>
  report.refusals.map((r: any) => ({
    row: r.row,
    codes: r.problems.map((p: any) => `${p.field}:${p.code}`),
  }));

describe('spreadsheet import', () => {
  it('reads a Windows-1252 CSV with `;`, refuses exactly the bad rows, and imports the rest', async () => {
    const s = await setup();
    const path = await latin1Cases(s.dir);
    const preview = await s.call('import:preview', { path });
    expect(preview.ok).toBe(true);
    expect(preview.value).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';' });
    const [table] = preview.value.tables;
    expect(table.headers).toEqual([
      'Referencia',
      'Título',
      'Tipo de caso',
      'Fecha de apertura',
      'Estado',
      'Resumen',
    ]);
    expect(table.rowCount).toBe(6);
    expect(table.sampleRows[0]).toContain('Defensora de la Montaña');
    expect(table.mapping).toEqual({
      table: 'casos',
      kind: 'cases',
      columns: {
        Referencia: 'reference',
        Título: 'title',
        'Tipo de caso': 'matterType',
        'Fecha de apertura': 'openedOn',
        Estado: 'status',
        Resumen: 'summary',
      },
    });
    const mapping = { tables: [table.mapping] };

    const dry = await s.call('import:dryRun', { path, mapping });
    expect(dry.ok).toBe(true);
    expect(dry.value.counts.cases).toEqual({ accepted: 2, refused: 4 });
    expect(dry.value.sha256).toBe(
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    );
    expect(problemsOf(dry.value)).toEqual([
      { row: 3, codes: ['openedOn:impossibleDate'] },
      { row: 4, codes: ['title:required'] },
      { row: 5, codes: ['reference:duplicateReference'] },
      { row: 6, codes: ['matterType:unknownValue'] },
    ]);
    expect(dry.value.refusals[0].problems[0]).toMatchObject({
      column: 'Fecha de apertura',
      value: '31/02/2023',
    });
    expect(dry.value.refusals[2].problems[0]).toMatchObject({ otherRow: 2 });
    expect(dry.value.refusals[3].problems[0]).toMatchObject({ value: 'Amparo indirecto' });

    const before = await inVault(s, rowCounts);
    const refused = await s.call('import:run', { path, mapping, operationId: randomUUID() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    // Only the lock and unlock around the count add audit entries.
    expect(await inVault(s, rowCounts)).toEqual({ ...before, audit_log: (before.audit_log ?? 0) + 2 });

    // The import must be of the file the user checked.
    const original = await readFile(path);
    await writeFile(
      path,
      Buffer.concat([original, Buffer.from('MC-106-23;Añadida;Petición;01/05/2023\r\n', 'latin1')]),
    );
    const changed = await s.call('import:run', {
      path,
      mapping,
      operationId: randomUUID(),
      acceptRefusals: true,
      expectedSha256: dry.value.sha256,
    });
    expect(changed).toMatchObject({ ok: false, error: { code: 'FILE_CHANGED' } });
    await writeFile(path, original);

    const run = await s.call('import:run', {
      path,
      mapping,
      operationId: randomUUID(),
      acceptRefusals: true,
      expectedSha256: dry.value.sha256,
    });
    expect(run.ok).toBe(true);
    expect(run.value).toMatchObject({ people: 0, facts: 0, refused: 4 });
    expect(run.value.cases.map((c: any) => c.reference)).toEqual(['MC-101-23', 'MC-105-23']);
    const list = await s.call('matters:list', {});
    const byRef = Object.fromEntries(list.value.items.map((m: any) => [m.reference, m]));
    expect(byRef['MC-101-23']).toMatchObject({
      title: 'Defensora de la Montaña',
      matterType: 'precautionary_measure',
      forum: 'iachr',
      status: 'granted',
      openedOn: '2023-02-05',
      classification: 'restricted',
    });
    expect(byRef['MC-105-23']).toMatchObject({
      status: 'under_study',
      openedOn: '2023-04-20',
      matterType: 'petition',
    });
    const audit = await s.call('audit:list', {});
    const actions = audit.value.items.map((e: any) => e.action);
    expect(actions.filter((a: string) => a === 'record.create')).toHaveLength(2);
    expect(actions).toContain('import');
    expect(audit.value.items.find((e: any) => e.action === 'import').details).toEqual({
      cases: 2,
      people: 0,
      facts: 0,
      refused: 4,
    });
    // Importing the same file again refuses every case: their references are now in the vault.
    const again = await s.call('import:dryRun', { path, mapping });
    expect(
      again.value.refusals
        .filter((r: any) => r.problems[0].code === 'referenceInVault')
        .map((r: any) => r.row),
    ).toEqual([2, 7]);
    await s.core.dispose();
  });

  it('sends protected fields only to the protected identity, never to previews, reports or other tables', async () => {
    const s = await setup();
    await s.call('import:run', {
      path: await latin1Cases(s.dir),
      mapping: {
        tables: (await s.call('import:preview', { path: await latin1Cases(s.dir) })).value.tables.map(
          (t: any) => t.mapping,
        ),
      },
      operationId: randomUUID(),
      acceptRefusals: true,
    });
    const path = await bomPeople(s.dir);
    const preview = await s.call('import:preview', { path });
    expect(preview.value).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    const [table] = preview.value.tables;
    expect(table.headers[0]).toBe('Seudónimo');
    expect(table.mapping).toMatchObject({
      kind: 'people',
      columns: {
        Seudónimo: 'pseudonym',
        'Nombre completo': 'legalName',
        CURP: 'idNumbers',
        Teléfono: 'phones',
        Domicilio: 'addresses',
        Caso: 'caseReference',
        Rol: 'role',
      },
    });
    expect(table.sampleRows[0]).toEqual(['A.A.Q.O.', null, null, null, null, 'MC-101-23', 'Beneficiaria']);
    const mapping = { tables: [table.mapping] };
    // A column left unmapped in a people table is not shown either; mapped to the pseudonym, it is.
    const rest = { ...table.mapping.columns };
    delete rest['Nombre completo'];
    const remapped = await s.call('import:preview', {
      path,
      mapping: { tables: [{ ...table.mapping, columns: rest }] },
    });
    expect(remapped.value.tables[0].sampleRows[0][1]).toBeNull();
    const asPseudonym = await s.call('import:preview', {
      path,
      mapping: {
        tables: [{ ...table.mapping, columns: { ...rest, Seudónimo: '', 'Nombre completo': 'pseudonym' } }],
      },
    });
    expect(asPseudonym.value.tables[0].sampleRows[0][1]).toBe(LEGAL_NAME);
    expect(asPseudonym.value.tables[0].sampleRows[0][0]).toBeNull();
    const dry = await s.call('import:dryRun', { path, mapping });
    expect(problemsOf(dry.value)).toEqual([{ row: 3, codes: ['caseReference:unknownCase'] }]);
    const run = await s.call('import:run', {
      path,
      mapping,
      operationId: randomUUID(),
      acceptRefusals: true,
    });
    expect(run.value).toMatchObject({ people: 1, refused: 1 });
    for (const payload of [preview, remapped, dry, run]) {
      for (const secret of [LEGAL_NAME, 'Quintero', CURP, PHONE, STREET, 'Juan Pérez']) {
        expect(JSON.stringify(payload)).not.toContain(secret);
      }
    }
    const people = await s.call('people:list', {});
    const person = people.value.items.find((p: any) => p.pseudonym === 'A.A.Q.O.');
    expect(person.hasIdentity).toBe(true);
    const matter = (await s.call('matters:find', { ref: 'MC-101-23' })).value;
    const parties = await s.call('parties:list', { matterId: matter.id });
    expect(parties.value).toMatchObject([
      { role: 'beneficiary', personId: person.id, displayName: 'A.A.Q.O.' },
    ]);
    const revealed = await s.call('people:reveal', { personId: person.id, reason: 'Verificar importación' });
    expect(revealed.value.identity).toMatchObject({
      legalName: LEGAL_NAME,
      idNumbers: [CURP],
      phones: [PHONE],
      addresses: [`${STREET}, Tlapa`],
    });
    const leaks = await inVault(s, (db) => {
      const found: string[] = [];
      for (const t of ['matters', 'people', 'matter_parties', 'incidents', 'audit_log', 'search_index']) {
        const rows = db.prepare(`SELECT * FROM ${t}`).all();
        if (JSON.stringify(rows).includes('Quintero') || JSON.stringify(rows).includes(CURP)) found.push(t);
      }
      const identity = db.prepare('SELECT legal_name FROM protected_identities').all();
      return { found, identity };
    });
    expect(leaks).toEqual({ found: [], identity: [{ legal_name: LEGAL_NAME }] });
    const search = await s.call('search:query', { query: 'Quintero' });
    expect(JSON.stringify(search.value)).not.toContain('A.A.Q.O.');
    await s.core.dispose();
  });

  it('reads a workbook: date cells, serial days, facts linked to cases and people in the same file', async () => {
    const s = await setup();
    const path = await workbook(s.dir);
    const preview = await s.call('import:preview', { path });
    expect(preview.value.format).toBe('xlsx');
    expect(preview.value.tables.map((t: any) => [t.name, t.mapping.kind])).toEqual([
      ['Casos', 'cases'],
      ['Personas', 'people'],
      ['Hechos', 'facts'],
    ]);
    expect(preview.value.tables[1].sampleRows[0]).toEqual(['R.G.T.', null, 'MC-201-24']);
    const mapping = { tables: preview.value.tables.map((t: any) => t.mapping) };
    // A table given a kind but no columns (its kind was just changed) gets the columns guessed for it.
    const rekinded = await s.call('import:preview', {
      path,
      mapping: { tables: [{ table: 'Hechos', kind: 'facts', columns: {} }] },
    });
    expect(rekinded.value.tables[2].mapping).toEqual(mapping.tables[2]);
    const dry = await s.call('import:dryRun', { path, mapping });
    expect(dry.value.counts).toEqual({
      cases: { accepted: 2, refused: 0 },
      people: { accepted: 1, refused: 0 },
      facts: { accepted: 2, refused: 2 },
    });
    expect(problemsOf(dry.value)).toEqual([
      { row: 3, codes: ['caseReference:unknownCase'] },
      { row: 4, codes: ['occurredOn:impossibleDate'] },
    ]);
    expect(dry.value.refusals[0]).toMatchObject({ table: 'Hechos', label: 'Auto frente a la casa' });
    const run = await s.call('import:run', {
      path,
      mapping,
      operationId: randomUUID(),
      acceptRefusals: true,
    });
    expect(run.value).toMatchObject({ people: 1, facts: 2, refused: 2 });
    // A confidential case is named by its reference only, as the case list would hide it.
    expect(run.value.cases).toMatchObject([
      { reference: 'MC-201-24', title: 'Periodistas de Veracruz', classification: 'restricted' },
      { reference: 'MC-202-24', title: '', classification: 'confidential' },
    ]);
    const first = (await s.call('matters:find', { ref: 'MC-201-24' })).value;
    const second = (await s.call('matters:find', { ref: 'MC-202-24' })).value;
    await s.call('confidential:reveal', { matterId: second.id, reason: 'Revisar la importación' });
    expect((await s.call('matters:get', { id: first.id })).value).toMatchObject({
      openedOn: '2024-01-15',
      classification: 'restricted',
    });
    expect((await s.call('matters:get', { id: second.id })).value).toMatchObject({
      openedOn: '2023-03-15',
      classification: 'confidential',
    });
    const facts = await s.call('incidents:list', { matterId: first.id });
    const person = (await s.call('people:list', {})).value.items[0];
    expect(facts.value.items).toMatchObject([
      {
        occurredOn: '2024-01-12',
        kind: 'threat',
        title: 'Mensajes intimidatorios',
        place: 'Xalapa',
        personIds: [person.id],
      },
    ]);
    await s.core.dispose();
  });

  it('writes all or nothing: a failure on the last row leaves every table as it was', async () => {
    const s = await setup();
    const path = await workbook(s.dir, { failingTitle: 'Fila que falla' });
    const mapping = {
      tables: (await s.call('import:preview', { path })).value.tables.map((t: any) => t.mapping),
    };
    const before = await inVault(s, (db) => {
      // A real database refusal part-way through the writing (after the cases, people and first fact).
      db.exec(`CREATE TRIGGER refuse_row BEFORE INSERT ON incidents WHEN NEW.title = 'Fila que falla'
               BEGIN SELECT RAISE(ABORT, 'refused by test'); END`);
      return rowCounts(db);
    });
    const run = await s.call('import:run', {
      path,
      mapping,
      operationId: randomUUID(),
      acceptRefusals: true,
    });
    expect(run.ok).toBe(false);
    const after = await inVault(s, rowCounts);
    // Locking and unlocking add their own audit entries; nothing else may change.
    expect({ ...after, audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
    expect(after.audit_log).toBe((before.audit_log ?? 0) + 2);
    expect(after.matters).toBe(0);
    await s.core.dispose();
  });

  it('can be cancelled while reading: nothing is written', async () => {
    const s = await setup();
    const path = await workbook(s.dir);
    const mapping = {
      tables: (await s.call('import:preview', { path })).value.tables.map((t: any) => t.mapping),
    };
    const progress: any[] = [];
    s.core.onEvent('import:progress' as any, (p: any) => progress.push(p));
    const operationId = randomUUID();
    const running = s.call('import:run', { path, mapping, operationId, acceptRefusals: true });
    await s.call('import:cancel', { operationId });
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(progress[0]).toMatchObject({ operationId, phase: 'reading' });
    expect((await s.call('matters:list', {})).value.total).toBe(0);
    // And an uncancelled run reports its phases up to done.
    progress.length = 0;
    await s.call('import:run', { path, mapping, operationId: randomUUID(), acceptRefusals: true });
    expect(progress.map((p) => p.phase)).toEqual(['reading', 'checking', 'writing', 'done']);
    expect(progress[2]).toMatchObject({ done: 5, total: 5 });
    await s.core.dispose();
  });

  it('refuses a mapping that names a column or field the file does not have', async () => {
    const s = await setup();
    const path = await latin1Cases(s.dir);
    const bad = await s.call('import:dryRun', {
      path,
      mapping: { tables: [{ table: 'casos', kind: 'cases', columns: { Inexistente: 'title' } }] },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const wrongField = await s.call('import:dryRun', {
      path,
      mapping: { tables: [{ table: 'casos', kind: 'cases', columns: { Título: 'legalName' } }] },
    });
    expect(wrongField).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    await s.core.dispose();
  });
});

describe('spreadsheet import and the lock', () => {
  it('stops when the vault locks during the import, leaving nothing written', async () => {
    const s = await setup();
    const path = await workbook(s.dir);
    const mapping = {
      tables: (await s.call('import:preview', { path })).value.tables.map((t: any) => t.mapping),
    };
    const running = s.call('import:run', { path, mapping, operationId: randomUUID(), acceptRefusals: true });
    await s.call('vault:lock', {});
    const outcome = await running;
    expect(outcome.ok).toBe(false);
    expect(['CANCELLED', 'VAULT_LOCKED']).toContain(outcome.error.code);
    const counts = await inVault(s, rowCounts);
    expect({ matters: counts.matters, people: counts.people, incidents: counts.incidents }).toEqual({
      matters: 0,
      people: 0,
      incidents: 0,
    });
    await s.core.dispose();
  });
});
