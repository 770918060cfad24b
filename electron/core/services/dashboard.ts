// The dashboard after unlock: across all cases, the open deadlines overdue, due this week and due this
// month (weeks and months end in the user's zone), the matters left without a sent communication for
// longer than their type allows, and the open deadlines per week for the next twelve weeks. Plain SQL
// over the follow-up tables; counts and inactivity read only the covering partial indexes of schema 17,
// named with INDEXED BY: without statistics the planner prefers older indexes that need a row read per
// entry (ANALYZE would fix that only until the tables change, and would move every other query's plan).
import { Temporal } from 'temporal-polyfill';
import type {
  CaseDashboard,
  Dashboard,
  DashboardDeadline,
  DashboardInput,
  InactivityAlert,
} from '../../../shared/schemas/dashboard';
import { MATTER_TYPES, type MatterType } from '../../../shared/schemas/matter';
import { AmparoError } from '../../../shared/errors';
import { boundaries, startOfDay, systemZone, type ViewerClock } from './dashboard-time';
import {
  DEADLINE_COLUMNS,
  DEADLINE_FROM,
  matterShown,
  toDashboardDeadline,
  type DeadlineRow,
} from './dashboard-rows';
import type { RevealState } from './reveal-state';
import { readVaultSettings } from './vault-settings';
import type { VaultContext } from './vault-context';
import { caseDashboard } from './dashboard-case';

/** Each section lists this many; its total counts them all. */
export const SECTION_LIMIT = 100;
export const WEEKS_AHEAD = 12;
/** Matters in these statuses are running before a forum, so silence can close them. */
export const ACTIVE_STATUSES = ['filed', 'under_study', 'granted', 'follow_up'] as const;

const OPEN = `d.status = 'open' AND d.deleted_at IS NULL AND m.deleted_at IS NULL`;
/** The same without reading matter rows: deleted matters are few and partially indexed (matters_deleted). */
const OPEN_LIVE = `d.status = 'open' AND d.deleted_at IS NULL
  AND d.matter_id NOT IN (SELECT id FROM matters WHERE deleted_at IS NOT NULL)`;

export class DashboardService {
  constructor(
    private readonly ctx: () => VaultContext,
    private readonly reveals: RevealState,
  ) {}

  clock(input: DashboardInput): ViewerClock {
    return {
      now: this.ctx().now(),
      zone: input.zone ?? systemZone(),
      weekStartsOn: input.weekStartsOn ?? 0,
    };
  }

  get(input: DashboardInput): Dashboard {
    const clock = this.clock(input);
    const b = boundaries(clock);
    const weekEdge = startOfDay(b.nextWeek, clock.zone);
    const monthEdge = startOfDay(b.nextMonth, clock.zone);
    const starts = Array.from({ length: WEEKS_AHEAD + 1 }, (_, i) => b.weekStart.add({ weeks: i }));
    const edges = starts.map((s) => startOfDay(s, clock.zone));
    const counts = this.counts(b.now, weekEdge, monthEdge, edges);
    const list = (lo: string | null, hi: string) => this.items(clock, lo, hi);
    return {
      today: b.today.toString(),
      zone: clock.zone,
      weekEnd: b.nextWeek.subtract({ days: 1 }).toString(),
      monthEnd: b.nextMonth.subtract({ days: 1 }).toString(),
      overdue: { items: list(null, b.now), total: counts.overdue },
      thisWeek: { items: list(b.now, weekEdge), total: counts.week },
      // When the week runs past the month's end, the month has nothing left beyond the week.
      thisMonth: { items: monthEdge > weekEdge ? list(weekEdge, monthEdge) : [], total: counts.month },
      inactivity: this.inactivity(b.today),
      perWeek: counts.perWeek.map((count, i) => ({ weekStart: starts[i]!.toString(), count })),
    };
  }

  /**
   * Every count from one pass over the open deadlines up to the furthest edge, index-only: SQL counts them
   * per due moment (limits cluster on a few instants) and each moment lands in overdue, this week, the rest
   * of the month, and one of the next weeks ((edge i, edge i+1], the current week from now on).
   */
  private counts(now: string, weekEdge: string, monthEdge: string, edges: string[]) {
    const furthest = [monthEdge, edges[WEEKS_AHEAD]!].sort().at(-1)!;
    const rows = this.ctx()
      .db.prepare(
        `SELECT d.due_instant AS due, count(*) AS n FROM deadlines d INDEXED BY deadlines_open_due
         WHERE ${OPEN_LIVE} AND d.due_instant <= $furthest GROUP BY d.due_instant`,
      )
      .all<{ due: string; n: number }>({ furthest });
    const out = { overdue: 0, week: 0, month: 0, perWeek: new Array<number>(WEEKS_AHEAD).fill(0) };
    for (const { due, n } of rows) {
      // Instants are ASCII at second precision: JS compares them as SQLite's text comparison does.
      if (due <= now) out.overdue += n;
      else if (due <= weekEdge) out.week += n;
      else if (due <= monthEdge) out.month += n;
      if (due <= now) continue;
      for (let i = 0; i < WEEKS_AHEAD; i++) {
        if (due > edges[i + 1]!) continue;
        if (i === 0 || due > edges[i]!) out.perWeek[i]! += n;
        break;
      }
    }
    return out;
  }

