// People and organisations. A person's pseudonym is always safe to show; the protected identity lives in
// its own table and leaves the core only through `reveal`, which is logged with the user's reason and
// lasts a few minutes (or until the next lock).
import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '../../../shared/contract';
import { AmparoError } from '../../../shared/errors';
import {
  PersonProfile,
  ProtectedIdentity,
  type CreatePersonInput,
  type Organisation,
  type OrganisationFields,
  type PeopleList,
  type Person,
  type RecordUsage,
  type RevealedIdentity,
  type UpdatePersonInput,
} from '../../../shared/schemas/people';
import { foldForSearch } from '../text/fold';
import { changedFields } from './changes';
import { CONFIDENTIAL_MATTERS_SCOPE } from './matters';
import type { RevealState } from './reveal-state';
import { indexForSearch } from './search-index';
import type { VaultContext } from './vault-context';

/** Reveal scope under which confidential people appear in lists. */
export const CONFIDENTIAL_PEOPLE_SCOPE = 'people';

type PersonRow = {
  id: string;
  pseudonym: string;
  classification: string;
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  has_identity: number;
  profile_roles: string | null;
  profile_other_role: string | null;
  profile_gender: string | null;
  profile_gender_description: string | null;
  profile_classification: string | null;
};

type IdentityRow = {
  legal_name: string;
  aliases: string;
  date_of_birth: string | null;
  id_numbers: string;
  phones: string;
  addresses: string;
  notes: string;
};

const PERSON_SELECT = `SELECT p.*, EXISTS (SELECT 1 FROM protected_identities i WHERE i.person_id = p.id) AS has_identity,
                         pp.roles AS profile_roles, pp.other_role AS profile_other_role, pp.gender AS profile_gender,
                         pp.gender_description AS profile_gender_description,
                         pp.classification AS profile_classification
                       FROM people p LEFT JOIN person_profiles pp ON pp.person_id = p.id`;

function profileOf(row: PersonRow): PersonProfile | null {
  if (row.profile_classification === null) return null;
  return PersonProfile.parse({
    roles: JSON.parse(row.profile_roles ?? '[]'),
    otherRole: row.profile_other_role ?? '',
    gender: row.profile_gender,
    genderDescription: row.profile_gender_description ?? '',
    classification: row.profile_classification,
  });
}

