// A deadlines row and its events as the contract's Deadline, with the time status from the engine's
// timeStatus (the one every screen uses) and a confidential case's title and notes withheld.
import type { Deadline, DeadlineEvent } from '../../../shared/schemas/deadline-records';
import type { BasisStep, ComputeResult } from '../../../shared/schemas/deadline';
import { timeStatus } from '../deadlines';
import type { Database } from '../vault/database';

export type DeadlineRow = {
  id: string;
  matter_id: string;
  communication_id: string | null;
  title: string;
  kind: string;
  mode: 'rule' | 'manual';
  rule_id: string | null;
  rule_version: number | null;
  trigger_kind: string | null;
  trigger_date: string | null;
  trigger_time: string | null;
  trigger_zone: string | null;
  period: string | null;
  due_date: string;
  end_time: string;
  zone: string;
  due_instant: string;
  basis: string;
  verify: number;
  status: 'open' | 'fulfilled' | 'waived';
  fulfilled_by: string | null;
  fulfilled_on: string | null;
  waived_reason: string | null;
  recurrence: string | null;
  previous_id: string | null;
  notes: string;
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** Joined from matters. */
  matter_reference: string;
  matter_classification: string;
};

type EventRow = {
  id: string;
  kind: string;
  on_date: string;
  previous_due_date: string | null;
  new_due_date: string | null;
  basis: string | null;
  communication_id: string | null;
  note: string;
  recorded_at: string;
  recorded_by: string;
};

export const DEADLINE_SELECT = `SELECT d.*, m.reference AS matter_reference, m.classification AS matter_classification
  FROM deadlines d JOIN matters m ON m.id = d.matter_id`;

export function eventsOf(db: Database, deadlineId: string): DeadlineEvent[] {
  return db
    .prepare('SELECT * FROM deadline_events WHERE deadline_id = $deadlineId ORDER BY recorded_at, rowid')
    .all<EventRow>({ deadlineId })
    .map((e) => ({
      id: e.id,
      kind: e.kind as DeadlineEvent['kind'],
      onDate: e.on_date,
      previousDueDate: e.previous_due_date,
      newDueDate: e.new_due_date,
      basis: e.basis ? (JSON.parse(e.basis) as BasisStep[]) : null,
      communicationId: e.communication_id,
      note: e.note,
      recordedAt: e.recorded_at,
      recordedBy: e.recorded_by,
    }));
}

/** The due moment in the user's zone, when it reads differently from the forum's (a lawyer in Tijuana). */
export function inUserZone(
  due: { date: string; endTime: string; zone: string; instant: string },
  userZone: string,
): Deadline['inUserZone'] {
  if (userZone === due.zone) return null;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: userZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(due.instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  let date = `${part('year')}-${part('month')}-${part('day')}`;
  let time = `${part('hour')}:${part('minute')}`;
  if (time === '00:00') {
    // Midnight reads as 24:00 of the day before, the way limits are written.
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    date = d.toISOString().slice(0, 10);
    time = '24:00';
  }
  if (date === due.date && time === due.endTime) return null;
  return { zone: userZone, date, time };
}

export function toDeadline(
  db: Database,
  row: DeadlineRow,
  opts: { withheld: boolean; now: Date; userZone: string },
): Deadline {
  const due = { date: row.due_date, endTime: row.end_time, zone: row.zone, instant: row.due_instant };
  return {
    id: row.id,
    matterId: row.matter_id,
    matterReference: row.matter_reference,
    withheld: opts.withheld,
    communicationId: row.communication_id,
    title: opts.withheld ? '' : row.title,
    kind: row.kind as Deadline['kind'],
    mode: row.mode,
    ruleId: row.rule_id,
    ruleVersion: row.rule_version,
    trigger:
      row.trigger_date && row.trigger_kind
        ? {
            kind: row.trigger_kind as NonNullable<Deadline['trigger']>['kind'],
            date: row.trigger_date,
            time: row.trigger_time,
            zone: row.trigger_zone,
          }
        : null,
    period: row.period ? (JSON.parse(row.period) as Deadline['period']) : null,
    due,
    inUserZone: inUserZone(due, opts.userZone),
    basis: JSON.parse(row.basis) as ComputeResult['basis'],
    verify: row.verify === 1,
    status: row.status,
    timeStatus: row.status === 'open' ? timeStatus(due, opts.now) : 'open',
    fulfilledBy: row.fulfilled_by,
    fulfilledOn: row.fulfilled_on,
    waivedReason: opts.withheld ? null : row.waived_reason,
    recurrence: row.recurrence ? (JSON.parse(row.recurrence) as Deadline['recurrence']) : null,
    previousId: row.previous_id,
    notes: opts.withheld ? '' : row.notes,
    events: eventsOf(db, row.id).map((e) => (opts.withheld ? { ...e, note: '' } : e)),
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}
