// Deleted items: every delete is soft (the row gets `deleted_at` and leaves the search index) and can be
// undone from here until the user empties the bin, which removes the rows for good (secure_delete
// overwrites their pages).
import { rm } from 'node:fs/promises';
import { AmparoError } from '../../../shared/errors';
import type { DeletedItem } from '../../../shared/schemas/trash';
import { blobPath } from '../evidence/store';
import type { CommunicationService } from './communications';
import type { EvidenceService } from './evidence';
import type { IncidentService } from './incidents';
import type { DraftService } from './drafts';
import type { MatterService } from './matters';
import type { NoteService } from './notes';
import type { PeopleService } from './people';
import type { ProtectionMeasureService } from './protection-measures';
import type { DeadlineService } from './deadlines';
import { markMatterInSearch, removeFromSearch } from './search-index';
import type { VaultContext } from './vault-context';

type Deletable = DeletedItem['entityType'];

const TABLES: Record<Deletable, { table: string; label: string; matter: string }> = {
  matter: { table: 'matters', label: 'title', matter: 'id' },
  incident: { table: 'incidents', label: 'title', matter: 'matter_id' },
  note: { table: 'notes', label: 'title', matter: 'matter_id' },
  person: { table: 'people', label: 'pseudonym', matter: 'NULL' },
  organisation: { table: 'organisations', label: 'name', matter: 'NULL' },
  party: { table: 'matter_parties', label: 'role', matter: 'matter_id' },
  evidence: { table: 'evidence_items', label: 'title', matter: 'matter_id' },
  // follow-up: protection measures, named as in search (description's first line, or authority, or kind)
  measure: {
    table: 'protection_measures',
    label: `substr(coalesce(nullif(trim(substr(description, 1, instr(description || char(10), char(10)) - 1)), ''),
                   nullif(authority, ''), kind), 1, 120)`,
    matter: 'matter_id',
  },
  communication: { table: 'communications', label: 'subject', matter: 'matter_id' },
  // follow-up: deadlines
  deadline: { table: 'deadlines', label: 'title', matter: 'matter_id' },
  // filings
  filing: { table: 'filings', label: 'title', matter: 'matter_id' },
  // hearings
  hearing: { table: 'hearings', label: 'title', matter: 'matter_id' },
};

export class TrashService {
  constructor(
    private readonly ctx: () => VaultContext,
    private readonly services: {
      matters: MatterService;
      people: PeopleService;
      incidents: IncidentService;
      notes: NoteService;
      evidence: EvidenceService;
      communications?: CommunicationService;
      /** Drafts of a case are dropped with it. */
      drafts?: DraftService;
      measures?: ProtectionMeasureService;
      deadlines?: DeadlineService;
    },
  ) {}

  list(): DeletedItem[] {
    const { db } = this.ctx();
    const entries: DeletedItem[] = [];
    for (const [entityType, spec] of Object.entries(TABLES) as [Deletable, (typeof TABLES)[Deletable]][]) {
      const rows = db
        .prepare(
          `SELECT id, ${spec.label} AS label, ${spec.matter} AS matter_id, deleted_at FROM ${spec.table} WHERE deleted_at IS NOT NULL`,
        )
        .all<{ id: string; label: string; matter_id: string | null; deleted_at: string }>();
      for (const row of rows) {
        entries.push({
          entityType,
          entityId: row.id,
          label: row.label,
          matterId: row.matter_id,
          deletedAt: row.deleted_at,
        });
      }
    }
    return entries.sort((a, b) => (a.deletedAt < b.deletedAt ? 1 : -1));
  }

  delete(entityType: Deletable, entityId: string, confirmInUse: boolean): void {
    const { db, audit, now } = this.ctx();
    const spec = TABLES[entityType];
    db.transaction(() => {
      const row = db
        .prepare(`SELECT ${spec.matter} AS matter_id, deleted_at FROM ${spec.table} WHERE id = $entityId`)
        .get<{ matter_id: string | null; deleted_at: string | null }>({ entityId });
      if (!row || row.deleted_at) throw new AmparoError('NOT_FOUND', `No ${entityType} ${entityId}`);
      if ((entityType === 'person' || entityType === 'organisation') && !confirmInUse) {
        const column = entityType === 'person' ? 'person_id' : 'organisation_id';
        const roles = Number(
          db
            .prepare(
              `SELECT count(*) AS n FROM matter_parties mp JOIN matters m ON m.id = mp.matter_id
               WHERE mp.${column} = $entityId AND mp.deleted_at IS NULL AND m.deleted_at IS NULL`,
            )
            .get({ entityId })?.n ?? 0,
        );
        if (roles > 0) throw new AmparoError('IN_USE', `This ${entityType} has ${roles} role(s) in matters`);
      }
      db.prepare(`UPDATE ${spec.table} SET deleted_at = $at WHERE id = $entityId`).run({
        entityId,
        at: now().toISOString(),
      });
      removeFromSearch(db, entityType, entityId);
      if (entityType === 'matter') markMatterInSearch(db, entityId);
      if (entityType === 'matter') this.services.drafts?.discardForMatter(entityId);
      audit.append({ action: 'record.delete', entityType, entityId, matterId: row.matter_id });
    })();
  }