function toPerson(row: PersonRow, profileVisible: boolean): Person {
  const profile = profileOf(row);
  const withheld = profile !== null && profile.classification === 'confidential' && !profileVisible;
  return {
    id: row.id,
    pseudonym: row.pseudonym,
    classification: row.classification as Person['classification'],
    hasIdentity: row.has_identity === 1,
    profile: withheld ? null : profile,
    profileWithheld: withheld,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

function identityParams(identity: ProtectedIdentity) {
  return {
    legalName: identity.legalName,
    aliases: JSON.stringify(identity.aliases),
    dateOfBirth: identity.dateOfBirth,
    idNumbers: JSON.stringify(identity.idNumbers),
    phones: JSON.stringify(identity.phones),
    addresses: JSON.stringify(identity.addresses),
    notes: identity.notes,
  };
}

/** Every protected field as one searchable text (only in the separate protected index). */
function protectedText(identity: ProtectedIdentity): string {
  return [
    identity.legalName,
    ...identity.aliases,
    identity.dateOfBirth ?? '',
    ...identity.idNumbers,
    ...identity.phones,
    ...identity.addresses,
    identity.notes,
  ].join(' \n ');
}

export class PeopleService {
  constructor(
    private readonly ctx: () => VaultContext,
    private readonly reveals: RevealState,
  ) {}

  /** A confidential profile shows only while confidential people, or this person, are revealed. */
  private profileVisible(id: string): boolean {
    return (
      this.reveals.isConfidentialRevealed(CONFIDENTIAL_PEOPLE_SCOPE) || this.reveals.isPersonRevealed(id)
    );
  }

  private toPerson(row: PersonRow): Person {
    return toPerson(row, this.profileVisible(row.id));
  }

  list({ query, deleted, roles, gender }: ParsedInput<'people:list'>): PeopleList {
    const { db } = this.ctx();
    const rows = db
      .prepare(`${PERSON_SELECT} WHERE p.deleted_at IS ${deleted ? 'NOT NULL' : 'NULL'} ORDER BY p.pseudonym`)
      .all<PersonRow>();
    const folded = foldForSearch(query);
    const matching = rows.filter((r) => !folded || foldForSearch(r.pseudonym).includes(folded));
    const showConfidential = this.reveals.isConfidentialRevealed(CONFIDENTIAL_PEOPLE_SCOPE);
    const shown = matching.filter((r) => showConfidential || r.classification !== 'confidential');
    const people = shown.map((r) => this.toPerson(r));
    // Filtering on a withheld profile would tell what it holds: those people never match a filter.
    const filtered =
      roles.length === 0 && !gender
        ? people
        : people.filter(
            (p) =>
              p.profile !== null &&
              roles.every((role) => p.profile!.roles.includes(role)) &&
              (!gender || p.profile.gender === gender),
          );
    return { items: filtered, hiddenConfidential: matching.length - shown.length };
  }

  private row(id: string): PersonRow {
    const row = this.ctx().db.prepare(`${PERSON_SELECT} WHERE p.id = $id`).get({ id }) as
      PersonRow | undefined;
    if (!row) throw new AmparoError('NOT_FOUND', `No person ${id}`);
    return row;
  }

  get(id: string): Person {
    return this.toPerson(this.row(id));
  }

  create(input: CreatePersonInput): Person {
    const { db, audit, now } = this.ctx();
    const id = randomUUID();
    const at = now().toISOString();
    db.transaction(() => {
      db.prepare(
        `INSERT INTO people (id, pseudonym, classification, created_at, updated_at) VALUES ($id, $pseudonym, $classification, $at, $at)`,
      ).run({ id, pseudonym: input.pseudonym, classification: input.classification, at });
      if (input.identity) this.writeIdentity(id, input.identity);
      if (input.profile) this.writeProfile(id, input.profile);
      this.index(id, input.pseudonym, input.classification);
      audit.append({
        action: 'record.create',
        entityType: 'person',
        entityId: id,
        details: {
          classification: input.classification,
          identityFields: input.identity ? filledFields(input.identity) : [],
          // Which parts of the profile are filled, never what they say.
          profileFields: input.profile ? profileFields(null, normalProfile(input.profile)) : [],
        },
      });
    })();
    return this.get(id);
  }

  update(input: UpdatePersonInput): Person {
    const { db, audit, now } = this.ctx();
    db.transaction(() => {
      const current = this.row(input.id);
      if (current.revision !== input.revision) {
        throw new AmparoError('CONFLICT', `Person ${input.id} was changed elsewhere`);
      }
      let identityFields: string[] = [];
      if (input.identity) {
        // Replacing an identity nobody is looking at would overwrite data the editor never saw.
        if (current.has_identity === 1 && !this.reveals.isPersonRevealed(input.id)) {
          throw new AmparoError('CONFIDENTIAL', 'Reveal the identity before editing it');
        }
        const before = current.has_identity === 1 ? this.readIdentity(input.id) : null;
        identityFields = before ? changedFields(before, input.identity) : filledFields(input.identity);
        this.writeIdentity(input.id, input.identity);
      }
      let changedProfile: string[] = [];
      if (input.profile) {
        const before = profileOf(current);
        if (before?.classification === 'confidential' && !this.profileVisible(input.id)) {
          throw new AmparoError('CONFIDENTIAL', 'Reveal the profile before editing it');
        }
        changedProfile = profileFields(before, normalProfile(input.profile));
        this.writeProfile(input.id, input.profile);
      }
      db.prepare(
        `UPDATE people SET pseudonym = $pseudonym, classification = $classification, revision = revision + 1, updated_at = $at
         WHERE id = $id`,
      ).run({
        id: input.id,
        pseudonym: input.fields.pseudonym,
        classification: input.fields.classification,
        at: now().toISOString(),
      });
      this.index(input.id, input.fields.pseudonym, input.fields.classification);
      audit.append({
        action: 'record.update',
        entityType: 'person',
        entityId: input.id,
        details: {
          fields: changedFields(
            { pseudonym: current.pseudonym, classification: current.classification },
            input.fields,
          ),
          identityFields: identityFields.map((f) => `identity.${f}`),
          profileFields: changedProfile.map((f) => `profile.${f}`),
        },
      });
    })();
    return this.get(input.id);
  }

  /** The only way a protected identity leaves the core: logged, with the user's reason, time-limited. */
  reveal(personId: string, reason: string): RevealedIdentity {
    const { db, audit } = this.ctx();
    this.row(personId);
    const identity = this.readIdentity(personId);
    if (!identity) throw new AmparoError('NOT_FOUND', 'No protected identity on file for this person');
    const until = db.transaction(() => {
      audit.append({
        action: 'identity.reveal',
        entityType: 'person',
        entityId: personId,
        details: { reason },
      });
      return this.reveals.revealPerson(personId);
    })();
    return { personId, identity, visibleUntil: new Date(until).toISOString() };
  }

  hide(personId: string): void {
    this.reveals.hidePerson(personId);
  }

  usage(id: string): RecordUsage {
    this.row(id);
    const incidents = Number(
      this.ctx()
        .db.prepare(
          `SELECT count(*) AS n FROM incident_people ip JOIN incidents i ON i.id = ip.incident_id
           WHERE ip.person_id = $id AND i.deleted_at IS NULL`,
        )
        .get({ id })?.n ?? 0,
    );
    return { id, roles: this.rolesOf('person_id', id), incidents };
  }

  organisationUsage(id: string): RecordUsage {
    this.getOrganisation(id);
    return { id, roles: this.rolesOf('organisation_id', id), incidents: 0 };
  }

  /** The live roles of a person or organisation in live matters. */
  private rolesOf(column: 'person_id' | 'organisation_id', id: string): RecordUsage['roles'] {
    const rows = this.ctx()
      .db.prepare(
        `SELECT mp.id AS party_id, mp.role, m.id AS matter_id, m.title, m.classification
         FROM matter_parties mp JOIN matters m ON m.id = mp.matter_id
         WHERE mp.${column} = $id AND mp.deleted_at IS NULL AND m.deleted_at IS NULL
         ORDER BY m.title`,
      )
      .all<{ party_id: string; role: string; matter_id: string; title: string; classification: string }>({
        id,
      });
    return rows.map((r) => ({
      partyId: r.party_id,
      role: r.role,
      matterId: r.matter_id,
      // A confidential matter's title stays hidden here too, unless revealed.
      matterTitle:
        r.classification === 'confidential' &&
        !this.reveals.isConfidentialRevealed(r.matter_id) &&
        !this.reveals.isConfidentialRevealed(CONFIDENTIAL_MATTERS_SCOPE)
          ? '—'
          : r.title,
    }));
  }

  private readIdentity(personId: string): ProtectedIdentity | null {
    const row = this.ctx()
      .db.prepare('SELECT * FROM protected_identities WHERE person_id = $personId')
      .get<IdentityRow>({ personId });
    if (!row) return null;
    return ProtectedIdentity.parse({
      legalName: row.legal_name,
      aliases: JSON.parse(row.aliases),
      dateOfBirth: row.date_of_birth,
      idNumbers: JSON.parse(row.id_numbers),
      phones: JSON.parse(row.phones),
      addresses: JSON.parse(row.addresses),
      notes: row.notes,
    });
  }

  private writeIdentity(personId: string, identity: ProtectedIdentity): void {
    const { db } = this.ctx();
    db.prepare(
      `INSERT INTO protected_identities (person_id, legal_name, aliases, date_of_birth, id_numbers, phones, addresses, notes)
       VALUES ($personId, $legalName, $aliases, $dateOfBirth, $idNumbers, $phones, $addresses, $notes)
       ON CONFLICT (person_id) DO UPDATE SET legal_name = excluded.legal_name, aliases = excluded.aliases,
         date_of_birth = excluded.date_of_birth, id_numbers = excluded.id_numbers, phones = excluded.phones,
         addresses = excluded.addresses, notes = excluded.notes`,
    ).run({ personId, ...identityParams(identity) });
    db.prepare('DELETE FROM protected_search WHERE person_id = $personId').run({ personId });
    db.prepare('INSERT INTO protected_search (person_id, body) VALUES ($personId, $body)').run({
      personId,
      body: protectedText(identity),
    });
  }

  private writeProfile(personId: string, input: PersonProfile): void {
    const profile = normalProfile(input);
    this.ctx()
      .db.prepare(
        `INSERT INTO person_profiles (person_id, roles, other_role, gender, gender_description, classification)
         VALUES ($personId, $roles, $otherRole, $gender, $genderDescription, $classification)
         ON CONFLICT (person_id) DO UPDATE SET roles = excluded.roles, other_role = excluded.other_role,
           gender = excluded.gender, gender_description = excluded.gender_description,
           classification = excluded.classification`,
      )
      .run({
        personId,
        roles: JSON.stringify(profile.roles),
        otherRole: profile.otherRole,
        gender: profile.gender,
        genderDescription: profile.genderDescription,
        classification: profile.classification,
      });
  }

  /** Re-index after a restore. */
  reindex(personId: string): void {
    const row = this.row(personId);
    this.index(personId, row.pseudonym, row.classification as Person['classification']);
    const identity = this.readIdentity(personId);
    if (identity) this.writeIdentity(personId, identity);
  }

  private index(id: string, pseudonym: string, classification: Person['classification']): void {
    indexForSearch(this.ctx().db, {
      entityType: 'person',
      entityId: id,
      matterId: null,
      classification,
      title: pseudonym,
      body: '',
    });
  }

  // Organisations: public entities mostly (NGOs, State bodies, the Commission); no protected part.

  listOrganisations(): Organisation[] {
    const rows = this.ctx()
      .db.prepare('SELECT * FROM organisations WHERE deleted_at IS NULL ORDER BY name')
      .all<OrganisationRow>();
    return rows.map(toOrganisation);
  }

  getOrganisation(id: string): Organisation {
    const row = this.ctx().db.prepare('SELECT * FROM organisations WHERE id = $id').get({ id }) as
      OrganisationRow | undefined;
    if (!row) throw new AmparoError('NOT_FOUND', `No organisation ${id}`);
    return toOrganisation(row);
  }

  createOrganisation(fields: OrganisationFields): Organisation {
    const { db, audit, now } = this.ctx();
    const id = randomUUID();
    const at = now().toISOString();
    db.transaction(() => {
      db.prepare(
        `INSERT INTO organisations (id, name, org_type, classification, notes, created_at, updated_at)
         VALUES ($id, $name, $orgType, $classification, $notes, $at, $at)`,
      ).run({ id, at, ...fields });
      indexForSearch(db, {
        entityType: 'organisation',
        entityId: id,
        matterId: null,
        classification: fields.classification,
        title: fields.name,
        body: fields.notes,
      });
      audit.append({
        action: 'record.create',
        entityType: 'organisation',
        entityId: id,
        details: { orgType: fields.orgType },
      });
    })();
    return this.getOrganisation(id);
  }

  reindexOrganisation(id: string): void {
    const org = this.getOrganisation(id);
    indexForSearch(this.ctx().db, {
      entityType: 'organisation',
      entityId: id,
      matterId: null,
      classification: org.classification,
      title: org.name,
      body: org.notes,
    });
  }

  updateOrganisation(id: string, revision: number, fields: OrganisationFields): Organisation {
    const { db, audit, now } = this.ctx();
    db.transaction(() => {
      const current = this.getOrganisation(id);
      if (current.revision !== revision)
        throw new AmparoError('CONFLICT', `Organisation ${id} was changed elsewhere`);
      db.prepare(
        `UPDATE organisations SET name = $name, org_type = $orgType, classification = $classification, notes = $notes,
                revision = revision + 1, updated_at = $at WHERE id = $id`,
      ).run({ id, at: now().toISOString(), ...fields });
      indexForSearch(db, {
        entityType: 'organisation',
        entityId: id,
        matterId: null,
        classification: fields.classification,
        title: fields.name,
        body: fields.notes,
      });
      audit.append({
        action: 'record.update',
        entityType: 'organisation',
        entityId: id,
        details: { fields: changedFields(current, fields) },
      });
    })();
    return this.getOrganisation(id);
  }
}

type OrganisationRow = {
  id: string;
  name: string;
  org_type: string;
  classification: string;
  notes: string;
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    orgType: row.org_type as Organisation['orgType'],
    classification: row.classification as Organisation['classification'],
    notes: row.notes,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** Roles once each; a description only where it describes the choice made. */
function normalProfile(profile: PersonProfile): PersonProfile {
  return {
    ...profile,
    roles: [...new Set(profile.roles)],
    otherRole: profile.roles.includes('other') ? profile.otherRole : '',
    genderDescription: profile.gender === 'self_described' ? profile.genderDescription : '',
  };
}

/** Names of the profile fields that differ (or, for a new profile, that hold something). */
function profileFields(before: PersonProfile | null, after: PersonProfile): string[] {
  const base = before ?? {
    roles: [],
    otherRole: '',
    gender: null,
    genderDescription: '',
    classification: null,
  };
  const changed: string[] = [];
  if ([...base.roles].sort().join() !== [...after.roles].sort().join()) changed.push('roles');
  for (const key of ['otherRole', 'gender', 'genderDescription'] as const)
    if ((base[key] ?? '') !== (after[key] ?? '')) changed.push(key);
  if (before && before.classification !== after.classification) changed.push('classification');
  return changed;
}

/** Which identity fields hold something (names of fields only, for the audit log). */
function filledFields(identity: ProtectedIdentity): string[] {
  return Object.entries(identity)
    .filter(([, v]) => (Array.isArray(v) ? v.length > 0 : Boolean(v)))
    .map(([k]) => k)
    .sort();
}
