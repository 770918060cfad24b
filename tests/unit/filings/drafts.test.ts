// Drafts in a real vault: pre-filled from the case file by id (no protected value copied in), autosaved with
// optimistic locking, versioned (autosaves coalesce, explicit saves and restores add versions).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseWithPeople, para, text } from './setup';

describe('a precautionary-measures draft', () => {
  it('is pre-filled from the case file, with ids and pseudonyms only', async () => {
    const c = await caseWithPeople();
    const draft = await c.ok('filings:create', {
      matterId: c.matterId,
      kind: 'precautionary_request',
      lang: 'es',
    });
    expect(draft.answers.beneficiaryIds).toEqual([c.ana, c.sister]);
    expect(draft.answers.groups).toEqual([
      { name: 'Núcleo familiar de A.L.Q.', description: '', memberIds: [c.ana, c.sister] },
    ]);
    expect(draft.answers.chronologyIncidentIds).toEqual([c.threat, c.hacked]);
    expect(draft.answers.authorityIncidentIds).toEqual([c.report]);
    expect(draft.answers.reportedToAuthorities).toBe(true);
    expect(draft.answers.seriousness).toBe('Amenazas de muerte reiteradas contra la defensora.');
    expect(draft.title).toBe('Solicitud de medidas cautelares — MC-1008-19');
    expect(draft.document.sections.map((s: { key: string }) => s.key)).toEqual([
      'introduction',
      'facts',
      'request',
    ]);
    expect(draft.version).toBe(1);
    expect(JSON.stringify(draft)).not.toMatch(/López|Quintero|LOQA/);

    const english = await c.ok('filings:create', { matterId: c.matterId, kind: 'petition', lang: 'en' });
    expect(english.lang).toBe('en');
    expect(english.answers.state).toBe('MX');
    expect(english.answers.victimIds).toEqual([c.ana, c.sister]);
    expect(english.answers.facts.map((f: { date: string }) => f.date)).toEqual(['2023-04-03', '2023-05-02']);
    expect(
      (await c.ok('filings:list', { matterId: c.matterId })).map((f: { id: string }) => f.id).sort(),
    ).toEqual([draft.id, english.id].sort());
  });

  it('autosaves with the revision seen, coalesces autosaves, and restores an old version as a new one', async () => {
    const c = await caseWithPeople();
    const d0 = await c.ok('filings:create', {
      matterId: c.matterId,
      kind: 'precautionary_request',
      lang: 'es',
    });
    const sections = (t: string) => ({
      sections: [
        { key: 'introduction', title: 'Introducción', doc: { type: 'doc', content: [para(text(t))] } },
      ],
    });
    const d1 = await c.ok('filings:update', {
      id: d0.id,
      revision: d0.revision,
      fields: { document: sections('Primer borrador') },
    });
    const d2 = await c.ok('filings:update', {
      id: d0.id,
      revision: d1.revision,
      fields: { document: sections('Segundo borrador') },
    });
    // Two autosaves within minutes: one version after the first.
    expect(d2.version).toBe(2);
    expect(
      (await c.call('filings:update', { id: d0.id, revision: d1.revision, fields: { title: 'x' } })).error
        ?.code,
    ).toBe('CONFLICT');
    const d3 = await c.ok('filings:update', {
      id: d0.id,
      revision: d2.revision,
      fields: { document: sections('Versión revisada') },
      explicit: true,
    });
    expect(d3.version).toBe(3);
    // Saving the same content again makes no version.
    const same = await c.ok('filings:update', {
      id: d0.id,
      revision: d3.revision,
      fields: { document: sections('Versión revisada') },
    });
    expect(same.version).toBe(3);

    const versions = await c.ok('filings:versions', { filingId: d0.id });
    expect(versions.map((v: { version: number; reason: string }) => [v.version, v.reason])).toEqual([
      [3, 'explicit'],
      [2, 'autosave'],
      [1, 'create'],
    ]);
    const v2 = await c.ok('filings:version', { filingId: d0.id, version: 2 });
    expect(v2.document.sections[0].doc.content[0].content[0].text).toBe('Segundo borrador');

    const restored = await c.ok('filings:restoreVersion', {
      filingId: d0.id,
      version: 2,
      revision: same.revision,
    });
    expect(restored.version).toBe(4);
    expect(restored.document.sections[0].doc.content[0].content[0].text).toBe('Segundo borrador');
    const after = await c.ok('filings:versions', { filingId: d0.id });
    expect(after[0]).toMatchObject({ version: 4, reason: 'restore', restoredFrom: 2 });
    expect(after).toHaveLength(4);

    // Leaving and coming back: the draft is in the vault, encrypted.
    await c.ok('vault:lock');
    for (const file of (await readdir(c.vaultDir)).filter((n) => /^vault-\d+\.db/.test(n)))
      expect((await readFile(join(c.vaultDir, file))).includes(Buffer.from('Segundo borrador'))).toBe(false);
    await c.ok('vault:unlock', { path: c.vaultDir, passphrase: 'frase de contraseña larga y segura' });
    expect(
      (await c.ok('filings:get', { id: d0.id })).document.sections[0].doc.content[0].content[0].text,
    ).toBe('Segundo borrador');
  });

  it('refuses answers of another kind', async () => {
    const c = await caseWithPeople();
    const d = await c.ok('filings:create', { matterId: c.matterId, kind: 'observations', lang: 'es' });
    const petition = await c.ok('filings:create', { matterId: c.matterId, kind: 'petition', lang: 'es' });
    const r = await c.call('filings:update', {
      id: d.id,
      revision: d.revision,
      fields: { answers: petition.answers },
    });
    expect(r.error?.code).toBe('VALIDATION_FAILED');
  });
});
