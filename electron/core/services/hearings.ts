// Hearings of a case: create, edit with optimistic locking, soft delete, and the full record with its parts.
// The request window and the hearing date become deadlines through the deadlines service (so the dashboard,
// the calendar and reminders see them); "record the outcome" writes a communication of the case.
// Audit entries carry ids and field names only, never the text typed.
import { randomUUID } from 'node:crypto';
import { AmparoError } from '../../../shared/errors';
import type {
  CreateHearingInput,
  Hearing,
  HearingFields,
  HearingSummary,
  RecordOutcomeInput,
} from '../../../shared/schemas/hearings';
import type { CommunicationService } from './communications';
import type { DeadlineService } from './deadlines';
import { linkedDeadlines, syncHearingDeadlines, waiveHearingDeadlines } from './hearings-deadlines';
import {
  chronology,
  exhibits,
  participantRows,
  questionRows,
  toParticipant,
  toQuestion,
  toSummary,
  toTurns,
  turnRows,
  type HearingRow,
} from './hearings-rows';
import { CONFIDENTIAL_MATTERS_SCOPE } from './matters';
import { requireLiveMatter } from './records';
import type { RevealState } from './reveal-state';
import type { VaultContext } from './vault-context';

const COLUMNS: Record<keyof HearingFields, keyof HearingRow> = {
  kind: 'kind',
  title: 'title',
  lang: 'lang',
  forum: 'forum',
  sessionPeriod: 'session_period',
  sessionsStartOn: 'sessions_start_on',
  heldOn: 'held_on',
  startTime: 'start_time',
  zone: 'zone',
  place: 'place',
  status: 'status',
  requestedOn: 'requested_on',
  totalMinutes: 'total_minutes',
  ourMinutes: 'our_minutes',
  sharingNote: 'sharing_note',
  keyAsks: 'key_asks',
  classification: 'classification',
};

function columnValues(fields: HearingFields): Record<string, string | number | null> {
  const values: Record<string, string | number | null> = {};
  for (const [field, column] of Object.entries(COLUMNS))
    values[column] =
      field === 'keyAsks'
        ? JSON.stringify(fields.keyAsks)
        : (fields[field as keyof HearingFields] as string | number | null);
  return values;
}

function checkShare(fields: HearingFields): void {
  if (fields.totalMinutes !== null && fields.ourMinutes !== null && fields.ourMinutes > fields.totalMinutes)
    throw new AmparoError('VALIDATION_FAILED', 'Our share exceeds the total time', {
      issues: [{ path: 'fields.ourMinutes', message: 'hearingCore.error.shareOverTotal' }],
    });
}

export class HearingService {
  constructor(
    private readonly ctx: () => VaultContext,
    private readonly reveals: RevealState,
    private readonly deps: { deadlines: DeadlineService; communications: CommunicationService },
  ) {}

  /** A confidential case's hearings are read like the case itself: only once it is revealed. */
  private matterRevealed(matterId: string): boolean {
    return (
      this.reveals.isConfidentialRevealed(CONFIDENTIAL_MATTERS_SCOPE) ||
      this.reveals.isConfidentialRevealed(matterId)
    );
  }

  assertMatterShown(matterId: string): void {
    const row = this.ctx()
      .db.prepare('SELECT classification FROM matters WHERE id = $matterId')
      .get<{ classification: string }>({ matterId });
    if (row?.classification === 'confidential' && !this.matterRevealed(matterId))
      throw new AmparoError('CONFIDENTIAL', `Matter ${matterId} is confidential: reveal it first`);
  }

  /**
   * The live hearing row; CONFIDENTIAL while the hearing or its case is confidential and not revealed.
   * `asWriter`: the one who just saved it sees it, confidential or not (as with notes and letters).
   */
  row(id: string, asWriter = false): HearingRow {
    const row = this.ctx()
      .db.prepare('SELECT * FROM hearings WHERE id = $id AND deleted_at IS NULL')
      .get<HearingRow>({ id });
    if (!row) throw new AmparoError('NOT_FOUND', `No hearing ${id}`);
    this.assertMatterShown(row.matter_id);
    if (!asWriter && row.classification === 'confidential' && !this.matterRevealed(row.matter_id))
      throw new AmparoError('CONFIDENTIAL', `Hearing ${id} is confidential: reveal its case first`);
    return row;
  }

  /** Optimistic locking on the hearing: CONFLICT when someone saved since `revision` was read. */
  checked(id: string, revision: number): HearingRow {
    const row = this.row(id);
    if (row.revision !== revision) throw new AmparoError('CONFLICT', `Hearing ${id} was changed elsewhere`);
    return row;
  }

  /** A change to a part of the hearing makes it newer (its list and the UI's copy see it). */
  touch(id: string): void {
    this.ctx()
      .db.prepare('UPDATE hearings SET updated_at = $at WHERE id = $id')
      .run({ id, at: this.ctx().now().toISOString() });
  }

  list(matterId: string): HearingSummary[] {
    this.assertMatterShown(matterId);
    const { db } = this.ctx();
    const showConfidential = this.matterRevealed(matterId);
    return db
      .prepare(
        `SELECT * FROM hearings WHERE matter_id = $matterId AND deleted_at IS NULL
         ORDER BY held_on IS NULL, held_on DESC, created_at DESC`,
      )
      .all<HearingRow>({ matterId })
      .filter((r) => showConfidential || r.classification !== 'confidential')
      .map((r) => toSummary(r, turnRows(db, r.id)));
  }

