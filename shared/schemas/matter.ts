import { z } from 'zod';
import { Classification } from './classification';
import { Id, IsoDate } from './common';

// Kinds of matter a team runs (see docs and ../shared/domain.md): the IACHR precautionary track, the petition/case
// track, the Court's provisional measures and Mexico's domestic protection mechanism.
export const MATTER_TYPES = [
  'precautionary_request',
  'precautionary_measure',
  'petition',
  'case',
  'provisional_measures',
  'domestic_protection',
] as const;
export const MatterType = z.enum(MATTER_TYPES);
export type MatterType = z.infer<typeof MatterType>;

export const FORUMS = ['iachr', 'ia_court', 'mx_protection_mechanism', 'domestic_court', 'other'] as const;
export const Forum = z.enum(FORUMS);
export type Forum = z.infer<typeof Forum>;

/** The forum a matter type is normally before, used to pre-fill the form. */
export const DEFAULT_FORUM: Record<MatterType, Forum> = {
  precautionary_request: 'iachr',
  precautionary_measure: 'iachr',
  petition: 'iachr',
  case: 'iachr',
  provisional_measures: 'ia_court',
  domestic_protection: 'mx_protection_mechanism',
};

export const MATTER_STATUSES = [
  'draft',
  'filed',
  'under_study',
  'granted',
  'not_granted',
  'follow_up',
  'lifted',
  'archived',
  'deactivated',
] as const;
export const MatterStatus = z.enum(MATTER_STATUSES);
export type MatterStatus = z.infer<typeof MatterStatus>;

/** The State a matter is brought against: an ISO 3166-1 alpha-2 code. Most of this team's cases are against Mexico. */
export const DEFAULT_MATTER_STATE = 'MX';
export const MatterState = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'validation.invalid');

/** The editable fields of a matter: one schema for the form and for the main process. */
export const MatterFields = z.object({
  title: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  matterType: MatterType,
  forum: Forum,
  reference: z.string().trim().max(60, 'validation.tooLong'),
  status: MatterStatus,
  openedOn: IsoDate,
  summary: z.string().max(20000, 'validation.tooLong'),
  classification: Classification,
  state: MatterState.default(DEFAULT_MATTER_STATE),
});
export type MatterFields = z.infer<typeof MatterFields>;

export const Matter = MatterFields.extend({
  id: Id,
  /** Bumped on every save; an update naming an older revision is refused (CONFLICT). */
  revision: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type Matter = z.infer<typeof Matter>;

export const MatterSummary = Matter.pick({
  id: true,
  title: true,
  matterType: true,
  forum: true,
  reference: true,
  status: true,
  openedOn: true,
  updatedAt: true,
  archivedAt: true,
  classification: true,
  state: true,
});
export type MatterSummary = z.infer<typeof MatterSummary>;

/** Orders of the case list. Last activity: the latest change to the case or to any of its records. */
export const MATTER_SORTS = ['lastActivity', 'openedOn', 'title', 'reference', 'state'] as const;
export const MatterSort = z.enum(MATTER_SORTS);
export type MatterSort = z.infer<typeof MatterSort>;

export const ListMattersInput = z.object({
  archived: z.boolean().default(false),
  /** Matches title or reference, case- and accent-insensitively. */
  query: z.string().trim().max(200).default(''),
  matterType: MatterType.optional(),
  status: MatterStatus.optional(),
  forum: Forum.optional(),
  /** The State the matter is brought against (ISO 3166-1 alpha-2). */
  state: MatterState.optional(),
  /** Opened on or after / on or before these days. */
  openedFrom: IsoDate.optional(),
  openedTo: IsoDate.optional(),
  /** Last activity on or after this day. */
  activeSince: IsoDate.optional(),
  sort: MatterSort.default('lastActivity'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});
export type ListMattersInput = z.input<typeof ListMattersInput>;

export const MatterListItem = MatterSummary.extend({
  /** ISO timestamp of the latest change to the case or any of its records (see MatterService.list). */
  lastActivityAt: z.string(),
});
export type MatterListItem = z.infer<typeof MatterListItem>;

export const MatterPage = z.object({
  items: z.array(MatterListItem),
  total: z.number().int(),
  /** Confidential matters matching the filter but left out until the user reveals them. */
  hiddenConfidential: z.number().int(),
});
export type MatterPage = z.infer<typeof MatterPage>;

export const GetMatterInput = z.object({ id: Id });

/** A case named the way people name it: its public reference (any letter case) or its id. */
export const FindMatterInput = z.object({
  ref: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
});
export const FoundMatter = z.object({ id: Id });
export type FoundMatter = z.infer<typeof FoundMatter>;
export const UpdateMatterInput = z.object({
  id: Id,
  revision: z.number().int().positive(),
  fields: MatterFields,
});
export type UpdateMatterInput = z.infer<typeof UpdateMatterInput>;
export const ArchiveMatterInput = z.object({ id: Id, archived: z.boolean() });

/** Everything on one matter, as the case view shows it. */
export const MatterFileInput = z.object({ matterId: Id });

/** The quick switcher's lookup: a case by reference, title or a beneficiary's pseudonym. */
export const QuickFindInput = z.object({
  query: z.string().trim().max(200).default(''),
  limit: z.number().int().min(1).max(50).default(20),
});
export type QuickFindInput = z.input<typeof QuickFindInput>;

export const QuickFindHit = z.object({
  id: Id,
  reference: z.string(),
  /** Null while the case is confidential and not revealed: it is then found by reference only. */
  title: z.string().nullable(),
  status: MatterStatus,
  archived: z.boolean(),
  /** The beneficiary pseudonym that matched, when the case was found through one. */
  pseudonym: z.string().nullable(),
});
export type QuickFindHit = z.infer<typeof QuickFindHit>;

/**
 * A new matter. `statusOn`: the date of its first status when that is not the opening date (a case entered
 * already "granted" was granted on its own day); the opening date when absent.
 */
export const CreateMatterInput = MatterFields.extend({ statusOn: IsoDate.optional() });
export type CreateMatterInput = z.infer<typeof CreateMatterInput>;

/** The new-case form: a case that starts past "draft" asks for the date it reached that status. */
export const NewMatterForm = CreateMatterInput.superRefine((value, ctx) => {
  if (value.status !== 'draft' && !value.statusOn)
    ctx.addIssue({ code: 'custom', path: ['statusOn'], message: 'validation.required' });
});
