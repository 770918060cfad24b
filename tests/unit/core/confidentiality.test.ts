// The confidentiality workflow through the same dispatch the renderer uses: protected identities never
// appear in a payload unless revealed, every reveal is logged, confidential items stay out of lists and
// search, and the audit log's hash chain exposes tampering.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../support/contract-check';
import { openVault } from '../../../electron/core/vault/vault';
import { vaultContext } from '../../../electron/core/services/vault-context';
import { precautionaryRequest } from '../../support/fixtures';
import { TEST_KDF, tempDir } from '../../support/temp';

const PASS = 'frase de contraseña larga y segura';
const IDENTITY = {
  legalName: 'Ana López Quintero',
  aliases: ['La Güera'],
  dateOfBirth: '1987-04-12',
  idNumbers: ['LOQA870412MGRPNN09'],
  phones: ['+52 744 555 0199'],
  addresses: ['Calle Morelos 12, Chilpancingo, Guerrero'],
  notes: 'Vive con sus dos hijos.',
};
const SECRETS = [
  'López',
  'Lopez',
  'Quintero',
  'Güera',
  'LOQA870412',
  '555 0199',
  'Morelos',
  'Chilpancingo',
  '1987-04-12',
  'dos hijos',
];

type Ok<T = Record<string, unknown>> = { ok: true; value: T };

async function setup(): Promise<{
  core: Core;
  vaultDir: string;
  payloads: string[];
  call: (ch: string, input?: unknown) => Promise<unknown>;
}> {
  const vaultDir = join(await tempDir(), 'boveda');
  const core = await createCore({
    configDir: await tempDir(),
    kdfCost: TEST_KDF,
    shell: { chooseFolder: async () => ({ path: null }) },
    logError: (where, error) => console.error(where, error),
  });
  const payloads: string[] = [];
  // Every response is recorded exactly as the renderer would receive it.
  const call = async (channel: string, input: unknown = {}) => {
    const result = await core.dispatch(channel, input);
    payloads.push(JSON.stringify(result));
    return result;
  };
  await call('vault:create', { path: vaultDir, passphrase: PASS });
  return { core, vaultDir, payloads, call };
}

function leaked(payloads: string[]): string[] {
  return SECRETS.filter((secret) => payloads.some((p) => p.includes(secret)));
}