  restore(entityType: Deletable, entityId: string): void {
    const { db, audit } = this.ctx();
    const spec = TABLES[entityType];
    db.transaction(() => {
      const row = db
        .prepare(
          `SELECT ${spec.matter} AS matter_id FROM ${spec.table} WHERE id = $entityId AND deleted_at IS NOT NULL`,
        )
        .get<{ matter_id: string | null }>({ entityId });
      if (!row) throw new AmparoError('NOT_FOUND', `No deleted ${entityType} ${entityId}`);
      db.prepare(`UPDATE ${spec.table} SET deleted_at = NULL WHERE id = $entityId`).run({ entityId });
      this.reindex(entityType, entityId);
      if (entityType === 'matter') markMatterInSearch(db, entityId);
      audit.append({ action: 'record.restore', entityType, entityId, matterId: row.matter_id });
    })();
  }

  private reindex(entityType: Deletable, entityId: string): void {
    if (entityType === 'matter') this.services.matters.reindex(entityId);
    if (entityType === 'person') this.services.people.reindex(entityId);
    if (entityType === 'incident') this.services.incidents.reindex(entityId);
    if (entityType === 'note') this.services.notes.reindex(entityId);
    if (entityType === 'organisation') this.services.people.reindexOrganisation(entityId);
    if (entityType === 'evidence') this.services.evidence.reindex(entityId);
    if (entityType === 'measure') this.services.measures?.reindex(entityId);
    if (entityType === 'communication') this.services.communications?.reindex(entityId);
    if (entityType === 'deadline') this.services.deadlines?.reindex(entityId);
  }

  /**
   * Removes every deleted record for good, children first; then the encrypted files of purged evidence.
   * (A file whose removal fails is harmless: its key is gone with the row, and unlock sweeps such files.)
   */
  async empty(): Promise<number> {
    const { dir } = this.ctx();
    const { count, blobIds } = this.purge();
    await Promise.all(blobIds.map((id) => rm(blobPath(dir, id), { force: true }).catch(() => undefined)));
    return count;
  }

