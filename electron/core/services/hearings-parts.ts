// The parts of a hearing: participants, speaking-plan turns and expected questions (each its own row with a
// revision, kept in order by position), and the ordered picks of facts (chronology) and evidence (exhibits).
// Every change answers the whole hearing so the planning screen redraws from one value.
import { randomUUID } from 'node:crypto';
import { AmparoError } from '../../../shared/errors';
import { moveTo } from '../../../shared/hearing-time-plan';
import type {
  Hearing,
  ParticipantFields,
  QuestionFields,
  TurnFields,
} from '../../../shared/schemas/hearings';
import { assignExhibit } from './evidence-custody';
import type { HearingService } from './hearings';
import type { HearingRow } from './hearings-rows';
import type { VaultContext } from './vault-context';

type PartTable = 'hearing_participants' | 'hearing_turns' | 'hearing_questions';
const ENTITY: Record<PartTable, string> = {
  hearing_participants: 'hearing_participant',
  hearing_turns: 'hearing_turn',
  hearing_questions: 'hearing_question',
};

const invalid = (path: string, key: string, message: string) =>
  new AmparoError('VALIDATION_FAILED', message, { issues: [{ path, message: key }] });

const FIELD_OF: Record<string, string> = {
  person_id: 'personId',
  talking_points: 'talkingPoints',
  participant_id: 'participantId',
  answerer_id: 'answererId',
};

/** One ordered pick list of a hearing (chronology, exhibits) and the case table its ids must belong to. */
type PickSpec = {
  table: 'hearing_chronology' | 'hearing_exhibits';
  column: 'incident_id' | 'evidence_id';
  source: 'incidents' | 'evidence_items';
  path: string;
  noun: string;
  each?: (id: string, hearing: HearingRow) => void;
  details: (unique: string[]) => Record<string, unknown>;
};

type PartRow = { id: string; hearing_id: string; revision: number } & Record<string, string | number | null>;
type Values = Record<string, string | number | null>;
/** What a change to one row did, for the audit log; null when it changed nothing. */
type Change = { action: 'record.update' | 'record.delete'; details: Record<string, unknown> } | null;

/**
 * The writer of one kind of ordered row (participants, turns or questions): add at the end, update with
 * its revision, remove and move, each renumbering positions 0…n−1, touching the hearing, leaving one audit
 * entry and answering the whole hearing.
 */
class OrderedPartWriter<F> {
  constructor(
    private readonly parts: HearingPartsService,
    private readonly table: PartTable,
    private readonly columns: (fields: F) => Values,
  ) {}

  add = (hearingId: string, fields: F): Hearing => {
    const { table } = this;
    const values = this.columns(fields);
    const { db, audit, now } = this.parts.ctx();
    const id = randomUUID();
    const at = now().toISOString();
    db.transaction(() => {
      const hearing = this.parts.hearings.row(hearingId);
      this.parts.checkLinks(hearingId, values);
      const { n } = db
        .prepare(`SELECT count(*) AS n FROM ${table} WHERE hearing_id = $hearingId`)
        .get<{ n: number }>({ hearingId })!;
      const columns = Object.keys(values);
      db.prepare(
        `INSERT INTO ${table} (id, hearing_id, position, ${columns.join(', ')}, created_at, updated_at)
         VALUES ($id, $hearingId, $position, ${columns.map((c) => `$${c}`).join(', ')}, $at, $at)`,
      ).run({ id, hearingId, position: Number(n), ...values, at });
      this.parts.hearings.touch(hearingId);
      audit.append({
        action: 'record.create',
        entityType: ENTITY[table],
        entityId: id,
        matterId: hearing.matter_id,
        details: { hearingId },
      });
    })();
    return this.parts.hearings.get(hearingId);
  };