  get(id: string, asWriter = false): Hearing {
    const row = this.row(id, asWriter);
    const { db } = this.ctx();
    const turns = turnRows(db, id);
    const revealed = this.matterRevealed(row.matter_id);
    // Confidential facts and items picked keep their titles hidden until the case is revealed.
    const shown = (classification: string) => revealed || classification !== 'confidential';
    return {
      ...toSummary(row, turns),
      participants: participantRows(db, id).map(toParticipant),
      turns: toTurns(turns),
      chronology: chronology(db, id, shown),
      exhibits: exhibits(db, row, shown),
      questions: questionRows(db, id).map(toQuestion),
      deadlines: linkedDeadlines(db, id).map((d) => ({
        id: d.id,
        kind: d.kind,
        dueDate: d.due_date,
        status: d.status,
      })),
    };
  }

  create(input: { matterId: string; fields: HearingFields } & Omit<CreateHearingInput, 'fields'>): Hearing {
    const { db, audit, now } = this.ctx();
    const { matterId, fields } = input;
    checkShare(fields);
    const id = randomUUID();
    const at = now().toISOString();
    db.transaction(() => {
      requireLiveMatter(db, matterId);
      this.assertMatterShown(matterId);
      db.prepare(
        `INSERT INTO hearings (id, matter_id, ${Object.values(COLUMNS).join(', ')}, exhibit_list,
           created_at, updated_at)
         VALUES ($id, $matterId, ${Object.values(COLUMNS)
           .map((c) => `$${c}`)
           .join(', ')}, $exhibitList, $at, $at)`,
      ).run({
        id,
        matterId,
        ...columnValues(fields),
        exhibitList: `${fields.lang === 'es' ? 'Audiencia' : 'Hearing'} ${at.slice(0, 10)} #${id.slice(0, 8)}`,
        at,
      });
      audit.append({
        action: 'record.create',
        entityType: 'hearing',
        entityId: id,
        matterId,
        details: { kind: fields.kind, status: fields.status },
      });
      syncHearingDeadlines(this.ctx(), this.deps.deadlines, this.row(id, true), null);
    })();
    return this.get(id, true);
  }

  update(id: string, revision: number, fields: HearingFields): Hearing {
    const { db, audit, now } = this.ctx();
    checkShare(fields);
    db.transaction(() => {
      const current = this.checked(id, revision);
      const next = columnValues(fields);
      const changed = Object.entries(COLUMNS)
        .filter(([, column]) => current[column] !== next[column])
        .map(([field]) => field);
      if (changed.length === 0) return;
      db.prepare(
        `UPDATE hearings SET ${Object.values(COLUMNS)
          .map((c) => `${c} = $${c}`)
          .join(', ')}, revision = revision + 1, updated_at = $at WHERE id = $id`,
      ).run({ id, ...next, at: now().toISOString() });
      audit.append({
        action: 'record.update',
        entityType: 'hearing',
        entityId: id,
        matterId: current.matter_id,
        details: { fields: changed },
      });
      syncHearingDeadlines(this.ctx(), this.deps.deadlines, this.row(id, true), current);
    })();
    return this.get(id, true);
  }

  delete(id: string): void {
    const { db, audit, now } = this.ctx();
    db.transaction(() => {
      const row = this.row(id, true);
      waiveHearingDeadlines(this.ctx(), this.deps.deadlines, row);
      db.prepare('UPDATE hearings SET deleted_at = $at WHERE id = $id').run({ id, at: now().toISOString() });
      audit.append({ action: 'record.delete', entityType: 'hearing', entityId: id, matterId: row.matter_id });
    })();
  }

  /** The outcome as a communication of the case, linked to the hearing; the hearing is then held (or cancelled). */
  recordOutcome(
    input: RecordOutcomeInput & { body: string; counterpart: string; status: 'held' | 'cancelled' },
  ): Hearing {
    const { db, audit, now } = this.ctx();
    db.transaction(() => {
      const current = this.checked(input.hearingId, input.revision);
      const communication = this.deps.communications.create(current.matter_id, {
        direction: 'received',
        counterpart: input.counterpart as never,
        counterpartName: '',
        channel: 'meeting',
        kind: 'other',
        occurredOn: input.occurredOn,
        occurredTime: null,
        zone: null,
        notifiedOn: null,
        reference: '',
        noteNumber: '',
        subject: input.subject,
        body: input.body,
        classification: current.classification,
        inReplyTo: null,
      });
      db.prepare(
        `UPDATE hearings SET outcome_communication_id = $communicationId, status = $status,
           revision = revision + 1, updated_at = $at WHERE id = $id`,
      ).run({
        id: current.id,
        communicationId: communication.id,
        status: input.status,
        at: now().toISOString(),
      });
      audit.append({
        action: 'record.update',
        entityType: 'hearing',
        entityId: current.id,
        matterId: current.matter_id,
        details: { event: 'outcome', communicationId: communication.id, status: input.status },
      });
      syncHearingDeadlines(this.ctx(), this.deps.deadlines, this.row(current.id, true), current);
    })();
    return this.get(input.hearingId);
  }
}
