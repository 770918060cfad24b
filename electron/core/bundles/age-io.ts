// age (the age-encryption library) over Node streams: a bundle is one age file, to a passphrase (scrypt)
// or to one or more X25519 recipients. The library encrypts and decrypts WHATWG streams chunk by chunk
// (age's STREAM, 64 KiB chunks), so memory stays flat whatever the size. Its failures become typed errors.
import { Decrypter, Encrypter } from 'age-encryption';
import { AmparoError } from '../../../shared/errors';

export interface Seal {
  passphrase?: string;
  recipients?: string[];
  /** scrypt's log2 work factor for passphrases (age's default 18; tests use less). */
  scryptLogN?: number;
}

export interface Unseal {
  passphrase?: string;
  /** age identities (AGE-SECRET-KEY-1…). */
  identities?: string[];
}

export async function encryptStream(
  source: ReadableStream<Uint8Array>,
  seal: Seal,
): Promise<ReadableStream<Uint8Array>> {
  const encrypter = new Encrypter();
  if (seal.passphrase !== undefined) {
    if (seal.scryptLogN) encrypter.setScryptWorkFactor(seal.scryptLogN);
    encrypter.setPassphrase(seal.passphrase);
  } else {
    if (!seal.recipients?.length)
      throw new AmparoError('VALIDATION_FAILED', 'A passphrase or a recipient is needed');
    for (const recipient of seal.recipients) {
      try {
        encrypter.addRecipient(recipient);
      } catch (error) {
        throw new AmparoError('VALIDATION_FAILED', `Not an age recipient: ${recipient}`, { cause: error });
      }
    }
  }
  return encrypter.encrypt(source);
}

/** The header is read and a key found before this returns; the body is authenticated as it is read. */
export async function decryptStream(
  source: ReadableStream<Uint8Array>,
  unseal: Unseal,
): Promise<ReadableStream<Uint8Array>> {
  const decrypter = new Decrypter();
  if (unseal.passphrase !== undefined) decrypter.addPassphrase(unseal.passphrase);
  for (const identity of unseal.identities ?? []) {
    try {
      decrypter.addIdentity(identity);
    } catch (error) {
      throw new AmparoError('VALIDATION_FAILED', 'Not an age identity', { cause: error });
    }
  }
  if (unseal.passphrase === undefined && !unseal.identities?.length) {
    throw new AmparoError('BUNDLE_WRONG_KEY', 'No passphrase or key was given for the bundle');
  }
  try {
    return await decrypter.decrypt(source);
  } catch (error) {
    throw headerError(error);
  }
}

function headerError(error: unknown): AmparoError {
  if (error instanceof AmparoError) return error;
  const message = (error as Error)?.message ?? String(error);
  if (/no identity matched|incorrect|passphrase|work factor/i.test(message)) {
    return new AmparoError('BUNDLE_WRONG_KEY', `The bundle does not open with this key: ${message}`, {
      cause: error,
    });
  }
  return new AmparoError('BUNDLE_NOT_AGE', `Not an age-encrypted bundle: ${message}`, { cause: error });
}

/** A failure while reading the body (a changed byte, a cut file) is damage. */
export function bodyError(error: unknown): AmparoError {
  if (error instanceof AmparoError) return error;
  const message = (error as Error)?.message ?? String(error);
  return new AmparoError('BUNDLE_DAMAGED', `The bundle is damaged: ${message}`, { cause: error });
}
