// A hearing's two deadlines, kept in step with it through the deadlines service: the request window (counted
// back from the first day of the period of sessions by the iachr-hearing-request rule) and the hearing date
// itself (a fixed date at the hearing's time and zone). A date that moves waives the old deadline with a
// reason and creates a new one, so the history shows both; a request made or a hearing held fulfils them.
import type { Database } from '../vault/database';
import { deadlineTitle, hearingKindLabel, waiverReason, type WaiverReason } from '../hearings/words';
import type { DeadlineService } from './deadlines';
import type { HearingRow } from './hearings-rows';
import type { VaultContext } from './vault-context';

export const HEARING_REQUEST_RULE = 'iachr-hearing-request';

export type LinkedDeadlineRow = {
  id: string;
  kind: 'hearing_request' | 'hearing';
  status: string;
  due_date: string;
  end_time: string;
  zone: string;
  trigger_date: string | null;
  revision: number;
};

/** The hearing's deadlines not waived, newest first. */
export const linkedDeadlines = (db: Database, hearingId: string): LinkedDeadlineRow[] =>
  db
    .prepare(
      `SELECT id, kind, status, due_date, end_time, zone, trigger_date, revision FROM deadlines
       WHERE hearing_id = $hearingId AND deleted_at IS NULL AND status <> 'waived'
         AND kind IN ('hearing_request', 'hearing')
       ORDER BY created_at DESC`,
    )
    .all<LinkedDeadlineRow>({ hearingId });

export function syncHearingDeadlines(
  ctx: VaultContext,
  deadlines: DeadlineService,
  row: HearingRow,
  before: HearingRow | null,
): void {
  const { db } = ctx;
  const today = ctx.now().toISOString().slice(0, 10);
  const linked = linkedDeadlines(db, row.id);
  const closed = row.status === 'denied' || row.status === 'cancelled';
  const waive = (d: LinkedDeadlineRow | undefined, why: WaiverReason) => {
    if (d?.status === 'open')
      deadlines.waive({ id: d.id, revision: d.revision, onDate: today, reason: waiverReason(why, row.lang) });
  };
  const link = (id: string) =>
    db.prepare('UPDATE deadlines SET hearing_id = $hearingId WHERE id = $id').run({ id, hearingId: row.id });
  // Deadlines show on the dashboard and in reminders: a confidential hearing lends them its kind, not its title.
  const named = (h: HearingRow) =>
    h.classification === 'confidential' ? hearingKindLabel(h.kind, h.lang) : h.title;
  const title = named(row);
  const titleChanged = before !== null && named(before) !== title;

  let request = linked.find((d) => d.kind === 'hearing_request');
  if (row.sessions_start_on && !closed) {
    if (!request || request.trigger_date !== row.sessions_start_on) {
      waive(request, 'moved');
      const created = deadlines.create({
        matterId: row.matter_id,
        title: deadlineTitle('hearing_request', title, row.lang),
        kind: 'hearing_request',
        notes: '',
        recurrence: null,
        date: { mode: 'rule', ruleId: HEARING_REQUEST_RULE, trigger: { date: row.sessions_start_on } },
      });
      link(created.id);
      request = linkedDeadlines(db, row.id).find((d) => d.id === created.id);
    } else if (titleChanged) retitle(deadlines, request, deadlineTitle('hearing_request', title, row.lang));
    if (request?.status === 'open' && row.requested_on)
      deadlines.fulfil({ id: request.id, revision: request.revision, onDate: row.requested_on });
  } else waive(request, row.sessions_start_on ? 'closed' : 'dropped');

  let held = linked.find((d) => d.kind === 'hearing');
  if (row.held_on && !closed) {
    const endTime = row.start_time ?? '24:00';
    if (!held || held.due_date !== row.held_on || held.end_time !== endTime || held.zone !== row.zone) {
      waive(held, 'moved');
      const created = deadlines.create({
        matterId: row.matter_id,
        title: deadlineTitle('hearing', title, row.lang),
        kind: 'hearing',
        notes: '',
        recurrence: null,
        date: { mode: 'manual', date: row.held_on, endTime, zone: row.zone },
      });
      link(created.id);
      held = linkedDeadlines(db, row.id).find((d) => d.id === created.id);
    } else if (titleChanged) retitle(deadlines, held, deadlineTitle('hearing', title, row.lang));
    if (held?.status === 'open' && row.status === 'held')
      deadlines.fulfil({ id: held.id, revision: held.revision, onDate: row.held_on });
  } else waive(held, row.held_on ? 'closed' : 'dropped');
}

function retitle(deadlines: DeadlineService, d: LinkedDeadlineRow, title: string): void {
  const current = deadlines.get(d.id);
  deadlines.update(d.id, current.revision, {
    title,
    kind: current.kind,
    notes: current.notes,
    recurrence: current.recurrence,
  });
}

/** A hearing deleted: its open deadlines are waived with the reason, so none is left on the dashboard. */
export function waiveHearingDeadlines(ctx: VaultContext, deadlines: DeadlineService, row: HearingRow): void {
  const today = ctx.now().toISOString().slice(0, 10);
  for (const d of linkedDeadlines(ctx.db, row.id))
    if (d.status === 'open')
      deadlines.waive({
        id: d.id,
        revision: d.revision,
        onDate: today,
        reason: waiverReason('deleted', row.lang),
      });
}
