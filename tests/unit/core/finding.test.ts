// Finding things in a real vault: the case list's filters and its "last activity" order, the quick
// switcher's lookup (reference, title, beneficiary pseudonym; confidential cases by reference only), and
// the safe labels the audit log gives its entries.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../../electron/core';
import type { Channel } from '../../../shared/contract';
import type { AuditPage } from '../../../shared/schemas/audit';
import type { MatterFields, MatterPage, QuickFindHit } from '../../../shared/schemas/matter';
import { EMPTY_IDENTITY } from '../../../shared/schemas/people';
import { MATCH_END, MATCH_START, type SearchResult } from '../../../shared/schemas/search';
import { precautionaryRequest } from '../../support/fixtures';
import { TEST_KDF, tempDir } from '../../support/temp';

const PASS = 'frase de contraseña larga y segura';

type Core = Awaited<ReturnType<typeof createCore>>;
let core: Core;
/** Only Date is faked: the vault's file and crypto work keeps its real timers. */
const setClock = (iso: string) => vi.setSystemTime(new Date(iso));

async function call<T>(channel: Channel, input: unknown): Promise<T> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function newCase(fields: Partial<MatterFields>): Promise<string> {
  return (await call<{ id: string }>('matters:create', precautionaryRequest(fields))).id;
}

async function beneficiary(matterId: string, pseudonym: string, classification = 'restricted') {
  const person = await call<{ id: string }>('people:create', {
    pseudonym,
    classification,
    identity: { ...EMPTY_IDENTITY, legalName: 'Nombre Protegido Verdadero' },
  });
  await call('parties:add', { matterId, role: 'beneficiary', personId: person.id });
  return person.id;
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  core = await createCore({
    configDir: await tempDir('amparo-config-'),
    kdfCost: TEST_KDF,
    shell: { chooseFolder: async () => ({ path: null }) },
  });
  await call('vault:create', { path: join(await tempDir('amparo-vault-'), 'boveda'), passphrase: PASS });
});

afterEach(async () => {
  await core.dispose();
  vi.useRealTimers();
});

describe('case list filters and order', () => {
  it('filters by type, status, forum and dates, and orders by the latest change to any record', async () => {
    setClock('2026-01-10T12:00:00Z');
    const old = await newCase({ reference: 'MC-1-20', title: 'Antiguo', openedOn: '2020-02-01' });
    setClock('2026-01-11T12:00:00Z');
    const petition = await newCase({
      reference: 'P-2-21',
      title: 'Petición',
      matterType: 'petition',
      status: 'under_study',
      openedOn: '2021-05-01',
    });
    setClock('2026-01-12T12:00:00Z');
    const domestic = await newCase({
      reference: 'MX-3-22',
      title: 'Mecanismo',
      matterType: 'domestic_protection',
      forum: 'mx_protection_mechanism',
      openedOn: '2022-09-01',
    });
    const refs = (page: MatterPage) => page.items.map((m) => m.reference);

    // Newest change first; then a fact added to the oldest case brings it to the top.
    expect(refs(await call('matters:list', {}))).toEqual(['MX-3-22', 'P-2-21', 'MC-1-20']);
    setClock('2026-01-20T09:30:00Z');
    await call('incidents:create', {
      matterId: old,
      occurredOn: '2026-01-19',
      kind: 'threat',
      title: 'Llamada amenazante',
      description: '',
      place: '',
      source: '',
      classification: 'restricted',
      personIds: [],
      tags: [],
    });
    const page = await call<MatterPage>('matters:list', {});
    expect(refs(page)).toEqual(['MC-1-20', 'MX-3-22', 'P-2-21']);
    expect(page.items[0]!.lastActivityAt).toBe('2026-01-20T09:30:00.000Z');
    expect(page.items[1]!.lastActivityAt).toBe('2026-01-12T12:00:00.000Z');
    // Deleting a record is activity too.
    setClock('2026-01-21T08:00:00Z');
    await call('trash:delete', { entityType: 'matter', entityId: petition });
    await call('trash:restore', { entityType: 'matter', entityId: petition });
    expect(refs(await call('matters:list', {}))[0]).toBe('P-2-21');

    expect(refs(await call('matters:list', { matterType: 'petition' }))).toEqual(['P-2-21']);
    expect(refs(await call('matters:list', { status: 'under_study' }))).toEqual(['P-2-21']);
    expect(refs(await call('matters:list', { forum: 'mx_protection_mechanism' }))).toEqual(['MX-3-22']);
    expect(refs(await call('matters:list', { openedFrom: '2021-01-01', openedTo: '2021-12-31' }))).toEqual([
      'P-2-21',
    ]);
    expect(refs(await call('matters:list', { activeSince: '2026-01-20' }))).toEqual(['P-2-21', 'MC-1-20']);
    expect(refs(await call('matters:list', { sort: 'openedOn', direction: 'asc' }))).toEqual([
      'MC-1-20',
      'P-2-21',
      'MX-3-22',
    ]);
    expect(refs(await call('matters:list', { sort: 'title', direction: 'asc' }))).toEqual([
      'MC-1-20',
      'MX-3-22',
      'P-2-21',
    ]);
    const filtered = await call<MatterPage>('matters:list', { matterType: 'petition', status: 'draft' });
    expect(filtered).toMatchObject({ items: [], total: 0 });
    expect(domestic).toBeTruthy();
  });

  it('sorts 2,000 cases by last activity quickly', async () => {
    for (let i = 0; i < 2000; i++) {
      setClock(new Date(Date.parse('2026-02-01T00:00:00Z') + i * 1000).toISOString());
      await newCase({ reference: `MC-${i}-25`, title: `Caso ${i}` });
    }
    const started = performance.now();
    const page = await call<MatterPage>('matters:list', { sort: 'lastActivity', limit: 100 });
    const listMs = performance.now() - started;
    expect(page.total).toBe(2000);
    expect(page.items[0]!.reference).toBe('MC-1999-25');
    const t0 = performance.now();
    const found = await call<QuickFindHit[]>('matters:quickFind', { query: 'caso 1234' });
    const findMs = performance.now() - t0;
    expect(found[0]!.reference).toBe('MC-1234-25');
    console.log(
      `2,000 cases: list by last activity ${listMs.toFixed(1)} ms, quick find ${findMs.toFixed(1)} ms`,
    );
    expect(listMs).toBeLessThan(500);
    expect(findMs).toBeLessThan(500);
  }, 120_000);
});

