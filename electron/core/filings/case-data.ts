// What composition reads from the case file, loaded once per generation. Identities are here only for the
// people a profile prints by name and for the final guard; nothing of this leaves the core.
import type { Database } from '../vault/database';
import { casePeople, referencedPeople } from './case-people';
import type { GuardedPerson } from './leak-guard';

export interface CaseIncident {
  id: string;
  occurredOn: string;
  precision: string;
  kind: string;
  title: string;
  place: string;
  classification: string;
}

export interface CaseExhibitItem {
  id: string;
  title: string;
  eventDate: string | null;
  acquiredAt: string;
  sha256: string;
  classification: string;
}

export interface CaseMeasure {
  id: string;
  kind: string;
  description: string;
  authority: string;
  status: string;
  agreedOn: string | null;
  classification: string;
}

export interface CaseData {
  matter: { id: string; title: string; reference: string; forum: string; state: string };
  people: GuardedPerson[];
  /** Party roles per person in this matter. */
  roles: Map<string, string[]>;
  incidents: Map<string, CaseIncident>;
  evidence: Map<string, CaseExhibitItem>;
  measures: Map<string, CaseMeasure>;
  organisations: Map<string, string>;
  communications: Map<string, { subject: string; reference: string; occurredOn: string; noteNumber: string }>;
}

export function loadCaseData(db: Database, matterId: string, draft: unknown): CaseData {
  const m = db
    .prepare('SELECT id, title, reference, forum, state FROM matters WHERE id = $matterId')
    .get<{ id: string; title: string; reference: string; forum: string; state: string }>({ matterId })!;
  const roles = new Map<string, string[]>();
  for (const r of db
    .prepare(
      `SELECT person_id, role FROM matter_parties WHERE matter_id = $matterId AND person_id IS NOT NULL AND deleted_at IS NULL`,
    )
    .all<{ person_id: string; role: string }>({ matterId }))
    roles.set(r.person_id, [...(roles.get(r.person_id) ?? []), r.role]);
  const incidents = new Map(
    db
      .prepare(
        `SELECT id, occurred_on, occurred_precision, kind, title, place, classification FROM incidents
         WHERE matter_id = $matterId AND deleted_at IS NULL ORDER BY occurred_on, created_at`,
      )
      .all<{
        id: string;
        occurred_on: string;
        occurred_precision: string | null;
        kind: string;
        title: string;
        place: string;
        classification: string;
      }>({ matterId })
      .map((r) => [
        r.id,
        {
          id: r.id,
          occurredOn: r.occurred_on,
          precision: r.occurred_precision ?? 'day',
          kind: r.kind,
          title: r.title,
          place: r.place,
          classification: r.classification,
        },
      ]),
  );
  const evidence = new Map(
    db
      .prepare(
        `SELECT id, title, event_date, acquired_at, sha256, classification FROM evidence_items
         WHERE matter_id = $matterId AND deleted_at IS NULL`,
      )
      .all<{
        id: string;
        title: string;
        event_date: string | null;
        acquired_at: string;
        sha256: string;
        classification: string;
      }>({ matterId })
      .map((r) => [
        r.id,
        {
          id: r.id,
          title: r.title,
          eventDate: r.event_date,
          acquiredAt: r.acquired_at,
          sha256: r.sha256,
          classification: r.classification,
        },
      ]),
  );
  const measures = new Map(
    db
      .prepare(
        `SELECT id, kind, description, authority, status, agreed_on, classification FROM protection_measures
         WHERE matter_id = $matterId AND deleted_at IS NULL`,
      )
      .all<{
        id: string;
        kind: string;
        description: string;
        authority: string;
        status: string;
        agreed_on: string | null;
        classification: string;
      }>({ matterId })
      .map((r) => [
        r.id,
        {
          id: r.id,
          kind: r.kind,
          description: r.description,
          authority: r.authority,
          status: r.status,
          agreedOn: r.agreed_on,
          classification: r.classification,
        },
      ]),
  );
  const organisations = new Map(
    db
      .prepare('SELECT id, name FROM organisations WHERE deleted_at IS NULL')
      .all<{ id: string; name: string }>()
      .map((r) => [r.id, r.name]),
  );
  const communications = new Map(
    db
      .prepare(
        `SELECT id, subject, reference, occurred_on, note_number FROM communications
         WHERE matter_id = $matterId AND deleted_at IS NULL`,
      )
      .all<{ id: string; subject: string; reference: string; occurred_on: string; note_number: string }>({
        matterId,
      })
      .map((r) => [
        r.id,
        { subject: r.subject, reference: r.reference, occurredOn: r.occurred_on, noteNumber: r.note_number },
      ]),
  );
  return {
    matter: { id: m.id, title: m.title, reference: m.reference, forum: m.forum, state: m.state },
    people: casePeople(db, matterId, [...referencedPeople(draft)]),
    roles,
    incidents,
    evidence,
    measures,
    organisations,
    communications,
  };
}
