// The leak guard on a real draft, its two resolutions, and generation under each redaction profile: what the
// written bytes hold (the writer here prints the composed document as JSON, so the bytes are what a PDF or
// DOCX writer would get), the record and audit entry, and the copy kept in the case.
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseWithPeople, para, text, type CaseFixture } from './setup';

async function draftNaming(c: CaseFixture, typed: string) {
  const d = await c.ok('filings:create', { matterId: c.matterId, kind: 'precautionary_request', lang: 'es' });
  const document = {
    sections: [
      {
        key: 'introduction',
        title: 'Introducción',
        doc: {
          type: 'doc',
          content: [
            para(text(typed)),
            para(
              text('La captura consta en el '),
              { type: 'exhibitRef', attrs: { evidenceId: c.evidenceId } },
              text('.'),
            ),
          ],
        },
      },
      ...d.document.sections.slice(1),
    ],
  };
  const answers = {
    ...d.answers,
    measuresRequested: 'Que el Estado adopte medidas de protección colectivas.',
  };
  return c.ok('filings:update', { id: d.id, revision: d.revision, fields: { document, answers } });
}

const bytesOf = async (
  c: CaseFixture,
  filingId: string,
  profile: string,
  extra: Record<string, unknown> = {},
) => {
  const r = await c.ok('filings:generate', { filingId, profile, format: 'pdf', ...extra });
  return { ...r, json: Buffer.from(r.dataBase64, 'base64').toString('utf8') };
};

describe('the leak guard on a draft', () => {
  it('lists a typed legal name, refuses generation, and replaces it with the pseudonym', async () => {
    const c = await caseWithPeople();
    const d = await draftNaming(
      c,
      'La defensora Ana María\nLópez Quintero fue amenazada; su teléfono 951 123 45 67.',
    );
    const leaks = await c.ok('filings:leaks', { id: d.id });
    expect(
      leaks.hits.map(
        (h: { valueKind: string; pseudonym: string; where: { sectionKey: string; block: number } }) => [
          h.valueKind,
          h.pseudonym,
          h.where.sectionKey,
          h.where.block,
        ],
      ),
    ).toEqual([
      ['legal_name', 'A.L.Q.', 'introduction', 0],
      ['phone', 'A.L.Q.', 'introduction', 0],
    ]);
    expect(leaks.hits[0].context.match).toBe('Ana María\nLópez Quintero');
    expect(leaks.unresolved).toBe(2);

    const refused = await c.call('filings:generate', {
      filingId: d.id,
      profile: 'commission',
      format: 'pdf',
    });
    expect(refused.error?.code).toBe('LEAK_GUARD');
    expect(refused.error?.leakHits?.map((h) => h.valueKind)).toEqual(['legal_name', 'phone']);
    // Where and what kind, never the value.
    expect(JSON.stringify(refused.error)).not.toMatch(/López|Quintero|951 123/);

    const fixed = await c.ok('filings:resolveLeak', {
      action: 'replace',
      filingId: d.id,
      revision: d.revision,
      hitId: leaks.hits[0].id,
    });
    expect(fixed.filing.document.sections[0].doc.content[0].content[0].text).toBe(
      'La defensora A.L.Q. fue amenazada; su teléfono 951 123 45 67.',
    );
    expect(fixed.leaks.unresolved).toBe(1);
    expect((await c.ok('filings:versions', { filingId: d.id }))[0].reason).toBe('leak_fix');

    const kept = await c.ok('filings:resolveLeak', {
      action: 'keep',
      filingId: d.id,
      revision: fixed.filing.revision,
      hitId: fixed.leaks.hits[0].id,
      reason: 'Número público de la organización',
    });
    expect(kept.leaks).toMatchObject({ unresolved: 0 });
    expect(kept.leaks.hits[0]).toMatchObject({ kept: true, keptReason: 'Número público de la organización' });
    const audit = await c.ok('audit:list', { action: 'filing.leakKept' });
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0].details).toMatchObject({
      valueKind: 'phone',
      reason: 'Número público de la organización',
    });
    expect(JSON.stringify(audit.items[0])).not.toMatch(/951 123|123 45/);

    const out = await bytesOf(c, d.id, 'commission');
    expect(out.json).toContain('A.L.Q.');
    expect(out.json).toContain('951 123 45 67');
    expect(out.json).not.toMatch(/López|Quintero/);
  });

  it('refuses a protected value that comes from the case file, not the draft', async () => {
    const c = await caseWithPeople();
    const d = await draftNaming(c, 'Sin nombres.');
    const incident = (await c.ok('incidents:list', { matterId: c.matterId })).items.find(
      (i: { id: string }) => i.id === c.threat,
    );
    await c.ok('incidents:update', {
      id: c.threat,
      revision: incident.revision,
      fields: { ...incident, title: 'Amenaza a Ana López por WhatsApp' },
    });
    const r = await c.call('filings:generate', { filingId: d.id, profile: 'commission', format: 'pdf' });
    expect(r.error?.code).toBe('LEAK_GUARD');
    expect(r.error?.leakHits?.[0]).toMatchObject({ valueKind: 'name_part', pseudonym: 'A.L.Q.' });
    // It names the record to fix: the incident whose title names her.
    expect(r.error?.leakHits?.[0].where.path).toBe(`record:incident:${c.threat}`);
    // Nothing was numbered for a refused document.
    const exhibits = await c.ok('evidence:exhibits', { matterId: c.matterId });
    expect(exhibits.filter((e: { filing: string }) => e.filing === d.exhibitList)).toEqual([]);
  });
});

