// age's X25519 recipient and identity (age-encryption.org/v1, "X25519 recipient stanza") as the
// age-encryption library's Recipient and Identity, on Node's native X25519, HKDF and ChaCha20-Poly1305:
// the library's pure-JS curve takes tens of milliseconds the first time it runs in a process, about as
// long as sealing 50 MiB. The library builds and parses the header and its MAC around these stanzas.
// Stanza: `-> X25519 <base64 ephemeral share>`, body = ChaCha20-Poly1305(HKDF-SHA256(shared secret,
// ephemeral share ‖ recipient, label), zero nonce, file key). Keys are bech32 (`age1…`,
// `AGE-SECRET-KEY-1…`), decoded by @scure/base (the library's own bech32).
import {
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
} from 'node:crypto';
import { bech32 } from '@scure/base';
import { Stanza, type Identity, type Recipient } from 'age-encryption';
import { argBytes, base64, openFileKey, sealFileKey } from './age-stanza';

const LABEL = 'age-encryption.org/v1/X25519';

/** The 32-byte key of a bech32 string with this prefix (either case, as age accepts), or null. */
function bech32Key(text: string, prefix: string): Buffer | null {
  try {
    const decoded = bech32.decodeToBytes(text);
    if (decoded.prefix !== prefix.toLowerCase() || decoded.bytes.length !== 32) return null;
    return Buffer.from(decoded.bytes);
  } catch {
    return null;
  }
}

const b64url = (raw: Buffer) => raw.toString('base64url');
const publicOf = (raw: Buffer) =>
  createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: b64url(raw) }, format: 'jwk' });
const rawPublic = (key: KeyObject) => Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');

function wrapKey(shared: Buffer, share: Buffer, recipient: Buffer): Buffer {
  if (shared.every((b) => b === 0)) throw new Error('invalid X25519 share');
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([share, recipient]), LABEL, 32));
}

/** A recipient for age-encryption's Encrypter, or null when `text` is not an `age1…` X25519 key. */
export function x25519Recipient(text: string): Recipient | null {
  const recipient = bech32Key(text, 'age');
  if (!recipient) return null;
  const theirs = publicOf(recipient);
  return {
    wrapFileKey(fileKey: Uint8Array): Stanza[] {
      const { privateKey, publicKey } = generateKeyPairSync('x25519');
      const share = rawPublic(publicKey);
      const key = wrapKey(diffieHellman({ privateKey, publicKey: theirs }), share, recipient);
      return [new Stanza(['X25519', base64(share)], sealFileKey(key, fileKey))];
    },
  };
}

/** An identity for age-encryption's Decrypter, or null when `text` is not an `AGE-SECRET-KEY-1…` key. */
export function x25519Identity(text: string): Identity | null {
  const secret = bech32Key(text, 'AGE-SECRET-KEY-');
  if (!secret) return null;
  // PKCS#8 for a raw X25519 private key: a fixed prefix, then the 32 bytes.
  const der = Buffer.concat([Buffer.from('302e020100300506032b656e04220420', 'hex'), secret]);
  secret.fill(0);
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  der.fill(0);
  const ours = rawPublic(createPublicKey(privateKey));
  return {
    unwrapFileKey(stanzas: Stanza[]): Uint8Array | null {
      for (const s of stanzas) {
        if (s.args[0] !== 'X25519') continue;
        if (s.args.length !== 2) throw new Error('invalid X25519 stanza');
        const share = argBytes(s.args[1], 32);
        if (!share || s.body.length !== 32) throw new Error('invalid X25519 stanza');
        const key = wrapKey(diffieHellman({ privateKey, publicKey: publicOf(share) }), share, ours);
        const fileKey = openFileKey(key, s.body);
        if (fileKey) return fileKey;
      }
      return null;
    },
  };
}
