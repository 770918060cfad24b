// A case's follow-up in one chronological list, read with SQL straight from each source table: letters
// received and sent, resolutions, deadlines (created, due, each later event), status changes of the case
// and protection-measure status changes. Each source is one function of TIMELINE_SOURCES; hearings join
// the list by adding theirs there. Confidential records are left out (and counted) until revealed.
import type {
  FollowupTimeline,
  TimelineEntry,
  TimelineKind,
} from '../../../shared/schemas/followup-timeline';
import type { ParsedInput } from '../../../shared/contract';
import type { Database } from '../vault/database';
// hearings
import { hearingsTimeline } from '../hearings/timeline-source';
import type { MatterService } from './matters';
import type { RevealState } from './reveal-state';
import type { VaultContext } from './vault-context';

/** An entry as a source reads it: marked when its record is confidential (the service hides those). */
export type SourcedEntry = TimelineEntry & { confidential: boolean };

/** One kind of record on the timeline: every entry of a case, in its own order for the same day. */
export interface TimelineSource {
  kinds: readonly TimelineKind[];
  read(db: Database, matterId: string): SourcedEntry[];
}

const isConfidential = (classification: string | null) => classification === 'confidential';

/** Letters of the case; a resolution is its own kind, so it can be filtered and marked. */
const communications: TimelineSource = {
  kinds: ['communication', 'resolution'],
  read(db, matterId) {
    const rows = db
      .prepare(
        `SELECT id, direction, counterpart, kind, occurred_on, reference, note_number, subject, classification
         FROM communications WHERE matter_id = $matterId AND deleted_at IS NULL
         ORDER BY occurred_on, occurred_time, created_at`,
      )
      .all<{
        id: string;
        direction: string;
        counterpart: string;
        kind: string;
        occurred_on: string;
        reference: string;
        note_number: string;
        subject: string;
        classification: string;
      }>({ matterId });
    return rows.map((r) => ({
      confidential: isConfidential(r.classification),
      key: `communication:${r.id}`,
      date: r.occurred_on,
      kind: r.kind === 'resolution' ? 'resolution' : 'communication',
      event: r.direction,
      title: r.subject,
      detail: [r.counterpart, r.reference, r.note_number].filter(Boolean),
      target: { tab: 'correspondence', recordId: r.id },
    }));
  },
};

/**
 * Deadlines: each event of their history (created, extension requested / granted, fulfilled, waived…), and
 * the due date itself while the deadline is open. A deadline that came from a confidential communication is
 * hidden with it. A deadline with no events yet shows its creation day.
 */
const deadlines: TimelineSource = {
  kinds: ['deadline'],
  read(db, matterId) {
    const rows = db
      .prepare(
        `SELECT d.id, d.title, d.due_date, d.status, d.created_at, c.classification AS source_classification,
                c.reference AS source_reference
         FROM deadlines d LEFT JOIN communications c ON c.id = d.communication_id
         WHERE d.matter_id = $matterId AND d.deleted_at IS NULL ORDER BY d.created_at, d.id`,
      )
      .all<{
        id: string;
        title: string;
        due_date: string;
        status: string;
        created_at: string;
        source_classification: string | null;
        source_reference: string | null;
      }>({ matterId });
    const events = db.prepare(
      `SELECT id, kind, on_date, new_due_date FROM deadline_events WHERE deadline_id = $id
       ORDER BY on_date, recorded_at`,
    );
    const entries: SourcedEntry[] = [];
    for (const d of rows) {
      const confidential = isConfidential(d.source_classification);
      const target = { tab: 'deadlines', recordId: d.id } as const;
      const detail = d.source_reference ? [d.source_reference] : [];
      const history = events.all<{
        id: string;
        kind: string;
        on_date: string;
        new_due_date: string | null;
      }>({ id: d.id });
      if (history.length === 0) {
        entries.push({
          confidential,
          key: `deadline:${d.id}:created`,
          date: d.created_at.slice(0, 10),
          kind: 'deadline',
          event: 'created',
          title: d.title,
          detail,
          target,
        });
      }
      for (const e of history) {
        entries.push({
          confidential,
          key: `deadline:${d.id}:${e.id}`,
          date: e.on_date,
          kind: 'deadline',
          event: e.kind,
          title: d.title,
          detail: e.new_due_date ? [...detail, e.new_due_date] : detail,
          target,
        });
      }
      if (d.status === 'open') {
        entries.push({
          confidential,
          key: `deadline:${d.id}:due`,
          date: d.due_date,
          kind: 'deadline',
          event: 'due',
          title: d.title,
          detail,
          target,
        });
      }
    }
    return entries;
  },
};

