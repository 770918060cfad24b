// Stored deadlines: created by a rule of the engine or typed by hand, then extended, fulfilled (by a sent
// reply or by hand), waived with a reason, reopened. The row holds the due date in force; every change is
// an event row with the due date before and after and its basis, so history is never overwritten. A
// recurring duty gets its next occurrence when one is fulfilled, once. The vault's calendar edits are
// passed to the engine on every computation.
import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { AmparoError } from '../../../shared/errors';
import type {
  CreateDeadlineInput,
  Deadline,
  DeadlineDateInput,
  ExtensionRequest,
  ListDeadlinesInput,
} from '../../../shared/schemas/deadline-records';
import type { ComputeResult, Recurrence } from '../../../shared/schemas/deadline';
import { computeDeadline, extendDeadline, manualDeadline, nextOccurrence } from '../deadlines';
import { calendarFor } from './deadlines-calendar';
import { DEADLINE_SELECT, toDeadline, type DeadlineRow } from './deadlines-rows';
import { CONFIDENTIAL_MATTERS_SCOPE } from './matters';
import { requireLiveMatter } from './records';
import type { RevealState } from './reveal-state';
import { indexForSearch } from './search-index';
import type { VaultContext } from './vault-context';

export interface DeadlineClock {
  /** The clock that decides "due soon", "overdue" and reminders (tests fix it). */
  now?: () => Date;
  /** The user's own time zone (default: the machine's). */
  userZone?: () => string;
}

type Fields = { title: string; kind: string; notes: string; recurrence: Recurrence | null };

const systemZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function validation(message: string, path: string, key: string): AmparoError {
  return new AmparoError('VALIDATION_FAILED', message, { issues: [{ path, message: key }] });
}

export class DeadlineService {
  constructor(
    private readonly ctx: () => VaultContext,
    private readonly reveals: RevealState,
    private readonly clock: DeadlineClock = {},
  ) {}

  now(): Date {
    return this.clock.now ? this.clock.now() : this.ctx().now();
  }

  userZone(): string {
    return this.clock.userZone?.() ?? systemZone();
  }

  /** Title and notes of a confidential case's deadlines stay hidden until the case is revealed. */
  private withheld(row: Pick<DeadlineRow, 'matter_id' | 'matter_classification'>): boolean {
    return (
      row.matter_classification === 'confidential' &&
      !this.reveals.isConfidentialRevealed(row.matter_id) &&
      !this.reveals.isConfidentialRevealed(CONFIDENTIAL_MATTERS_SCOPE)
    );
  }

  private toDeadline(row: DeadlineRow): Deadline {
    return toDeadline(this.ctx().db, row, {
      withheld: this.withheld(row),
      now: this.now(),
      userZone: this.userZone(),
    });
  }

  private row(id: string): DeadlineRow {
    const row = this.ctx().db.prepare(`${DEADLINE_SELECT} WHERE d.id = $id`).get<DeadlineRow>({ id });
    if (!row || row.deleted_at) throw new AmparoError('NOT_FOUND', `No deadline ${id}`);
    return row;
  }

  matterClassification(matterId: string): string | undefined {
    return this.ctx()
      .db.prepare('SELECT classification FROM matters WHERE id = $matterId')
      .get<{ classification: string }>({ matterId })?.classification;
  }

  get(id: string): Deadline {
    return this.toDeadline(this.row(id));
  }

  /** The date a request sets, with the vault's calendar edits for its rule: computed, not saved. */
  compute(date: DeadlineDateInput): ComputeResult {
    const userZone = this.userZone();
    if (date.mode === 'manual')
      return manualDeadline({ date: date.date, endTime: date.endTime, zone: date.zone, userZone });
    return computeDeadline({
      ruleId: date.ruleId,
      trigger: date.trigger,
      ...(date.period ? { period: date.period } : {}),
      ...calendarFor(this.ctx().db, date.ruleId),
      userZone,
    });
  }

  preview(date: DeadlineDateInput) {
    const result = this.compute(date);
    return {
      due: result.due,
      inUserZone: result.inUserZone ?? null,
      basis: result.basis,
      verify: result.verify,
    };
  }

