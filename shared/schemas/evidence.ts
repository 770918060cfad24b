// Evidence: files received for a matter, kept encrypted exactly as received (SHA-256 of the raw bytes at
// intake), described, linked to incidents and people, numbered as exhibits per filing, with a chain of
// custody recording every handling step (Berkeley Protocol; ISO/IEC 27037).
import { z } from 'zod';
import { Classification } from './classification';
import { Id, IsoDate } from './common';

/** An absolute path to a file or folder to take in (from the file picker, a drop, or the command line). */
const SourcePath = z
  .string()
  .min(1, 'validation.required')
  .max(4096, 'validation.tooLong')
  .refine(
    (p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'),
    'validation.absolutePath',
  )
  .refine((p) => !p.includes('\0'), 'validation.invalid');

const Tag = z.string().trim().min(1).max(50, 'validation.tooLong');

/** What the user says about an item: one schema for the form, the intake and the update. */
export const EvidenceFields = z.object({
  title: z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
  description: z.string().max(20000, 'validation.tooLong'),
  /** The date of the event the item shows (not the date it was received). */
  eventDate: IsoDate.nullable(),
  /** Who gave it. */
  source: z.string().trim().max(300, 'validation.tooLong'),
  /** How it was obtained (handed over on a USB stick, exported from a phone, downloaded from…). */
  acquisition: z.string().trim().max(300, 'validation.tooLong'),
  classification: Classification,
  tags: z.array(Tag).max(30),
  incidentIds: z.array(Id).max(200),
  personIds: z.array(Id).max(200),
});
export type EvidenceFields = z.infer<typeof EvidenceFields>;

/** At intake the title may be left empty: each file then gets its own name as title. */
const IntakeFields = EvidenceFields.extend({
  title: z.string().trim().max(300, 'validation.tooLong').default(''),
  description: z.string().max(20000, 'validation.tooLong').default(''),
  eventDate: IsoDate.nullable().default(null),
  source: z.string().trim().max(300, 'validation.tooLong').default(''),
  acquisition: z.string().trim().max(300, 'validation.tooLong').default(''),
  classification: Classification.default('restricted'),
  tags: z.array(Tag).max(30).default([]),
  incidentIds: z.array(Id).max(200).default([]),
  personIds: z.array(Id).max(200).default([]),
});
export type IntakeFields = z.input<typeof IntakeFields>;

export const AddEvidenceInput = z
  .object({
    matterId: Id,
    /** Chosen by the caller, so progress events can be matched and the intake cancelled. */
    operationId: Id,
    /** Files, or folders taken in with everything under them. */
    paths: z.array(SourcePath).min(1).max(10000),
    fields: IntakeFields.default(IntakeFields.parse({})),
    /** The filing whose exhibit list the new items join ('' = the matter's main annex list); null = none. */
    filing: z.string().trim().max(100, 'validation.tooLong').nullable().default(''),
    /**
     * Per path given (a file, or a folder and everything under it): the fields that differ from `fields`
     * for that path, edited row by row before the intake is confirmed.
     */
    perPath: z
      .array(
        z.object({
          path: SourcePath,
          source: IntakeFields.shape.source.optional(),
          eventDate: IsoDate.nullable().optional(),
          classification: Classification.optional(),
        }),
      )
      .max(10000)
      .default([]),
    /**
     * A working copy made outside Amparo (e.g. a redacted image) of an item already in this matter: one file,
     * stored as a new item linked to the original, which stays untouched.
     */
    workingCopy: z
      .object({
        of: Id,
        /** What was done to make it ("faces blurred", "pages 3–5 only"). */
        derivation: z.string().trim().min(3, 'validation.required').max(300, 'validation.tooLong'),
      })
      .optional(),
  })
  .refine((v) => !v.workingCopy || v.paths.length === 1, {
    message: 'validation.oneFile',
    path: ['paths'],
  });
export type AddEvidenceInput = z.input<typeof AddEvidenceInput>;
/** The intake as the service receives it, once validated. */
export type AddEvidenceRequest = z.output<typeof AddEvidenceInput>;

export const OperationInput = z.object({ operationId: Id });

const EVIDENCE_KINDS = ['image', 'pdf', 'audio', 'video', 'text', 'other'] as const;
export const EvidenceKind = z.enum(EVIDENCE_KINDS);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

const VERIFICATION_STATUSES = ['ok', 'damaged', 'missing', 'mismatch'] as const;
export const VerificationStatus = z.enum(VERIFICATION_STATUSES);
export type VerificationStatus = z.infer<typeof VerificationStatus>;

/** What a metadata field may give away about people or places. */
const METADATA_RISKS = ['location', 'person', 'device'] as const;
export const MetadataRisk = z.enum(METADATA_RISKS);
export type MetadataRisk = z.infer<typeof MetadataRisk>;

export const MetadataField = z.object({
  /** exif, gps, pdf, xmp, iptc, png… */
  group: z.string(),
  name: z.string(),
  value: z.string(),
  risk: MetadataRisk.nullable(),
});
export type MetadataField = z.infer<typeof MetadataField>;

export const MetadataReport = z.object({
  fields: z.array(MetadataField),
  gps: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
  /** The kinds of identifying information found (empty: nothing that identifies a person or place). */
  risks: z.array(MetadataRisk),
  /** A working copy without metadata can be made (JPEG, PNG, WebP). */
  strippable: z.boolean(),
});
export type MetadataReport = z.infer<typeof MetadataReport>;

export const Exhibit = z.object({
  matterId: Id,
  filing: z.string(),
  number: z.number().int().positive(),
  itemId: Id,
  title: z.string(),
  assignedAt: z.string(),
});
export type Exhibit = z.infer<typeof Exhibit>;

export const EvidenceSummary = z.object({
  id: Id,
  matterId: Id,
  title: z.string(),
  kind: EvidenceKind,
  mediaType: z.string(),
  /** The file name as received; when it is not valid UTF-8, an escaped form (\\xHH per odd byte, \\\\). */
  originalName: z.string(),
  /** The name's exact bytes in hex when they are not valid UTF-8 (null: originalName is exact). */
  originalNameRaw: z.string().nullable().optional(),
  size: z.number().int().nonnegative(),
  sha256: z.string(),
  eventDate: IsoDate.nullable(),
  acquiredAt: z.string(),
  classification: Classification,
  derivedFrom: Id.nullable(),
  derivation: z.string().nullable(),
  exhibits: z.array(z.object({ filing: z.string(), number: z.number().int() })),
  metadataRisks: z.array(MetadataRisk),
  lastVerification: VerificationStatus.nullable(),
  lastVerifiedAt: z.string().nullable(),
});
export type EvidenceSummary = z.infer<typeof EvidenceSummary>;

const CUSTODY_ACTIONS = [
  'acquired',
  'verified',
  'exported',
  'derived',
  'working_copy_made',
  'exhibit_assigned',
] as const;
export const CustodyAction = z.enum(CUSTODY_ACTIONS);
export type CustodyAction = z.infer<typeof CustodyAction>;

export const CustodyEntry = z.object({
  seq: z.number().int().positive(),
  /** UTC, ISO 8601. */
  at: z.string(),
  actor: z.string(),
  action: CustodyAction,
  fileName: z.string().nullable(),
  size: z.number().int().nullable(),
  sha256: z.string().nullable(),
  source: z.string().nullable(),
  outcome: z.string().nullable(),
  note: z.string(),
});
export type CustodyEntry = z.infer<typeof CustodyEntry>;

export const EvidenceItem = EvidenceSummary.extend({
  description: z.string(),
  source: z.string(),
  acquisition: z.string(),
  tags: z.array(z.string()),
  incidentIds: z.array(Id),
  personIds: z.array(Id),
  acquiredBy: z.string(),
  metadata: MetadataReport,
  custody: z.array(CustodyEntry),
  workingCopies: z.array(z.object({ id: Id, title: z.string(), derivation: z.string().nullable() })),
  revision: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

export const EvidenceList = z.object({
  items: z.array(EvidenceSummary),
  hiddenConfidential: z.number().int(),
});
export type EvidenceList = z.infer<typeof EvidenceList>;

export const IntakeFailure = z.object({
  path: z.string(),
  name: z.string(),
  /** The name's exact bytes in hex when they are not valid UTF-8 (absent: `name` is exact). */
  nameRaw: z.string().nullable().optional(),
  code: z.string(),
  message: z.string(),
});
export type IntakeFailure = z.infer<typeof IntakeFailure>;
/** Something inside a folder that was not taken in: a symbolic link, or a pipe, socket or device. */
export const SkippedEntry = z.object({
  path: z.string(),
  name: z.string(),
  /** The path's exact bytes in hex when they are not valid UTF-8 (absent: `path` is exact). */
  pathRaw: z.string().nullable().optional(),
  reason: z.enum(['link', 'special']),
});
export type SkippedEntry = z.infer<typeof SkippedEntry>;
export const AddEvidenceResult = z.object({
  added: z.array(EvidenceSummary),
  failed: z.array(IntakeFailure),
  /** Files taken in although empty (0 bytes): recorded as received, shown as a warning. */
  empty: z.array(z.string()),
  cancelled: z.boolean(),
  /** Links and special files found inside folders and left out. */
  skipped: z.array(SkippedEntry).optional(),
  /** Links given directly: each file was taken in under its target's name. */
  linked: z.array(z.object({ link: z.string(), target: z.string() })).optional(),
  /**
   * Items just added whose SHA-256 was already in the matter (known only once the file is read), with the
   * item that holds it; its title is null when that item is confidential.
   */
  duplicates: z
    .array(z.object({ id: Id, name: z.string(), existingId: Id, existingTitle: z.string().nullable() }))
    .optional(),
});
export type AddEvidenceResult = z.infer<typeof AddEvidenceResult>;

export const UpdateEvidenceInput = z.object({
  id: Id,
  revision: z.number().int().positive(),
  fields: EvidenceFields,
});
export type UpdateEvidenceInput = z.input<typeof UpdateEvidenceInput>;

export const ListEvidenceInput = z.object({ matterId: Id });
export const EvidenceIdInput = z.object({ id: Id });

export const Verification = z.object({
  itemId: Id,
  title: z.string(),
  status: VerificationStatus,
  expectedSha256: z.string(),
  actualSha256: z.string().nullable(),
  checkedAt: z.string(),
});
export type Verification = z.infer<typeof Verification>;

export const VerifyAllInput = z.object({ matterId: Id.optional(), operationId: Id.optional() });
export const VaultVerification = z.object({
  checked: z.number().int(),
  ok: z.number().int(),
  problems: z.array(Verification),
  /** Files in blobs/ that no item names (left by a crash; removed at the next unlock after a while). */
  strayFiles: z.number().int(),
  cancelled: z.boolean(),
});
export type VaultVerification = z.infer<typeof VaultVerification>;

export const ExportEvidenceInput = z.object({
  ids: z.array(Id).min(1).max(1000),
  folder: SourcePath,
  /** The user confirmed that a decrypted copy will leave the vault. */
  confirmed: z.literal(true),
  operationId: Id.optional(),
});
export type ExportEvidenceInput = z.input<typeof ExportEvidenceInput>;
export type ExportEvidenceRequest = z.output<typeof ExportEvidenceInput>;
export const ExportResult = z.object({ files: z.array(z.object({ id: Id, path: z.string() })) });
export type ExportResult = z.infer<typeof ExportResult>;

export const Preview = z.object({
  /** A short-lived address the preview elements load from (decrypted on the fly, ended by lock). */
  url: z.string(),
  kind: EvidenceKind,
  mediaType: z.string(),
  size: z.number().int(),
});
export type Preview = z.infer<typeof Preview>;

export const AssignExhibitInput = z.object({
  itemId: Id,
  filing: z.string().trim().max(100, 'validation.tooLong'),
});
export const ListExhibitsInput = z.object({ matterId: Id });

export const EvidenceProgress = z.object({
  operationId: Id,
  phase: z.enum(['intake', 'verify', 'export']),
  fileIndex: z.number().int(),
  fileCount: z.number().int(),
  name: z.string(),
  /** The name's exact bytes in hex when they are not valid UTF-8 (absent: `name` is exact). */
  nameRaw: z.string().nullable().optional(),
  bytesDone: z.number(),
  bytesTotal: z.number(),
});
export type EvidenceProgress = z.infer<typeof EvidenceProgress>;

export const ChooseFilesResult = z.object({ paths: z.array(z.string()) });
export type ChooseFilesResult = z.infer<typeof ChooseFilesResult>;
