/* eslint-disable @typescript-eslint/no-explicit-any -- results of untyped channel names are read by shape */
// Two real vaults behind the same dispatch the renderer uses, a rich case in the first (every record kind,
// schema-11 rows written as SQL where no service exists yet), and the vault's state as rows and files.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createCore, type Core } from '../../support/contract-check';
import { openVault } from '../../../electron/core/vault/vault';
import { precautionaryRequest } from '../../support/fixtures';
import { TEST_KDF, tempDir } from '../../support/temp';

export const PASS = 'frase de contraseña larga y segura';
export const BUNDLE_PASS = 'otra frase para el paquete';
export const LEGAL_NAME = 'Ana López Quintero';
/** scrypt's work factor in tests (age's default 18 takes a second per bundle). */
export const TEST_SCRYPT = 10;

export interface Side {
  core: Core;
  dir: string;
  vaultDir: string;
  call(channel: string, input?: unknown): Promise<any>;
  ok(channel: string, input?: unknown): Promise<any>;
}

/** `shared`: a folder that outlives one test (a describe's beforeAll); remove it with `dispose`. */
export async function side(name = 'boveda', shared = false): Promise<Side> {
  const dir = shared
    ? await mkdtemp(join(tmpdir(), `amparo-bundles-${name}-`))
    : await tempDir(`amparo-bundles-${name}-`);
  const vaultDir = join(dir, name);
  const core = await createCore({
    configDir: null,
    kdfCost: TEST_KDF,
    bundleScryptLogN: TEST_SCRYPT,
    shell: { chooseFolder: async () => ({ path: null }) },
    logError: (where, error) => {
      if (process.env.BUNDLE_DEBUG) console.error(where, error);
    },
  });
  const call = (channel: string, input: unknown = {}) => core.dispatch(channel, input) as Promise<any>;
  const ok = async (channel: string, input: unknown = {}) => {
    const result = await call(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  await ok('vault:create', { path: vaultDir, passphrase: PASS });
  return { core, dir, vaultDir, call, ok };
}

/** Runs SQL on the vault while the core is locked, then unlocks again. */
export async function withDb<T>(s: Side, work: (db: any) => T): Promise<T> {
  await s.ok('vault:lock');
  const vault = await openVault(s.vaultDir, PASS, { kdfCost: TEST_KDF });
  try {
    return vault.db.transaction(() => work(vault.db))();
  } finally {
    vault.close();
    await s.ok('vault:unlock', { path: s.vaultDir, passphrase: PASS });
  }
}

export interface RichCase {
  matterId: string;
  personId: string;
  items: { id: string; name: string; sha256: string; size: number }[];
}

/** A case with every record kind; attachments of the given sizes (0 bytes among them). */
export async function richCase(
  s: Side,
  sizes: number[] = [0, 1, 70_000],
  confidentialNote = false,
): Promise<RichCase> {
  const matter = await s.ok('matters:create', {
    title: 'Defensora de la Montaña',
    matterType: 'precautionary_request',
    forum: 'iachr',
    reference: 'MC-101-23',
    status: 'filed',
    openedOn: '2023-02-05',
    summary: 'Amenazas tras denunciar la tala ilegal.',
    classification: 'restricted',
  });
  const person = await s.ok('people:create', {
    pseudonym: 'A.L.Q.',
    classification: 'restricted',
    identity: {
      legalName: LEGAL_NAME,
      aliases: ['La Güera'],
      dateOfBirth: '1987-04-12',
      idNumbers: ['LOQA870412MGRPNN09'],
      phones: ['+52 744 555 0199'],
      addresses: ['Calle Morelos 12'],
      notes: 'Vive con sus hijos.',
    },
  });
  await s.ok('parties:add', { matterId: matter.id, role: 'beneficiary', personId: person.id });
  const org = await s.ok('organisations:create', {
    name: 'Centro Tlachinollan',
    orgType: 'ngo',
    classification: 'public',
    notes: '',
  });
  await s.ok('parties:add', { matterId: matter.id, role: 'petitioner', organisationId: org.id });
  const incident = await s.ok('incidents:create', {
    matterId: matter.id,
    occurredOn: '2023-05-02',
    kind: 'threat',
    title: 'Amenaza por teléfono',
    description: 'Llamada anónima.',
    place: 'Tlapa',
    source: 'Testimonio',
    classification: 'restricted',
    personIds: [person.id],
    tags: ['amenaza'],
  });
  await s.ok('risk:create', {
    matterId: matter.id,
    assessedOn: '2023-05-10',
    seriousness: { rating: 'high', reasoning: 'Amenazas de muerte.' },
    urgency: { rating: 'high', reasoning: 'Inminente.' },
    irreparableHarm: { rating: 'extreme', reasoning: 'Vida e integridad.' },
    incidentIds: [incident.id],
  });
  await s.ok('notes:create', {
    matterId: matter.id,
    title: 'Estrategia',
    body: 'Pedir ampliación.',
    classification: 'restricted',
    tags: ['plan'],
  });
  if (confidentialNote) {
    await s.ok('notes:create', {
      matterId: matter.id,
      title: 'Fuente protegida',
      body: 'Nombre de la fuente.',
      classification: 'confidential',
      tags: [],
    });
  }
  await s
    .ok('matters:changeStatus', {
      id: matter.id,
      revision: 1,
      toStatus: 'granted',
      changedOn: '2023-06-01',
      note: '',
    })
    .catch(() => undefined);
  const sources = join(s.dir, 'sources');
  await mkdir(sources, { recursive: true });
  const paths: string[] = [];
  for (const [i, size] of sizes.entries()) {
    const path = join(sources, `prueba-${i}-${size}.bin`);
    const data = Buffer.alloc(size);
    for (let at = 0; at < size; at++) data[at] = (at * 31 + i) & 0xff;
    await writeFile(path, data);
    paths.push(path);
  }
  const added = await s.ok('evidence:add', { matterId: matter.id, operationId: randomUUID(), paths });
  const items = added.added.map((item: any) => ({
    id: item.id,
    name: item.originalName,
    sha256: item.sha256,
    size: item.size,
  }));
  if (items.length > 0)
    await s.ok('evidence:assignExhibit', { itemId: items[0].id, filing: 'Solicitud inicial' });
  await withDb(s, (db) => {
    const at = '2026-11-30T10:00:00.000Z';
    const comm = randomUUID();
    db.prepare(
      `INSERT INTO communications (id, matter_id, direction, counterpart, channel, occurred_on, subject, created_at, updated_at)
       VALUES ($id, $m, 'received', 'commission', 'portal', '2023-07-01', 'Solicitud de información', $at, $at)`,
    ).run({ id: comm, m: matter.id, at });
    if (items.length > 0) {
      db.prepare(
        'INSERT INTO communication_attachments (communication_id, evidence_id, position) VALUES ($c, $e, 1)',
      ).run({ c: comm, e: items[0].id });
    }
    const deadline = randomUUID();
    db.prepare(
      `INSERT INTO deadlines (id, matter_id, communication_id, title, mode, due_date, end_time, zone, due_instant, basis, created_at, updated_at)
       VALUES ($id, $m, $c, 'Responder', 'manual', '2023-07-15', '23:59', 'America/Mexico_City', '2023-07-16T05:59:00.000Z', '[]', $at, $at)`,
    ).run({ id: deadline, m: matter.id, c: comm, at });
    db.prepare(
      `INSERT INTO deadline_events (id, deadline_id, kind, on_date, recorded_at, recorded_by) VALUES ($id, $d, 'created', '2023-07-01', $at, 'test')`,
    ).run({ id: randomUUID(), d: deadline, at });
    db.prepare(
      `INSERT INTO deadline_reminders (deadline_id, kind, due_instant, shown_at) VALUES ($d, 'overdue', 'x', $at)`,
    ).run({ d: deadline, at });
    db.prepare(
      `INSERT INTO calendar_closures (id, rule_id, kind, from_date, to_date, name, created_at) VALUES ($id, NULL, 'closure', '2023-12-20', '2024-01-05', 'Vacaciones', $at)`,
    ).run({ id: randomUUID(), at });
    const measure = randomUUID();
    db.prepare(
      `INSERT INTO protection_measures (id, matter_id, kind, status, created_at, updated_at) VALUES ($id, $m, 'panic_button', 'agreed', $at, $at)`,
    ).run({ id: measure, m: matter.id, at });
    db.prepare('INSERT INTO protection_measure_people (measure_id, person_id) VALUES ($m, $p)').run({
      m: measure,
      p: person.id,
    });
    db.prepare(
      `INSERT INTO protection_measure_status (id, measure_id, status, on_date, communication_id, recorded_at, recorded_by) VALUES ($id, $m, 'agreed', '2023-07-02', $c, $at, 'test')`,
    ).run({ id: randomUUID(), m: measure, c: comm, at });
    db.prepare(
      `INSERT INTO person_profiles (person_id, roles, gender) VALUES ($p, '["human_rights_defender"]', 'female')`,
    ).run({ p: person.id });
    if (items.length > 0) {
      db.prepare('INSERT INTO evidence_incidents (item_id, incident_id) VALUES ($e, $i)').run({
        e: items[0].id,
        i: incident.id,
      });
      db.prepare('INSERT INTO evidence_people (item_id, person_id) VALUES ($e, $p)').run({
        e: items[0].id,
        p: person.id,
      });
      // search inside the evidence: a page of extracted text and the item's extraction state
      db.prepare(
        `INSERT INTO evidence_extraction (item_id, state, pages_done, pages_total, engine, source_sha256, updated_at)
         VALUES ($e, 'done', 1, 1, 'pdfjs', $sha, $at)`,
      ).run({ e: items[0].id, sha: items[0].sha256, at });
      db.prepare(
        `INSERT INTO evidence_text (item_id, page, chunk, method, text, boxes)
         VALUES ($e, 1, 0, 'text_layer', 'Oficio de la Fiscalía sobre la denuncia', '{}')`,
      ).run({ e: items[0].id });
    }
    db.prepare(
      `INSERT INTO vault_settings (key, value, updated_at) VALUES ('inactivity.months', '6', $at)`,
    ).run({ at });
  });
  // A filing with a kept leak-guard hit and a generated document: every filing table has rows.
  const filing = await s.ok('filings:create', {
    matterId: matter.id,
    kind: 'precautionary_request',
    lang: 'es',
  });
  const typed = await s.ok('filings:update', {
    id: filing.id,
    revision: filing.revision,
    fields: {
      document: {
        sections: [
          {
            key: 'introduction',
            title: 'Introducción',
            doc: {
              type: 'doc',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: `${LEGAL_NAME} pide protección.` }] },
              ],
            },
          },
        ],
      },
    },
    explicit: true,
  });
  const leaks = await s.ok('filings:leaks', { id: filing.id });
  await s.ok('filings:resolveLeak', {
    action: 'keep',
    filingId: filing.id,
    revision: typed.revision,
    hitId: leaks.hits[0].id,
    reason: 'La beneficiaria pidió figurar con su nombre',
  });
  await s.ok('filings:generate', { filingId: filing.id, profile: 'commission', format: 'pdf' });
  // hearings: a hearing with every part and a generated binder, so every hearing table has rows.
  const hearing = await s.ok('hearings:create', {
    matterId: matter.id,
    fields: { kind: 'working_meeting', title: 'Reunión de trabajo MC-101-23', lang: 'es', ourMinutes: 15 },
  });
  const withSpeaker = await s.ok('hearings:addParticipant', {
    hearingId: hearing.id,
    fields: { side: 'ours', personId: person.id, role: 'Beneficiaria', presence: 'voice_only' },
  });
  await s.ok('hearings:addParticipant', {
    hearingId: hearing.id,
    fields: { side: 'state', name: 'Subsecretaría de Derechos Humanos' },
  });
  await s.ok('hearings:addTurn', {
    hearingId: hearing.id,
    fields: {
      participantId: withSpeaker.participants[0].id,
      topic: 'Testimonio',
      seconds: 420,
      talkingPoints: 'Las amenazas siguen.',
    },
  });
  await s.ok('hearings:setChronology', { hearingId: hearing.id, incidentIds: [incident.id] });
  if (items.length > 0)
    await s.ok('hearings:setExhibits', { hearingId: hearing.id, evidenceIds: [items[0].id] });
  await s.ok('hearings:addQuestion', {
    hearingId: hearing.id,
    fields: {
      question: 'El Estado dirá que la patrulla pasa a diario',
      answer: 'Las bitácoras dicen otra cosa',
    },
  });
  await s.ok('hearings:binder', { hearingId: hearing.id, profile: 'commission' });
  // end hearings
  return { matterId: matter.id, personId: person.id, items };
}

