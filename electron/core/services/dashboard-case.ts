// A case's overview figures: its next open deadlines, the requests for information still unanswered (no
// sent reply linked to them, and an open deadline or none), incidents per month (the escalation a
// precautionary request must show) and its protection measures by current status. Confidential records
// are left out of the counts until the case is revealed, and counted as hidden.
import { Temporal } from 'temporal-polyfill';
import type { CaseDashboard, UnansweredRequest } from '../../../shared/schemas/dashboard';
import { timeStatus } from '../deadlines';
import type { Database } from '../vault/database';
import { inUserZone, type ViewerClock } from './dashboard-time';
import { DEADLINE_COLUMNS, DEADLINE_FROM, toDashboardDeadline, type DeadlineRow } from './dashboard-rows';
import type { RevealState } from './reveal-state';

export const NEXT_DEADLINES = 5;
/** The escalation chart shows at most this many months, the latest ones. */
export const MAX_MONTHS = 120;

export function caseDashboard(
  db: Database,
  reveals: RevealState,
  matterId: string,
  clock: ViewerClock,
  today: Temporal.PlainDate,
): CaseDashboard {
  const revealed = reveals.isConfidentialRevealed(matterId);
  const nextDeadlines = db
    .prepare(
      `SELECT ${DEADLINE_COLUMNS} FROM ${DEADLINE_FROM}
       WHERE d.matter_id = $matterId AND d.status = 'open' AND d.deleted_at IS NULL
       ORDER BY d.due_instant, d.id LIMIT $limit`,
    )
    .all<DeadlineRow>({ matterId, limit: NEXT_DEADLINES })
    .map((r) => toDashboardDeadline(r, reveals, clock.now, clock.zone));

  const requests = db
    .prepare(
      `SELECT c.id, c.occurred_on, c.notified_on, c.reference, c.note_number, c.subject, c.classification,
              (SELECT d.id FROM deadlines d WHERE d.communication_id = c.id AND d.status = 'open'
                 AND d.deleted_at IS NULL ORDER BY d.due_instant LIMIT 1) AS deadline_id
       FROM communications c
       WHERE c.matter_id = $matterId AND c.direction = 'received' AND c.kind = 'request_for_information'
         AND c.deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM communications r WHERE r.in_reply_to = c.id AND r.direction = 'sent'
                           AND r.deleted_at IS NULL)
         AND (EXISTS (SELECT 1 FROM deadlines d WHERE d.communication_id = c.id AND d.status = 'open'
                        AND d.deleted_at IS NULL)
              OR NOT EXISTS (SELECT 1 FROM deadlines d WHERE d.communication_id = c.id AND d.deleted_at IS NULL))
       ORDER BY c.occurred_on, c.id`,
    )
    .all<{
      id: string;
      occurred_on: string;
      notified_on: string | null;
      reference: string;
      note_number: string;
      subject: string;
      classification: string;
      deadline_id: string | null;
    }>({ matterId });
  const dueOf = db.prepare('SELECT due_date, end_time, zone, due_instant FROM deadlines WHERE id = $id');
  const unanswered: UnansweredRequest[] = requests.map((r) => {
    const masked = r.classification === 'confidential' && !revealed;
    let deadline: UnansweredRequest['deadline'] = null;
    if (r.deadline_id) {
      const d = dueOf.get<{ due_date: string; end_time: string; zone: string; due_instant: string }>({
        id: r.deadline_id,
      })!;
      const due = { date: d.due_date, endTime: d.end_time, zone: d.zone, instant: d.due_instant };
      const there = inUserZone(due, clock.zone);
      deadline = {
        id: r.deadline_id,
        due: there ? { ...due, inUserZone: there } : due,
        timeStatus: timeStatus(due, clock.now),
      };
    }
    return {
      id: r.id,
      occurredOn: r.occurred_on,
      notifiedOn: r.notified_on,
      reference: r.reference,
      noteNumber: r.note_number,
      subject: masked ? null : r.subject,
      masked,
      deadline,
    };
  });

  const visible = revealed ? '' : `AND classification <> 'confidential'`;
  const hiddenIncidents = revealed
    ? 0
    : Number(
        db
          .prepare(
            `SELECT count(*) AS n FROM incidents WHERE matter_id = $matterId AND deleted_at IS NULL
             AND classification = 'confidential'`,
          )
          .get<{ n: number }>({ matterId })?.n ?? 0,
      );
  const perMonth = db
    .prepare(
      `SELECT substr(occurred_on, 1, 7) AS month, count(*) AS n FROM incidents
       WHERE matter_id = $matterId AND deleted_at IS NULL AND occurred_precision <> 'year' ${visible}
       GROUP BY month ORDER BY month`,
    )
    .all<{ month: string; n: number }>({ matterId });
  const yearOnly = Number(
    db
      .prepare(
        `SELECT count(*) AS n FROM incidents WHERE matter_id = $matterId AND deleted_at IS NULL
         AND occurred_precision = 'year' ${visible}`,
      )
      .get<{ n: number }>({ matterId })?.n ?? 0,
  );

  const measures = db
    .prepare(
      `SELECT kind, status, classification FROM protection_measures
       WHERE matter_id = $matterId AND deleted_at IS NULL ORDER BY kind, status`,
    )
    .all<{ kind: string; status: string; classification: string }>({ matterId });
  const shownMeasures = measures.filter((m) => revealed || m.classification !== 'confidential');
  const byKind = new Map<string, Record<string, number>>();
  const byStatus = new Map<string, number>();
  for (const m of shownMeasures) {
    const counts = byKind.get(m.kind) ?? {};
    counts[m.status] = (counts[m.status] ?? 0) + 1;
    byKind.set(m.kind, counts);
    byStatus.set(m.status, (byStatus.get(m.status) ?? 0) + 1);
  }

  return {
    nextDeadlines,
    unanswered,
    incidentsPerMonth: monthsFilled(perMonth, today),
    incidentsYearOnly: yearOnly,
    measuresByKind: [...byKind].map(([kind, counts]) => ({ kind, counts })),
    measuresByStatus: [...byStatus].map(([status, count]) => ({ status, count })),
    hiddenConfidential: hiddenIncidents + (measures.length - shownMeasures.length),
  };
}

/** Every month from the first incident's to this one (or the last incident's, if later), zeros included. */
function monthsFilled(rows: { month: string; n: number }[], today: Temporal.PlainDate) {
  if (rows.length === 0) return [];
  const counts = new Map(rows.map((r) => [r.month, r.n]));
  const first = Temporal.PlainYearMonth.from(rows[0]!.month);
  const lastSeen = Temporal.PlainYearMonth.from(rows.at(-1)!.month);
  const current = today.toPlainYearMonth();
  const last = Temporal.PlainYearMonth.compare(lastSeen, current) > 0 ? lastSeen : current;
  const out: { month: string; count: number }[] = [];
  for (let m = first; Temporal.PlainYearMonth.compare(m, last) <= 0; m = m.add({ months: 1 })) {
    out.push({ month: m.toString(), count: counts.get(m.toString()) ?? 0 });
  }
  return out.slice(-MAX_MONTHS);
}