  update = (id: string, revision: number, fields: F): Hearing => {
    const values = this.columns(fields);
    return this.change(id, (current) => {
      if (current.revision !== revision)
        throw new AmparoError('CONFLICT', `${ENTITY[this.table]} ${id} was changed elsewhere`);
      this.parts.checkLinks(current.hearing_id, values);
      const changed = Object.keys(values).filter((c) => current[c] !== values[c]);
      if (changed.length === 0) return null;
      this.parts
        .ctx()
        .db.prepare(
          `UPDATE ${this.table} SET ${Object.keys(values)
            .map((c) => `${c} = $${c}`)
            .join(', ')}, revision = revision + 1, updated_at = $at WHERE id = $id`,
        )
        .run({ id, ...values, at: this.parts.ctx().now().toISOString() });
      return { action: 'record.update', details: { fields: changed.map((c) => FIELD_OF[c] ?? c) } };
    });
  };

  remove = (id: string): Hearing =>
    this.change(id, (current) => {
      this.parts.ctx().db.prepare(`DELETE FROM ${this.table} WHERE id = $id`).run({ id });
      this.renumber(current.hearing_id, this.ids(current.hearing_id));
      return { action: 'record.delete', details: {} };
    });

  move = (id: string, toIndex: number): Hearing =>
    this.change(id, (current) => {
      const ids = this.ids(current.hearing_id);
      const from = ids.indexOf(id);
      const next = moveTo(ids, from, toIndex);
      if (next.every((x, i) => x === ids[i])) return null;
      this.renumber(current.hearing_id, next);
      return { action: 'record.update', details: { fields: ['position'], from, to: next.indexOf(id) } };
    });

  /** One existing row changed in a transaction: the hearing touched and the change audited, if any. */
  private change(id: string, apply: (current: PartRow) => Change): Hearing {
    const { db, audit } = this.parts.ctx();
    let hearingId = '';
    db.transaction(() => {
      const current = this.part(id);
      hearingId = current.hearing_id;
      const done = apply(current);
      if (!done) return;
      this.parts.hearings.touch(hearingId);
      audit.append({
        action: done.action,
        entityType: ENTITY[this.table],
        entityId: id,
        matterId: this.parts.hearings.row(hearingId).matter_id,
        details: { hearingId, ...done.details },
      });
    })();
    return this.parts.hearings.get(hearingId);
  }

  private part(id: string): PartRow {
    const row = this.parts
      .ctx()
      .db.prepare(`SELECT * FROM ${this.table} WHERE id = $id`)
      .get<PartRow>({ id });
    if (!row) throw new AmparoError('NOT_FOUND', `No ${ENTITY[this.table]} ${id}`);
    this.parts.hearings.row(row.hearing_id);
    return row;
  }

  private ids(hearingId: string): string[] {
    return this.parts
      .ctx()
      .db.prepare(`SELECT id FROM ${this.table} WHERE hearing_id = $hearingId ORDER BY position, created_at`)
      .all<{ id: string }>({ hearingId })
      .map((r) => r.id);
  }

  /** Positions 0…n−1 in the given order; a moved row's revision changes (others editing it will see it). */
  private renumber(hearingId: string, ids: readonly string[]): void {
    const { db, now } = this.parts.ctx();
    const at = now().toISOString();
    ids.forEach((id, position) => {
      db.prepare(
        `UPDATE ${this.table} SET position = $position, revision = revision + (position <> $position),
           updated_at = CASE WHEN position <> $position THEN $at ELSE updated_at END
         WHERE id = $id AND hearing_id = $hearingId`,
      ).run({ id, hearingId, position, at });
    });
  }
}

export class HearingPartsService {
  readonly participants = new OrderedPartWriter(this, 'hearing_participants', (f: ParticipantFields) => ({
    side: f.side,
    person_id: f.personId,
    name: f.personId ? '' : f.name,
    role: f.role,
    presence: f.presence,
  }));
  readonly turns = new OrderedPartWriter(this, 'hearing_turns', (f: TurnFields) => ({
    participant_id: f.participantId,
    topic: f.topic,
    seconds: f.seconds,
    talking_points: f.talkingPoints,
  }));
  readonly questions = new OrderedPartWriter(this, 'hearing_questions', (f: QuestionFields) => ({
    question: f.question,
    answer: f.answer,
    answerer_id: f.answererId,
  }));

