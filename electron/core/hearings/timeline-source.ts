// Hearings on a case's follow-up timeline: the day the hearing was requested and the day it is (or was)
// held, with its status as the event. A confidential hearing is marked so the timeline hides and counts it.
import type { SourcedEntry, TimelineSource } from '../services/followup-timeline';

type Row = {
  id: string;
  kind: string;
  title: string;
  status: string;
  session_period: string;
  forum: string;
  requested_on: string | null;
  held_on: string | null;
  classification: string;
};

export const hearingsTimeline: TimelineSource = {
  kinds: ['hearing'],
  read(db, matterId) {
    const rows = db
      .prepare(
        `SELECT id, kind, title, status, session_period, forum, requested_on, held_on, classification
         FROM hearings WHERE matter_id = $matterId AND deleted_at IS NULL ORDER BY created_at`,
      )
      .all<Row>({ matterId });
    const out: SourcedEntry[] = [];
    for (const r of rows) {
      const base = {
        confidential: r.classification === 'confidential',
        kind: 'hearing' as const,
        title: r.title,
        detail: [r.kind, r.session_period, r.forum].filter(Boolean),
        target: { tab: 'hearings' as const, recordId: r.id },
      };
      if (r.requested_on)
        out.push({ ...base, key: `hearing:${r.id}:requested`, date: r.requested_on, event: 'requested' });
      if (r.held_on) out.push({ ...base, key: `hearing:${r.id}:held`, date: r.held_on, event: r.status });
    }
    return out;
  },
};
