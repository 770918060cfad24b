// The rest of a matter's file: who is in it (roles), its status history, the facts timeline, the risk
// assessment along Art. 25 of the IACHR Rules, notes and tags.
import { z } from 'zod';
import { Classification } from './classification';
import { Id, IsoDate } from './common';
import { MatterStatus } from './matter';

export const PARTY_ROLES = [
  'beneficiary',
  'petitioner',
  'representative',
  'witness',
  'state_authority',
  'commission_contact',
] as const;
export const PartyRole = z.enum(PARTY_ROLES);
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

export const StatusChange = z.object({
  id: Id.or(z.string()),
  fromStatus: MatterStatus.nullable(),
  toStatus: MatterStatus,
  changedOn: IsoDate,
  changedAt: z.string(),
  actor: z.string(),
  note: z.string(),
});
export type StatusChange = z.infer<typeof StatusChange>;

export const ChangeStatusInput = z.object({
  matterId: Id,
  revision: z.number().int().positive(),
  toStatus: MatterStatus,
  changedOn: IsoDate,
  note: z.string().trim().max(2000, 'validation.tooLong').default(''),
});
export type ChangeStatusInput = z.input<typeof ChangeStatusInput>;

export const INCIDENT_KINDS = [
  'threat',
  'surveillance',
  'attack',
  'hacked_account',
  'displacement',
  'report_to_authority',
  'authority_response',
  'other',
] as const;
export const IncidentKind = z.enum(INCIDENT_KINDS);
export type IncidentKind = z.infer<typeof IncidentKind>;

export const IncidentFields = z.object({
  occurredOn: IsoDate,
  kind: IncidentKind,
  title: z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
  description: z.string().max(20000, 'validation.tooLong'),
  place: z.string().trim().max(300, 'validation.tooLong'),
  source: z.string().trim().max(300, 'validation.tooLong'),
  classification: Classification,
  /** People affected (by id; shown by pseudonym). */
  personIds: z.array(Id).max(200),
  tags: z.array(z.string().trim().min(1).max(50)).max(30),
});
export type IncidentFields = z.infer<typeof IncidentFields>;

export const Incident = IncidentFields.extend({
  id: Id,
  matterId: Id,
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Incident = z.infer<typeof Incident>;

export const CreateIncidentInput = IncidentFields.extend({ matterId: Id });
export const UpdateIncidentInput = z.object({
  id: Id,
  revision: z.number().int().positive(),
  fields: IncidentFields,
});

export const ListIncidentsInput = z.object({
  matterId: Id,
  kind: IncidentKind.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  personId: Id.optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type ListIncidentsInput = z.input<typeof ListIncidentsInput>;

export const IncidentList = z.object({ items: z.array(Incident), hiddenConfidential: z.number().int() });

export const RISK_RATINGS = ['low', 'medium', 'high', 'extreme'] as const;
export const RiskRating = z.enum(RISK_RATINGS);

const Criterion = z.object({
  rating: RiskRating,
  reasoning: z.string().max(20000, 'validation.tooLong'),
});

/** One assessment of the three Art. 25 requirements; assessments are kept, never overwritten (history). */
export const RiskAssessmentFields = z.object({
  assessedOn: IsoDate,
  seriousness: Criterion,
  urgency: Criterion,
  irreparableHarm: Criterion,
  incidentIds: z.array(Id).max(500),
});
export type RiskAssessmentFields = z.infer<typeof RiskAssessmentFields>;

export const RiskAssessment = RiskAssessmentFields.extend({
  id: Id,
  matterId: Id,
  createdAt: z.string(),
  actor: z.string(),
});
export type RiskAssessment = z.infer<typeof RiskAssessment>;

export const CreateRiskAssessmentInput = RiskAssessmentFields.extend({ matterId: Id });

export const NoteFields = z.object({
  title: z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
  /** Markdown. */
  body: z.string().max(200000, 'validation.tooLong'),
  classification: Classification,
  tags: z.array(z.string().trim().min(1).max(50)).max(30),
});
export type NoteFields = z.infer<typeof NoteFields>;

export const Note = NoteFields.extend({
  id: Id,
  matterId: Id,
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Note = z.infer<typeof Note>;

export const CreateNoteInput = NoteFields.extend({ matterId: Id });
export const UpdateNoteInput = z.object({
  id: Id,
  revision: z.number().int().positive(),
  fields: NoteFields,
});

export const NoteList = z.object({ items: z.array(Note), hiddenConfidential: z.number().int() });

/** Everything on one matter, as the case view shows it. */
export const MatterFileInput = z.object({ matterId: Id });

export const RevealConfidentialInput = z.object({
  /** A matter id (its confidential incidents and notes), or omitted for confidential matters in lists. */
  matterId: Id.optional(),
  reason: z.string().trim().min(3, 'validation.reasonRequired').max(500, 'validation.tooLong'),
});
export const RevealResult = z.object({ visibleUntil: z.string() });

export const SEARCHABLE = ['matter', 'incident', 'note', 'person', 'organisation', 'evidence'] as const;

export const SearchInput = z.object({
  query: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  /** Also search legal names, aliases, ID numbers…; only after protected search is unlocked (logged). */
  includeProtected: z.boolean().default(false),
  limit: z.number().int().min(1).max(200).default(50),
  /** Hits to skip: the next page starts at the previous result's `nextOffset`. */
  offset: z.number().int().min(0).max(10_000).default(0),
});
export type SearchInput = z.input<typeof SearchInput>;

export const SearchHit = z.object({
  entityType: z.enum(SEARCHABLE),
  entityId: z.string(),
  matterId: z.string().nullable(),
  title: z.string(),
  /** Short excerpt with the match, from the shown (never protected) text. */
  snippet: z.string(),
  /** True when it matched only through a protected field. */
  viaProtected: z.boolean(),
  /** The case the hit belongs to (a matter: itself); null without a case, or while that case is confidential. */
  matterReference: z.string().nullable(),
  matterTitle: z.string().nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  hits: z.array(SearchHit),
  hiddenConfidential: z.number().int(),
  /** Visible matches in all; when not exact, "at least" this many (very common words are counted up to a cap). */
  total: z.number().int(),
  totalExact: z.boolean(),
  hiddenExact: z.boolean(),
  /** By relevance; or newest first when the words are in so many records that relevance says little. */
  order: z.enum(['relevance', 'recent']),
  /** Offset of the next page, or null when this page is the last. */
  nextOffset: z.number().int().nullable(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const UnlockProtectedSearchInput = z.object({
  reason: z.string().trim().min(3, 'validation.reasonRequired').max(500, 'validation.tooLong'),
});

export const DELETABLE = [
  'matter',
  'incident',
  'note',
  'person',
  'organisation',
  'party',
  'evidence',
] as const;
export const DeletableType = z.enum(DELETABLE);
export const ArchiveEntry = z.object({
  entityType: DeletableType,
  entityId: Id,
  label: z.string(),
  matterId: Id.nullable(),
  deletedAt: z.string(),
});
export type ArchiveEntry = z.infer<typeof ArchiveEntry>;
export const RestoreInput = z.object({ entityType: DeletableType, entityId: Id });
export const DeleteInput = z.object({
  entityType: DeletableType,
  entityId: Id,
  /** Required to delete a person or organisation that still has roles in matters: the user saw where. */
  confirmInUse: z.boolean().default(false),
});
