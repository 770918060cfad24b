// manifest.json: what a bundle holds, signed (manifest.sig, Ed25519 over its exact bytes). Every file of
// the bundle but the manifest, its signature and SHA256SUMS is listed with its size and SHA-256, so a
// reader checks each entry as it streams past. docs/bundle-format.md describes it.
import { z } from 'zod';

export const BUNDLE_FORMAT = 'amparo-bundle';
export const BUNDLE_FORMAT_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';
export const SIGNATURE_PATH = 'manifest.sig';
export const SUMS_PATH = 'SHA256SUMS';
export const README_PATH = 'README.txt';
export const SIGNER_PEM_PATH = 'signer.pub.pem';

/** Sizes beyond these are refused before a byte is read: no bundle Amparo writes comes near them. */
export const LIMITS = {
  manifestBytes: 64 * 1024 * 1024,
  recordsFileBytes: 512 * 1024 * 1024,
  attachmentBytes: 2 ** 40,
  files: 1_000_000,
  textFileBytes: 1024 * 1024,
} as const;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Uuid = z.uuid();

export const ManifestFile = z.strictObject({
  path: z.string().min(1).max(4096),
  size: z.number().int().min(0).max(LIMITS.attachmentBytes),
  sha256: Sha256,
});
export type ManifestFile = z.infer<typeof ManifestFile>;

/** 'profile': one of the vault's filings redaction profiles, named in `profileName`. */
export const RedactionProfile = z.enum(['none', 'pseudonyms-only', 'profile']);
export type RedactionProfile = z.infer<typeof RedactionProfile>;

export const Manifest = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  bundleId: Uuid,
  kind: z.enum(['case', 'backup']),
  createdAt: z.iso.datetime(),
  schemaVersion: z.number().int().min(1),
  creator: z.strictObject({
    vaultId: z.string().min(1).max(100),
    /** SPKI DER of the Ed25519 key, base64. */
    signingKey: z.base64(),
    fingerprint: Sha256,
    ageRecipient: z.string().max(200),
  }),
  cases: z.array(z.strictObject({ id: z.string().min(1).max(100), reference: z.string().max(300) })),
  since: Uuid.nullable(),
  redaction: z.strictObject({
    profile: RedactionProfile,
    /** The filings redaction profile's name as the exporting vault calls it (profile 'profile'). */
    profileName: z.string().max(200).optional(),
    /** What stayed out: counts per kind, never the values. */
    leftOut: z.array(z.strictObject({ kind: z.string().max(100), count: z.number().int().min(1) })),
  }),
  records: z.array(z.strictObject({ table: z.string().regex(/^[a-z_]+$/), count: z.number().int().min(0) })),
  attachments: z.array(
    z.strictObject({ itemId: z.string().min(1).max(100), blobId: Uuid, path: z.string() }),
  ),
  files: z.array(ManifestFile).max(LIMITS.files),
});
export type Manifest = z.infer<typeof Manifest>;

export const recordsPath = (table: string): string => `records/${table}.json`;
