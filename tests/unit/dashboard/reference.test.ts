// The dashboard's rows against plain reference queries written here, on a real vault seeded with the cases
// the indexes could get wrong: deleted and fulfilled deadlines, deleted and archived cases, confidential
// cases, deleted sent communications, cases opened after the cutoff, a type whose alert is off, and more
// rows than a section shows. Clock: Wednesday 2 December 2026, 12:00 in Mexico City (18:00 UTC, UTC−6 all
// year), weeks from Sunday: this week ends at 06:00Z on 6 December, this month at 06:00Z on 1 January.
import { describe, expect, it } from 'vitest';
import { SECTION_LIMIT, DashboardService } from '../../../electron/core/services/dashboard';
import { CONFIDENTIAL_MATTERS_SCOPE } from '../../../electron/core/services/matters';
import { VaultSettingsService } from '../../../electron/core/services/vault-settings';
import type { Database } from '../../../electron/core/vault/database';
import { communication, deadline, matter } from './seed';
import { frozenContext, seededVault } from './vault';

const NOW = new Date('2026-12-02T18:00:00Z');
const NOW_KEY = '2026-12-02T18:00:00Z';
const WEEK_EDGE = '2026-12-06T06:00:00Z';
const MONTH_EDGE = '2027-01-01T06:00:00Z';
/** Sunday 29 November and the twelve Sundays after it, at midnight in Mexico City. */
const WEEK_EDGES = Array.from(
  { length: 13 },
  (_, i) => new Date(Date.UTC(2026, 10, 29 + 7 * i, 6)).toISOString().slice(0, 19) + 'Z',
);
/** The alert's settings below, and each type's last day that still counts as silent. */
const MONTHS = { precautionary_measure: 6, case: 12, petition: 0 } as const;
const CUTOFF: Record<string, string> = { precautionary_measure: '2026-06-02', case: '2025-12-02' };

const minutes = (iso: string, n: number) =>
  new Date(Date.parse(iso) + n * 60_000).toISOString().slice(0, 19) + 'Z';

/** A deterministic spread: every due instant distinct, so the order of each section is fixed. */
function seed(db: Database) {
  let x = 7;
  const pick = (n: number) => (x = (x * 48271) % 2147483647) % n;
  db.transaction(() => {
    const cases: string[] = [];
    for (let i = 0; i < 240; i++) {
      const type = (['precautionary_measure', 'case', 'petition'] as const)[i % 3]!;
      const id = matter(db, {
        reference: `MC-${String(i).padStart(3, '0')}-20`,
        title: `Caso ${i}`,
        type,
        status: (['follow_up', 'granted', 'filed', 'under_study', 'lifted', 'draft'] as const)[pick(6)],
        openedOn: i % 17 === 0 ? '2026-10-01' : '2019-03-01',
        classification: i % 7 === 0 ? 'confidential' : 'restricted',
        archived: i % 23 === 0,
        deleted: i % 29 === 0,
      });
      cases.push(id);
      // Sent communications up to three years back; some deleted, some cases none at all.
      const sent = pick(4);
      for (let k = 0; k < sent; k++)
        communication(db, id, {
          direction: 'sent',
          occurredOn: new Date(Date.UTC(2026, 11, 2 - pick(1100))).toISOString().slice(0, 10),
          deleted: pick(5) === 0,
        });
      communication(db, id, { direction: 'received', occurredOn: '2026-11-30' });
    }
    // A case silent exactly up to its cutoff (flagged) and one a day later (not).
    const edge = matter(db, { reference: 'MC-900-20', type: 'case', openedOn: '2019-01-01' });
    communication(db, edge, { direction: 'sent', occurredOn: '2025-12-02' });
    const after = matter(db, { reference: 'MC-901-20', type: 'case', openedOn: '2019-01-01' });
    communication(db, after, { direction: 'sent', occurredOn: '2025-12-03' });

    for (let i = 0; i < 900; i++) {
      // From 40 days overdue to 110 days ahead, in minutes, each instant its own.
      const instant = minutes('2026-10-23T06:00:00Z', i * 240 + pick(200));
      deadline(db, cases[pick(cases.length)]!, {
        title: `Plazo ${i}`,
        dueDate: instant.slice(0, 10),
        instant,
        status: pick(6) === 0 ? 'fulfilled' : pick(12) === 0 ? 'waived' : 'open',
        deleted: pick(9) === 0,
      });
    }
  })();
}

/** Open deadlines of live cases due in (lo, hi], earliest first. */
function reference(db: Database, lo: string | null, hi: string) {
  const rows = db
    .prepare(
      `SELECT d.id, d.due_instant FROM deadlines d, matters m
       WHERE m.id = d.matter_id AND d.status = 'open' AND d.deleted_at IS NULL AND m.deleted_at IS NULL
         AND d.due_instant <= $hi AND ($lo IS NULL OR d.due_instant > $lo)
       ORDER BY d.due_instant`,
    )
    .all<{ id: string; due_instant: string }>({ lo, hi });
  return { ids: rows.slice(0, SECTION_LIMIT).map((r) => r.id), total: rows.length };
}

