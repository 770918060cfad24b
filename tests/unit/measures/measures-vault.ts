// A real vault (SQLCipher file on disk) with the services protection measures and the follow-up timeline
// use, wired as the core wires them. Communications and deadlines are written with plain SQL into the
// schema-11 tables, as the correspondence and deadline screens will write them.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { EvidenceService } from '../../../electron/core/services/evidence';
import { FollowupTimelineService } from '../../../electron/core/services/followup-timeline';
import { IncidentService } from '../../../electron/core/services/incidents';
import { MatterService } from '../../../electron/core/services/matters';
import { NoteService } from '../../../electron/core/services/notes';
import { PeopleService } from '../../../electron/core/services/people';
import { ProtectionMeasureService } from '../../../electron/core/services/protection-measures';
import { RevealState } from '../../../electron/core/services/reveal-state';
import { SearchService } from '../../../electron/core/services/search';
import { TrashService } from '../../../electron/core/services/trash';
import { vaultContext } from '../../../electron/core/services/vault-context';
import { createVault } from '../../../electron/core/vault/vault';
import type { IncidentFields } from '../../../shared/schemas/incidents';
import type { MeasureFields, MeasureStatusFields } from '../../../shared/schemas/protection-measures';
import { precautionaryRequest } from '../../support/fixtures';
import { TEST_KDF, tempDir } from '../../support/temp';

export async function measuresVault() {
  const vault = await createVault(join(await tempDir(), 'boveda'), 'frase de contraseña larga y segura', {
    kdfCost: TEST_KDF,
  });
  const ctx = vaultContext(vault, () => 'abogada de prueba');
  const reveals = new RevealState(Date.now);
  const matters = new MatterService(() => ctx, reveals);
  const people = new PeopleService(() => ctx, reveals);
  const incidents = new IncidentService(() => ctx, reveals);
  const notes = new NoteService(() => ctx, reveals);
  const evidence = new EvidenceService(() => ctx, reveals);
  const measures = new ProtectionMeasureService(() => ctx, reveals, matters);
  const followup = new FollowupTimelineService(() => ctx, reveals, matters);
  const trash = new TrashService(() => ctx, { matters, people, incidents, notes, evidence, measures });
  const search = new SearchService(() => ctx, reveals);
  const db = vault.db;

  const matter = matters.create(precautionaryRequest());
  const person = (pseudonym: string) => people.create({ pseudonym, classification: 'restricted' }).id;
  const incident = (title: string, occurredOn: string, more: Partial<IncidentFields> = {}) =>
    incidents.create(matter.id, {
      occurredOn,
      occurredPrecision: 'day',
      occurredQualifier: 'exact',
      kind: 'attack',
      title,
      description: '',
      place: '',
      source: '',
      classification: 'restricted',
      personIds: [],
      tags: [],
      ...more,
    }).id;

  const fields = (more: Partial<MeasureFields> = {}): MeasureFields => ({
    kind: 'panic_button',
    description: 'Botón de pánico en el domicilio de la beneficiaria',
    authority: 'Mecanismo de Protección (SEGOB)',
    personIds: [],
    agreedOn: null,
    agreedWithBeneficiaries: 'unknown',
    classification: 'restricted',
    ...more,
  });
  const status = (
    s: MeasureStatusFields['status'],
    onDate: string,
    more: Partial<MeasureStatusFields> = {},
  ): MeasureStatusFields => ({
    status: s,
    onDate,
    communicationId: null,
    incidentId: null,
    note: '',
    ...more,
  });

  const at = '2024-01-01T00:00:00.000Z';
  /** A communication as the correspondence workflow stores it. */
  const communication = (c: {
    occurredOn: string;
    subject: string;
    direction?: 'received' | 'sent';
    kind?: string;
    classification?: string;
    reference?: string;
    counterpart?: string;
    matterId?: string;
  }): string => {
    const id = randomUUID();
    db.prepare(
      `INSERT INTO communications (id, matter_id, direction, counterpart, channel, kind, occurred_on, reference,
                                   subject, classification, created_at, updated_at)
       VALUES ($id, $matterId, $direction, $counterpart, 'portal', $kind, $occurredOn, $reference, $subject,
               $classification, $at, $at)`,
    ).run({
      id,
      matterId: c.matterId ?? matter.id,
      direction: c.direction ?? 'received',
      counterpart: c.counterpart ?? 'commission',
      kind: c.kind ?? 'other',
      occurredOn: c.occurredOn,
      reference: c.reference ?? 'MC-1008-19',
      subject: c.subject,
      classification: c.classification ?? 'restricted',
      at,
    });
    return id;
  };
  /** A deadline (open unless told) and its events, as the deadline workflow stores them. */
  const deadline = (d: {
    title: string;
    dueDate: string;
    createdAt?: string;
    status?: 'open' | 'fulfilled' | 'waived';
    communicationId?: string | null;
    events?: { kind: string; onDate: string; newDueDate?: string }[];
  }): string => {
    const id = randomUUID();
    db.prepare(
      `INSERT INTO deadlines (id, matter_id, communication_id, title, mode, due_date, end_time, zone, due_instant,
                              basis, status, created_at, updated_at)
       VALUES ($id, $matterId, $communicationId, $title, 'manual', $dueDate, '24:00', 'America/New_York',
               $dueDate || 'T23:59:59Z', '[]', $status, $createdAt, $createdAt)`,
    ).run({
      id,
      matterId: matter.id,
      communicationId: d.communicationId ?? null,
      title: d.title,
      dueDate: d.dueDate,
      status: d.status ?? 'open',
      createdAt: d.createdAt ?? at,
    });
    for (const [i, e] of (d.events ?? []).entries()) {
      db.prepare(
        `INSERT INTO deadline_events (id, deadline_id, kind, on_date, new_due_date, recorded_at, recorded_by)
         VALUES ($id, $deadlineId, $kind, $onDate, $newDueDate, $recordedAt, 'prueba')`,
      ).run({
        id: randomUUID(),
        deadlineId: id,
        kind: e.kind,
        onDate: e.onDate,
        newDueDate: e.newDueDate ?? null,
        recordedAt: `2024-01-01T00:00:0${i}.000Z`,
      });
    }
    return id;
  };

  return {
    vault,
    db,
    ctx,
    reveals,
    matters,
    people,
    incidents,
    measures,
    followup,
    trash,
    search,
    matter,
    person,
    incident,
    fields,
    status,
    communication,
    deadline,
  };
}
