// The vault header: a small plaintext JSON file beside the database holding everything needed to
// turn a passphrase into the database key, and nothing secret. Format: docs/vault-format.md.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AmparoError } from '../../../shared/errors';
import { KDF_LIMITS, assertKdfWithinLimits, type KdfParams } from '../crypto/kdf';
import type { WrappedKey } from '../crypto/key-wrap';
import { writeFileAtomic } from '../fs/atomic';

export const HEADER_FILE = 'amparo-vault.json';
const HEADER_FORMAT = 'amparo-vault';
export const HEADER_VERSION = 1;

const base64 = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/)
    .refine((s) => Buffer.from(s, 'base64').length === bytes, `must decode to ${bytes} bytes`);

// Minimums only; a cost above the maximums has its own error code (KDF_TOO_COSTLY).
const atLeast = (min: number) => z.number().int().min(min);

const HeaderSchema = z.object({
  format: z.literal(HEADER_FORMAT),
  formatVersion: z.literal(HEADER_VERSION),
  vaultId: z.uuid(),
  createdAt: z.string(),
  kdf: z.object({
    algorithm: z.literal('argon2id'),
    version: z.literal(19),
    memoryKiB: atLeast(KDF_LIMITS.memoryKiB[0]),
    iterations: atLeast(KDF_LIMITS.iterations[0]),
    parallelism: atLeast(KDF_LIMITS.parallelism[0]),
    salt: base64(16),
  }),
  wrappedKey: z.object({
    algorithm: z.literal('aes-256-gcm'),
    nonce: base64(12),
    ciphertext: base64(32),
    tag: base64(16),
  }),
  database: z.object({
    /** The SQLCipher file in this folder; changes when the database is re-encrypted. */
    file: z.string().regex(/^vault-\d+\.db$/),
    cipher: z.literal('sqlcipher4'),
    keyEncoding: z.literal('raw'),
  }),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
});

export interface VaultHeader {
  format: typeof HEADER_FORMAT;
  formatVersion: typeof HEADER_VERSION;
  vaultId: string;
  createdAt: string;
  kdf: KdfParams;
  wrappedKey: WrappedKey;
  database: { file: string; cipher: 'sqlcipher4'; keyEncoding: 'raw' };
  checksum: string;
}

export type UnsealedHeader = Omit<VaultHeader, 'checksum'>;

/** JSON with keys sorted at every level: the bytes the checksum covers. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 over the canonical JSON of every field but `checksum`: catches a damaged header early. */
function headerChecksum(header: UnsealedHeader): string {
  return createHash('sha256').update(canonicalJson(header)).digest('hex');
}

/** Associated data of the key wrap: binds the wrapped key to this vault and this database file. */
export function keyWrapAad(header: Pick<VaultHeader, 'formatVersion' | 'vaultId' | 'database'>): string {
  return `${HEADER_FORMAT}/${header.formatVersion}/${header.vaultId}/${header.database.file}`;
}

export function sealHeader(header: UnsealedHeader): VaultHeader {
  return { ...header, checksum: headerChecksum(header) };
}

export async function writeHeader(dir: string, header: VaultHeader): Promise<void> {
  await writeFileAtomic(join(dir, HEADER_FILE), `${JSON.stringify(header, null, 2)}\n`);
}

/**
 * Reads and checks the header, in the documented order (docs/vault-format.md, "Checking a header"):
 * not a vault → damaged (JSON, then checksum) → too new → malformed → KDF over the limits. The checksum
 * comes before the version, so a hand-edited or bit-flipped `formatVersion` reads as damage.
 */
export async function readHeader(dir: string): Promise<VaultHeader> {
  let text: string;
  try {
    text = await readFile(join(dir, HEADER_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AmparoError('NOT_A_VAULT', `No ${HEADER_FILE} in ${dir}`);
    if (code === 'ENOTDIR') throw new AmparoError('NOT_A_VAULT', `${dir} is not a folder`);
    throw new AmparoError('IO_ERROR', `Cannot read the vault header: ${code ?? error}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AmparoError('HEADER_DAMAGED', 'The vault header is not valid JSON');
  }
  if (
    !json ||
    typeof json !== 'object' ||
    Array.isArray(json) ||
    (json as { format?: unknown }).format !== HEADER_FORMAT
  ) {
    throw new AmparoError('NOT_A_VAULT', `${HEADER_FILE} is not an Amparo vault header`);
  }
  const { checksum, ...rest } = json as Record<string, unknown>;
  if (
    typeof checksum !== 'string' ||
    createHash('sha256').update(canonicalJson(rest)).digest('hex') !== checksum
  ) {
    throw new AmparoError('HEADER_DAMAGED', 'The vault header checksum does not match its content');
  }
  const version = rest.formatVersion;
  if (typeof version === 'number' && version > HEADER_VERSION) {
    throw new AmparoError(
      'HEADER_TOO_NEW',
      `Vault format ${version} is newer than this Amparo (${HEADER_VERSION})`,
    );
  }
  const parsed = HeaderSchema.safeParse(json);
  if (!parsed.success) {
    throw new AmparoError(
      'HEADER_DAMAGED',
      `The vault header is damaged: ${parsed.error.issues[0]?.message}`,
    );
  }
  assertKdfWithinLimits(parsed.data.kdf);
  return parsed.data;
}