  constructor(
    readonly ctx: () => VaultContext,
    readonly hearings: HearingService,
  ) {}

  /** The person must be of the case; a speaker or an answerer must be a participant of this hearing. */
  checkLinks(hearingId: string, values: Values): void {
    const { db } = this.ctx();
    const hearing = this.hearings.row(hearingId);
    const personId = values.person_id as string | null | undefined;
    if (personId) {
      const inCase = db
        .prepare(
          `SELECT 1 AS x FROM matter_parties WHERE matter_id = $matterId AND person_id = $personId
             AND deleted_at IS NULL`,
        )
        .get({ matterId: hearing.matter_id, personId });
      if (!inCase)
        throw invalid('fields.personId', 'hearingCore.error.notInCase', 'The person is not one of the case');
    }
    for (const column of ['participant_id', 'answerer_id'] as const) {
      const participantId = values[column] as string | null | undefined;
      if (!participantId) continue;
      const own = db
        .prepare(
          'SELECT 1 AS x FROM hearing_participants WHERE id = $participantId AND hearing_id = $hearingId',
        )
        .get({ participantId, hearingId });
      if (!own)
        throw invalid(
          `fields.${FIELD_OF[column]}`,
          'hearingCore.error.notParticipant',
          'Not a participant of this hearing',
        );
    }
  }

  /** The chronology as picked: facts of the same case, in this order; those not listed are removed. */
  setChronology(hearingId: string, incidentIds: readonly string[]): Hearing {
    return this.setPicks(hearingId, incidentIds, {
      table: 'hearing_chronology',
      column: 'incident_id',
      source: 'incidents',
      path: 'incidentIds',
      noun: 'Incident',
      details: (unique) => ({ fields: ['chronology'], count: unique.length }),
    });
  }

  /** The exhibits as picked: evidence of the same case in this order, each numbered once in the hearing's list. */
  setExhibits(hearingId: string, evidenceIds: readonly string[]): Hearing {
    const ctx = this.ctx();
    return this.setPicks(hearingId, evidenceIds, {
      table: 'hearing_exhibits',
      column: 'evidence_id',
      source: 'evidence_items',
      path: 'evidenceIds',
      noun: 'Evidence',
      each: (evidenceId, hearing) =>
        assignExhibit(ctx, { id: evidenceId, matterId: hearing.matter_id }, hearing.exhibit_list),
      details: (unique) => ({ fields: ['exhibits'], evidenceIds: unique }),
    });
  }

  /** Replaces an ordered pick list: each id once, checked to be a live row of the hearing's case, in order. */
  private setPicks(hearingId: string, ids: readonly string[], pick: PickSpec): Hearing {
    const { db, audit } = this.ctx();
    db.transaction(() => {
      const hearing = this.hearings.row(hearingId);
      const unique = [...new Set(ids)];
      for (const id of unique) {
        const own = db
          .prepare(
            `SELECT 1 AS x FROM ${pick.source} WHERE id = $id AND matter_id = $matterId AND deleted_at IS NULL`,
          )
          .get({ id, matterId: hearing.matter_id });
        if (!own)
          throw invalid(pick.path, 'hearingCore.error.notOfCase', `${pick.noun} ${id} is not of this case`);
        pick.each?.(id, hearing);
      }
      db.prepare(`DELETE FROM ${pick.table} WHERE hearing_id = $hearingId`).run({ hearingId });
      unique.forEach((id, position) =>
        db
          .prepare(
            `INSERT INTO ${pick.table} (hearing_id, ${pick.column}, position) VALUES ($hearingId, $id, $position)`,
          )
          .run({ hearingId, id, position }),
      );
      this.hearings.touch(hearingId);
      audit.append({
        action: 'record.update',
        entityType: 'hearing',
        entityId: hearingId,
        matterId: hearing.matter_id,
        details: pick.details(unique),
      });
    })();
    return this.hearings.get(hearingId);
  }
}
