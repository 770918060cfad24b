// "Verify integrity": decrypt a blob end to end (every chunk authenticated), hash the plaintext again and
// compare with the SHA-256 recorded at intake. Four outcomes, each with a plain-words meaning:
//   ok        every chunk authentic and the hash equals the one taken at intake
//   damaged   a chunk failed authentication, or the file is not a blob of this item (altered on disk)
//   missing   the stored file is gone
//   mismatch  the file decrypts but its content is not what was received (size or hash differ)
import { createHash } from 'node:crypto';
import type { VerificationStatus } from '../../../shared/schemas/evidence';
import { BlobDamagedError } from './blob-format';
import { BlobMissingError, openBlob, readAll } from './reader';

export interface BlobCheck {
  status: VerificationStatus;
  actualSha256: string | null;
  detail: string;
}

export async function verifyBlob(
  path: string,
  key: Buffer,
  blobId: string,
  expected: { sha256: string; size: number },
  options: { signal?: AbortSignal; onBytes?: (n: number) => void } = {},
): Promise<BlobCheck> {
  let reader;
  try {
    reader = await openBlob(path, key, blobId);
  } catch (error) {
    if (error instanceof BlobMissingError)
      return { status: 'missing', actualSha256: null, detail: error.message };
    if (error instanceof BlobDamagedError)
      return { status: 'damaged', actualSha256: null, detail: error.message };
    throw error;
  }
  try {
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const part of readAll(reader, options.signal)) {
        hash.update(part);
        size += part.length;
        options.onBytes?.(part.length);
        part.fill(0); // hashed: no decrypted copy stays in memory
      }
    } catch (error) {
      if (error instanceof BlobDamagedError)
        return { status: 'damaged', actualSha256: null, detail: error.message };
      throw error;
    }
    const actual = hash.digest('hex');
    if (size !== expected.size || actual !== expected.sha256) {
      return {
        status: 'mismatch',
        actualSha256: actual,
        detail: `Expected ${expected.size} bytes with SHA-256 ${expected.sha256}; found ${size} bytes with ${actual}`,
      };
    }
    return { status: 'ok', actualSha256: actual, detail: 'Every chunk authentic; SHA-256 matches intake' };
  } finally {
    await reader.close();
  }
}

/** Plain-words outcome for the command line and logs. */
export function describeCheck(status: VerificationStatus): string {
  switch (status) {
    case 'ok':
      return 'intact: identical to the file received at intake';
    case 'damaged':
      return 'ALTERED OR DAMAGED: the stored file was changed on disk after intake; do not rely on it, restore it from a backup';
    case 'missing':
      return 'MISSING: the stored file is gone from the vault folder; restore it from a backup';
    case 'mismatch':
      return 'DIFFERENT CONTENT: the stored file does not match the hash recorded at intake; restore it from a backup';
  }
}