  list(input: ListDeadlinesInput = {}): { items: Deadline[]; hiddenConfidential: number } {
    const where = ['d.deleted_at IS NULL', 'm.deleted_at IS NULL'];
    const params: Record<string, string | number> = {};
    if (input.matterId) {
      where.push('d.matter_id = $matterId');
      params.matterId = input.matterId;
    }
    if (input.communicationId) {
      where.push('d.communication_id = $communicationId');
      params.communicationId = input.communicationId;
    }
    const status = input.status ?? 'all';
    if (status !== 'all') {
      where.push('d.status = $status');
      params.status = status;
    }
    const now = this.now();
    if (input.overdue) {
      where.push(`d.status = 'open' AND d.due_instant <= $now`);
      params.now = instantText(now);
    }
    if (input.dueWithinDays !== undefined) {
      where.push(`d.status = 'open' AND d.due_instant <= $until`);
      params.until = instantText(new Date(now.getTime() + input.dueWithinDays * 86_400_000));
    }
    const rows = this.ctx()
      .db.prepare(`${DEADLINE_SELECT} WHERE ${where.join(' AND ')} ORDER BY d.due_instant, d.created_at`)
      .all<DeadlineRow>(Object.keys(params).length > 0 ? params : undefined);
    const items = rows.map((r) => this.toDeadline(r));
    return { items, hiddenConfidential: items.filter((d) => d.withheld).length };
  }

  create(input: CreateDeadlineInput & Fields): Deadline {
    const { db, audit, now } = this.ctx();
    const result = this.compute(input.date);
    const id = randomUUID();
    const at = now().toISOString();
    db.transaction(() => {
      requireLiveMatter(db, input.matterId);
      if (input.communicationId) this.requireCommunication(input.communicationId, input.matterId);
      this.insert(id, at, {
        matterId: input.matterId,
        communicationId: input.communicationId ?? null,
        fields: input,
        result,
        mode: input.date.mode,
        previousId: null,
      });
      this.event(id, {
        kind: 'created',
        onDate: at.slice(0, 10),
        newDueDate: result.due.date,
        basis: result.basis,
      });
      this.index(id);
      audit.append({
        action: 'record.create',
        entityType: 'deadline',
        entityId: id,
        matterId: input.matterId,
        details: { mode: input.date.mode, ruleId: result.ruleId, dueDate: result.due.date },
      });
    })();
    return this.get(id);
  }

  update(id: string, revision: number, fields: Fields): Deadline {
    const { db, audit } = this.ctx();
    db.transaction(() => {
      const current = this.checked(id, revision);
      db.prepare(
        `UPDATE deadlines SET title = $title, kind = $kind, notes = $notes, recurrence = $recurrence,
           revision = revision + 1, updated_at = $at WHERE id = $id`,
      ).run({
        id,
        at: this.ctx().now().toISOString(),
        title: fields.title,
        kind: fields.kind,
        notes: fields.notes,
        recurrence: fields.recurrence ? JSON.stringify(fields.recurrence) : null,
      });
      const changed: string[] = (['title', 'kind', 'notes'] as const).filter((k) => current[k] !== fields[k]);
      if ((current.recurrence ?? null) !== (fields.recurrence ? JSON.stringify(fields.recurrence) : null))
        changed.push('recurrence');
      this.event(id, { kind: 'edited', onDate: this.today(), note: changed.join(', ') });
      this.index(id);
      audit.append({
        action: 'record.update',
        entityType: 'deadline',
        entityId: id,
        matterId: current.matter_id,
        details: { fields: changed },
      });
    })();
    return this.get(id);
  }

  /** An extension requested, granted (the due date moves; the old one stays in the history) or denied. */
  extend(input: ExtensionRequest): Deadline {
    const { db, audit } = this.ctx();
    db.transaction(() => {
      const current = this.checked(input.id, input.revision);
      if (current.status !== 'open')
        throw validation('Only an open deadline can be extended', 'status', 'deadlines.error.notOpen');
      if (input.communicationId) this.requireCommunication(input.communicationId, current.matter_id);
      const kind = `extension_${input.outcome}` as const;
      if (input.outcome !== 'granted') {
        this.touch(input.id);
        this.event(input.id, {
          kind,
          onDate: input.onDate,
          communicationId: input.communicationId ?? null,
          note: input.note,
        });
      } else {
        const result = this.extended(current, input.period);
        db.prepare(
          `UPDATE deadlines SET due_date = $date, end_time = $endTime, zone = $zone, due_instant = $instant,
             basis = $basis, revision = revision + 1, updated_at = $at WHERE id = $id`,
        ).run({
          id: input.id,
          at: this.ctx().now().toISOString(),
          ...result.due,
          basis: JSON.stringify(result.basis),
        });
        this.event(input.id, {
          kind,
          onDate: input.onDate,
          previousDueDate: current.due_date,
          newDueDate: result.due.date,
          basis: result.basis,
          communicationId: input.communicationId ?? null,
          note: input.note,
        });
      }
      audit.append({
        action: 'record.update',
        entityType: 'deadline',
        entityId: input.id,
        matterId: current.matter_id,
        details: { event: kind },
      });
    })();
    return this.get(input.id);
  }

