// Rows for the dashboard tests (unit and end-to-end) written with plain SQL into a real vault, as the
// follow-up services will write them; nothing here imports a test runner. Callers give every due instant
// worked out by hand from the forum date, end time and zone.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../../electron/core/vault/database';

const AT = '2026-01-01T00:00:00.000Z';

export function matter(
  db: Database,
  fields: {
    reference: string;
    title?: string;
    type?: string;
    status?: string;
    openedOn?: string;
    classification?: string;
    archived?: boolean;
    deleted?: boolean;
  },
): string {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO matters (id, title, matter_type, forum, reference, status, opened_on, summary, classification,
                          created_at, updated_at, archived_at, deleted_at, search_text)
     VALUES ($id, $title, $type, 'iachr', $reference, $status, $openedOn, '', $classification, $at, $at,
             $archived, $deleted, '')`,
  ).run({
    id,
    title: fields.title ?? `Caso ${fields.reference}`,
    type: fields.type ?? 'precautionary_measure',
    reference: fields.reference,
    status: fields.status ?? 'follow_up',
    openedOn: fields.openedOn ?? '2020-01-01',
    classification: fields.classification ?? 'restricted',
    archived: fields.archived ? AT : null,
    deleted: fields.deleted ? AT : null,
    at: AT,
  });
  return id;
}

export function communication(
  db: Database,
  matterId: string,
  fields: {
    direction: 'received' | 'sent';
    occurredOn: string;
    kind?: string;
    subject?: string;
    classification?: string;
    inReplyTo?: string;
    deleted?: boolean;
  },
): string {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO communications (id, matter_id, direction, counterpart, channel, kind, occurred_on, reference,
                                 subject, classification, in_reply_to, created_at, updated_at, deleted_at)
     VALUES ($id, $matterId, $direction, 'commission', 'portal', $kind, $occurredOn, 'MC-1008-19', $subject,
             $classification, $inReplyTo, $at, $at, $deleted)`,
  ).run({
    id,
    matterId,
    direction: fields.direction,
    kind: fields.kind ?? 'other',
    occurredOn: fields.occurredOn,
    subject: fields.subject ?? 'Solicitud de información',
    classification: fields.classification ?? 'restricted',
    inReplyTo: fields.inReplyTo ?? null,
    deleted: fields.deleted ? AT : null,
    at: AT,
  });
  return id;
}

export function deadline(
  db: Database,
  matterId: string,
  fields: {
    title: string;
    dueDate: string;
    instant: string;
    endTime?: string;
    zone?: string;
    status?: 'open' | 'fulfilled' | 'waived';
    communicationId?: string;
    deleted?: boolean;
  },
): string {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO deadlines (id, matter_id, communication_id, title, mode, due_date, end_time, zone, due_instant,
                            basis, status, created_at, updated_at, deleted_at)
     VALUES ($id, $matterId, $communicationId, $title, 'manual', $dueDate, $endTime, $zone, $instant, '[]',
             $status, $at, $at, $deleted)`,
  ).run({
    id,
    matterId,
    communicationId: fields.communicationId ?? null,
    title: fields.title,
    dueDate: fields.dueDate,
    endTime: fields.endTime ?? '24:00',
    zone: fields.zone ?? 'America/Costa_Rica',
    instant: fields.instant,
    status: fields.status ?? 'open',
    deleted: fields.deleted ? AT : null,
    at: AT,
  });
  return id;
}

export function incident(
  db: Database,
  matterId: string,
  occurredOn: string,
  fields: { precision?: 'day' | 'month' | 'year'; classification?: string } = {},
): void {
  db.prepare(
    `INSERT INTO incidents (id, matter_id, occurred_on, occurred_precision, kind, title, description, classification,
                            created_at, updated_at)
     VALUES ($id, $matterId, $occurredOn, $precision, 'threat', 'Amenaza', '', $classification, $at, $at)`,
  ).run({
    id: randomUUID(),
    matterId,
    occurredOn,
    precision: fields.precision ?? 'day',
    classification: fields.classification ?? 'restricted',
    at: AT,
  });
}

export function measure(
  db: Database,
  matterId: string,
  kind: string,
  status: string,
  classification = 'restricted',
): void {
  db.prepare(
    `INSERT INTO protection_measures (id, matter_id, kind, status, classification, created_at, updated_at)
     VALUES ($id, $matterId, $kind, $status, $classification, $at, $at)`,
  ).run({ id: randomUUID(), matterId, kind, status, classification, at: AT });
}