  /** The first open deadlines due in (lo, hi]: a limit at 24:00 belongs to the day it ends. */
  private items(clock: ViewerClock, lo: string | null, hi: string): DashboardDeadline[] {
    const where = `${OPEN} AND d.due_instant <= $hi ${lo ? 'AND d.due_instant > $lo' : ''}`;
    return this.ctx()
      .db.prepare(
        `SELECT ${DEADLINE_COLUMNS} FROM ${DEADLINE_FROM} WHERE ${where} ORDER BY d.due_instant LIMIT $limit`,
      )
      .all<DeadlineRow>({ ...(lo ? { lo } : {}), hi, limit: SECTION_LIMIT })
      .map((r) => toDashboardDeadline(r, this.reveals, clock.now, clock.zone));
  }

  private inactivity(today: Temporal.PlainDate): Dashboard['inactivity'] {
    const { db } = this.ctx();
    const months = readVaultSettings(db).inactivityMonths;
    const enabled = MATTER_TYPES.filter((type) => months[type] > 0);
    if (enabled.length === 0) return { items: [], total: 0 };
    const params: Record<string, string | number> = {};
    // The cutoff as an expression of the row (a type left out reads NULL, so it never qualifies): a join
    // with a table of cutoffs would put that table first and scan the cases once per type.
    const cutoff = `CASE m.matter_type ${enabled
      .map((type, i) => {
        params[`t${i}`] = type;
        params[`c${i}`] = today.subtract({ months: months[type] }).toString();
        return `WHEN $t${i} THEN $c${i}`;
      })
      .join(' ')} END`;
    const lastSent = `(SELECT max(c.occurred_on) FROM communications c INDEXED BY communications_last_sent
                        WHERE c.matter_id = m.id AND c.direction = 'sent' AND c.deleted_at IS NULL)`;
    const rows = db
      .prepare(
        // One pass over the running cases in id order, index-only, each with one seek at the end of its
        // range in the sent-communications index (in order too); a case never sent anything reads ''. Only
        // the first flagged cases, with the count of them all, go on to read their title.
        `WITH flagged AS (
           SELECT m.id, m.reference, m.matter_type, m.opened_on, ${lastSent} AS last_sent
           FROM matters m INDEXED BY matters_running
           WHERE m.deleted_at IS NULL AND m.archived_at IS NULL AND m.opened_on <= ${cutoff}
             AND m.status IN (${ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ')})
             AND coalesce(${lastSent}, '') <= ${cutoff}),
         first AS (
           SELECT id, reference, matter_type, opened_on, last_sent, count(*) OVER () AS total FROM flagged
           ORDER BY coalesce(last_sent, opened_on), reference, id LIMIT $limit)
         SELECT f.id, f.reference, f.matter_type, f.opened_on, f.last_sent, f.total, m.title, m.classification
         FROM first f JOIN matters m ON m.id = f.id
         ORDER BY coalesce(f.last_sent, f.opened_on), f.reference, f.id`,
      )
      .all<{
        id: string;
        reference: string;
        title: string;
        classification: string;
        matter_type: MatterType;
        opened_on: string;
        last_sent: string | null;
        total: number;
      }>({ ...params, limit: SECTION_LIMIT });
    const items: InactivityAlert[] = rows.map((r) => {
      const shown = matterShown(this.reveals, r.id, r.classification);
      return {
        matterId: r.id,
        reference: r.reference,
        matterTitle: shown ? r.title : null,
        masked: !shown,
        matterType: r.matter_type,
        lastSentOn: r.last_sent,
        since: r.last_sent ?? r.opened_on,
        months: months[r.matter_type],
      };
    });
    return { items, total: Number(rows[0]?.total ?? 0) };
  }

  case(input: { matterId: string } & DashboardInput): CaseDashboard {
    const clock = this.clock(input);
    const { db } = this.ctx();
    const matter = db
      .prepare('SELECT classification FROM matters WHERE id = $id AND deleted_at IS NULL')
      .get<{ classification: string }>({ id: input.matterId });
    if (!matter) throw new AmparoError('NOT_FOUND', `No matter ${input.matterId}`);
    if (!matterShown(this.reveals, input.matterId, matter.classification))
      throw new AmparoError('CONFIDENTIAL', `Matter ${input.matterId} is confidential: reveal it first`);
    return caseDashboard(db, this.reveals, input.matterId, clock, boundaries(clock).today);
  }
}
