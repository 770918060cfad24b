import { z } from 'zod';
import { Classification } from './classification';
import { Id, IsoDate } from './common';

/**
 * The identity of a person at risk: stored in its own table and sent to the renderer only after a
 * deliberate, logged, time-limited reveal.
 */
export const ProtectedIdentity = z.object({
  legalName: z.string().trim().max(200, 'validation.tooLong'),
  aliases: z.array(z.string().trim().min(1).max(200)).max(20),
  dateOfBirth: IsoDate.nullable(),
  idNumbers: z.array(z.string().trim().min(1).max(100)).max(20),
  phones: z.array(z.string().trim().min(1).max(60)).max(20),
  addresses: z.array(z.string().trim().min(1).max(500)).max(20),
  notes: z.string().max(10000, 'validation.tooLong'),
});
export type ProtectedIdentity = z.infer<typeof ProtectedIdentity>;

export const EMPTY_IDENTITY: ProtectedIdentity = {
  legalName: '',
  aliases: [],
  dateOfBirth: null,
  idNumbers: [],
  phones: [],
  addresses: [],
  notes: '',
};

/** The name that is always safe to show: initials as in the Commission's public documents, or an alias. */
export const Pseudonym = z.string().trim().min(1, 'validation.required').max(60, 'validation.tooLong');

/** Roles the Commission's differentiated approach asks about (a person may hold several). */
export const PROFILE_ROLES = [
  'human_rights_defender',
  'journalist',
  'trafficking_survivor',
  'migrant',
  'child',
  'indigenous',
  'lgbti',
  'disability',
  'other',
] as const;
export const ProfileRole = z.enum(PROFILE_ROLES);
export type ProfileRole = z.infer<typeof ProfileRole>;

export const GENDERS = ['woman', 'man', 'non_binary', 'self_described', 'prefer_not_to_say'] as const;
export const Gender = z.enum(GENDERS);
export type Gender = z.infer<typeof Gender>;

/** Sensitive, not identifying: shown like other classified data, never written to logs. */
export const PersonProfile = z.object({
  roles: z.array(ProfileRole).max(PROFILE_ROLES.length),
  /** What "other" means, when chosen. */
  otherRole: z.string().trim().max(100, 'validation.tooLong'),
  gender: Gender.nullable(),
  /** The person's own words, when the gender is self-described. */
  genderDescription: z.string().trim().max(100, 'validation.tooLong'),
  classification: Classification,
});
export type PersonProfile = z.infer<typeof PersonProfile>;

export const EMPTY_PROFILE: PersonProfile = {
  roles: [],
  otherRole: '',
  gender: null,
  genderDescription: '',
  classification: 'restricted',
};

export const PersonFields = z.object({
  pseudonym: Pseudonym,
  classification: Classification,
});
export type PersonFields = z.infer<typeof PersonFields>;

export const CreatePersonInput = PersonFields.extend({
  /** Optional: a person may be recorded before anyone knows (or writes down) who they are. */
  identity: ProtectedIdentity.optional(),
  profile: PersonProfile.optional(),
});
export type CreatePersonInput = z.infer<typeof CreatePersonInput>;

export const UpdatePersonInput = z.object({
  id: Id,
  revision: z.number().int().positive(),
  fields: PersonFields,
  /** Replacing the identity requires it to be revealed right now (the editor saw what it replaces). */
  identity: ProtectedIdentity.optional(),
  /** Absent: the profile stays as it is. */
  profile: PersonProfile.optional(),
});
export type UpdatePersonInput = z.infer<typeof UpdatePersonInput>;

/** What the renderer gets for a person: never the identity, only whether one is on file. */
export const Person = z.object({
  id: Id,
  pseudonym: z.string(),
  classification: Classification,
  hasIdentity: z.boolean(),
  /** Null when none is recorded, or when it is confidential and not revealed (then `profileWithheld`). */
  profile: PersonProfile.nullable(),
  profileWithheld: z.boolean(),
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Person = z.infer<typeof Person>;

export const RevealIdentityInput = z.object({
  personId: Id,
  reason: z.string().trim().min(3, 'validation.reasonRequired').max(500, 'validation.tooLong'),
});
export type RevealIdentityInput = z.infer<typeof RevealIdentityInput>;

export const RevealedIdentity = z.object({
  personId: Id,
  identity: ProtectedIdentity,
  /** ISO time when it is hidden again. */
  visibleUntil: z.string(),
});
export type RevealedIdentity = z.infer<typeof RevealedIdentity>;

export const ListPeopleInput = z.object({
  query: z.string().trim().max(200).default(''),
  deleted: z.boolean().default(false),
  /** People holding every one of these roles (withheld profiles never match). */
  roles: z.array(ProfileRole).max(PROFILE_ROLES.length).default([]),
  gender: Gender.optional(),
});
export type ListPeopleInput = z.input<typeof ListPeopleInput>;

export const PeopleList = z.object({
  items: z.array(Person),
  hiddenConfidential: z.number().int(),
});
export type PeopleList = z.infer<typeof PeopleList>;

/** Where a person or organisation appears, shown before deleting them. */
export const RecordUsage = z.object({
  id: Id,
  roles: z.array(z.object({ matterId: Id, matterTitle: z.string(), role: z.string(), partyId: Id })),
  /** Incidents naming the person as affected (always 0 for organisations). */
  incidents: z.number().int(),
});
export type RecordUsage = z.infer<typeof RecordUsage>;

export const ORGANISATION_TYPES = [
  'ngo',
  'state_body',
  'commission',
  'court',
  'international_body',
  'other',
] as const;
const OrganisationType = z.enum(ORGANISATION_TYPES);

export const OrganisationFields = z.object({
  name: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  orgType: OrganisationType,
  classification: Classification,
  notes: z.string().max(10000, 'validation.tooLong'),
});
export type OrganisationFields = z.infer<typeof OrganisationFields>;

export const Organisation = OrganisationFields.extend({
  id: Id,
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Organisation = z.infer<typeof Organisation>;

export const UpdateOrganisationInput = z.object({
  id: Id,
  revision: z.number().int().positive(),
  fields: OrganisationFields,
});