/** Row count of every table (FTS content shadow tables too) and the hash of every file under the vault. */
export async function snapshot(
  s: Side,
): Promise<{ rows: Record<string, number>; files: Record<string, string> }> {
  const rows = await withDb(s, (db) => {
    const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as {
      name: string;
    }[];
    // The audit log without the lock and unlock entries this snapshot itself causes.
    const count = (name: string) =>
      name === 'audit_log'
        ? `SELECT count(*) AS n FROM audit_log WHERE action NOT IN ('vault.lock', 'vault.unlock')`
        : `SELECT count(*) AS n FROM "${name}"`;
    // A full-text index's segment rows (`_data`, `_idx`) follow the app's own background merging, not
    // what the vault holds; its `_content` and `_docsize` rows (one per indexed row) are counted.
    const fts = new Set(
      (
        db
          .prepare(`SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%'`)
          .all() as {
          name: string;
        }[]
      ).flatMap(({ name }) => [`${name}_data`, `${name}_idx`]),
    );
    return Object.fromEntries(
      names
        .filter(({ name }) => !fts.has(name))
        .map(({ name }) => [name, Number((db.prepare(count(name)).get() as any).n)]),
    );
  });
  const files: Record<string, string> = {};
  const walk = async (dir: string, rel: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      // Unfinished incoming files are not the vault's (undecryptable, removed at a later unlock).
      if (entry.name === '.incoming') continue;
      if (entry.isDirectory()) await walk(path, name);
      else
        files[name] = createHash('sha256')
          .update(await readFile(path))
          .digest('hex');
    }
  };
  // The evidence files; the database's own files change with every open (its WAL), its rows are counted.
  await walk(join(s.vaultDir, 'blobs'), 'blobs');
  return { rows, files };
}