describe('protected identities', () => {
  it('never reach a payload unless revealed; a reveal is logged with its reason and ends at lock', async () => {
    const { core, vaultDir, payloads, call } = await setup();
    const matter = (await call('matters:create', precautionaryRequest())) as Ok<{ id: string }>;
    const person = (await call('people:create', {
      pseudonym: 'A.L.Q.',
      classification: 'restricted',
      identity: IDENTITY,
    })) as Ok<{
      id: string;
      hasIdentity: boolean;
    }>;
    expect(person.value.hasIdentity).toBe(true);
    const personId = person.value.id;
    await call('parties:add', { matterId: matter.value.id, role: 'beneficiary', personId });
    const sister = (await call('people:create', {
      pseudonym: 'A.A.Q.O.',
      classification: 'restricted',
    })) as Ok<{ id: string }>;
    await call('parties:add', {
      matterId: matter.value.id,
      role: 'beneficiary',
      personId: sister.value.id,
      familyOf: personId,
      relationship: 'hermana',
    });
    await call('incidents:create', {
      matterId: matter.value.id,
      occurredOn: '2023-05-02',
      kind: 'hacked_account',
      title: 'Hackeo de la cuenta de Facebook',
      description: 'Publicaron su ubicación.',
      place: 'Guerrero',
      source: 'Testimonio directo',
      classification: 'restricted',
      personIds: [personId],
      tags: ['digital'],
    });

    // Everything the case view, lists and search would load.
    await call('matters:list', {});
    await call('matters:get', { id: matter.value.id });
    await call('parties:list', { matterId: matter.value.id });
    await call('people:list', {});
    await call('people:get', { id: personId });
    await call('people:usage', { id: personId });
    await call('incidents:list', { matterId: matter.value.id });
    await call('search:query', { query: 'Ana' });
    await call('search:query', { query: 'hackeo' });
    await call('audit:list', {});
    await call('trash:list', {});
    expect(await call('search:query', { query: 'Quintero', includeProtected: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFIDENTIAL' },
    });
    expect(leaked(payloads)).toEqual([]);

    expect(await call('people:reveal', { personId, reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    const revealed = await call('people:reveal', { personId, reason: 'Preparar escrito de observaciones' });
    expect(revealed).toMatchObject({
      ok: true,
      value: { personId, identity: { legalName: 'Ana López Quintero' } },
    });

    const log = (await call('audit:list', { action: 'identity.reveal' })) as Ok<{
      items: { entityId: string; details: { reason: string } }[];
    }>;
    expect(log.value.items).toEqual([
      expect.objectContaining({
        entityId: personId,
        details: { reason: 'Preparar escrito de observaciones' },
      }),
    ]);

    // Editing the identity needs an active reveal; the log names changed fields, not values.
    const before = (await call('people:get', { id: personId })) as Ok<{ revision: number }>;
    await call('people:update', {
      id: personId,
      revision: before.value.revision,
      fields: { pseudonym: 'A.L.Q.', classification: 'restricted' },
      identity: { ...IDENTITY, phones: ['+52 744 555 0200'] },
    });
    const updates = (await call('audit:list', { action: 'record.update' })) as Ok<{
      items: { details: unknown }[];
    }>;
    expect(JSON.stringify(updates.value.items)).toContain('identity.phones');
    expect(JSON.stringify(updates.value.items)).not.toContain('0200');

    await call('vault:lock', {});
    await call('vault:unlock', { path: vaultDir, passphrase: PASS });
    const after = (await call('people:get', { id: personId })) as Ok<{ revision: number }>;
    expect(
      await call('people:update', {
        id: personId,
        revision: after.value.revision,
        fields: { pseudonym: 'A.L.Q.', classification: 'restricted' },
        identity: IDENTITY,
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFIDENTIAL' } });
    await core.dispose();
  });

  it('finds a person by protected fields only after unlocking protected search, and logs those searches', async () => {
    const { core, payloads, call } = await setup();
    const person = (await call('people:create', {
      pseudonym: 'A.L.Q.',
      classification: 'restricted',
      identity: IDENTITY,
    })) as Ok<{ id: string }>;
    expect(await call('search:query', { query: 'lopez' })).toMatchObject({ ok: true, value: { hits: [] } });
    expect(
      await call('search:unlockProtected', { reason: 'Buscar a la beneficiaria por su nombre' }),
    ).toMatchObject({ ok: true });
    const found = (await call('search:query', { query: 'lopez quintero', includeProtected: true })) as Ok<{
      hits: unknown[];
    }>;
    expect(found.value.hits).toEqual([
      expect.objectContaining({
        entityType: 'person',
        entityId: person.value.id,
        title: 'A.L.Q.',
        viaProtected: true,
        snippet: '',
      }),
    ]);
    const searches = (await call('audit:list', { action: 'search.protected' })) as Ok<{
      items: { details: Record<string, unknown> }[];
    }>;
    expect(searches.value.items.map((e) => e.details)).toEqual([
      { matches: 1 },
      { unlocked: true, reason: 'Buscar a la beneficiaria por su nombre' },
    ]);
    expect(leaked(payloads)).toEqual([]);
    await core.dispose();
  });

  it('asks before deleting a person with roles, keeps deletes restorable, and purges on empty', async () => {
    const { core, call } = await setup();
    const matter = (await call('matters:create', precautionaryRequest())) as Ok<{ id: string }>;
    const person = (await call('people:create', {
      pseudonym: 'A.L.Q.',
      classification: 'restricted',
      identity: IDENTITY,
    })) as Ok<{ id: string }>;
    await call('parties:add', { matterId: matter.value.id, role: 'beneficiary', personId: person.value.id });
    const usage = await call('people:usage', { id: person.value.id });
    expect(usage).toMatchObject({
      ok: true,
      value: { roles: [{ matterId: matter.value.id, role: 'beneficiary' }] },
    });
    const org = (await call('organisations:create', {
      name: 'Centro de Derechos Humanos de la Montaña',
      orgType: 'ngo',
      classification: 'public',
      notes: '',
    })) as Ok<{ id: string }>;
    await call('parties:add', {
      matterId: matter.value.id,
      role: 'representative',
      organisationId: org.value.id,
    });
    expect(await call('organisations:usage', { id: org.value.id })).toMatchObject({
      ok: true,
      value: { roles: [{ matterId: matter.value.id, role: 'representative' }], incidents: 0 },
    });
    expect(await call('trash:delete', { entityType: 'organisation', entityId: org.value.id })).toMatchObject({
      ok: false,
      error: { code: 'IN_USE' },
    });
    expect(await call('trash:delete', { entityType: 'person', entityId: person.value.id })).toMatchObject({
      ok: false,
      error: { code: 'IN_USE' },
    });
    expect(
      await call('trash:delete', { entityType: 'person', entityId: person.value.id, confirmInUse: true }),
    ).toMatchObject({ ok: true });
    expect(await call('parties:list', { matterId: matter.value.id })).toMatchObject({
      ok: true,
      value: [{ role: 'representative' }],
    });
    expect(await call('trash:list', {})).toMatchObject({
      ok: true,
      value: [{ entityType: 'person', label: 'A.L.Q.' }],
    });
    await call('trash:restore', { entityType: 'person', entityId: person.value.id });
    expect(await call('parties:list', { matterId: matter.value.id })).toMatchObject({
      ok: true,
      value: [{ displayName: 'A.L.Q.' }, { role: 'representative' }],
    });

    await call('trash:delete', { entityType: 'matter', entityId: matter.value.id });
    expect(await call('matters:list', {})).toMatchObject({ ok: true, value: { total: 0 } });
    expect(await call('trash:empty', {})).toEqual({ ok: true, value: { purged: 1 } });
    expect(await call('matters:get', { id: matter.value.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await call('audit:verify', {})).toMatchObject({ ok: true, value: { ok: true } });
    await core.dispose();
  });
});

describe('classification and search', () => {
  it('folds accents, and keeps confidential records out of lists and search until revealed', async () => {
    const { core, call } = await setup();
    const open = (await call(
      'matters:create',
      precautionaryRequest({ title: 'Agresión a defensor en Oaxaca' }),
    )) as Ok<{ id: string }>;
    const secret = (await call(
      'matters:create',
      precautionaryRequest({ title: 'Agresión a testigo protegido', classification: 'confidential' }),
    )) as Ok<{ id: string }>;
    await call('incidents:create', {
      matterId: open.value.id,
      occurredOn: '2024-01-09',
      kind: 'threat',
      title: 'Amenaza de muerte por teléfono',
      description: '',
      place: '',
      source: '',
      classification: 'confidential',
      personIds: [],
      tags: [],
    });
    await call('notes:create', {
      matterId: open.value.id,
      title: 'Reunión con la Comisión',
      body: 'Se habló de la amenaza.',
      classification: 'restricted',
      tags: ['cidh'],
    });

    expect(await call('matters:list', {})).toMatchObject({
      ok: true,
      value: { total: 1, hiddenConfidential: 1 },
    });
    expect(await call('matters:get', { id: secret.value.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFIDENTIAL' },
    });
    const search = (await call('search:query', { query: 'agresion' })) as Ok<{
      hits: { entityId: string }[];
      hiddenConfidential: number;
    }>;
    expect(search.value.hits.map((h) => h.entityId)).toEqual([open.value.id]);
    expect(search.value.hiddenConfidential).toBe(1);
    expect(await call('incidents:list', { matterId: open.value.id })).toMatchObject({
      ok: true,
      value: { items: [], hiddenConfidential: 1 },
    });
    const threat = (await call('search:query', { query: 'AMENAZA' })) as Ok<{
      hits: { entityType: string }[];
      hiddenConfidential: number;
    }>;
    // The note and the matter's summary ("amenazas") match; the confidential incident does not show.
    expect(threat.value.hits.map((h) => h.entityType).sort()).toEqual(['matter', 'note']);
    expect(threat.value.hiddenConfidential).toBe(2); // the confidential incident and matter

    await call('confidential:reveal', { matterId: open.value.id, reason: 'Preparar informe de seguimiento' });
    expect(await call('incidents:list', { matterId: open.value.id })).toMatchObject({
      ok: true,
      value: { items: [{ kind: 'threat' }], hiddenConfidential: 0 },
    });
    await call('confidential:reveal', { reason: 'Revisar todos los casos' });
    expect(await call('matters:list', { query: 'agresion' })).toMatchObject({
      ok: true,
      value: { total: 2, hiddenConfidential: 0 },
    });
    expect(await call('audit:list', { action: 'confidential.reveal' })).toMatchObject({
      ok: true,
      value: { total: 2 },
    });
    // Search syntax typed by the user is taken literally.
    expect(await call('search:query', { query: 'agresion" OR "x' })).toMatchObject({ ok: true });
    await core.dispose();
  });

  it('keeps the status history with dates and who changed it', async () => {
    const { core, call } = await setup();
    await call('settings:update', { userName: 'Lic. Rosa Méndez' });
    const m = (await call('matters:create', precautionaryRequest({ status: 'filed' }))) as Ok<{
      id: string;
      revision: number;
    }>;
    await call('matters:changeStatus', {
      matterId: m.value.id,
      revision: m.value.revision,
      toStatus: 'granted',
      changedOn: '2023-08-12',
      note: 'Resolución 44/2023',
    });
    const history = (await call('matters:statusHistory', { matterId: m.value.id })) as Ok<unknown[]>;
    expect(history.value).toEqual([
      expect.objectContaining({
        fromStatus: null,
        toStatus: 'filed',
        changedOn: '2023-03-14',
        actor: 'Lic. Rosa Méndez',
      }),
      expect.objectContaining({
        fromStatus: 'filed',
        toStatus: 'granted',
        changedOn: '2023-08-12',
        note: 'Resolución 44/2023',
      }),
    ]);
    const risk = await call('risk:create', {
      matterId: m.value.id,
      assessedOn: '2023-06-01',
      seriousness: { rating: 'extreme', reasoning: 'Amenazas de muerte reiteradas' },
      urgency: { rating: 'high', reasoning: 'Vigilancia diaria' },
      irreparableHarm: { rating: 'extreme', reasoning: 'Riesgo a la vida' },
      incidentIds: [],
    });
    expect(risk).toMatchObject({
      ok: true,
      value: { actor: 'Lic. Rosa Méndez', seriousness: { rating: 'extreme' } },
    });
    await core.dispose();
  });
});

describe('audit log hash chain', () => {
  async function vaultWithLog(): Promise<string> {
    const { core, vaultDir, call } = await setup();
    const m = (await call('matters:create', precautionaryRequest())) as Ok<{ id: string }>;
    const p = (await call('people:create', {
      pseudonym: 'A.L.Q.',
      classification: 'restricted',
      identity: IDENTITY,
    })) as Ok<{ id: string }>;
    await call('people:reveal', { personId: p.value.id, reason: 'Verificar datos de contacto' });
    await call('matters:setArchived', { id: m.value.id, archived: true });
    expect(await call('audit:verify', {})).toMatchObject({ ok: true, value: { ok: true, brokenAt: null } });
    await core.dispose();
    return vaultDir;
  }

  async function tamper(vaultDir: string, sql: string): Promise<unknown> {
    const vault = await openVault(vaultDir, PASS, { kdfCost: TEST_KDF });
    vault.db.exec(sql);
    const result = vaultContext(vault, () => 'x').audit.verify();
    vault.close();
    return result;
  }

  it('detects an edited entry', async () => {
    const dir = await vaultWithLog();
    expect(
      await tamper(
        dir,
        `UPDATE audit_log SET details = '{"reason":"otra cosa"}' WHERE action = 'identity.reveal'`,
      ),
    ).toMatchObject({
      ok: false,
      problem: 'edited',
    });
  });

  it('detects a deleted entry', async () => {
    const dir = await vaultWithLog();
    expect(await tamper(dir, `DELETE FROM audit_log WHERE action = 'identity.reveal'`)).toMatchObject({
      ok: false,
      problem: 'missing',
    });
  });

  it('detects reordered entries', async () => {
    const dir = await vaultWithLog();
    const result = await tamper(
      dir,
      `UPDATE audit_log SET seq = -1 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = -1;`,
    );
    expect(result).toMatchObject({ ok: false, brokenAt: 2, problem: 'reordered' });
  });

  it('detects entries cut off the end', async () => {
    const dir = await vaultWithLog();
    expect(
      await tamper(dir, `DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)`),
    ).toMatchObject({ ok: false, problem: 'truncated' });
  });
});
