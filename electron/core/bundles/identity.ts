// The vault's own keys: an Ed25519 key (Node's crypto) that signs every bundle's manifest, and an age
// X25519 identity others encrypt bundles to. Both live only inside the encrypted database; they are made
// on first use, in one transaction, so two programs starting at once end up with the same pair.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import type { Database } from '../vault/database';
import { plainBytes } from './rows';

export interface VaultIdentity {
  signingPrivate: Buffer;
  signingPublic: Buffer;
  fingerprint: string;
  ageIdentity: string;
  ageRecipient: string;
}

type Row = {
  signing_private: Uint8Array<ArrayBuffer>;
  signing_public: Uint8Array<ArrayBuffer>;
  signing_fingerprint: string;
  age_identity: string;
  age_recipient: string;
};

/** Hex SHA-256 of the public key's SPKI DER: `openssl pkey -pubin -in signer.pub.pem -outform DER | sha256sum`. */
export function fingerprintOf(spkiDer: Uint8Array): string {
  return createHash('sha256').update(spkiDer).digest('hex');
}

/** The fingerprint in groups of four, as Settings shows it for reading aloud. */
export function groupedFingerprint(fingerprint: string): string {
  return fingerprint.match(/.{1,4}/g)!.join(' ');
}

/** The vault's keys if they were made already (reading never makes them). */
export function readIdentity(db: Database): VaultIdentity | null {
  const row = db
    .prepare(
      `SELECT signing_private, signing_public, signing_fingerprint, age_identity, age_recipient
       FROM vault_identity WHERE id = 1`,
    )
    .get<Row>();
  if (!row) return null;
  return {
    signingPrivate: Buffer.from(row.signing_private),
    signingPublic: Buffer.from(row.signing_public),
    fingerprint: row.signing_fingerprint,
    ageIdentity: row.age_identity,
    ageRecipient: row.age_recipient,
  };
}

export async function vaultIdentity(db: Database, now: () => Date): Promise<VaultIdentity> {
  const existing = readIdentity(db);
  if (existing) return existing;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signingPrivate = privateKey.export({ format: 'der', type: 'pkcs8' });
  const signingPublic = publicKey.export({ format: 'der', type: 'spki' });
  const ageIdentity = await generateX25519Identity();
  const ageRecipient = await identityToRecipient(ageIdentity);
  db.transaction(() => {
    db.prepare(
      `INSERT OR IGNORE INTO vault_identity
         (id, signing_private, signing_public, signing_fingerprint, age_identity, age_recipient, created_at)
       VALUES (1, $priv, $pub, $fp, $ageId, $ageRecipient, $at)`,
    ).run({
      priv: plainBytes(signingPrivate),
      pub: plainBytes(signingPublic),
      fp: fingerprintOf(signingPublic),
      ageId: ageIdentity,
      ageRecipient,
      at: now().toISOString(),
    });
  })();
  signingPrivate.fill(0);
  return readIdentity(db)!;
}

export function signManifest(identity: VaultIdentity, manifest: Buffer): Buffer {
  const key = createPrivateKey({ key: identity.signingPrivate, format: 'der', type: 'pkcs8' });
  return sign(null, manifest, key);
}

export function publicKeyPem(spkiDer: Uint8Array): string {
  return createPublicKey({ key: Buffer.from(spkiDer), format: 'der', type: 'spki' })
    .export({ format: 'pem', type: 'spki' })
    .toString();
}

/** True when `signature` is the Ed25519 signature of `data` by the SPKI public key. */
export function signatureValid(spkiDer: Uint8Array, data: Buffer, signature: Buffer): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(spkiDer), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, data, key, signature);
  } catch {
    return false;
  }
}
