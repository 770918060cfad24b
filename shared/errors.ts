// Error codes that cross the IPC boundary. The renderer translates each code (i18n key `errors.<CODE>`);
// the message is for logs and the command line, never shown raw to a user.
export const ERROR_CODES = [
  'WRONG_PASSPHRASE',
  'NOT_A_VAULT',
  'FOLDER_NOT_EMPTY',
  'FOLDER_NOT_FOUND',
  'HEADER_DAMAGED',
  'HEADER_TOO_NEW',
  'KDF_TOO_COSTLY',
  'DATABASE_MISSING',
  'DATABASE_DAMAGED',
  'SCHEMA_TOO_NEW',
  'VAULT_LOCKED',
  'VAULT_BUSY',
  'VAULT_READ_ONLY',
  'VAULT_PERMISSIONS',
  'DATABASE_REPLACED',
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'CONFIDENTIAL',
  'IN_USE',
  'IO_ERROR',
  'DISK_FULL',
  'FILE_UNREADABLE',
  'FILE_CHANGED',
  'EVIDENCE_DAMAGED',
  // Correspondence: a file that is not an e-mail, and one too large to import.
  'EMAIL_INVALID',
  'FILE_TOO_LARGE',
  'CANCELLED',
  'FORBIDDEN_SENDER',
  // filings: generation refused while the leak guard has unresolved hits (listed in `leakHits`)
  'LEAK_GUARD',
  'UNKNOWN_CHANNEL',
  'INTERNAL',
  // Bundles and backups: each refusal of a bundle has its own code (shared/i18n errors.BUNDLE_*).
  'BUNDLE_WRONG_KEY',
  'BUNDLE_NOT_AGE',
  'BUNDLE_DAMAGED',
  'BUNDLE_NO_MANIFEST',
  'BUNDLE_FORMAT_UNSUPPORTED',
  'BUNDLE_SIGNATURE_MISSING',
  'BUNDLE_SIGNATURE_INVALID',
  'BUNDLE_HASH_MISMATCH',
  'BUNDLE_UNSAFE_ENTRY',
  'BUNDLE_DUPLICATE_ENTRY',
  'BUNDLE_UNEXPECTED_ENTRY',
  'BUNDLE_MISSING_ENTRY',
  'BUNDLE_RECORD_INVALID',
  'BUNDLE_TOO_LARGE',
  'BUNDLE_UNKNOWN_SIGNER',
  'BUNDLE_CONFLICTS',
  'BUNDLE_TARGET_EXISTS',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ValidationIssue {
  /** Dotted path of the offending field, e.g. `title` or `patch.openedOn`. */
  path: string;
  /** An i18n key (`validation.*`) where the schema names one, else zod's English message. */
  message: string;
}

/** A program holding a vault, as a VAULT_BUSY refusal names it (from the note it left beside the lock). */
export interface VaultHolder {
  /** How the program names itself: `Amparo`, `the amparo command line`, or another caller's name. */
  program: string;
  pid: number;
  /** Set only when the holder runs on another computer (a vault on a shared drive). */
  otherHost?: string;
  /** ISO time it took the lock. */
  since: string;
  /** `exclusive`: it is re-encrypting or re-keying the vault. */
  mode: 'shared' | 'exclusive';
}

/** The plain, structured-clone-safe shape an error takes on the wire. */
export interface WireError {
  code: ErrorCode;
  message: string;
  issues?: ValidationIssue[];
  /** VAULT_BUSY only: who holds the vault, so the screen can name it. */
  holders?: VaultHolder[];
  /** LEAK_GUARD only: the unresolved hits — where, whose, what kind of value; never the value. */
  leakHits?: LeakHitSummary[];
}

/** A leak-guard hit as an error carries it (the same shape as LeakHitRef in schemas/filings). */
export interface LeakHitSummary {
  id: string;
  where: { path: string; sectionKey: string | null; block: number | null };
  personId: string;
  pseudonym: string;
  valueKind: string;
}

export type WireResult<T> = { ok: true; value: T } | { ok: false; error: WireError };

/** Thrown inside the core and the renderer client; turned into a WireError at the boundary. */
export class AmparoError extends Error {
  readonly code: ErrorCode;
  readonly issues: ValidationIssue[] | undefined;
  readonly holders: VaultHolder[] | undefined;
  readonly leakHits: LeakHitSummary[] | undefined;

  constructor(
    code: ErrorCode,
    message?: string,
    options?: {
      issues?: ValidationIssue[];
      holders?: VaultHolder[];
      leakHits?: LeakHitSummary[];
      cause?: unknown;
    },
  ) {
    super(message ?? code, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AmparoError';
    this.code = code;
    this.issues = options?.issues;
    this.holders = options?.holders;
    this.leakHits = options?.leakHits;
  }

  toWire(): WireError {
    const wire: WireError = { code: this.code, message: this.message };
    if (this.issues) wire.issues = this.issues;
    if (this.holders) wire.holders = this.holders;
    if (this.leakHits) wire.leakHits = this.leakHits;
    return wire;
  }

  static fromWire(error: WireError): AmparoError {
    return new AmparoError(error.code, error.message, {
      ...(error.issues ? { issues: error.issues } : {}),
      ...(error.holders ? { holders: error.holders } : {}),
      ...(error.leakHits ? { leakHits: error.leakHits } : {}),
    });
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