export function expectError(result: any, code: string): void {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  expect(result.error.code).toBe(code);
}

export async function dispose(...sides: Side[]): Promise<void> {
  for (const s of sides) {
    await s.core.dispose();
    await rm(s.dir, { recursive: true, force: true });
  }
}

/** A case in `a` holding these files as evidence, added as the app adds them. */
export async function caseWithFiles(
  a: Side,
  title: string,
  paths: string[],
): Promise<{ matter: any; added: any }> {
  const matter = await a.ok('matters:create', precautionaryRequest({ title }));
  const added = await a.ok('evidence:add', { matterId: matter.id, operationId: randomUUID(), paths });
  return { matter, added };
}

/**
 * The case exported from `a` to a passphrase bundle at `out` and imported into `b` (its signer
 * confirmed), as the dialogs do; with how long each half took.
 */
export async function carry(
  a: Side,
  b: Side,
  matterId: string,
  out: string,
): Promise<{ imported: any; exportMs: number; importMs: number }> {
  const t0 = Date.now();
  await a.ok('bundles:export', { matterIds: [matterId], out, seal: { passphrase: 'paquete' } });
  const t1 = Date.now();
  const { fingerprint } = await a.ok('vault:identity');
  const imported = await b.ok('bundles:import', {
    file: out,
    key: { passphrase: 'paquete' },
    confirmSigner: fingerprint,
  });
  return { imported, exportMs: t1 - t0, importMs: Date.now() - t1 };
}
