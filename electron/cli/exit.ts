// Exit statuses of the `amparo` command (the table in docs/cli.md) and which error code ends in which.
import type { ErrorCode } from '../../shared/errors';

export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  wrongPassphrase: 3,
  vaultUnusable: 4,
  checkFailed: 5,
  io: 6,
  notFound: 7,
  someFilesFailed: 8,
  // filings: generation refused by the leak guard (the hits listed on stderr)
  leakGuard: 9,
  /** bundles: records changed on both sides, nothing imported */
  conflicts: 10,
} as const;

export const EXIT_BY_CODE: Partial<Record<ErrorCode, number>> = {
  WRONG_PASSPHRASE: EXIT.wrongPassphrase,
  NOT_A_VAULT: EXIT.vaultUnusable,
  HEADER_DAMAGED: EXIT.vaultUnusable,
  HEADER_TOO_NEW: EXIT.vaultUnusable,
  KDF_TOO_COSTLY: EXIT.vaultUnusable,
  VAULT_READ_ONLY: EXIT.io,
  DATABASE_MISSING: EXIT.vaultUnusable,
  DATABASE_DAMAGED: EXIT.vaultUnusable,
  SCHEMA_TOO_NEW: EXIT.vaultUnusable,
  FOLDER_NOT_EMPTY: EXIT.usage,
  FOLDER_NOT_FOUND: EXIT.usage,
  VALIDATION_FAILED: EXIT.usage,
  CONFIDENTIAL: EXIT.notFound,
  VAULT_BUSY: EXIT.io,
  VAULT_PERMISSIONS: EXIT.vaultUnusable,
  DATABASE_REPLACED: EXIT.io,
  IO_ERROR: EXIT.io,
  DISK_FULL: EXIT.io,
  FILE_UNREADABLE: EXIT.io,
  FILE_CHANGED: EXIT.io,
  EVIDENCE_DAMAGED: EXIT.checkFailed,
  NOT_FOUND: EXIT.notFound,
  // filings
  LEAK_GUARD: EXIT.leakGuard,
  // bundles: a bundle that cannot be opened is a wrong key; anything refused in it fails the check
  BUNDLE_WRONG_KEY: EXIT.wrongPassphrase,
  BUNDLE_NOT_AGE: EXIT.checkFailed,
  BUNDLE_DAMAGED: EXIT.checkFailed,
  BUNDLE_NO_MANIFEST: EXIT.checkFailed,
  BUNDLE_FORMAT_UNSUPPORTED: EXIT.checkFailed,
  BUNDLE_SIGNATURE_MISSING: EXIT.checkFailed,
  BUNDLE_SIGNATURE_INVALID: EXIT.checkFailed,
  BUNDLE_HASH_MISMATCH: EXIT.checkFailed,
  BUNDLE_UNSAFE_ENTRY: EXIT.checkFailed,
  BUNDLE_DUPLICATE_ENTRY: EXIT.checkFailed,
  BUNDLE_UNEXPECTED_ENTRY: EXIT.checkFailed,
  BUNDLE_MISSING_ENTRY: EXIT.checkFailed,
  BUNDLE_RECORD_INVALID: EXIT.checkFailed,
  BUNDLE_TOO_LARGE: EXIT.checkFailed,
  BUNDLE_UNKNOWN_SIGNER: EXIT.checkFailed,
  BUNDLE_CONFLICTS: EXIT.conflicts,
  BUNDLE_TARGET_EXISTS: EXIT.usage,
};
