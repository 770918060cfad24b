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

const COLUMNS = {
  hearing_participants: (f: ParticipantFields) => ({
    side: f.side,
    person_id: f.personId,
    name: f.personId ? '' : f.name,
    role: f.role,
    presence: f.presence,
  }),
  hearing_turns: (f: TurnFields) => ({
    participant_id: f.participantId,
    topic: f.topic,
    seconds: f.seconds,
    talking_points: f.talkingPoints,
  }),
  hearing_questions: (f: QuestionFields) => ({
    question: f.question,
    answer: f.answer,
    answerer_id: f.answererId,
  }),
};
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

export class HearingPartsService {
  constructor(
    private readonly ctx: () => VaultContext,
    private readonly hearings: HearingService,
  ) {}

  private part(table: PartTable, id: string): PartRow {
    const row = this.ctx().db.prepare(`SELECT * FROM ${table} WHERE id = $id`).get<PartRow>({ id });
    if (!row) throw new AmparoError('NOT_FOUND', `No ${ENTITY[table]} ${id}`);
    this.hearings.row(row.hearing_id);
    return row;
  }

  private checkLinks(hearingId: string, values: Record<string, unknown>): void {
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

  private add<T extends PartTable>(table: T, hearingId: string, values: Record<string, unknown>): Hearing {
    const { db, audit, now } = this.ctx();
    const id = randomUUID();
    const at = now().toISOString();
    db.transaction(() => {
      const hearing = this.hearings.row(hearingId);
      this.checkLinks(hearingId, values);
      const { n } = db
        .prepare(`SELECT count(*) AS n FROM ${table} WHERE hearing_id = $hearingId`)
        .get<{ n: number }>({ hearingId })!;
      const columns = Object.keys(values);
      db.prepare(
        `INSERT INTO ${table} (id, hearing_id, position, ${columns.join(', ')}, created_at, updated_at)
         VALUES ($id, $hearingId, $position, ${columns.map((c) => `$${c}`).join(', ')}, $at, $at)`,
      ).run({
        id,
        hearingId,
        position: Number(n),
        ...(values as Record<string, string | number | null>),
        at,
      });
      this.hearings.touch(hearingId);
      audit.append({
        action: 'record.create',
        entityType: ENTITY[table],
        entityId: id,
        matterId: hearing.matter_id,
        details: { hearingId },
      });
    })();
    return this.hearings.get(hearingId);
  }

  private update(table: PartTable, id: string, revision: number, values: Record<string, unknown>): Hearing {
    const { db, audit, now } = this.ctx();
    let hearingId = '';
    db.transaction(() => {
      const current = this.part(table, id);
      hearingId = current.hearing_id;
      if (current.revision !== revision)
        throw new AmparoError('CONFLICT', `${ENTITY[table]} ${id} was changed elsewhere`);
      this.checkLinks(hearingId, values);
      const changed = Object.keys(values).filter((c) => current[c] !== values[c]);
      if (changed.length === 0) return;
      db.prepare(
        `UPDATE ${table} SET ${Object.keys(values)
          .map((c) => `${c} = $${c}`)
          .join(', ')}, revision = revision + 1, updated_at = $at WHERE id = $id`,
      ).run({ id, ...(values as Record<string, string | number | null>), at: now().toISOString() });
      this.hearings.touch(hearingId);
      audit.append({
        action: 'record.update',
        entityType: ENTITY[table],
        entityId: id,
        matterId: this.hearings.row(hearingId).matter_id,
        details: { hearingId, fields: changed.map((c) => FIELD_OF[c] ?? c) },
      });
    })();
    return this.hearings.get(hearingId);
  }

  private remove(table: PartTable, id: string): Hearing {
    const { db, audit } = this.ctx();
    let hearingId = '';
    db.transaction(() => {
      const current = this.part(table, id);
      hearingId = current.hearing_id;
      db.prepare(`DELETE FROM ${table} WHERE id = $id`).run({ id });
      this.renumber(table, hearingId, this.ids(table, hearingId));
      this.hearings.touch(hearingId);
      audit.append({
        action: 'record.delete',
        entityType: ENTITY[table],
        entityId: id,
        matterId: this.hearings.row(hearingId).matter_id,
        details: { hearingId },
      });
    })();
    return this.hearings.get(hearingId);
  }

  private move(table: PartTable, id: string, toIndex: number): Hearing {
    const { db, audit } = this.ctx();
    let hearingId = '';
    db.transaction(() => {
      const current = this.part(table, id);
      hearingId = current.hearing_id;
      const ids = this.ids(table, hearingId);
      const from = ids.indexOf(id);
      const next = moveTo(ids, from, toIndex);
      if (next.every((x, i) => x === ids[i])) return;
      this.renumber(table, hearingId, next);
      this.hearings.touch(hearingId);
      audit.append({
        action: 'record.update',
        entityType: ENTITY[table],
        entityId: id,
        matterId: this.hearings.row(hearingId).matter_id,
        details: { hearingId, fields: ['position'], from, to: next.indexOf(id) },
      });
    })();
    return this.hearings.get(hearingId);
  }

  private ids(table: PartTable, hearingId: string): string[] {
    return this.ctx()
      .db.prepare(`SELECT id FROM ${table} WHERE hearing_id = $hearingId ORDER BY position, created_at`)
      .all<{ id: string }>({ hearingId })
      .map((r) => r.id);
  }

  /** Positions 0…n−1 in the given order; a moved row's revision changes (others editing it will see it). */
  private renumber(table: PartTable, hearingId: string, ids: readonly string[]): void {
    const { db } = this.ctx();
    const at = this.ctx().now().toISOString();
    ids.forEach((id, position) => {
      db.prepare(
        `UPDATE ${table} SET position = $position, revision = revision + (position <> $position),
           updated_at = CASE WHEN position <> $position THEN $at ELSE updated_at END
         WHERE id = $id AND hearing_id = $hearingId`,
      ).run({ id, hearingId, position, at });
    });
  }

  addParticipant = (hearingId: string, f: ParticipantFields) =>
    this.add('hearing_participants', hearingId, COLUMNS.hearing_participants(f));
  updateParticipant = (id: string, revision: number, f: ParticipantFields) =>
    this.update('hearing_participants', id, revision, COLUMNS.hearing_participants(f));
  removeParticipant = (id: string) => this.remove('hearing_participants', id);
  moveParticipant = (id: string, toIndex: number) => this.move('hearing_participants', id, toIndex);

  addTurn = (hearingId: string, f: TurnFields) =>
    this.add('hearing_turns', hearingId, COLUMNS.hearing_turns(f));
  updateTurn = (id: string, revision: number, f: TurnFields) =>
    this.update('hearing_turns', id, revision, COLUMNS.hearing_turns(f));
  removeTurn = (id: string) => this.remove('hearing_turns', id);
  moveTurn = (id: string, toIndex: number) => this.move('hearing_turns', id, toIndex);

  addQuestion = (hearingId: string, f: QuestionFields) =>
    this.add('hearing_questions', hearingId, COLUMNS.hearing_questions(f));
  updateQuestion = (id: string, revision: number, f: QuestionFields) =>
    this.update('hearing_questions', id, revision, COLUMNS.hearing_questions(f));
  removeQuestion = (id: string) => this.remove('hearing_questions', id);
  moveQuestion = (id: string, toIndex: number) => this.move('hearing_questions', id, toIndex);

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