describe('quick switcher', () => {
  it('finds a case by reference, title or beneficiary pseudonym, never by a protected name', async () => {
    const open = await newCase({ reference: 'MC-1008-19', title: 'Defensora en Guerrero' });
    const secret = await newCase({
      reference: 'MC-77-24',
      title: 'Periodista desplazada',
      classification: 'confidential',
    });
    await beneficiary(open, 'Árbol Sereno');
    await beneficiary(secret, 'Colibrí');
    const find = (query: string) => call<QuickFindHit[]>('matters:quickFind', { query });

    expect((await find('mc-1008')).map((h) => h.id)).toEqual([open]);
    expect(await find('guerrero')).toMatchObject([{ id: open, title: 'Defensora en Guerrero' }]);
    expect(await find('arbol')).toMatchObject([{ id: open, pseudonym: 'Árbol Sereno' }]);
    expect(await find('Protegido')).toEqual([]);
    // A confidential case: by reference only, with no title, and never through its people.
    expect(await find('MC-77')).toEqual([
      { id: secret, reference: 'MC-77-24', title: null, status: 'filed', archived: false, pseudonym: null },
    ]);
    expect(await find('periodista')).toEqual([]);
    expect(await find('colibri')).toEqual([]);
    await call('confidential:reveal', { matterId: secret, reason: 'revisión del expediente' });
    expect(await find('periodista')).toMatchObject([{ id: secret, title: 'Periodista desplazada' }]);
    expect(await find('colibri')).toMatchObject([{ id: secret, pseudonym: 'Colibrí' }]);
    // Nothing typed: recent cases.
    expect((await find('')).map((h) => h.id).sort()).toEqual([open, secret].sort());
  });
});

describe('search hits', () => {
  it('mark the matched words in the snippet and name the case', async () => {
    await newCase({
      reference: 'MC-1008-19',
      title: 'Defensora en Guerrero',
      summary: 'Hostigamiento constante frente a su domicilio.',
    });
    const result = await call<SearchResult>('search:query', { query: 'hostigamiento' });
    expect(result.hits).toHaveLength(1);
    expect(result.hits[0]!.snippet).toBe(
      `MC-1008-19 ${MATCH_START}Hostigamiento${MATCH_END} constante frente a su domicilio.`,
    );
    expect(result.hits[0]).toMatchObject({
      matterReference: 'MC-1008-19',
      matterTitle: 'Defensora en Guerrero',
    });
  });
});

describe('audit labels', () => {
  it('names who was revealed by pseudonym, cases by reference, and hides confidential ones', async () => {
    const open = await newCase({ reference: 'MC-1008-19' });
    const secret = await newCase({ reference: 'MC-77-24', classification: 'confidential' });
    const person = await beneficiary(open, 'Árbol Sereno');
    await call('people:reveal', { personId: person, reason: 'preparar la solicitud' });
    const page = await call<AuditPage>('audit:list', { limit: 100 });
    const reveal = page.items.find((e) => e.action === 'identity.reveal')!;
    expect(reveal).toMatchObject({ entityId: person, recordLabel: 'Árbol Sereno' });
    expect(JSON.stringify(page)).not.toContain('Nombre Protegido');
    const created = page.items.filter((e) => e.action === 'record.create' && e.entityType === 'matter');
    expect(created.map((e) => [e.entityId, e.recordLabel, e.matterLabel])).toEqual(
      expect.arrayContaining([
        [open, 'MC-1008-19', 'MC-1008-19'],
        [secret, 'confidential', 'confidential'],
      ]),
    );
    await call('confidential:reveal', { matterId: secret, reason: 'revisión' });
    const after = await call<AuditPage>('audit:list', { matterId: secret, limit: 100 });
    expect(after.items.every((e) => e.matterLabel === 'MC-77-24')).toBe(true);
  });
});
