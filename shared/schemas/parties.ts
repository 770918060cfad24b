// Who is in a matter and in what role (beneficiary, petitioner, witness…), with family-group links.
import { z } from 'zod';
import { Id } from './common';

export const PARTY_ROLES = [
  'beneficiary',
  'petitioner',
  'representative',
  'witness',
  'state_authority',
  'commission_contact',
] as const;
const PartyRole = z.enum(PARTY_ROLES);
export type PartyRole = z.infer<typeof PartyRole>;

export const AddPartyInput = z
  .object({
    matterId: Id,
    role: PartyRole,
    personId: Id.optional(),
    organisationId: Id.optional(),
    /** Family-group membership: the beneficiary whose immediate family this person belongs to. */
    familyOf: Id.nullable().default(null),
    relationship: z.string().trim().max(100, 'validation.tooLong').default(''),
  })
  .refine((v) => (v.personId === undefined) !== (v.organisationId === undefined), {
    message: 'validation.personOrOrganisation',
    path: ['personId'],
  });
export type AddPartyInput = z.input<typeof AddPartyInput>;

export const Party = z.object({
  id: Id,
  matterId: Id,
  role: PartyRole,
  personId: Id.nullable(),
  organisationId: Id.nullable(),
  /** Pseudonym of the person, or the organisation's name: always safe to show. */
  displayName: z.string(),
  familyOf: Id.nullable(),
  relationship: z.string(),
  createdAt: z.string(),
});
export type Party = z.infer<typeof Party>;
