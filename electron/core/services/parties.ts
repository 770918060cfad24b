// Who is in a matter and in what role. Parties are shown by pseudonym (people) or name (organisations).
import { randomUUID } from 'node:crypto';
import { AmparoError } from '../../../shared/errors';
import type { ParsedInput } from '../../../shared/contract';
import type { Party } from '../../../shared/schemas/parties';
import type { VaultContext } from './vault-context';

type PartyRow = {
  id: string;
  matter_id: string;
  role: string;
  person_id: string | null;
  organisation_id: string | null;
  display_name: string;
  family_of: string | null;
  relationship: string;
  created_at: string;
};

const PARTY_SELECT = `
  SELECT mp.id, mp.matter_id, mp.role, mp.person_id, mp.organisation_id, mp.family_of, mp.relationship, mp.created_at,
         coalesce(p.pseudonym, o.name) AS display_name
  FROM matter_parties mp
  LEFT JOIN people p ON p.id = mp.person_id
  LEFT JOIN organisations o ON o.id = mp.organisation_id`;

function toParty(row: PartyRow): Party {
  return {
    id: row.id,
    matterId: row.matter_id,
    role: row.role as Party['role'],
    personId: row.person_id,
    organisationId: row.organisation_id,
    displayName: row.display_name,
    familyOf: row.family_of,
    relationship: row.relationship,
    createdAt: row.created_at,
  };
}

export class PartyService {
  constructor(private readonly ctx: () => VaultContext) {}

  list(matterId: string): Party[] {
    const rows = this.ctx()
      .db.prepare(
        `${PARTY_SELECT}
         WHERE mp.matter_id = $matterId AND mp.deleted_at IS NULL AND p.deleted_at IS NULL AND o.deleted_at IS NULL
         ORDER BY mp.role, display_name`,
      )
      .all<PartyRow>({ matterId });
    return rows.map(toParty);
  }

  add(parsed: ParsedInput<'parties:add'>): Party {
    const { db, audit, now } = this.ctx();
    const id = randomUUID();
    db.transaction(() => {
      const exists = (table: string, key: string | null | undefined) =>
        !key || db.prepare(`SELECT 1 AS x FROM ${table} WHERE id = $key AND deleted_at IS NULL`).get({ key });
      if (!exists('matters', parsed.matterId)) throw new AmparoError('NOT_FOUND', 'No such matter');
      if (!exists('people', parsed.personId) || !exists('people', parsed.familyOf))
        throw new AmparoError('NOT_FOUND', 'No such person');
      if (!exists('organisations', parsed.organisationId))
        throw new AmparoError('NOT_FOUND', 'No such organisation');
      db.prepare(
        `INSERT INTO matter_parties (id, matter_id, person_id, organisation_id, role, family_of, relationship, created_at)
         VALUES ($id, $matterId, $personId, $organisationId, $role, $familyOf, $relationship, $at)`,
      ).run({
        id,
        matterId: parsed.matterId,
        personId: parsed.personId ?? null,
        organisationId: parsed.organisationId ?? null,
        role: parsed.role,
        familyOf: parsed.familyOf,
        relationship: parsed.relationship,
        at: now().toISOString(),
      });
      audit.append({
        action: 'record.create',
        entityType: 'party',
        entityId: id,
        matterId: parsed.matterId,
        details: {
          role: parsed.role,
          personId: parsed.personId ?? null,
          organisationId: parsed.organisationId ?? null,
        },
      });
    })();
    return this.get(id);
  }

  get(id: string): Party {
    const row = this.ctx().db.prepare(`${PARTY_SELECT} WHERE mp.id = $id`).get({ id }) as
      PartyRow | undefined;
    if (!row) throw new AmparoError('NOT_FOUND', `No party ${id}`);
    return toParty(row);
  }
}
