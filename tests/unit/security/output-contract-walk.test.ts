// Every channel of the contract, called once with valid input through the checked core: each answer must
// keep to its output schema, and a channel added to the contract without a step here fails the last check.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/contract';
import { IncidentFields } from '../../../shared/schemas/incidents';
import { NoteFields } from '../../../shared/schemas/notes';
import { MeasureFields } from '../../../shared/schemas/protection-measures';
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
      // filings: the document as JSON stands in for the PDF/DOCX writers
      filingWriter: async (doc) => new TextEncoder().encode(JSON.stringify(doc)),
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
    await ok('dialog:chooseBundle');
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

    // follow-up: deadlines
    await ok('deadlines:rules');
    const courtDate = {
      mode: 'rule',
      ruleId: 'iacthr-court',
      trigger: { date: '2026-03-05' },
      period: { unit: 'days', amount: 9 },
    };
    await ok('deadlines:preview', { date: courtDate });
    let deadline = await ok('deadlines:create', {
      matterId: matter.id,
      title: 'Observaciones',
      date: courtDate,
      recurrence: { every: { unit: 'months', amount: 2 }, from: 'due' },
    });
    deadline = await ok('deadlines:update', {
      id: deadline.id,
      revision: deadline.revision,
      fields: { title: 'Observaciones finales', kind: 'observations', notes: '', recurrence: null },
    });
    deadline = await ok('deadlines:extend', {
      id: deadline.id,
      revision: deadline.revision,
      outcome: 'granted',
      onDate: '2026-03-10',
      period: { unit: 'days', amount: 5 },
    });
    deadline = await ok('deadlines:fulfil', {
      id: deadline.id,
      revision: deadline.revision,
      onDate: '2026-03-12',
    });
    deadline = await ok('deadlines:reopen', {
      id: deadline.id,
      revision: deadline.revision,
      onDate: '2026-03-13',
    });
    await ok('deadlines:waive', {
      id: deadline.id,
      revision: deadline.revision,
      onDate: '2026-03-14',
      reason: 'Sin efecto',
    });
    await ok('deadlines:get', { id: deadline.id });
    await ok('deadlines:list', { matterId: matter.id });
    await ok('deadlines:suggest', { text: 'en un plazo de 10 días' });
    await ok('deadlines:dueReminders', {});
    const edit = await ok('deadlines:addCalendarEdit', {
      ruleId: null,
      kind: 'closure',
      from: '2026-03-20',
      to: '2026-03-20',
      name: 'Cierre',
    });
    await ok('deadlines:calendarEdits');
    await ok('deadlines:removeCalendarEdit', { id: edit.id });
    await ok('dialog:chooseSaveFile', { purpose: 'ics', defaultName: 'plazos.ics' });
    await ok('deadlines:exportIcs', {});
    // end follow-up: deadlines
    // Dashboard, calendar and vault settings (follow-up).
    await ok('vaultSettings:get');
    await ok('vaultSettings:update', { inactivityMonths: { precautionary_request: 3 } });
    await ok('dashboard:get', { zone: 'America/Mexico_City', weekStartsOn: 0 });
    await ok('dashboard:case', { matterId: matter.id, zone: 'America/Tijuana' });
    await ok('calendar:range', { from: '2026-11-29', to: '2027-01-09' });

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

    // follow-up: protection measures and the follow-up timeline
    const measure = await ok('measures:create', {
      matterId: matter.id,
      kind: 'panic_button',
      description: 'Botón de pánico',
      authority: 'Mecanismo de Protección',
      personIds: [person.id],
      agreedOn: null,
      agreedWithBeneficiaries: 'unknown',
      classification: 'restricted',
      firstStatus: { status: 'implemented', onDate: '2023-10-02' },
    });
    await ok('measures:update', {
      id: measure.id,
      revision: measure.revision,
      fields: { ...MeasureFields.parse(measure), agreedWithBeneficiaries: 'no' },
    });
    await ok('measures:addStatus', {
      measureId: measure.id,
      status: 'failing',
      onDate: '2024-04-03',
      incidentId: incident.id,
      note: 'No respondió',
    });
    await ok('measures:get', { id: measure.id });
    await ok('measures:list', { matterId: matter.id });
    await ok('measures:linkOptions', { matterId: matter.id });
    await ok('followup:timeline', { matterId: matter.id, kinds: ['measure', 'status'] });

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
    // search inside the evidence: the queue and the text of an item (the photo has no text layer)
    await ok('extraction:queue');
    await ok('extraction:start', { matterId: matter.id, wait: true });
    await ok('extraction:status', { id: item.id });
    await ok('extraction:text', { id: item.id, page: 1 });
    await ok('extraction:pause');
    await ok('extraction:resume');
    await ok('extraction:cancel');
    await ok('extraction:setItemEnabled', { id: item.id, enabled: false });
    await ok('extraction:setItemEnabled', { id: item.id, enabled: true });
    await ok('extraction:setVaultEnabled', { enabled: false });
    await ok('extraction:setVaultEnabled', { enabled: true });
    await ok('evidence:exhibits', { matterId: matter.id });
    const exportDir = join(work, 'export');
    await mkdir(exportDir);
    await ok('evidence:export', { ids: [item.id], folder: exportDir, confirmed: true });

    // --- filings ---
    const filing = await ok('filings:create', {
      matterId: matter.id,
      kind: 'precautionary_request',
      lang: 'es',
    });
    await ok('filings:list', { matterId: matter.id });
    await ok('filings:get', { id: filing.id });
    const typed = await ok<Row & { document: { sections: Row[] } }>('filings:update', {
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
                  {
                    type: 'paragraph',
                    content: [
                      { type: 'text', text: 'Ana López Quintero, ', marks: [{ type: 'bold' }] },
                      { type: 'exhibitRef', attrs: { evidenceId: item.id } },
                      { type: 'footnote', attrs: { text: 'Nota.' } },
                    ],
                  },
                ],
              },
            },
          ],
        },
      },
      explicit: true,
    });
    await ok('filings:versions', { filingId: filing.id });
    await ok('filings:version', { filingId: filing.id, version: 1 });
    await ok('filings:check', { id: filing.id });
    const leaks = await ok<{ hits: Row[] }>('filings:leaks', { id: filing.id });
    const fixed = await ok<{ filing: Row }>('filings:resolveLeak', {
      action: 'replace',
      filingId: filing.id,
      revision: typed.revision,
      hitId: leaks.hits[0]!.id,
    });
    const restored = await ok('filings:restoreVersion', {
      filingId: filing.id,
      version: 2,
      revision: fixed.filing.revision,
    });
    const again = await ok<{ hits: Row[] }>('filings:leaks', { id: filing.id });
    await ok('filings:resolveLeak', {
      action: 'keep',
      filingId: filing.id,
      revision: restored.revision,
      hitId: again.hits[0]!.id,
      reason: 'La persona pidió figurar con su nombre',
    });
    const profiles = await ok<Row[]>('filingProfiles:list');
    const profile = await ok('filingProfiles:save', {
      name: 'Co-litigantes (nombres)',
      base: 'co_counsel',
      rules: profiles[2]!.rules,
    });
    await ok('filings:generate', {
      filingId: filing.id,
      profile: 'commission',
      format: 'pdf',
      keepInCase: true,
      includeChart: true,
    });
    await ok('filings:generate', {
      filingId: filing.id,
      profile: profile.id,
      format: 'docx',
      outPath: join(work, 'escrito.docx'),
    });
    await ok('filings:generations', { filingId: filing.id });
    await ok('filingProfiles:delete', { id: profile.id });
    await ok('filings:delete', { id: filing.id });
    // --- end filings ---

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

    // Correspondence
    const mail = join(work, 'nota.eml');
    await writeFile(
      mail,
      'From: CIDH <cidh@oas.org>\r\nDate: Tue, 3 Mar 2026 10:00:00 -0500\r\nSubject: MC-1008-19 solicitud\r\n\r\nTexto.\r\n',
    );
    await ok('communications:chooseEmails');
    const imported = await ok<{ results: { communicationId: string }[] }>('communications:importEmails', {
      matterId: matter.id,
      paths: [mail],
    });
    const letter = await ok('communications:get', { id: imported.results[0]!.communicationId });
    const sent = await ok('communications:create', {
      matterId: matter.id,
      fields: {
        direction: 'sent',
        counterpart: 'commission',
        channel: 'portal',
        occurredOn: '2026-03-10',
        subject: 'Respuesta',
        inReplyTo: letter.id,
      },
    });
    await ok('communications:update', {
      id: sent.id,
      revision: sent.revision,
      fields: {
        direction: 'sent',
        counterpart: 'commission',
        channel: 'portal',
        occurredOn: '2026-03-11',
        subject: 'Respuesta',
      },
    });
    await ok('communications:attach', { id: sent.id, paths: [photo] });
    await ok('communications:list', { matterId: matter.id });
    await ok('communications:cancel', { operationId: randomUUID() });
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