/** Running, live, unarchived cases and their newest live sent communication, silent past the cutoff. */
function silentCases(db: Database) {
  const rows = db
    .prepare(
      `SELECT m.id, m.reference, m.title, m.classification, m.matter_type, m.opened_on,
              max(c.occurred_on) AS last_sent
       FROM matters m LEFT JOIN communications c
         ON c.matter_id = m.id AND c.direction = 'sent' AND c.deleted_at IS NULL
       WHERE m.deleted_at IS NULL AND m.archived_at IS NULL
         AND m.status IN ('filed', 'under_study', 'granted', 'follow_up')
       GROUP BY m.id`,
    )
    .all<{
      id: string;
      reference: string;
      title: string;
      classification: string;
      matter_type: string;
      opened_on: string;
      last_sent: string | null;
    }>();
  const key = (r: (typeof rows)[number]) => [r.last_sent ?? r.opened_on, r.reference, r.id];
  return rows
    .filter((r) => {
      const cutoff = CUTOFF[r.matter_type];
      return cutoff !== undefined && r.opened_on <= cutoff && (r.last_sent ?? '') <= cutoff;
    })
    .sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      for (let i = 0; i < 3; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
      return 0;
    });
}

async function setUp() {
  const vault = await seededVault();
  seed(vault.db);
  const { reveals, ctx } = frozenContext(vault, NOW);
  new VaultSettingsService(ctx).update({ inactivityMonths: MONTHS });
  return { vault, reveals, service: new DashboardService(ctx, reveals) };
}

describe('dashboard:get against reference queries', () => {
  it('lists and counts the same deadlines, per section and per week', async () => {
    const { vault, service } = await setUp();
    const d = service.get({ zone: 'America/Mexico_City', weekStartsOn: 0 });
    const overdue = reference(vault.db, null, NOW_KEY);
    const week = reference(vault.db, NOW_KEY, WEEK_EDGE);
    const month = reference(vault.db, WEEK_EDGE, MONTH_EDGE);
    // The seed must reach past a section's limit and leave each section something to show.
    expect(overdue.total).toBeGreaterThan(SECTION_LIMIT);
    expect(week.total).toBeGreaterThan(0);
    expect(month.total).toBeGreaterThan(0);
    expect(d.overdue.items.map((i) => i.deadlineId)).toEqual(overdue.ids);
    expect(d.overdue.total).toBe(overdue.total);
    expect(d.thisWeek.items.map((i) => i.deadlineId)).toEqual(week.ids);
    expect(d.thisWeek.total).toBe(week.total);
    expect(d.thisMonth.items.map((i) => i.deadlineId)).toEqual(month.ids);
    expect(d.thisMonth.total).toBe(month.total);
    const perWeek = WEEK_EDGES.slice(0, 12).map(
      (start, i) => reference(vault.db, i === 0 ? NOW_KEY : start, WEEK_EDGES[i + 1]!).total,
    );
    expect(d.perWeek.map((w) => w.count)).toEqual(perWeek);
    expect(perWeek.filter((n) => n > 0).length).toBeGreaterThan(6);
    vault.close();
  });

  it('flags the same silent cases, in the same order, confidential ones by reference only', async () => {
    const { vault, service, reveals } = await setUp();
    const expected = silentCases(vault.db);
    expect(expected.length).toBeGreaterThan(20);
    expect(expected.some((r) => r.classification === 'confidential')).toBe(true);
    expect(expected.some((r) => r.last_sent === null)).toBe(true);
    expect(expected.map((r) => r.reference)).toContain('MC-900-20');
    expect(expected.map((r) => r.reference)).not.toContain('MC-901-20');

    const d = service.get({ zone: 'America/Mexico_City', weekStartsOn: 0 });
    expect(d.inactivity.total).toBe(expected.length);
    expect(d.inactivity.items).toEqual(
      expected.slice(0, SECTION_LIMIT).map((r) => ({
        matterId: r.id,
        reference: r.reference,
        matterTitle: r.classification === 'confidential' ? null : r.title,
        masked: r.classification === 'confidential',
        matterType: r.matter_type,
        lastSentOn: r.last_sent,
        since: r.last_sent ?? r.opened_on,
        months: MONTHS[r.matter_type as keyof typeof MONTHS],
      })),
    );
    reveals.revealConfidential(CONFIDENTIAL_MATTERS_SCOPE);
    const revealed = service.get({ zone: 'America/Mexico_City', weekStartsOn: 0 });
    expect(revealed.inactivity.items.map((i) => i.matterTitle)).toEqual(
      expected.slice(0, SECTION_LIMIT).map((r) => r.title),
    );
    vault.close();
  });
});
