// Encrypted case bundles (export, verify, import with merge) and vault backups.
import { z } from 'zod';
import { FolderPath, Id } from './common';

/** An absolute file path (a bundle to read or write). */
const FilePath = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(4096)
  .refine(
    (p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'),
    'validation.absolutePath',
  );

const AgeRecipient = z
  .string()
  .trim()
  .regex(/^age1[0-9a-z]{20,}$/, 'validation.invalid');
const Passphrase = z.string().min(1, 'validation.required').max(1024);

/** Who can open the bundle: a passphrase (scrypt), or age public keys. */
export const BundleSeal = z.union([
  z.object({ passphrase: Passphrase }).strict(),
  z.object({ recipients: z.array(AgeRecipient).min(1).max(50) }).strict(),
]);
export type BundleSeal = z.infer<typeof BundleSeal>;

/** How to open one: a passphrase, an age identity, or (absent both) this vault's own age identity. */
export const BundleKey = z
  .object({
    passphrase: Passphrase.optional(),
    identity: z
      .string()
      .trim()
      .regex(/^AGE-SECRET-KEY-1[0-9A-Z]+$/, 'validation.invalid')
      .optional(),
  })
  .strict();
export type BundleKey = z.infer<typeof BundleKey>;

export const REDACTION_PROFILES = ['none', 'pseudonyms-only'] as const;
export const RedactionProfileName = z.enum(REDACTION_PROFILES);
/** What a bundle says was applied: the fixed choices, or 'profile' (a filings redaction profile). */
export const AppliedRedaction = z.object({
  profile: z.enum([...REDACTION_PROFILES, 'profile']),
  profileName: z.string().optional(),
  leftOut: z.array(z.object({ kind: z.string(), count: z.number().int() })),
});

export const ExportBundleInput = z.object({
  operationId: Id.optional(),
  matterIds: z.array(Id).min(1).max(1000),
  out: FilePath,
  seal: BundleSeal,
  redaction: RedactionProfileName.default('none'),
  /** A filings redaction profile (its id) to apply instead of `redaction`. */
  redactionProfileId: Id.optional(),
  /** Evidence items (exhibits) to leave out. */
  omitEvidence: z.array(Id).max(10_000).default([]),
  /** Only what changed after this earlier bundle. */
  since: Id.nullable().default(null),
});
export type ExportBundleInput = z.input<typeof ExportBundleInput>;

export const LeftOut = z.object({ kind: z.string(), count: z.number().int() });

export const ExportBundleResult = z.object({
  bundleId: Id,
  path: z.string(),
  size: z.number().int(),
  records: z.number().int(),
  attachments: z.number().int(),
  leftOut: z.array(LeftOut),
});
export type ExportBundleResult = z.infer<typeof ExportBundleResult>;

export const VerifyBundleInput = z
  .object({ operationId: Id.optional(), file: FilePath, key: BundleKey })
  .strict();
export type VerifyBundleInput = z.input<typeof VerifyBundleInput>;

export const BundleSummary = z.object({
  bundleId: Id,
  kind: z.enum(['case', 'backup']),
  createdAt: z.string(),
  creatorVaultId: z.string(),
  signerFingerprint: z.string(),
  /** Known: this vault's own key, or one confirmed before. */
  signerKnown: z.boolean(),
  /** Each case by id and reference, and its title where the bundle holds the case's record. */
  cases: z.array(z.object({ id: z.string(), reference: z.string(), title: z.string().optional() })),
  counts: z.array(z.object({ kind: z.string(), count: z.number().int() })),
  attachments: z.number().int(),
  redaction: AppliedRedaction,
  since: z.string().nullable(),
  /** Size of the encrypted file, bytes. */
  size: z.number().int(),
});
export type BundleSummary = z.infer<typeof BundleSummary>;

export const CONFLICT_CHOICES = ['mine', 'theirs', 'both'] as const;
export const ConflictChoice = z.enum(CONFLICT_CHOICES);
export type ConflictChoice = z.infer<typeof ConflictChoice>;

export const ImportBundleInput = z
  .object({
    operationId: Id.optional(),
    file: FilePath,
    key: BundleKey,
    /** The signer's fingerprint as the user confirmed it out of band (needed for an unknown signer). */
    confirmSigner: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
    /** Choices for conflicts found by an earlier attempt: "<table> <record key>" → choice. */
    resolutions: z.record(z.string(), ConflictChoice).default({}),
    /** One choice for every conflict without its own (the command line's --on-conflict). */
    onConflict: ConflictChoice.optional(),
  })
  .strict();
export type ImportBundleInput = z.input<typeof ImportBundleInput>;

/** One piece of a record's name: a raw value with the table and column that say how to show it. */
export const ConflictNamePart = z.object({ table: z.string(), column: z.string(), value: z.unknown() });
export type ConflictNamePart = z.infer<typeof ConflictNamePart>;
/** A linked record's name; null when it cannot be named (no link, or a record of neither side). */
export const ConflictName = z.array(ConflictNamePart).nullable();
export type ConflictName = z.infer<typeof ConflictName>;

export const BundleConflict = z.object({
  /** "<table> <record key>", the key of `resolutions`. */
  id: z.string(),
  table: z.string(),
  recordKey: z.string(),
  matterId: z.string().nullable(),
  /** The fields that differ, mine beside theirs (protected values are never shown: null). */
  fields: z.array(z.object({ name: z.string(), mine: z.unknown(), theirs: z.unknown() })),
  /** What names the record (its title, reference, the person's pseudonym…), never its id. */
  name: z.array(ConflictNamePart).optional(),
  /** For each differing column that points at another record: that record's name on each side. */
  linked: z.record(z.string(), z.object({ mine: ConflictName, theirs: ConflictName })).optional(),
});
export type BundleConflict = z.infer<typeof BundleConflict>;

export const ImportBundleResult = z.object({
  status: z.enum(['imported', 'conflicts']),
  summary: BundleSummary,
  /** Rows added, changed, kept (choices), unchanged; attachments written. */
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  attachments: z.number().int(),
  conflicts: z.array(BundleConflict),
});
export type ImportBundleResult = z.infer<typeof ImportBundleResult>;

export const VaultIdentityInfo = z.object({
  fingerprint: z.string(),
  /** Grouped by four for reading aloud. */
  fingerprintGrouped: z.string(),
  ageRecipient: z.string(),
});
export type VaultIdentityInfo = z.infer<typeof VaultIdentityInfo>;

export const BackupInput = z.object({
  operationId: Id.optional(),
  folder: FolderPath,
  passphrase: Passphrase,
  /** Keep the newest N backups in the folder (older Amparo backups there are deleted). */
  keep: z.number().int().min(1).max(1000).default(5),
});
export type BackupInput = z.input<typeof BackupInput>;

export const BackupResult = z.object({
  bundleId: Id,
  path: z.string(),
  size: z.number().int(),
  removed: z.array(z.string()),
});
export type BackupResult = z.infer<typeof BackupResult>;

export const RestoreBackupInput = z.object({
  operationId: Id.optional(),
  file: FilePath,
  passphrase: Passphrase,
  /** The new vault's folder (empty or new) and passphrase. */
  folder: FolderPath,
  vaultPassphrase: z.string().min(1).max(1024),
});
export type RestoreBackupInput = z.input<typeof RestoreBackupInput>;

export const BackupStatus = z.object({
  lastBackupAt: z.string().nullable(),
  /** The vault setting: remind after this many days without a backup. */
  remindAfterDays: z.number().int(),
  due: z.boolean(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

export const BackupSettingsInput = z.object({ remindAfterDays: z.number().int().min(1).max(365) });

export const BundleProgress = z.object({
  operationId: Id,
  phase: z.enum(['export', 'verify', 'import', 'backup', 'restore']),
  bytesDone: z.number(),
  bytesTotal: z.number(),
});
export type BundleProgress = z.infer<typeof BundleProgress>;
