// A person's profile (roles for the differentiated approach, gender) in a real vault: stored, filtered on,
// withheld while confidential, and audited by field name only — its values never reach the audit log.
import { describe, expect, it } from 'vitest';
import type { PeopleList, Person } from '../../../shared/schemas/people';
import { PASS, call, setupEvidence } from '../evidence/evidence-setup';

const names = (list: PeopleList) => list.items.map((p) => p.pseudonym).sort();

describe('person profiles', () => {
  it('are stored, filter the people list, and stay out of the audit log', async () => {
    const s = await setupEvidence();
    const periodista = await call<Person>(s.core, 'people:create', {
      pseudonym: 'R.M.G.',
      classification: 'restricted',
      profile: {
        roles: ['journalist', 'human_rights_defender'],
        otherRole: '',
        gender: 'woman',
        genderDescription: '',
        classification: 'restricted',
      },
    });
    expect(periodista.profile).toEqual({
      roles: ['journalist', 'human_rights_defender'],
      otherRole: '',
      gender: 'woman',
      genderDescription: '',
      classification: 'restricted',
    });
    await call<Person>(s.core, 'people:create', {
      pseudonym: 'J.L.T.',
      classification: 'restricted',
      profile: {
        roles: ['migrant', 'other'],
        otherRole: 'Solicitante de asilo',
        gender: 'self_described',
        genderDescription: 'muxe',
        classification: 'restricted',
      },
    });
    const sinPerfil = await call<Person>(s.core, 'people:create', {
      pseudonym: 'A.B.C.',
      classification: 'restricted',
    });
    expect([sinPerfil.profile, sinPerfil.profileWithheld]).toEqual([null, false]);

    const list = (input: object) => call<PeopleList>(s.core, 'people:list', input);
    expect(names(await list({}))).toEqual(['A.B.C.', 'J.L.T.', 'R.M.G.']);
    expect(names(await list({ roles: ['journalist'] }))).toEqual(['R.M.G.']);
    expect(names(await list({ roles: ['journalist', 'migrant'] }))).toEqual([]);
    expect(names(await list({ gender: 'self_described' }))).toEqual(['J.L.T.']);
    expect((await list({ roles: ['migrant'] })).items[0]!.profile).toMatchObject({
      otherRole: 'Solicitante de asilo',
      genderDescription: 'muxe',
    });

    // A description is dropped with the choice it describes.
    const updated = await call<Person>(s.core, 'people:update', {
      id: periodista.id,
      revision: periodista.revision,
      fields: { pseudonym: 'R.M.G.', classification: 'restricted' },
      profile: {
        roles: ['journalist'],
        otherRole: 'no aplica',
        gender: 'prefer_not_to_say',
        genderDescription: 'no aplica',
        classification: 'restricted',
      },
    });
    expect(updated.profile).toEqual({
      roles: ['journalist'],
      otherRole: '',
      gender: 'prefer_not_to_say',
      genderDescription: '',
      classification: 'restricted',
    });
    // Updating without a profile leaves it as it is.
    const renamed = await call<Person>(s.core, 'people:update', {
      id: periodista.id,
      revision: updated.revision,
      fields: { pseudonym: 'R.M.G.2', classification: 'restricted' },
    });
    expect(renamed.profile).toEqual(updated.profile);

    const audit = await call<{ items: { action: string; entityId: string | null; details: object }[] }>(
      s.core,
      'audit:list',
      { limit: 500 },
    );
    const text = JSON.stringify(audit.items);
    for (const value of ['journalist', 'migrant', 'woman', 'muxe', 'Solicitante', 'prefer_not_to_say'])
      expect(text, value).not.toContain(value);
    const updates = audit.items.filter((e) => e.action === 'record.update' && e.entityId === periodista.id);
    expect(updates.map((e) => (e.details as { profileFields?: string[] }).profileFields).sort()).toEqual([
      [],
      ['profile.roles', 'profile.gender'],
    ]);
    await s.core.dispose();
  });

  it('withholds a confidential profile, which then matches no filter, until revealed', async () => {
    const s = await setupEvidence();
    const person = await call<Person>(s.core, 'people:create', {
      pseudonym: 'N.N.',
      classification: 'restricted',
      profile: {
        roles: ['trafficking_survivor', 'child'],
        otherRole: '',
        gender: 'woman',
        genderDescription: '',
        classification: 'confidential',
      },
    });
    expect([person.profile, person.profileWithheld]).toEqual([null, true]);
    expect(names(await call<PeopleList>(s.core, 'people:list', { roles: ['child'] }))).toEqual([]);
    expect(
      await s.core.dispatch('people:update', {
        id: person.id,
        revision: person.revision,
        fields: { pseudonym: 'N.N.', classification: 'restricted' },
        profile: { roles: [], otherRole: '', gender: null, genderDescription: '', classification: 'public' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFIDENTIAL' } });

    await call(s.core, 'confidential:reveal', { reason: 'preparar la petición' });
    const revealed = await call<Person>(s.core, 'people:get', { id: person.id });
    expect(revealed.profile?.roles).toEqual(['trafficking_survivor', 'child']);
    expect(names(await call<PeopleList>(s.core, 'people:list', { roles: ['child'] }))).toEqual(['N.N.']);
    await s.core.dispose();
  });

  it('survive locking and reopening the vault file', async () => {
    const s = await setupEvidence();
    await call<Person>(s.core, 'people:create', {
      pseudonym: 'D.D.',
      classification: 'public',
      profile: {
        roles: ['indigenous', 'disability'],
        otherRole: '',
        gender: 'man',
        genderDescription: '',
        classification: 'public',
      },
    });
    await call(s.core, 'vault:lock');
    await call(s.core, 'vault:unlock', { path: s.vaultDir, passphrase: PASS });
    const list = await call<PeopleList>(s.core, 'people:list', { roles: ['disability'] });
    expect(list.items.map((p) => [p.pseudonym, p.profile?.gender])).toEqual([['D.D.', 'man']]);
    await s.core.dispose();
  });
});