  private extended(
    current: DeadlineRow,
    period: { unit: 'date'; date: string } | { unit: 'days' | 'working-days' | 'months'; amount: number },
  ): ComputeResult {
    const userZone = this.userZone();
    if (current.mode === 'rule' && current.rule_id)
      return extendDeadline({
        ruleId: current.rule_id,
        previousDue: current.due_date,
        period,
        ...calendarFor(this.ctx().db, current.rule_id),
        userZone,
      });
    if (period.unit !== 'date')
      throw validation(
        'A deadline typed by hand is extended to a new date',
        'period',
        'deadlines.error.manualNeedsDate',
      );
    const result = manualDeadline({
      date: period.date,
      endTime: current.end_time,
      zone: current.zone,
      userZone,
    });
    return { ...result, basis: [{ step: 'extension', from: current.due_date }, ...result.basis] };
  }

  fulfil(input: {
    id: string;
    revision: number;
    onDate: string;
    communicationId?: string | null;
    note?: string;
  }): Deadline {
    const { db, audit } = this.ctx();
    db.transaction(() => {
      const current = this.checked(input.id, input.revision);
      if (input.communicationId) this.requireCommunication(input.communicationId, current.matter_id);
      this.markFulfilled(current, input.onDate, input.communicationId ?? null, input.note ?? '');
      audit.append({
        action: 'record.update',
        entityType: 'deadline',
        entityId: input.id,
        matterId: current.matter_id,
        details: { event: 'fulfilled', byCommunication: Boolean(input.communicationId) },
      });
    })();
    return this.get(input.id);
  }

  /**
   * A reply was recorded: the open deadlines that the communication it answers created are fulfilled by it.
   * Runs inside the caller's transaction (the correspondence service's hook). Returns the deadlines fulfilled.
   */
  fulfilByReply(input: { replyId: string; answersId: string; onDate: string }): string[] {
    const { db, audit } = this.ctx();
    return db.transaction(() => {
      const rows = db
        .prepare(
          `${DEADLINE_SELECT} WHERE d.communication_id = $answersId AND d.status = 'open' AND d.deleted_at IS NULL`,
        )
        .all<DeadlineRow>({ answersId: input.answersId });
      for (const row of rows) {
        this.markFulfilled(row, input.onDate, input.replyId, '');
        audit.append({
          action: 'record.update',
          entityType: 'deadline',
          entityId: row.id,
          matterId: row.matter_id,
          details: { event: 'fulfilled', byCommunication: true },
        });
      }
      return rows.map((r) => r.id);
    })();
  }

  private markFulfilled(current: DeadlineRow, onDate: string, communicationId: string | null, note: string) {
    if (current.status !== 'open')
      throw validation('Only an open deadline can be fulfilled', 'status', 'deadlines.error.notOpen');
    this.ctx()
      .db.prepare(
        `UPDATE deadlines SET status = 'fulfilled', fulfilled_by = $by, fulfilled_on = $onDate,
           revision = revision + 1, updated_at = $at WHERE id = $id`,
      )
      .run({ id: current.id, by: communicationId, onDate, at: this.ctx().now().toISOString() });
    this.event(current.id, { kind: 'fulfilled', onDate, communicationId, note });
    if (current.recurrence) this.createNext(current, onDate);
  }

