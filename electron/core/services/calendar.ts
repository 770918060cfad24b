// The calendar: deadlines (any status) by the forum's local due date, the date written in the note and
// the basis. The range is found through the (status, due_instant) index, widened by the widest zone
// offsets, then narrowed to the forum dates. Hearings will join as entries of their own type.
import { Temporal } from 'temporal-polyfill';
import type { CalendarEntry, CalendarRange } from '../../../shared/schemas/dashboard';
import { DEADLINE_COLUMNS, DEADLINE_FROM, toDashboardDeadline, type DeadlineRow } from './dashboard-rows';
import { systemZone } from './dashboard-time';
import type { RevealState } from './reveal-state';
import type { VaultContext } from './vault-context';

export class CalendarService {
  constructor(
    private readonly ctx: () => VaultContext,
    private readonly reveals: RevealState,
  ) {}

  range(input: { from: string; to: string; zone?: string | undefined }): CalendarRange {
    const { db, now } = this.ctx();
    const zone = input.zone ?? systemZone();
    const at = now();
    // A forum date's limit falls within a day and a half of its UTC midnight whatever the zone.
    const lo = Temporal.PlainDate.from(input.from).subtract({ days: 2 }).toString();
    const hi = Temporal.PlainDate.from(input.to).add({ days: 3 }).toString();
    const rows = db
      .prepare(
        `SELECT ${DEADLINE_COLUMNS} FROM ${DEADLINE_FROM}
         WHERE d.status IN ('open', 'fulfilled', 'waived') AND d.due_instant >= $lo AND d.due_instant < $hi
           AND d.due_date >= $from AND d.due_date <= $to AND d.deleted_at IS NULL AND m.deleted_at IS NULL
         ORDER BY d.due_date, d.due_instant, d.id`,
      )
      .all<DeadlineRow>({ lo, hi, from: input.from, to: input.to });
    const entries: CalendarEntry[] = rows.map((r) => ({
      type: 'deadline',
      ...toDashboardDeadline(r, this.reveals, at, zone),
    }));
    return { entries, zone };
  }
}
