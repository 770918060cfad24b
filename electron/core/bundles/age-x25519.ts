// age's X25519 recipient and identity (age-encryption.org/v1, "X25519 recipient stanza") on Node's native
// X25519, HKDF and ChaCha20-Poly1305: the library's pure-JS curve takes tens of milliseconds the first
// time it runs in a process, about as long as sealing 50 MiB. Stanza: `-> X25519 <base64 ephemeral share>`,
// body = ChaCha20-Poly1305(HKDF-SHA256(shared secret, ephemeral share ‖ recipient, label), zero nonce,
// file key). Keys are bech32 (`age1…`, `AGE-SECRET-KEY-1…`).
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
} from 'node:crypto';
import { Stanza } from 'age-encryption';

const LABEL = 'age-encryption.org/v1/X25519';
const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const ZERO_NONCE = Buffer.alloc(12);

function polymod(values: number[]): number {
  const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GEN[i]!;
  }
  return chk >>> 0;
}

/** The 32-byte key of a bech32 string with this prefix (case-insensitive), or null. */
function bech32Key(text: string, prefix: string): Buffer | null {
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return null;
  const lower = text.toLowerCase();
  const sep = lower.lastIndexOf('1');
  if (lower.slice(0, sep) !== prefix.toLowerCase() || lower.length - sep - 1 < 6) return null;
  const words: number[] = [];
  for (const c of lower.slice(sep + 1)) {
    const v = CHARSET.indexOf(c);
    if (v === -1) return null;
    words.push(v);
  }
  const hrp = lower.slice(0, sep);
  const expanded = [...hrp].map((c) => c.charCodeAt(0) >> 5);
  expanded.push(0, ...[...hrp].map((c) => c.charCodeAt(0) & 31));
  if (polymod([...expanded, ...words]) !== 1) return null;
  const bytes: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const w of words.slice(0, -6)) {
    acc = (acc << 5) | w;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  if (bits >= 5 || (acc & ((1 << bits) - 1)) !== 0 || bytes.length !== 32) return null;
  return Buffer.from(bytes);
}

const b64url = (raw: Buffer) => raw.toString('base64url');
const publicOf = (raw: Buffer) =>
  createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: b64url(raw) }, format: 'jwk' });
const rawPublic = (key: KeyObject) => Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/=+$/, '');

function wrapKey(shared: Buffer, share: Buffer, recipient: Buffer): Buffer {
  if (shared.every((b) => b === 0)) throw new Error('invalid X25519 share');
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([share, recipient]), LABEL, 32));
}

/** A recipient for age-encryption's Encrypter, or null when `text` is not an `age1…` X25519 key. */
export function x25519Recipient(text: string): { wrapFileKey(fileKey: Uint8Array): Stanza[] } | null {
  const recipient = bech32Key(text, 'age');
  if (!recipient) return null;
  const theirs = publicOf(recipient);
  return {
    wrapFileKey(fileKey) {
      const { privateKey, publicKey } = generateKeyPairSync('x25519');
      const share = rawPublic(publicKey);
      const key = wrapKey(diffieHellman({ privateKey, publicKey: theirs }), share, recipient);
      const cipher = createCipheriv('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: 16 });
      const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
      key.fill(0);
      return [new Stanza(['X25519', base64(share)], body)];
    },
  };
}

/** An identity for age-encryption's Decrypter, or null when `text` is not an `AGE-SECRET-KEY-1…` key. */
export function x25519Identity(text: string): { unwrapFileKey(stanzas: Stanza[]): Uint8Array | null } | null {
  const secret = bech32Key(text, 'AGE-SECRET-KEY-');
  if (!secret) return null;
  // PKCS#8 for a raw X25519 private key: a fixed prefix, then the 32 bytes.
  const der = Buffer.concat([Buffer.from('302e020100300506032b656e04220420', 'hex'), secret]);
  secret.fill(0);
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  der.fill(0);
  const ours = rawPublic(createPublicKey(privateKey));
  return {
    unwrapFileKey(stanzas) {
      for (const s of stanzas) {
        if (s.args[0] !== 'X25519') continue;
        if (s.args.length !== 2) throw new Error('invalid X25519 stanza');
        const share = Buffer.from(s.args[1]!, 'base64');
        if (share.length !== 32 || base64(share) !== s.args[1]) throw new Error('invalid X25519 stanza');
        if (s.body.length !== 32) throw new Error('invalid X25519 stanza');
        const key = wrapKey(diffieHellman({ privateKey, publicKey: publicOf(share) }), share, ours);
        const decipher = createDecipheriv('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: 16 });
        decipher.setAuthTag(s.body.subarray(16));
        const fileKey = decipher.update(s.body.subarray(0, 16));
        key.fill(0);
        try {
          decipher.final();
          return fileKey;
        } catch {
          fileKey.fill(0);
        }
      }
      return null;
    },
  };
}