describe('generation under each profile', () => {
  it('gives each recipient what its profile allows', async () => {
    const c = await caseWithPeople();
    const d = await draftNaming(c, 'La defensora fue amenazada.');
    const commission = await bytesOf(c, d.id, 'commission', { includeChart: true });
    const state = await bytesOf(c, d.id, 'state');
    const pub = await bytesOf(c, d.id, 'public');

    // Confidential incidents: the Commission sees them, the State and the public do not.
    expect(commission.json).toContain('Hackeo de la cuenta de correo');
    expect(state.json).not.toContain('Hackeo de la cuenta de correo');
    expect(pub.json).not.toContain('Hackeo de la cuenta de correo');
    for (const out of [commission, state, pub]) {
      expect(out.json).toContain('Amenaza de muerte por WhatsApp');
      expect(out.json).toContain('A.L.Q.');
      expect(out.json).toContain('B.L.Q.');
      expect(out.json).not.toMatch(/López|Quintero/);
      expect(out.json).toContain('Anexo 1');
    }
    // The exhibit index with the vault's SHA-256, except for public use.
    expect(commission.json).toContain(c.evidenceSha);
    expect(pub.json).not.toContain(c.evidenceSha);
    // The chart only when asked: April and May 2023.
    const doc = JSON.parse(commission.json);
    expect(doc.blocks.find((b: { type: string }) => b.type === 'chart').series).toEqual([
      { label: '2023-04', value: 1 },
      { label: '2023-05', value: 1 },
    ]);
    expect(JSON.parse(state.json).blocks.some((b: { type: string }) => b.type === 'chart')).toBe(false);
    expect(doc.heading).toEqual([
      'Comisión Interamericana de Derechos Humanos',
      'Ref.: MC-1008-19',
      'Asunto: Solicitud de medidas cautelares',
      expect.stringMatching(/de 20\d\d$/),
    ]);
    // Numbers stay: the same exhibit is Anexo 1 in every generation of this filing.
    const exhibits = (await c.ok('evidence:exhibits', { matterId: c.matterId })).filter(
      (e: { filing: string }) => e.filing === d.exhibitList,
    );
    expect(exhibits.map((e: { number: number; itemId: string }) => [e.number, e.itemId])).toEqual([
      [1, c.evidenceId],
    ]);
    expect(d.exhibitList).toMatch(/^Solicitud de medidas cautelares \d{4}-\d{2}-\d{2} #[0-9a-f]{8}$/);
  });

  it('prints names only where a profile edited for co-counsel says so', async () => {
    const c = await caseWithPeople();
    const d = await draftNaming(c, 'La defensora fue amenazada.');
    const profiles = await c.ok('filingProfiles:list');
    expect(profiles.map((p: { base: string }) => p.base)).toEqual([
      'commission',
      'state',
      'co_counsel',
      'public',
    ]);
    const cc = profiles.find((p: { base: string }) => p.base === 'co_counsel');
    const before = await bytesOf(c, d.id, cc.id);
    expect(before.json).not.toContain('López');
    await c.ok('filingProfiles:save', {
      id: cc.id,
      revision: cc.revision,
      name: cc.name,
      base: cc.base,
      rules: { ...cc.rules, byPerson: { [c.ana]: 'name' } },
    });
    const after = await bytesOf(c, d.id, 'co_counsel');
    expect(after.json).toContain('Ana María López Quintero');
    // The sister keeps her pseudonym: the rule named only one person.
    expect(after.json).toContain('B.L.Q.');
    expect(after.json).not.toContain('Beatriz');
    // A new profile that leaves people out altogether.
    const omit = await c.ok('filingProfiles:save', {
      name: 'Prensa',
      rules: { ...cc.rules, people: 'omit' },
    });
    const press = await bytesOf(c, d.id, omit.id);
    expect(press.json).not.toContain('{"text":"A.L.Q."}');
    expect(press.json).toContain('[persona protegida]');
    expect((await c.call('filingProfiles:delete', { id: cc.id })).error?.code).toBe('IN_USE');
    await c.ok('filingProfiles:delete', { id: omit.id });
  });

  it('writes the file, records it, audits it and keeps it in the case', async () => {
    const c = await caseWithPeople();
    const d = await draftNaming(c, 'La defensora fue amenazada.');
    const outPath = join(c.work, 'solicitud.pdf');
    const r = await c.ok('filings:generate', {
      filingId: d.id,
      profile: 'state',
      format: 'pdf',
      outPath,
      keepInCase: true,
    });
    const bytes = await readFile(outPath);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(r.dataBase64).toBeNull();
    expect(r.generation).toMatchObject({
      sha256: sha,
      size: bytes.length,
      destination: 'file',
      profileName: 'Estado',
    });
    expect(r.generation.exhibits).toEqual([
      { evidenceId: c.evidenceId, number: 1, title: 'Captura de la amenaza', sha256: c.evidenceSha },
    ]);
    const kept = await c.ok('evidence:get', { id: r.generation.evidenceId });
    expect(kept.sha256).toBe(sha);
    expect(kept.title).toContain('versión presentada');
    const audit = (await c.ok('audit:list', { action: 'filing.generate' })).items;
    expect(audit[0].details).toMatchObject({
      kind: 'precautionary_request',
      profile: 'Estado',
      sha256: sha,
      format: 'pdf',
    });
    expect(audit[0].details.exhibits).toEqual([
      { number: 1, evidenceId: c.evidenceId, sha256: c.evidenceSha },
    ]);
    expect(await c.ok('filings:generations', { filingId: d.id })).toHaveLength(1);
    // An existing file is not overwritten unless asked.
    const again = await c.call('filings:generate', {
      filingId: d.id,
      profile: 'state',
      format: 'pdf',
      outPath,
    });
    expect(again.error?.code).toBe('VALIDATION_FAILED');
  });
});
