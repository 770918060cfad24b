// Protection measures of a case and their status history. The history is append-only: a status entry is
// never rewritten, a correction is a new entry. The current status is the latest entry by date (the one
// recorded last on the same day), kept on the measure row so lists and the dashboard read it directly.
import { randomUUID } from 'node:crypto';
import { AmparoError } from '../../../shared/errors';
import type {
  Agreement,
  CitedRecord,
  LinkOptions,
  MeasureFields,
  MeasureStatusEntry,
  MeasureStatusFields,
  MeasureSummary,
  ProtectionMeasure,
} from '../../../shared/schemas/protection-measures';
import { changedFields } from './changes';
import type { MatterService } from './matters';
import { requireLiveMatter } from './records';
import type { RevealState } from './reveal-state';
import { indexForSearch } from './search-index';
import type { VaultContext } from './vault-context';

type MeasureRow = {
  id: string;
  matter_id: string;
  kind: string;
  description: string;
  authority: string;
  agreed_on: string | null;
  agreed_with_beneficiaries: number | null;
  status: string;
  classification: string;
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

type StatusRow = {
  id: string;
  measure_id: string;
  status: string;
  on_date: string;
  communication_id: string | null;
  incident_id: string | null;
  note: string;
  recorded_at: string;
  recorded_by: string;
};

/** Oldest first; on the same day, in the order recorded. The last one is the current status. */
const HISTORY_ORDER = 'ORDER BY on_date, recorded_at, rowid';

const toAgreement = (value: number | null): Agreement => (value === null ? 'unknown' : value ? 'yes' : 'no');
const fromAgreement = (value: Agreement): number | null =>
  value === 'unknown' ? null : value === 'yes' ? 1 : 0;

export class ProtectionMeasureService {
  constructor(
    private readonly ctx: () => VaultContext,
    private readonly reveals: RevealState,
    /** For the case's own visibility (a confidential case is read only once revealed). */
    private readonly matters: MatterService,
  ) {}

  list(matterId: string): { items: ProtectionMeasure[]; hiddenConfidential: number } {
    this.matters.get(matterId);
    const rows = this.ctx()
      .db.prepare(
        `SELECT * FROM protection_measures WHERE matter_id = $matterId AND deleted_at IS NULL
         ORDER BY created_at, id`,
      )
      .all<MeasureRow>({ matterId });
    const shown = rows.filter((r) => this.visible(r));
    return { items: shown.map((r) => this.toMeasure(r)), hiddenConfidential: rows.length - shown.length };
  }

  get(id: string): ProtectionMeasure {
    const row = this.row(id);
    if (row.deleted_at) throw new AmparoError('NOT_FOUND', `No protection measure ${id}`);
    this.matters.get(row.matter_id);
    if (!this.visible(row)) {
      throw new AmparoError('CONFIDENTIAL', 'This protection measure is confidential: reveal it first');
    }
    return this.toMeasure(row);
  }

  create(matterId: string, fields: MeasureFields, firstStatus: MeasureStatusFields): ProtectionMeasure {
    const { db, audit, now } = this.ctx();
    const id = randomUUID();
    const at = now().toISOString();
    db.transaction(() => {
      requireLiveMatter(db, matterId);
      db.prepare(
        `INSERT INTO protection_measures (id, matter_id, kind, description, authority, agreed_on,
                                          agreed_with_beneficiaries, status, classification, created_at, updated_at)
         VALUES ($id, $matterId, $kind, $description, $authority, $agreedOn, $agreed, $status, $classification, $at, $at)`,
      ).run({ id, matterId, at, status: firstStatus.status, ...rowFields(fields) });
      this.writePeople(id, fields.personIds);
      this.insertStatus(id, matterId, firstStatus, at);
      this.index(id);
      audit.append({
        action: 'record.create',
        entityType: 'measure',
        entityId: id,
        matterId,
        details: {
          kind: fields.kind,
          classification: fields.classification,
          people: fields.personIds.length,
          status: firstStatus.status,
        },
      });
    })();
    return this.toMeasure(this.row(id));
  }

  update(id: string, revision: number, fields: MeasureFields): ProtectionMeasure {
    const { db, audit, now } = this.ctx();
    db.transaction(() => {
      const current = this.get(id);
      if (current.revision !== revision)
        throw new AmparoError('CONFLICT', `Protection measure ${id} was changed elsewhere`);
      db.prepare(
        `UPDATE protection_measures SET kind = $kind, description = $description, authority = $authority,
                agreed_on = $agreedOn, agreed_with_beneficiaries = $agreed, classification = $classification,
                revision = revision + 1, updated_at = $at WHERE id = $id`,
      ).run({ id, at: now().toISOString(), ...rowFields(fields) });
      this.writePeople(id, fields.personIds);
      this.index(id);
      audit.append({
        action: 'record.update',
        entityType: 'measure',
        entityId: id,
        matterId: current.matterId,
        details: { fields: changedFields(current, fields) },
      });
    })();
    return this.toMeasure(this.row(id));
  }

  /** Appends one status entry; the measure's current status follows the latest by date. */
  addStatus(measureId: string, entry: MeasureStatusFields): ProtectionMeasure {
    const { db, audit, now } = this.ctx();
    db.transaction(() => {
      const current = this.get(measureId);
      const at = now().toISOString();
      this.insertStatus(measureId, current.matterId, entry, at);
      const latest = db
        .prepare(
          `SELECT status FROM protection_measure_status WHERE measure_id = $measureId
           ORDER BY on_date DESC, recorded_at DESC, rowid DESC LIMIT 1`,
        )
        .get<{ status: string }>({ measureId })!;
      db.prepare(
        `UPDATE protection_measures SET status = $status, revision = revision + 1, updated_at = $at WHERE id = $measureId`,
      ).run({ measureId, status: latest.status, at });
      this.index(measureId);
      audit.append({
        action: 'record.update',
        entityType: 'measure',
        entityId: measureId,
        matterId: current.matterId,
        details: {
          fields: ['measureStatus'],
          status: entry.status,
          onDate: entry.onDate,
          cites: entry.communicationId ? 'communication' : entry.incidentId ? 'incident' : null,
        },
      });
    })();
    return this.toMeasure(this.row(measureId));
  }

  /** What a status may cite: the case's communications and incidents (date, safe label), newest first. */
  linkOptions(matterId: string): LinkOptions {
    this.matters.get(matterId);
    const { db } = this.ctx();
    const revealed = this.reveals.isConfidentialRevealed(matterId);
    const communications = db
      .prepare(
        `SELECT id, occurred_on AS date, subject, reference, note_number, classification FROM communications
         WHERE matter_id = $matterId AND deleted_at IS NULL ORDER BY occurred_on DESC, created_at DESC`,
      )
      .all<{
        id: string;
        date: string;
        subject: string;
        reference: string;
        note_number: string;
        classification: string;
      }>({ matterId });
    const incidents = db
      .prepare(
        `SELECT id, occurred_on AS date, title, classification FROM incidents
         WHERE matter_id = $matterId AND deleted_at IS NULL ORDER BY occurred_on DESC, created_at DESC`,
      )
      .all<{ id: string; date: string; title: string; classification: string }>({ matterId });
    const shownComms = communications.filter((c) => revealed || c.classification !== 'confidential');
    const shownIncidents = incidents.filter((i) => revealed || i.classification !== 'confidential');
    return {
      communications: shownComms.map((c) => ({
        id: c.id,
        date: c.date,
        label: [c.reference || c.note_number, c.subject].filter(Boolean).join(' — '),
      })),
      incidents: shownIncidents.map((i) => ({ id: i.id, date: i.date, label: i.title })),
      hiddenConfidential:
        communications.length - shownComms.length + (incidents.length - shownIncidents.length),
    };
  }

  /**
   * Each visible measure of a case with its state and history, for a filing to draw on (observations on the
   * State's report). Confidential measures stay out until revealed, as in the list.
   */
  summaryForFiling(matterId: string): { measures: MeasureSummary[]; hiddenConfidential: number } {
    const { items, hiddenConfidential } = this.list(matterId);
    const { db } = this.ctx();
    const pseudonym = db.prepare('SELECT pseudonym FROM people WHERE id = $id');
    return {
      hiddenConfidential,
      measures: items.map((m) => ({
        id: m.id,
        kind: m.kind,
        description: m.description,
        authority: m.authority,
        beneficiaries: m.personIds
          .map((id) => (pseudonym.get({ id }) as { pseudonym: string } | undefined)?.pseudonym)
          .filter((p): p is string => Boolean(p)),
        agreedOn: m.agreedOn,
        agreedWithBeneficiaries: m.agreedWithBeneficiaries,
        classification: m.classification,
        status: m.status,
        statusSince: m.statusSince,
        history: m.history.map(({ status, onDate, note, cites }) => ({ status, onDate, note, cites })),
      })),
    };
  }

  reindex(id: string): void {
    this.index(id);
  }

  private visible(row: { classification: string; matter_id: string }): boolean {
    return row.classification !== 'confidential' || this.reveals.isConfidentialRevealed(row.matter_id);
  }

  private row(id: string): MeasureRow {
    const row = this.ctx().db.prepare('SELECT * FROM protection_measures WHERE id = $id').get({ id }) as
      MeasureRow | undefined;
    if (!row) throw new AmparoError('NOT_FOUND', `No protection measure ${id}`);
    return row;
  }

  private history(row: MeasureRow): MeasureStatusEntry[] {
    const { db } = this.ctx();
    const rows = db
      .prepare(`SELECT * FROM protection_measure_status WHERE measure_id = $id ${HISTORY_ORDER}`)
      .all<StatusRow>({ id: row.id });
    return rows.map((r) => ({
      id: r.id,
      measureId: r.measure_id,
      status: r.status as MeasureStatusEntry['status'],
      onDate: r.on_date,
      communicationId: r.communication_id,
      incidentId: r.incident_id,
      cites: this.cited(row.matter_id, r),
      note: r.note,
      recordedAt: r.recorded_at,
      recordedBy: r.recorded_by,
    }));
  }

  /** The cited record's date and label; the label only while it may be shown. */
  private cited(matterId: string, r: StatusRow): CitedRecord | null {
    const { db } = this.ctx();
    const revealed = this.reveals.isConfidentialRevealed(matterId);
    if (r.communication_id) {
      const c = db
        .prepare(
          'SELECT occurred_on, subject, reference, classification, deleted_at FROM communications WHERE id = $id',
        )
        .get<{
          occurred_on: string;
          subject: string;
          reference: string;
          classification: string;
          deleted_at: string | null;
        }>({ id: r.communication_id });
      if (!c) return null;
      const shown = !c.deleted_at && (revealed || c.classification !== 'confidential');
      return {
        kind: 'communication',
        id: r.communication_id,
        date: c.occurred_on,
        label: shown ? [c.reference, c.subject].filter(Boolean).join(' — ') : null,
      };
    }
    if (r.incident_id) {
      const i = db
        .prepare('SELECT occurred_on, title, classification, deleted_at FROM incidents WHERE id = $id')
        .get<{ occurred_on: string; title: string; classification: string; deleted_at: string | null }>({
          id: r.incident_id,
        });
      if (!i) return null;
      const shown = !i.deleted_at && (revealed || i.classification !== 'confidential');
      return { kind: 'incident', id: r.incident_id, date: i.occurred_on, label: shown ? i.title : null };
    }
    return null;
  }

  private toMeasure(row: MeasureRow): ProtectionMeasure {
    const { db } = this.ctx();
    const personIds = db
      .prepare('SELECT person_id FROM protection_measure_people WHERE measure_id = $id ORDER BY person_id')
      .all<{ person_id: string }>({ id: row.id })
      .map((r) => r.person_id);
    const history = this.history(row);
    const latest = history.at(-1);
    return {
      id: row.id,
      matterId: row.matter_id,
      kind: row.kind as ProtectionMeasure['kind'],
      description: row.description,
      authority: row.authority,
      personIds,
      agreedOn: row.agreed_on,
      agreedWithBeneficiaries: toAgreement(row.agreed_with_beneficiaries),
      classification: row.classification as ProtectionMeasure['classification'],
      status: (latest?.status ?? row.status) as ProtectionMeasure['status'],
      statusSince: latest?.onDate ?? row.created_at.slice(0, 10),
      history,
      revision: row.revision,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
    };
  }

  private insertStatus(measureId: string, matterId: string, entry: MeasureStatusFields, at: string): void {
    const { db, actor } = this.ctx();
    if (entry.communicationId && entry.incidentId) {
      throw new AmparoError('VALIDATION_FAILED', 'A status cites one communication or one incident', {
        issues: [{ path: 'incidentId', message: 'validation.oneCitation' }],
      });
    }
    if (entry.communicationId) this.requireOfMatter('communications', entry.communicationId, matterId);
    if (entry.incidentId) this.requireOfMatter('incidents', entry.incidentId, matterId);
    db.prepare(
      `INSERT INTO protection_measure_status (id, measure_id, status, on_date, communication_id, incident_id, note,
                                              recorded_at, recorded_by)
       VALUES ($id, $measureId, $status, $onDate, $communicationId, $incidentId, $note, $at, $by)`,
    ).run({
      id: randomUUID(),
      measureId,
      status: entry.status,
      onDate: entry.onDate,
      communicationId: entry.communicationId,
      incidentId: entry.incidentId,
      note: entry.note,
      at,
      by: actor(),
    });
  }

  private requireOfMatter(table: 'communications' | 'incidents', id: string, matterId: string): void {
    const found = this.ctx()
      .db.prepare(
        `SELECT 1 AS x FROM ${table} WHERE id = $id AND matter_id = $matterId AND deleted_at IS NULL`,
      )
      .get({ id, matterId });
    if (!found) throw new AmparoError('NOT_FOUND', `No ${table.slice(0, -1)} ${id} in this case`);
  }

  private writePeople(id: string, personIds: string[]): void {
    const { db } = this.ctx();
    db.prepare('DELETE FROM protection_measure_people WHERE measure_id = $id').run({ id });
    const link = db.prepare(
      'INSERT OR IGNORE INTO protection_measure_people (measure_id, person_id) VALUES ($id, $personId)',
    );
    for (const personId of personIds) {
      if (
        !db.prepare('SELECT 1 AS x FROM people WHERE id = $personId AND deleted_at IS NULL').get({ personId })
      )
        throw new AmparoError('NOT_FOUND', 'No such person');
      link.run({ id, personId });
    }
  }

  private index(id: string): void {
    const { db } = this.ctx();
    const row = this.row(id);
    const notes = db
      .prepare(`SELECT note FROM protection_measure_status WHERE measure_id = $id ${HISTORY_ORDER}`)
      .all<{ note: string }>({ id })
      .map((r) => r.note)
      .filter(Boolean);
    indexForSearch(db, {
      entityType: 'measure',
      entityId: id,
      matterId: row.matter_id,
      classification: row.classification as ProtectionMeasure['classification'],
      title: measureTitle(row),
      body: [row.description, row.authority, ...notes].join('\n'),
    });
  }
}

/** A measure named in search hits and Deleted items: its description's first line, or its authority. */
export function measureTitle(row: { description: string; authority: string; kind: string }): string {
  const first = row.description.split('\n')[0]!.trim();
  return (first || row.authority || row.kind).slice(0, 120);
}

function rowFields(fields: MeasureFields) {
  return {
    kind: fields.kind,
    description: fields.description,
    authority: fields.authority,
    agreedOn: fields.agreedOn,
    agreed: fromAgreement(fields.agreedWithBeneficiaries),
    classification: fields.classification,
  };
}
