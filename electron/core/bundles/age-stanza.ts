// The part every age stanza shares, whatever wrapped its key (scrypt, X25519): the 16-byte file key sealed
// with ChaCha20-Poly1305 under a zero nonce, and arguments in unpadded base64. The wrapping key is zeroed
// as soon as it has been used.
import { createCipheriv, createDecipheriv } from 'node:crypto';

const ZERO_NONCE = Buffer.alloc(12);
const TAG = 16;

export const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/=+$/, '');

/** A stanza argument as age writes it: unpadded base64 of exactly `size` bytes, or null. */
export function argBytes(text: string | undefined, size: number): Buffer | null {
  if (text === undefined) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === size && base64(bytes) === text ? bytes : null;
}

export function sealFileKey(key: Buffer, fileKey: Uint8Array): Buffer {
  const cipher = createCipheriv('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: TAG });
  const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
  key.fill(0);
  return body;
}

/** The file key, or null when the body does not open under `key` (another recipient's stanza). */
export function openFileKey(key: Buffer, body: Uint8Array): Buffer | null {
  const decipher = createDecipheriv('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: TAG });
  decipher.setAuthTag(body.subarray(16));
  const fileKey = decipher.update(body.subarray(0, 16));
  key.fill(0);
  try {
    decipher.final();
    return fileKey;
  } catch {
    fileKey.fill(0);
    return null;
  }
}
