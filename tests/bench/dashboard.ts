// The dashboard query (overdue, this week, this month, inactivity, per-week counts) over 10,000 cases with
// 100,000 deadlines and 200,000 communications: p50/p95 through the service on the encrypted vault, beside
// the same service — the same SQL — on the same rows in the same library opened without a key.
import { Database } from '@signalapp/sqlcipher';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { CalendarService } from '../../electron/core/services/calendar';
import { DashboardService } from '../../electron/core/services/dashboard';
import { RevealState } from '../../electron/core/services/reveal-state';
import { vaultContext } from '../../electron/core/services/vault-context';
import { migrate } from '../../electron/core/vault/migrate';
import { createVault } from '../../electron/core/vault/vault';
import { header, percentile, row, samples } from './measure';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const CASES = Math.round(10_000 * SCALE);
const DEADLINES = Math.round(100_000 * SCALE);
const COMMUNICATIONS = Math.round(200_000 * SCALE);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const DAY = 86_400_000;
const TYPES = ['precautionary_request', 'precautionary_measure', 'petition', 'case', 'provisional_measures'];

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The same rows in both databases; dates spread around `now` the way a team's years of follow-up are. */
export function fill(db: Database, now: number): void {
  const at = new Date(now).toISOString();
  let x = 12345;
  const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) % 1_000_000) / 1_000_000;
  db.transaction(() => {
    const matter = db.prepare(
      `INSERT INTO matters (id, title, matter_type, forum, reference, status, opened_on, summary, classification,
                            created_at, updated_at, search_text)
       VALUES ($id, $title, $type, 'iachr', $ref, 'follow_up', '2019-01-01', '', $classification, $at, $at, '')`,
    );
    const communication = db.prepare(
      `INSERT INTO communications (id, matter_id, direction, counterpart, channel, kind, occurred_on, subject,
                                   classification, created_at, updated_at)
       VALUES ($id, $matterId, $direction, 'commission', 'portal', $kind, $on, $subject, 'restricted', $at, $at)`,
    );
    const deadline = db.prepare(
      `INSERT INTO deadlines (id, matter_id, communication_id, title, mode, due_date, end_time, zone, due_instant,
                              basis, status, created_at, updated_at)
       VALUES ($id, $matterId, $communicationId, $title, 'manual', $dueDate, '24:00', 'America/Costa_Rica',
               $instant, '[]', $status, $at, $at)`,
    );
    const matters: { id: string; requests: string[]; quiet: boolean }[] = [];
    for (let i = 0; i < CASES; i++) {
      const id = randomUUID();
      matters.push({ id, requests: [], quiet: i % 10 === 3 });
      matter.run({
        id,
        title: `Caso ${i}`,
        type: TYPES[i % TYPES.length]!,
        ref: `MC-${i}-19`,
        classification: i % 20 === 0 ? 'confidential' : 'restricted',
        at,
      });
    }
    for (let i = 0; i < COMMUNICATIONS; i++) {
      const m = matters[i % CASES]!;
      // Each case gets as many sent as received (alternating by round, not by index parity).
      const sent = Math.floor(i / CASES) % 2 === 1;
      // A tenth of the cases went quiet two years ago: the inactivity alert has work to do.
      const daysAgo = Math.floor(rand() * 1000) + (m.quiet && sent ? 730 : 0);
      const id = randomUUID();
      const kind = sent ? 'observations' : 'request_for_information';
      communication.run({
        id,
        matterId: m.id,
        direction: sent ? 'sent' : 'received',
        kind,
        on: isoDay(now - daysAgo * DAY),
        subject: `Nota ${i}`,
        at,
      });
      if (!sent) m.requests.push(id);
    }
    for (let i = 0; i < DEADLINES; i++) {
      const m = matters[i % CASES]!;
      // Most deadlines of past years are fulfilled; a fifth is open, from a month overdue to four months ahead.
      const open = i % 5 === 0;
      const offset = open ? Math.floor(rand() * 150) - 30 : -Math.floor(rand() * 1000);
      const due = new Date(now + offset * DAY);
      const dueDate = isoDay(due.getTime());
      deadline.run({
        id: randomUUID(),
        matterId: m.id,
        communicationId: m.requests[i % Math.max(1, m.requests.length)] ?? null,
        title: `Plazo ${i}`,
        dueDate,
        instant: `${isoDay(Date.parse(dueDate) + DAY)}T06:00:00Z`,
        status: open ? 'open' : 'fulfilled',
        at,
      });
    }
  })();
}

export async function benchDashboard(dir: string): Promise<void> {
  const now = Date.now();
  const vault = await createVault(join(dir, 'dashboard-vault'), 'frase de contraseña para medir 2026');
  const plain = new Database(join(dir, 'dashboard-plain.db'), { cacheStatements: true });
  plain.pragma('journal_mode = WAL');
  migrate(plain);
  fill(vault.db, now);
  fill(plain, now);

  const service = (db: Database) => {
    const ctx = () =>
      vaultContext(
        { dir, db },
        () => 'bench',
        () => new Date(now),
      );
    const reveals = new RevealState(() => now);
    return { dashboard: new DashboardService(ctx, reveals), calendar: new CalendarService(ctx, reveals) };
  };
  const ours = service(vault.db);
  const theirs = service(plain);
  const input = { zone: 'America/Mexico_City', weekStartsOn: 0 };
  const month = { from: isoDay(now - 7 * DAY), to: isoDay(now + 34 * DAY), zone: 'America/Mexico_City' };
  const measure = async () => {
    for (let i = 0; i < 3; i++) {
      ours.dashboard.get(input);
      theirs.dashboard.get(input);
    }
    return {
      a: await samples(RUNS, () => ours.dashboard.get(input)),
      b: await samples(RUNS, () => theirs.dashboard.get(input)),
      c: await samples(RUNS, () => ours.calendar.range(month)),
      d: await samples(RUNS, () => theirs.calendar.range(month)),
    };
  };
  // As shipped (both databases migrated to the same schema, partial indexes included); then with a 64 MiB
  // page cache (SQLite's default is 2 MiB, which these tables outgrow).
  const shipped = await measure();
  for (const db of [vault.db, plain]) db.pragma('cache_size = -65536');
  const cached = await measure();
  const shown = ours.dashboard.get(input);
  vault.close();
  plain.close();

  console.log(
    header(
      `Dashboard — ${CASES.toLocaleString('en')} cases, ${DEADLINES.toLocaleString('en')} deadlines, ${COMMUNICATIONS.toLocaleString('en')} communications, ${RUNS} runs`,
      'plain SQLite',
    ),
  );
  for (const [name, r] of [
    ['as shipped', shipped],
    ['+ 64 MiB cache', cached],
  ] as const) {
    for (const p of [50, 95])
      console.log(row(`dashboard:get p${p}, ${name}`, percentile(r.a, p), percentile(r.b, p)));
    console.log(row(`calendar:range p95 (6 weeks), ${name}`, percentile(r.c, 95), percentile(r.d, 95)));
  }
  console.log('(goal: dashboard:get p95 < 50 ms)');
  console.log(
    `(shown: ${shown.overdue.total} overdue, ${shown.thisWeek.total} this week, ${shown.thisMonth.total} this month, ` +
      `${shown.inactivity.total} inactive cases, ${shown.perWeek.reduce((n, w) => n + w.count, 0)} in the next 12 weeks)`,
  );
}