  /** The next occurrence of a recurring duty, once: a second fulfilment (after a reopen) adds none. */
  private createNext(current: DeadlineRow, fulfilledOn: string): void {
    const { db, audit, now } = this.ctx();
    const exists = db
      .prepare('SELECT 1 AS x FROM deadlines WHERE previous_id = $id AND deleted_at IS NULL')
      .get({ id: current.id });
    if (exists) return;
    const recurrence = JSON.parse(current.recurrence!) as Recurrence;
    const userZone = this.userZone();
    let result: ComputeResult;
    if (current.mode === 'rule' && current.rule_id) {
      result = nextOccurrence({
        ruleId: current.rule_id,
        recurrence,
        previousDue: current.due_date,
        fulfilledOn,
        ...calendarFor(db, current.rule_id),
        userZone,
      });
    } else {
      // No rule to count with: the period is added on the calendar (Temporal), the end time and zone kept.
      if (recurrence.every.unit === 'working-days')
        throw validation(
          'A deadline typed by hand cannot recur in working days: give it a rule',
          'recurrence',
          'deadlines.error.manualNeedsDate',
        );
      const anchor = recurrence.from === 'fulfilled' ? fulfilledOn : current.due_date;
      const date = Temporal.PlainDate.from(anchor)
        .add(
          recurrence.every.unit === 'months'
            ? { months: recurrence.every.amount }
            : { days: recurrence.every.amount },
        )
        .toString();
      const manual = manualDeadline({ date, endTime: current.end_time, zone: current.zone, userZone });
      result = {
        ...manual,
        basis: [{ step: 'recurrence', every: recurrence.every, from: anchor }, ...manual.basis],
      };
    }
    const id = randomUUID();
    const at = now().toISOString();
    this.insert(id, at, {
      matterId: current.matter_id,
      communicationId: null,
      fields: { title: current.title, kind: current.kind, notes: current.notes, recurrence },
      result,
      mode: current.mode,
      previousId: current.id,
    });
    this.event(id, {
      kind: 'created',
      onDate: fulfilledOn,
      newDueDate: result.due.date,
      basis: result.basis,
    });
    this.index(id);
    audit.append({
      action: 'record.create',
      entityType: 'deadline',
      entityId: id,
      matterId: current.matter_id,
      details: { recurrenceOf: current.id, dueDate: result.due.date },
    });
  }

  waive(input: { id: string; revision: number; onDate: string; reason: string }): Deadline {
    const { db, audit } = this.ctx();
    const reason = input.reason.trim();
    if (!reason) throw validation('A waiver needs a reason', 'reason', 'deadlines.error.reasonRequired');
    db.transaction(() => {
      const current = this.checked(input.id, input.revision);
      if (current.status !== 'open')
        throw validation('Only an open deadline can be waived', 'status', 'deadlines.error.notOpen');
      db.prepare(
        `UPDATE deadlines SET status = 'waived', waived_reason = $reason, revision = revision + 1,
           updated_at = $at WHERE id = $id`,
      ).run({ id: input.id, reason, at: this.ctx().now().toISOString() });
      this.event(input.id, { kind: 'waived', onDate: input.onDate, note: reason });
      audit.append({
        action: 'record.update',
        entityType: 'deadline',
        entityId: input.id,
        matterId: current.matter_id,
        details: { event: 'waived' },
      });
    })();
    return this.get(input.id);
  }

  reopen(input: { id: string; revision: number; onDate: string; note?: string }): Deadline {
    const { db, audit } = this.ctx();
    db.transaction(() => {
      const current = this.checked(input.id, input.revision);
      if (current.status === 'open')
        throw validation('The deadline is open already', 'status', 'deadlines.error.notClosed');
      db.prepare(
        `UPDATE deadlines SET status = 'open', fulfilled_by = NULL, fulfilled_on = NULL, waived_reason = NULL,
           revision = revision + 1, updated_at = $at WHERE id = $id`,
      ).run({ id: input.id, at: this.ctx().now().toISOString() });
      this.event(input.id, { kind: 'reopened', onDate: input.onDate, note: input.note ?? '' });
      audit.append({
        action: 'record.update',
        entityType: 'deadline',
        entityId: input.id,
        matterId: current.matter_id,
        details: { event: 'reopened', from: current.status },
      });
    })();
    return this.get(input.id);
  }

  reindex(id: string): void {
    this.index(id);
  }

  private index(id: string): void {
    const { db } = this.ctx();
    const row = db.prepare(`${DEADLINE_SELECT} WHERE d.id = $id`).get<DeadlineRow>({ id });
    if (!row) return;
    indexForSearch(db, {
      entityType: 'deadline',
      entityId: id,
      matterId: row.matter_id,
      // A deadline is as confidential as its case.
      classification: row.matter_classification as 'public' | 'restricted' | 'confidential',
      title: row.title,
      body: row.notes,
    });
  }