  private purge(): { count: number; blobIds: string[] } {
    const { db, audit } = this.ctx();
    return db.transaction(() => {
      const entries = this.list();
      const byType = (t: Deletable) => entries.filter((e) => e.entityType === t).map((e) => e.entityId);
      const run = (sql: string, ids: string[]) => {
        const statement = db.prepare(sql);
        for (const id of ids) statement.run({ id });
      };
      const matters = byType('matter');
      // Evidence: deleted items, and every item of a purged matter, with their blobs' keys.
      const evidenceIds = [
        ...byType('evidence'),
        ...matters.flatMap((id) =>
          db
            .prepare('SELECT id FROM evidence_items WHERE matter_id = $id')
            .all<{ id: string }>({ id })
            .map((r) => r.id),
        ),
      ];
      // Correspondence: deleted communications and those of purged matters, with their attachment links
      // (their evidence items stay unless deleted themselves); replies to them lose the link.
      const communicationIds = [
        ...byType('communication'),
        ...matters.flatMap((id) =>
          db
            .prepare('SELECT id FROM communications WHERE matter_id = $id')
            .all<{ id: string }>({ id })
            .map((r) => r.id),
        ),
      ];
      // hearings: deleted ones and those of purged cases go with their parts, binder log and exhibit list;
      // a purged fact, item or person leaves the hearings that picked it (before those rows go below)
      const hearingIds = [
        ...byType('hearing'),
        ...matters.flatMap((id) =>
          db
            .prepare('SELECT id FROM hearings WHERE matter_id = $id')
            .all<{ id: string }>({ id })
            .map((r) => r.id),
        ),
      ];
      for (const id of new Set(hearingIds)) {
        const hearing = db
          .prepare('SELECT matter_id, exhibit_list FROM hearings WHERE id = $id')
          .get<{ matter_id: string; exhibit_list: string }>({ id });
        if (!hearing) continue;
        db.prepare('DELETE FROM evidence_exhibits WHERE matter_id = $matter AND filing = $list').run({
          matter: hearing.matter_id,
          list: hearing.exhibit_list,
        });
        for (const table of [
          'hearing_binders',
          'hearing_chronology',
          'hearing_exhibits',
          'hearing_questions',
        ])
          db.prepare(`DELETE FROM ${table} WHERE hearing_id = $id`).run({ id });
        db.prepare('DELETE FROM hearing_turns WHERE hearing_id = $id').run({ id });
        db.prepare('DELETE FROM hearing_participants WHERE hearing_id = $id').run({ id });
        db.prepare('UPDATE deadlines SET hearing_id = NULL WHERE hearing_id = $id').run({ id });
        db.prepare('DELETE FROM hearings WHERE id = $id').run({ id });
      }
      run('DELETE FROM hearing_exhibits WHERE evidence_id = $id', evidenceIds);
      run('DELETE FROM hearing_chronology WHERE incident_id = $id', byType('incident'));
      run('DELETE FROM hearing_participants WHERE person_id = $id', byType('person'));
      // end hearings
      for (const id of new Set(communicationIds)) {
        db.prepare('UPDATE communications SET in_reply_to = NULL WHERE in_reply_to = $id').run({ id });
        db.prepare(
          'UPDATE filings SET answers_communication_id = NULL WHERE answers_communication_id = $id',
        ).run({ id });
        // Deadlines and measure statuses keep their own history; they only lose the link to the letter.
        db.prepare('UPDATE deadlines SET communication_id = NULL WHERE communication_id = $id').run({ id });
        db.prepare('UPDATE deadlines SET fulfilled_by = NULL WHERE fulfilled_by = $id').run({ id });
        db.prepare('UPDATE deadline_events SET communication_id = NULL WHERE communication_id = $id').run({
          id,
        });
        db.prepare(
          'UPDATE protection_measure_status SET communication_id = NULL WHERE communication_id = $id',
        ).run({
          id,
        });
        db.prepare('DELETE FROM communication_attachments WHERE communication_id = $id').run({ id });
        db.prepare(`DELETE FROM search_index WHERE entity_type = 'communication' AND entity_id = $id`).run({
          id,
        });
        db.prepare('DELETE FROM communications WHERE id = $id').run({ id });
      }
      for (const id of new Set(evidenceIds)) {
        db.prepare('DELETE FROM communication_attachments WHERE evidence_id = $id').run({ id });
        db.prepare('UPDATE communications SET raw_evidence_id = NULL WHERE raw_evidence_id = $id').run({
          id,
        });
      }
      const blobIds: string[] = [];
      for (const id of new Set(evidenceIds)) {
        const item = db.prepare('SELECT blob_id FROM evidence_items WHERE id = $id').get({ id }) as
          { blob_id: string } | undefined;
        if (!item) continue;
        // Working copies outlive a purged original; they keep their own custody and the derivation note.
        db.prepare('UPDATE evidence_items SET derived_from = NULL WHERE derived_from = $id').run({ id });
        // A generation whose kept copy is purged stays recorded (its SHA-256 and exhibits) without the link.
        db.prepare('UPDATE filing_generations SET evidence_id = NULL WHERE evidence_id = $id').run({ id });
        db.prepare(`DELETE FROM tags WHERE entity_type = 'evidence' AND entity_id = $id`).run({ id });
        db.prepare(`DELETE FROM search_index WHERE entity_type = 'evidence' AND entity_id = $id`).run({ id });
        db.prepare('DELETE FROM evidence_items WHERE id = $id').run({ id });
        db.prepare('DELETE FROM evidence_blobs WHERE id = $blobId').run({ blobId: item.blob_id });
        blobIds.push(item.blob_id);
      }
      run(`DELETE FROM evidence_exhibits WHERE matter_id = $id`, matters);
      run(
        `DELETE FROM evidence_incidents WHERE incident_id IN (SELECT id FROM incidents WHERE matter_id = $id)`,
        matters,
      );
      run(`DELETE FROM evidence_incidents WHERE incident_id = $id`, byType('incident'));
      // Everything that hangs off a deleted matter goes with it.
      run(
        `DELETE FROM risk_assessment_incidents WHERE assessment_id IN (SELECT id FROM risk_assessments WHERE matter_id = $id)`,
        matters,
      );
      run(`DELETE FROM risk_assessments WHERE matter_id = $id`, matters);
      run(
        `DELETE FROM tags WHERE entity_type = 'incident' AND entity_id IN (SELECT id FROM incidents WHERE matter_id = $id)`,
        matters,
      );
      run(
        `DELETE FROM tags WHERE entity_type = 'note' AND entity_id IN (SELECT id FROM notes WHERE matter_id = $id)`,
        matters,
      );
      // follow-up: protection measures (their history and people go with them), of purged cases and on their own
      const measureIds = [
        ...byType('measure'),
        ...matters.flatMap((id) =>
          db
            .prepare('SELECT id FROM protection_measures WHERE matter_id = $id')
            .all<{ id: string }>({ id })
            .map((r) => r.id),
        ),
      ];
      // follow-up: deadlines (before the communications they point at)
      const deadlineIds = [
        ...byType('deadline'),
        ...matters.flatMap((id) =>
          db
            .prepare('SELECT id FROM deadlines WHERE matter_id = $id')
            .all<{ id: string }>({ id })
            .map((r) => r.id),
        ),
      ];
      for (const id of new Set(measureIds)) {
        db.prepare('DELETE FROM protection_measure_status WHERE measure_id = $id').run({ id });
        db.prepare('DELETE FROM protection_measure_people WHERE measure_id = $id').run({ id });
        db.prepare(`DELETE FROM search_index WHERE entity_type = 'measure' AND entity_id = $id`).run({ id });
        db.prepare('DELETE FROM protection_measures WHERE id = $id').run({ id });
      }
      // filings: deleted drafts and those of purged cases, with their versions, decisions and generations
      // (a generation's kept "filed version" evidence item stays, as evidence of the record)
      const filingIds = [
        ...byType('filing'),
        ...matters.flatMap((id) =>
          db
            .prepare('SELECT id FROM filings WHERE matter_id = $id')
            .all<{ id: string }>({ id })
            .map((r) => r.id),
        ),
      ];
      for (const id of new Set(filingIds)) {
        const filing = db
          .prepare('SELECT matter_id, exhibit_list FROM filings WHERE id = $id')
          .get<{ matter_id: string; exhibit_list: string }>({ id });
        if (!filing) continue;
        db.prepare('DELETE FROM evidence_exhibits WHERE matter_id = $matter AND filing = $list').run({
          matter: filing.matter_id,
          list: filing.exhibit_list,
        });
        db.prepare('DELETE FROM filing_generations WHERE filing_id = $id').run({ id });
        db.prepare('DELETE FROM leak_decisions WHERE filing_id = $id').run({ id });
        db.prepare('DELETE FROM filing_versions WHERE filing_id = $id').run({ id });
        db.prepare('DELETE FROM filings WHERE id = $id').run({ id });
      }
      // end filings
      // A status that cited an incident purged for good keeps its date and note; the citation is gone with it.
      run(
        `UPDATE protection_measure_status SET incident_id = NULL WHERE incident_id = $id`,
        byType('incident'),
      );
      run(`UPDATE deadlines SET previous_id = NULL WHERE previous_id = $id`, deadlineIds);
      run(`DELETE FROM deadline_events WHERE deadline_id = $id`, deadlineIds);
      run(`DELETE FROM deadline_reminders WHERE deadline_id = $id`, deadlineIds);
      run(`DELETE FROM search_index WHERE entity_type = 'deadline' AND entity_id = $id`, deadlineIds);
      run(`DELETE FROM deadlines WHERE id = $id`, deadlineIds);
      // end follow-up: deadlines
      run(`DELETE FROM search_index WHERE matter_id = $id`, matters);
      run(`DELETE FROM incidents WHERE matter_id = $id`, matters);
      run(`DELETE FROM notes WHERE matter_id = $id`, matters);
      run(`DELETE FROM matter_parties WHERE matter_id = $id`, matters);
      run(`DELETE FROM matter_status_history WHERE matter_id = $id`, matters);
      run(`DELETE FROM risk_assessment_incidents WHERE incident_id = $id`, byType('incident'));
      run(`DELETE FROM tags WHERE entity_type = 'incident' AND entity_id = $id`, byType('incident'));
      run(`DELETE FROM incidents WHERE id = $id`, byType('incident'));
      run(`DELETE FROM tags WHERE entity_type = 'note' AND entity_id = $id`, byType('note'));
      run(`DELETE FROM notes WHERE id = $id`, byType('note'));
      run(`DELETE FROM matter_parties WHERE id = $id`, byType('party'));
      for (const id of byType('person')) {
        db.prepare('DELETE FROM matter_parties WHERE person_id = $id').run({ id });
        db.prepare('UPDATE matter_parties SET family_of = NULL WHERE family_of = $id').run({ id });
        db.prepare('DELETE FROM incident_people WHERE person_id = $id').run({ id });
        db.prepare('DELETE FROM evidence_people WHERE person_id = $id').run({ id });
        db.prepare('DELETE FROM protection_measure_people WHERE person_id = $id').run({ id });
        db.prepare('DELETE FROM protected_search WHERE person_id = $id').run({ id });
        db.prepare('DELETE FROM people WHERE id = $id').run({ id });
      }
      for (const id of byType('organisation')) {
        db.prepare('DELETE FROM matter_parties WHERE organisation_id = $id').run({ id });
        db.prepare('DELETE FROM organisations WHERE id = $id').run({ id });
      }
      run(`DELETE FROM matters WHERE id = $id`, matters);
      audit.append({
        action: 'record.purge',
        details: {
          count: entries.length,
          types: [...new Set(entries.map((e) => e.entityType))].sort(),
          files: blobIds.length,
        },
      });
      return { count: entries.length, blobIds };
    })();
  }
}
