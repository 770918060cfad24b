// The facts timeline of a matter: dated incidents with place, source and the people affected.
import { randomUUID } from 'node:crypto';
import { AmparoError } from '../../../shared/errors';
import type { ParsedInput } from '../../../shared/contract';
import { type Incident, type IncidentFields } from '../../../shared/schemas/incidents';
import { changedFields } from './changes';
import type { RevealState } from './reveal-state';
import { indexForSearch } from './search-index';
import { getTags, setTags } from './tags';
import { requireLiveMatter } from './records';
import type { VaultContext } from './vault-context';

type IncidentRow = {
  id: string;
  matter_id: string;
  occurred_on: string;
  occurred_precision: string;
  occurred_qualifier: string;
  kind: string;
  title: string;
  description: string;
  place: string;
  source: string;
  classification: string;
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

export class IncidentService {
  constructor(
    private readonly ctx: () => VaultContext,
    private readonly reveals: RevealState,
  ) {}

  private toIncident(row: IncidentRow): Incident {
    const { db } = this.ctx();
    const personIds = db
      .prepare('SELECT person_id FROM incident_people WHERE incident_id = $id ORDER BY person_id')
      .all<{ person_id: string }>({ id: row.id })
      .map((r) => r.person_id);
    return {
      id: row.id,
      matterId: row.matter_id,
      occurredOn: row.occurred_on,
      occurredPrecision: row.occurred_precision as Incident['occurredPrecision'],
      occurredQualifier: row.occurred_qualifier as Incident['occurredQualifier'],
      kind: row.kind as Incident['kind'],
      title: row.title,
      description: row.description,
      place: row.place,
      source: row.source,
      classification: row.classification as Incident['classification'],
      personIds,
      tags: getTags(db, 'incident', row.id),
      revision: row.revision,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
    };
  }

  list({ matterId, kind, from, to, personId, order }: ParsedInput<'incidents:list'>): {
    items: Incident[];
    hiddenConfidential: number;
  } {
    const where = ['i.matter_id = $matterId', 'i.deleted_at IS NULL'];
    const params: Record<string, string> = { matterId };
    if (kind) {
      where.push('i.kind = $kind');
      params.kind = kind;
    }
    if (from) {
      where.push('i.occurred_on >= $from');
      params.from = from;
    }
    if (to) {
      where.push('i.occurred_on <= $to');
      params.to = to;
    }
    if (personId) {
      where.push(
        'EXISTS (SELECT 1 FROM incident_people ip WHERE ip.incident_id = i.id AND ip.person_id = $personId)',
      );
      params.personId = personId;
    }
    const dir = order === 'desc' ? 'DESC' : 'ASC';
    const rows = this.ctx()
      .db.prepare(
        `SELECT i.* FROM incidents i WHERE ${where.join(' AND ')} ORDER BY i.occurred_on ${dir}, ${PRECISION_RANK} ${dir}, i.created_at ${dir}`,
      )
      .all<IncidentRow>(params);
    const showConfidential = this.reveals.isConfidentialRevealed(matterId);
    const shown = rows.filter((r) => showConfidential || r.classification !== 'confidential');
    return { items: shown.map((r) => this.toIncident(r)), hiddenConfidential: rows.length - shown.length };
  }

  get(id: string): Incident {
    const row = this.ctx()
      .db.prepare('SELECT * FROM incidents WHERE id = $id AND deleted_at IS NULL')
      .get<IncidentRow>({ id });
    if (!row) throw new AmparoError('NOT_FOUND', `No incident ${id}`);
    if (row.classification === 'confidential' && !this.reveals.isConfidentialRevealed(row.matter_id)) {
      throw new AmparoError('CONFIDENTIAL', 'This incident is confidential: reveal it first');
    }
    return this.toIncident(row);
  }

  create(matterId: string, fields: IncidentFields): Incident {
    const { db, audit, now } = this.ctx();
    const id = randomUUID();
    const at = now().toISOString();
    db.transaction(() => {
      requireLiveMatter(db, matterId);
      db.prepare(
        `INSERT INTO incidents (id, matter_id, occurred_on, occurred_precision, occurred_qualifier, kind, title, description, place,
                                source, classification, created_at, updated_at)
         VALUES ($id, $matterId, $occurredOn, $occurredPrecision, $occurredQualifier, $kind, $title, $description, $place,
                 $source, $classification, $at, $at)`,
      ).run({ id, matterId, at, ...rowFields(fields) });
      this.writeLinks(id, matterId, fields);
      audit.append({
        action: 'record.create',
        entityType: 'incident',
        entityId: id,
        matterId,
        details: {
          kind: fields.kind,
          classification: fields.classification,
          people: fields.personIds.length,
        },
      });
    })();
    return this.toIncident(this.row(id));
  }

  update(id: string, revision: number, fields: IncidentFields): Incident {
    const { db, audit, now } = this.ctx();
    db.transaction(() => {
      const current = this.toIncident(this.row(id));
      if (current.revision !== revision)
        throw new AmparoError('CONFLICT', `Incident ${id} was changed elsewhere`);
      db.prepare(
        `UPDATE incidents SET occurred_on = $occurredOn, occurred_precision = $occurredPrecision,
                occurred_qualifier = $occurredQualifier, kind = $kind, title = $title, description = $description, place = $place,
                source = $source, classification = $classification, revision = revision + 1, updated_at = $at WHERE id = $id`,
      ).run({ id, at: now().toISOString(), ...rowFields(fields) });
      this.writeLinks(id, current.matterId, fields);
      audit.append({
        action: 'record.update',
        entityType: 'incident',
        entityId: id,
        matterId: current.matterId,
        details: { fields: changedFields(current, fields) },
      });
    })();
    return this.toIncident(this.row(id));
  }

  private row(id: string): IncidentRow {
    const row = this.ctx().db.prepare('SELECT * FROM incidents WHERE id = $id').get({ id }) as
      IncidentRow | undefined;
    if (!row) throw new AmparoError('NOT_FOUND', `No incident ${id}`);
    return row;
  }

  private writeLinks(id: string, matterId: string, fields: IncidentFields): void {
    const { db } = this.ctx();
    db.prepare('DELETE FROM incident_people WHERE incident_id = $id').run({ id });
    const link = db.prepare(
      'INSERT OR IGNORE INTO incident_people (incident_id, person_id) VALUES ($id, $personId)',
    );
    for (const personId of fields.personIds) {
      if (!db.prepare('SELECT 1 AS x FROM people WHERE id = $personId').get({ personId }))
        throw new AmparoError('NOT_FOUND', 'No such person');
      link.run({ id, personId });
    }
    setTags(db, 'incident', id, fields.tags);
    this.index(id, matterId, fields);
  }

  reindex(id: string): void {
    const incident = this.toIncident(this.row(id));
    this.index(id, incident.matterId, incident);
  }

  private index(id: string, matterId: string, fields: IncidentFields): void {
    indexForSearch(this.ctx().db, {
      entityType: 'incident',
      entityId: id,
      matterId,
      classification: fields.classification,
      title: fields.title,
      body: [fields.description, fields.place, fields.source, fields.tags.join(' ')].join('\n'),
    });
  }
}

/**
 * Facts on the same first day sort coarse before fine: "2022" and "since 2022" open the year, before a fact
 * of 1 January 2022 itself (newest-first lists reverse it).
 */
const PRECISION_RANK = `CASE i.occurred_precision WHEN 'year' THEN 0 WHEN 'month' THEN 1 ELSE 2 END`;

/** Keeps only the known part of the date: a month's fact is stored on its 1st, a year's on 1 January. */
export function normaliseOccurredOn(date: string, precision: IncidentFields['occurredPrecision']): string {
  if (precision === 'year') return `${date.slice(0, 4)}-01-01`;
  if (precision === 'month') return `${date.slice(0, 7)}-01`;
  return date;
}

function rowFields(fields: IncidentFields) {
  return {
    occurredOn: normaliseOccurredOn(fields.occurredOn, fields.occurredPrecision),
    occurredPrecision: fields.occurredPrecision,
    occurredQualifier: fields.occurredQualifier,
    kind: fields.kind,
    title: fields.title,
    description: fields.description,
    place: fields.place,
    source: fields.source,
    classification: fields.classification,
  };
}