  private checked(id: string, revision: number): DeadlineRow {
    const current = this.row(id);
    if (current.revision !== revision)
      throw new AmparoError('CONFLICT', `Deadline ${id} was changed elsewhere`);
    return current;
  }

  private touch(id: string): void {
    this.ctx()
      .db.prepare('UPDATE deadlines SET revision = revision + 1, updated_at = $at WHERE id = $id')
      .run({ id, at: this.ctx().now().toISOString() });
  }

  private today(): string {
    return Temporal.Instant.fromEpochMilliseconds(this.now().getTime())
      .toZonedDateTimeISO(this.userZone())
      .toPlainDate()
      .toString();
  }

  private requireCommunication(id: string, matterId: string): void {
    const row = this.ctx()
      .db.prepare('SELECT matter_id FROM communications WHERE id = $id AND deleted_at IS NULL')
      .get<{ matter_id: string }>({ id });
    if (!row || row.matter_id !== matterId)
      throw new AmparoError('NOT_FOUND', `No communication ${id} in this case`);
  }

  private insert(
    id: string,
    at: string,
    d: {
      matterId: string;
      communicationId: string | null;
      fields: Fields;
      result: ComputeResult;
      mode: 'rule' | 'manual';
      previousId: string | null;
    },
  ): void {
    const { result } = d;
    this.ctx()
      .db.prepare(
        `INSERT INTO deadlines (id, matter_id, communication_id, title, kind, mode, rule_id, rule_version,
           trigger_kind, trigger_date, trigger_time, trigger_zone, period, due_date, end_time, zone, due_instant,
           basis, verify, recurrence, previous_id, notes, created_at, updated_at)
         VALUES ($id, $matterId, $communicationId, $title, $kind, $mode, $ruleId, $ruleVersion,
           $triggerKind, $triggerDate, $triggerTime, $triggerZone, $period, $dueDate, $endTime, $zone, $instant,
           $basis, $verify, $recurrence, $previousId, $notes, $at, $at)`,
      )
      .run({
        id,
        at,
        matterId: d.matterId,
        communicationId: d.communicationId,
        title: d.fields.title,
        kind: d.fields.kind,
        mode: d.mode,
        ruleId: result.ruleId,
        ruleVersion: result.ruleVersion,
        triggerKind: result.trigger?.kind ?? null,
        triggerDate: result.trigger?.date ?? null,
        triggerTime: result.trigger?.time ?? null,
        triggerZone: result.trigger?.zone ?? null,
        period: result.period ? JSON.stringify(result.period) : null,
        dueDate: result.due.date,
        endTime: result.due.endTime,
        zone: result.due.zone,
        instant: result.due.instant,
        basis: JSON.stringify(result.basis),
        verify: result.verify ? 1 : 0,
        recurrence: d.fields.recurrence ? JSON.stringify(d.fields.recurrence) : null,
        previousId: d.previousId,
        notes: d.fields.notes,
      });
  }

  private event(
    deadlineId: string,
    e: {
      kind: string;
      onDate: string;
      previousDueDate?: string;
      newDueDate?: string;
      basis?: ComputeResult['basis'];
      communicationId?: string | null;
      note?: string;
    },
  ): void {
    const { db, actor, now } = this.ctx();
    db.prepare(
      `INSERT INTO deadline_events (id, deadline_id, kind, on_date, previous_due_date, new_due_date, basis,
         communication_id, note, recorded_at, recorded_by)
       VALUES ($id, $deadlineId, $kind, $onDate, $previous, $new, $basis, $communicationId, $note, $at, $by)`,
    ).run({
      id: randomUUID(),
      deadlineId,
      kind: e.kind,
      onDate: e.onDate,
      previous: e.previousDueDate ?? null,
      new: e.newDueDate ?? null,
      basis: e.basis ? JSON.stringify(e.basis) : null,
      communicationId: e.communicationId ?? null,
      note: e.note ?? '',
      at: now().toISOString(),
      by: actor(),
    });
  }
}

/** The same ISO form the engine stores (seconds, Z), so text comparison orders instants. */
function instantText(date: Date): string {
  return Temporal.Instant.fromEpochMilliseconds(date.getTime()).toString({ smallestUnit: 'second' });
}
