// The people of a case whose protected values the leak guard looks for: its parties, the people named in
// its incidents and measures, and anyone a draft refers to. Read in the core only; never sent anywhere.
import { ProtectedIdentity } from '../../../shared/schemas/people';
import type { Database } from '../vault/database';
import type { GuardedPerson } from './leak-guard';

type Row = {
  id: string;
  pseudonym: string;
  legal_name: string | null;
  aliases: string | null;
  date_of_birth: string | null;
  id_numbers: string | null;
  phones: string | null;
  addresses: string | null;
  notes: string | null;
};

export function casePeople(db: Database, matterId: string, alsoIds: string[] = []): GuardedPerson[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.pseudonym, i.legal_name, i.aliases, i.date_of_birth, i.id_numbers, i.phones, i.addresses, i.notes
       FROM people p LEFT JOIN protected_identities i ON i.person_id = p.id
       WHERE p.id IN (
         SELECT person_id FROM matter_parties WHERE matter_id = $matterId AND person_id IS NOT NULL AND deleted_at IS NULL
         UNION SELECT family_of FROM matter_parties WHERE matter_id = $matterId AND family_of IS NOT NULL AND deleted_at IS NULL
         UNION SELECT ip.person_id FROM incident_people ip JOIN incidents x ON x.id = ip.incident_id
           WHERE x.matter_id = $matterId
         UNION SELECT mp.person_id FROM protection_measure_people mp JOIN protection_measures m ON m.id = mp.measure_id
           WHERE m.matter_id = $matterId
         UNION SELECT value FROM json_each($also)
       )`,
    )
    .all<Row>({ matterId, also: JSON.stringify(alsoIds) });
  return rows.map((r) => ({
    id: r.id,
    pseudonym: r.pseudonym,
    identity: ProtectedIdentity.parse({
      legalName: r.legal_name ?? '',
      aliases: JSON.parse(r.aliases ?? '[]'),
      dateOfBirth: r.date_of_birth,
      idNumbers: JSON.parse(r.id_numbers ?? '[]'),
      phones: JSON.parse(r.phones ?? '[]'),
      addresses: JSON.parse(r.addresses ?? '[]'),
      notes: r.notes ?? '',
    }),
  }));
}

/** Every person a draft's answers or rich sections refer to by id. */
export function referencedPeople(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => referencedPeople(v, out));
  else if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    if (node.type === 'personRef') out.add((node.attrs as { personId: string }).personId);
    for (const [k, v] of Object.entries(node)) {
      if (/^(beneficiaryIds|memberIds|petitionerIds|victimIds)$/.test(k) && Array.isArray(v))
        v.forEach((id) => typeof id === 'string' && out.add(id));
      else referencedPeople(v, out);
    }
  }
  return out;
}
