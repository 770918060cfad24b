// A vault with one precautionary-measures case: a beneficiary with a protected identity, her sister as a
// family member, two incidents (one confidential), a report to the prosecutor, a risk assessment and one
// evidence item. Calls go through the checked core (answers held to the contract's output schemas).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { RenderableDocument } from '../../../shared/schemas/filing-render';
import { EMPTY_IDENTITY } from '../../../shared/schemas/people';
import { createCore, type Core } from '../../support/contract-check';
import { precautionaryRequest } from '../../support/fixtures';
import { TEST_KDF, tempDir } from '../../support/temp';

export const PASS = 'frase de contraseña larga y segura';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read as the renderer would, untyped
export type Wire = { ok: boolean; value?: any; error?: { code: string; leakHits?: any[]; issues?: any[] } };

/** A stand-in for the PDF/DOCX writers: the document as JSON, so a test reads exactly what would be printed. */
export const jsonWriter = async (doc: RenderableDocument): Promise<Uint8Array> =>
  new TextEncoder().encode(JSON.stringify(doc));

export interface CaseFixture {
  core: Core;
  work: string;
  vaultDir: string;
  call: (channel: string, input?: unknown) => Promise<Wire>;
  ok: (channel: string, input?: unknown) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  matterId: string;
  ana: string;
  sister: string;
  threat: string;
  hacked: string;
  report: string;
  evidenceId: string;
  evidenceSha: string;
}

/** `realWriter`: the real PDF/DOCX writers instead of the JSON stand-in (documents read back as printed). */
export async function caseWithPeople(options: { realWriter?: boolean } = {}): Promise<CaseFixture> {
  const work = await tempDir('amparo-filings-');
  const vaultDir = join(work, 'boveda');
  const photo = join(work, 'captura.png');
  await writeFile(photo, Buffer.from('captura de pantalla de la amenaza'));
  const core = await createCore({
    configDir: join(work, 'config'),
    kdfCost: TEST_KDF,
    shell: { chooseFolder: async () => ({ path: null }) },
    ...(options.realWriter ? {} : { filingWriter: jsonWriter }),
  });
  const call = async (channel: string, input: unknown = {}) => (await core.dispatch(channel, input)) as Wire;
  const ok = async (channel: string, input: unknown = {}) => {
    const r = await call(channel, input);
    if (!r.ok) expect.fail(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  await ok('vault:create', { path: vaultDir, passphrase: PASS });
  const matter = await ok('matters:create', precautionaryRequest());
  const ana = await ok('people:create', {
    pseudonym: 'A.L.Q.',
    classification: 'restricted',
    identity: {
      ...EMPTY_IDENTITY,
      legalName: 'Ana María López Quintero',
      idNumbers: ['LOQA-850312-MOC'],
      phones: ['+52 951 123 4567'],
    },
  });
  const sister = await ok('people:create', {
    pseudonym: 'B.L.Q.',
    classification: 'restricted',
    identity: { ...EMPTY_IDENTITY, legalName: 'Beatriz López Quintero' },
  });
  await ok('parties:add', { matterId: matter.id, role: 'beneficiary', personId: ana.id });
  await ok('parties:add', {
    matterId: matter.id,
    role: 'beneficiary',
    personId: sister.id,
    familyOf: ana.id,
    relationship: 'hermana',
  });
  const incident = (fields: Record<string, unknown>) =>
    ok('incidents:create', {
      matterId: matter.id,
      description: '',
      place: 'Oaxaca de Juárez',
      source: '',
      classification: 'restricted',
      personIds: [ana.id],
      tags: [],
      ...fields,
    });
  const threat = await incident({
    occurredOn: '2023-04-03',
    kind: 'threat',
    title: 'Amenaza de muerte por WhatsApp',
  });
  const hacked = await incident({
    occurredOn: '2023-05-02',
    kind: 'hacked_account',
    title: 'Hackeo de la cuenta de correo de la organización',
    classification: 'confidential',
  });
  const report = await incident({
    occurredOn: '2023-05-10',
    kind: 'report_to_authority',
    title: 'Denuncia ante la Fiscalía General del Estado',
  });
  await ok('risk:create', {
    matterId: matter.id,
    assessedOn: '2023-06-01',
    seriousness: { rating: 'extreme', reasoning: 'Amenazas de muerte reiteradas contra la defensora.' },
    urgency: { rating: 'high', reasoning: 'Vigilancia diaria frente a su domicilio.' },
    irreparableHarm: { rating: 'extreme', reasoning: 'Riesgo a la vida y a la integridad.' },
    incidentIds: [threat.id],
  });
  const added = await ok('evidence:add', {
    matterId: matter.id,
    operationId: randomUUID(),
    paths: [photo],
    fields: { title: 'Captura de la amenaza', classification: 'restricted' },
  });
  const item = added.added[0];
  return {
    core,
    work,
    vaultDir,
    call,
    ok,
    matterId: matter.id,
    ana: ana.id,
    sister: sister.id,
    threat: threat.id,
    hacked: hacked.id,
    report: report.id,
    evidenceId: item.id,
    evidenceSha: item.sha256,
  };
}

export const para = (...content: unknown[]) => ({ type: 'paragraph', content });
export const text = (t: string) => ({ type: 'text', text: t });
