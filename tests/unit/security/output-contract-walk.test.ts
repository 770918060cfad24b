// Every channel of the contract, called once with valid input through the checked core: each answer must
// keep to its output schema, and a channel added to the contract without a step here fails the last check.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/contract';
import { IncidentFields } from '../../../shared/schemas/incidents';
import { NoteFields } from '../../../shared/schemas/notes';
import { EvidenceFields } from '../../../shared/schemas/evidence';
import { MatterFields } from '../../../shared/schemas/matter';
import { EMPTY_IDENTITY, OrganisationFields, PersonFields } from '../../../shared/schemas/people';
import { createCore } from '../../support/contract-check';
import { precautionaryRequest } from '../../support/fixtures';
import { jpegWithExif } from '../../support/media';
import { TEST_KDF, tempDir } from '../../support/temp';

const PASS = 'frase de contraseña larga y segura';
const NEXT = 'otra frase de contraseña larga';
type Row = { id: string; revision: number } & Record<string, unknown>;

describe('the whole contract', () => {
  it('answers every channel within its output schema', async () => {
    const work = await tempDir('amparo-walk-');
    const vaultDir = join(work, 'boveda');
    const photo = join(work, 'foto.jpg');
    await writeFile(photo, jpegWithExif({ make: 'Motorola', gps: { latitude: 17.06, longitude: -96.72 } }));
    const core = await createCore({
      configDir: join(work, 'config'),
      kdfCost: TEST_KDF,
      bundleScryptLogN: 10,
      shell: {
        chooseFolder: async () => ({ path: vaultDir }),
        chooseFiles: async () => ({ paths: [photo] }),
        mediaUrl: (ticket) => `amparo-media://evidence/${ticket}`,
      },
    });
    const walked = new Set<string>();
    /** One successful call; the checked core has already held its answer to the schema. */
    const ok = async <T = Row>(channel: string, input: unknown = {}): Promise<T> => {
      const result = await core.dispatch(channel, input);
      if (!result.ok) expect.fail(`${channel} failed: ${JSON.stringify(result.error)}`);
      walked.add(channel);
      return (result as { value: T }).value;
    };

    await ok('vault:status');
    await ok('dialog:chooseFolder', { purpose: 'create' });
    await ok('dialog:chooseFiles');
    await ok('dialog:chooseSpreadsheet');
    await ok('vault:create', { path: vaultDir, passphrase: PASS });
    await ok('settings:get');
    await ok('settings:update', { language: 'es' });
    await ok('settings:clearRecentVaults');
    await ok('session:activity');

    const matter = await ok('matters:create', precautionaryRequest());
    const updated = await ok('matters:update', {
      id: matter.id,
      revision: matter.revision,
      fields: { ...MatterFields.parse(matter), summary: 'Resumen revisado.' },
    });
    await ok('matters:get', { id: matter.id });
    await ok('matters:find', { ref: matter.id });
    await ok('matters:list');
    await ok('matters:quickFind', { query: 'a' });
    const changed = await ok('matters:changeStatus', {
      matterId: matter.id,
      revision: updated.revision,
      toStatus: 'granted',
      changedOn: '2023-08-12',
      note: 'Resolución 44/2023',
    });
    await ok('matters:statusHistory', { matterId: matter.id });

    const person = await ok('people:create', {
      pseudonym: 'A.L.Q.',
      classification: 'restricted',
      identity: { ...EMPTY_IDENTITY, legalName: 'Ana López Quintero' },
    });
    await ok('people:update', {
      id: person.id,
      revision: person.revision,
      fields: { ...PersonFields.parse(person), pseudonym: 'A.L.Q.O.' },
    });
    await ok('people:get', { id: person.id });
    await ok('people:list');
    await ok('people:reveal', { personId: person.id, reason: 'Preparar escrito de observaciones' });
    await ok('people:hide', { personId: person.id });

    const org = await ok('organisations:create', {
      name: 'Centro de Derechos Humanos de la Montaña',
      orgType: 'ngo',
      classification: 'public',
      notes: '',
    });
    await ok('organisations:update', {
      id: org.id,
      revision: org.revision,
      fields: { ...OrganisationFields.parse(org), notes: 'Acompaña el caso.' },
    });
    await ok('organisations:list');

    const party = await ok('parties:add', { matterId: matter.id, role: 'beneficiary', personId: person.id });
    await ok('parties:add', { matterId: matter.id, role: 'petitioner', organisationId: org.id });
    await ok('parties:list', { matterId: matter.id });
    await ok('people:usage', { id: person.id });
    await ok('organisations:usage', { id: org.id });

    const incident = await ok('incidents:create', {
      matterId: matter.id,
      occurredOn: '2023-05-02',
      kind: 'hacked_account',
      title: 'Hackeo de la cuenta de Facebook',
      description: '',
      place: '',
      source: '',
      classification: 'confidential',
      personIds: [person.id],
      tags: [],
    });
    await ok('incidents:update', {
      id: incident.id,
      revision: incident.revision,
      fields: { ...IncidentFields.parse(incident), place: 'Oaxaca' },
    });
    await ok('incidents:list', { matterId: matter.id });
    await ok('confidential:reveal', { matterId: matter.id, reason: 'Revisar la cronología' });

    await ok('risk:create', {
      matterId: matter.id,
      assessedOn: '2023-06-01',
      seriousness: { rating: 'extreme', reasoning: 'Amenazas de muerte reiteradas' },
      urgency: { rating: 'high', reasoning: 'Vigilancia diaria' },
      irreparableHarm: { rating: 'extreme', reasoning: 'Riesgo a la vida' },
      incidentIds: [incident.id],
    });
    await ok('risk:list', { matterId: matter.id });

    const note = await ok('notes:create', {
      matterId: matter.id,
      title: 'Reunión con la Comisión',
      body: 'Se habló de la **amenaza**.',
      classification: 'restricted',
      tags: ['estrategia'],
    });
    await ok('notes:update', {
      id: note.id,
      revision: note.revision,
      fields: { ...NoteFields.parse(note), body: 'Se habló de la amenaza y de la ampliación.' },
    });
    await ok('notes:list', { matterId: matter.id });

    const draft = {
      key: `note:new:${matter.id}`,
      matterId: matter.id,
      screen: { name: 'case', id: matter.id, place: { tab: 'notes' } },
      values: { title: 'Borrador', body: 'Sin guardar', classification: 'restricted', tags: [] },
    };
    await ok('drafts:save', draft);
    await ok('drafts:get', {});
    await ok('drafts:discard', { key: draft.key });

    await ok('search:query', { query: 'amenaza' });
    await ok('search:unlockProtected', { reason: 'Buscar a la beneficiaria por su nombre' });
    await ok('search:query', { query: 'Quintero', includeProtected: true });

    const { added } = await ok<{ added: Row[] }>('evidence:add', {
      matterId: matter.id,
      operationId: randomUUID(),
      paths: [photo],
    });
    const item = await ok('evidence:get', { id: added[0]!.id });
    await ok('evidence:cancel', { operationId: randomUUID() });
    await ok('evidence:update', {
      id: item.id,
      revision: item.revision,
      fields: { ...EvidenceFields.parse(item), title: 'Pinta en la pared' },
    });
    await ok('evidence:list', { matterId: matter.id });
    await ok('evidence:preview', { id: item.id });
    await ok('evidence:verify', { id: item.id });
    await ok('evidence:verifyAll', { matterId: matter.id });
    await ok('evidence:stripMetadata', { id: item.id });
    await ok('evidence:assignExhibit', { itemId: item.id, filing: 'Observaciones 2024' });
    await ok('evidence:exhibits', { matterId: matter.id });
    const exportDir = join(work, 'export');
    await mkdir(exportDir);
    await ok('evidence:export', { ids: [item.id], folder: exportDir, confirmed: true });

    const sheet = join(work, 'casos.csv');
    await writeFile(
      sheet,
      'Referencia;Título;Tipo;Fecha de apertura\nMC-9-24;Caso importado;Petición;05/02/2024\n',
    );
    const preview = await ok<{ tables: { mapping: unknown }[] }>('import:preview', { path: sheet });
    const mapping = { tables: preview.tables.map((t) => t.mapping) };
    await ok('import:dryRun', { path: sheet, mapping });
    await ok('import:run', { path: sheet, mapping, operationId: randomUUID() });
    await ok('import:cancel', { operationId: randomUUID() });

    // bundles and backups
    await ok('vault:identity');
    const bundle = join(work, 'caso.amparo');
    const sealed = { passphrase: 'frase del paquete' };
    await ok('bundles:export', {
      matterIds: [matter.id],
      out: bundle,
      seal: sealed,
      operationId: randomUUID(),
    });
    await ok('bundles:verify', { file: bundle, key: sealed });
    await ok('bundles:import', { file: bundle, key: sealed });
    await ok('bundles:resolve', { file: bundle, key: sealed, onConflict: 'mine' });
    await ok('bundles:cancel', { operationId: randomUUID() });
    const backups = join(work, 'respaldos');
    await mkdir(backups);
    const backup = await ok<{ path: string }>('backup:run', {
      folder: backups,
      passphrase: 'frase del respaldo',
      keep: 2,
    });
    await ok('backup:status');
    await ok('backup:setReminder', { remindAfterDays: 14 });

    await ok('matters:setArchived', { id: matter.id, archived: true });
    await ok('matters:setArchived', { id: matter.id, archived: false });
    await ok('parties:remove', { id: party.id });
    await ok('trash:delete', { entityType: 'note', entityId: note.id });
    await ok('trash:list');
    await ok('trash:restore', { entityType: 'note', entityId: note.id });
    await ok('trash:delete', { entityType: 'note', entityId: note.id });
    await ok('trash:empty');
    await ok('audit:list', { matterId: changed.id });
    await ok('audit:verify');

    await ok('vault:changePassphrase', { current: PASS, next: NEXT });
    await ok('vault:reencrypt', { passphrase: NEXT });
    await ok('vault:lock');
    await ok('vault:unlock', { path: vaultDir, passphrase: NEXT });
    await ok('backup:restore', {
      file: backup.path,
      passphrase: 'frase del respaldo',
      folder: join(work, 'restaurada'),
      vaultPassphrase: PASS,
    });
    await core.dispose();

    expect(
      CHANNELS.filter((channel) => !walked.has(channel)),
      'channels without a step',
    ).toEqual([]);
  });
});
