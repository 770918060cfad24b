// The database key is stored only wrapped: AES-256-GCM under the passphrase-derived key, with the
// vault's identity as associated data so a wrapped key cannot be moved to another header.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface WrappedKey {
  algorithm: 'aes-256-gcm';
  /** base64, 12 bytes, new on every wrap. */
  nonce: string;
  /** base64 of the encrypted 32-byte database key. */
  ciphertext: string;
  /** base64, 16-byte GCM tag. */
  tag: string;
}

export function wrapKey(kek: Buffer, key: Buffer, aad: string): WrappedKey {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    algorithm: 'aes-256-gcm',
    nonce: nonce.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Returns null when authentication fails: a wrong passphrase (or a forged header). */
export function unwrapKey(kek: Buffer, wrapped: WrappedKey, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.nonce, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    const part = decipher.update(Buffer.from(wrapped.ciphertext, 'base64'));
    const rest = decipher.final();
    const key = Buffer.concat([part, rest]);
    // The pieces are copies of the key too: zeroed here, so only the returned Buffer holds it.
    part.fill(0);
    rest.fill(0);
    return key;
  } catch {
    return null;
  }
}