/** The case's procedural status history (the case itself is already visible to be read here). */
const statusChanges: TimelineSource = {
  kinds: ['status'],
  read(db, matterId) {
    const rows = db
      .prepare(
        `SELECT id, from_status, to_status, changed_on FROM matter_status_history WHERE matter_id = $matterId
         ORDER BY changed_on, changed_at`,
      )
      .all<{ id: string; from_status: string | null; to_status: string; changed_on: string }>({ matterId });
    return rows.map((r) => ({
      confidential: false,
      key: `status:${r.id}`,
      date: r.changed_on,
      kind: 'status',
      event: r.to_status,
      title: r.to_status,
      detail: r.from_status ? [r.from_status] : [],
      target: { tab: 'overview', recordId: r.id },
    }));
  },
};

/** Every status entry of the case's protection measures, with the beneficiaries' pseudonyms. */
const measures: TimelineSource = {
  kinds: ['measure'],
  read(db, matterId) {
    const rows = db
      .prepare(
        `SELECT s.id, s.status, s.on_date, m.id AS measure_id, m.kind, m.authority, m.classification
         FROM protection_measure_status s JOIN protection_measures m ON m.id = s.measure_id
         WHERE m.matter_id = $matterId AND m.deleted_at IS NULL
         ORDER BY s.on_date, s.recorded_at, s.rowid`,
      )
      .all<{
        id: string;
        status: string;
        on_date: string;
        measure_id: string;
        kind: string;
        authority: string;
        classification: string;
      }>({ matterId });
    const pseudonyms = db.prepare(
      `SELECT p.pseudonym FROM protection_measure_people mp JOIN people p ON p.id = mp.person_id
       WHERE mp.measure_id = $id AND p.deleted_at IS NULL ORDER BY p.pseudonym`,
    );
    return rows.map((r) => ({
      confidential: isConfidential(r.classification),
      key: `measure:${r.id}`,
      date: r.on_date,
      kind: 'measure',
      event: r.status,
      title: r.kind,
      detail: [
        r.authority,
        ...pseudonyms.all<{ pseudonym: string }>({ id: r.measure_id }).map((p) => p.pseudonym),
      ].filter(Boolean),
      target: { tab: 'measures', recordId: r.measure_id },
    }));
  },
};

/** Every source of the timeline. */
export const TIMELINE_SOURCES: readonly TimelineSource[] = [
  statusChanges,
  communications,
  measures,
  deadlines,
  // hearings
  hearingsTimeline,
];

/** On one day: the resolution before the status change it brings, letters before what they set. */
const KIND_RANK: Record<TimelineKind, number> = {
  resolution: 0,
  status: 1,
  communication: 2,
  hearing: 3,
  measure: 4,
  deadline: 5,
};

export class FollowupTimelineService {
  constructor(
    private readonly ctx: () => VaultContext,
    private readonly reveals: RevealState,
    private readonly matters: MatterService,
    private readonly sources: readonly TimelineSource[] = TIMELINE_SOURCES,
  ) {}

  timeline({ matterId, kinds, from, to }: ParsedInput<'followup:timeline'>): FollowupTimeline {
    // NOT_FOUND for a missing case, CONFIDENTIAL for a confidential one not revealed.
    this.matters.get(matterId);
    const { db } = this.ctx();
    const revealed = this.reveals.isConfidentialRevealed(matterId);
    const wanted = kinds && kinds.length > 0 ? new Set(kinds) : null;
    const inRange = (e: TimelineEntry) =>
      (!wanted || wanted.has(e.kind)) && (!from || e.date >= from) && (!to || e.date <= to);
    let hiddenConfidential = 0;
    const items: TimelineEntry[] = [];
    for (const source of this.sources) {
      if (wanted && !source.kinds.some((k) => wanted.has(k))) continue;
      for (const { confidential, ...entry } of source.read(db, matterId)) {
        if (!inRange(entry)) continue;
        if (confidential && !revealed) hiddenConfidential += 1;
        else items.push(entry);
      }
    }
    // A stable sort: entries of the same day and kind keep their source's order.
    items.sort((a, b) => a.date.localeCompare(b.date) || KIND_RANK[a.kind] - KIND_RANK[b.kind]);
    return { items, hiddenConfidential };
  }
}
