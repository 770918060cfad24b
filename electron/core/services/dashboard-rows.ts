// One deadline row as the dashboard, the case overview and the calendar show it: the case by reference,
// the due moment in the forum's and the user's zone, its time status through the engine (so every screen
// agrees), and the communication that created it. A confidential case, or a confidential source
// communication, leaves only the reference and the dates until revealed.
import type { DashboardDeadline } from '../../../shared/schemas/dashboard';
import { timeStatus } from '../deadlines';
import { CONFIDENTIAL_MATTERS_SCOPE } from './matters';
import type { RevealState } from './reveal-state';
import { inUserZone } from './dashboard-time';

export type DeadlineRow = {
  id: string;
  matter_id: string;
  title: string;
  kind: string;
  status: string;
  verify: number;
  due_date: string;
  end_time: string;
  zone: string;
  due_instant: string;
  communication_id: string | null;
  reference: string;
  matter_title: string;
  matter_classification: string;
  c_kind: string | null;
  c_direction: string | null;
  c_occurred_on: string | null;
  c_subject: string | null;
  c_classification: string | null;
};

/** The columns a DeadlineRow needs, from `deadlines d JOIN matters m LEFT JOIN communications c`. */
export const DEADLINE_COLUMNS = `d.id, d.matter_id, d.title, d.kind, d.status, d.verify, d.due_date, d.end_time,
  d.zone, d.due_instant, d.communication_id, m.reference, m.title AS matter_title,
  m.classification AS matter_classification, c.kind AS c_kind, c.direction AS c_direction,
  c.occurred_on AS c_occurred_on, c.subject AS c_subject, c.classification AS c_classification`;

export const DEADLINE_FROM = `deadlines d JOIN matters m ON m.id = d.matter_id
  LEFT JOIN communications c ON c.id = d.communication_id AND c.deleted_at IS NULL`;

/** Whether a confidential matter itself may be shown (revealed in lists, or this matter revealed). */
export function matterShown(reveals: RevealState, matterId: string, classification: string): boolean {
  return (
    classification !== 'confidential' ||
    reveals.isConfidentialRevealed(CONFIDENTIAL_MATTERS_SCOPE) ||
    reveals.isConfidentialRevealed(matterId)
  );
}

export function toDashboardDeadline(
  row: DeadlineRow,
  reveals: RevealState,
  now: Date,
  userZone: string,
): DashboardDeadline {
  const matterVisible = matterShown(reveals, row.matter_id, row.matter_classification);
  // A deadline set by a confidential communication often repeats its subject: both wait for the reveal.
  const communicationVisible =
    matterVisible &&
    (row.c_classification !== 'confidential' || reveals.isConfidentialRevealed(row.matter_id));
  const masked = !matterVisible || !communicationVisible;
  const due = { date: row.due_date, endTime: row.end_time, zone: row.zone, instant: row.due_instant };
  const there = inUserZone(due, userZone);
  return {
    deadlineId: row.id,
    matterId: row.matter_id,
    reference: row.reference,
    matterTitle: matterVisible ? row.matter_title : null,
    title: masked ? null : row.title,
    masked,
    kind: row.kind,
    status: row.status as DashboardDeadline['status'],
    timeStatus: row.status === 'open' ? timeStatus(due, now) : null,
    verify: row.verify === 1,
    due: there ? { ...due, inUserZone: there } : due,
    communication:
      row.communication_id && row.c_kind && row.c_occurred_on
        ? {
            id: row.communication_id,
            kind: row.c_kind,
            direction: row.c_direction as 'received' | 'sent',
            occurredOn: row.c_occurred_on,
            subject: communicationVisible ? row.c_subject : null,
          }
        : null,
  };
}
