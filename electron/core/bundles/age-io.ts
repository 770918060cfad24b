// age (age-encryption.org/v1) over WHATWG streams: a bundle is one age file, to a passphrase (scrypt)
// or to one or more X25519 recipients. The header (stanzas and MAC) is made and checked by the
// age-encryption library; the payload is age's STREAM — HKDF-SHA256(file key, 16-byte nonce, "payload"),
// 64 KiB chunks sealed with ChaCha20-Poly1305 under an 11-byte big-endian counter and a last-chunk flag —
// done here with Node's native ChaCha20-Poly1305, since the library's pure-JS cipher runs at a small
// fraction of `age`'s speed. One chunk is held at a time, so memory stays flat whatever the size.
import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
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

const CHUNK = 64 * 1024;
const TAG = 16;
const NONCE = 16;
/** A header larger than this is not one Amparo (or age) would write. */
const MAX_HEADER = 1024 * 1024;
const INTRO = Buffer.from('age-encryption.org/v1\n');
const MAC_LINE = Buffer.from('\n--- ');

// A KeyObject made once: a raw key would be imported again for every 64 KiB chunk.
function payloadKey(fileKey: Uint8Array, nonce: Uint8Array): KeyObject {
  return createSecretKey(Buffer.from(hkdfSync('sha256', fileKey, nonce, 'payload', 32)));
}

function chunkNonce(counter: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(counter, 5, 6); // the 11-byte counter's low 48 bits; 2^48 chunks is 16 EiB
  nonce[11] = last ? 1 : 0;
  return nonce;
}

function sealChunk(key: KeyObject, counter: number, plain: Uint8Array, last: boolean): Buffer {
  const cipher = createCipheriv('chacha20-poly1305', key, chunkNonce(counter, last), { authTagLength: TAG });
  const body = cipher.update(plain);
  cipher.final();
  return Buffer.concat([body, cipher.getAuthTag()]);
}

function openChunk(key: KeyObject, counter: number, sealed: Uint8Array, last: boolean): Buffer {
  const decipher = createDecipheriv('chacha20-poly1305', key, chunkNonce(counter, last), {
    authTagLength: TAG,
  });
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
  const plain = decipher.update(sealed.subarray(0, sealed.length - TAG));
  try {
    decipher.final();
  } catch {
    throw new Error(`chunk ${counter} of the payload fails authentication`);
  }
  return plain;
}

/**
 * The library writes the header: it encrypts an empty file, whose output is the header, a 16-byte
 * nonce and one sealed empty chunk (16 bytes); the header is kept, the rest dropped. The file key is
 * taken from a recipient that wraps nothing, or for a passphrase by opening that header again.
 */
async function makeHeader(seal: Seal): Promise<{ header: Uint8Array; fileKey: Uint8Array }> {
  const encrypter = new Encrypter();
  let fileKey: Uint8Array | null = null;
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
    encrypter.addRecipient({
      wrapFileKey: (key: Uint8Array) => {
        fileKey = Uint8Array.from(key);
        return [];
      },
    });
  }
  const empty = await encrypter.encrypt(new Uint8Array(0));
  const header = empty.subarray(0, empty.length - NONCE - TAG);
  if (fileKey === null) {
    const decrypter = new Decrypter();
    decrypter.addPassphrase(seal.passphrase!);
    fileKey = await decrypter.decryptHeader(header);
  }
  return { header, fileKey };
}

export async function encryptStream(
  source: ReadableStream<Uint8Array>,
  seal: Seal,
): Promise<ReadableStream<Uint8Array>> {
  const { header, fileKey } = await makeHeader(seal);
  const nonce = randomBytes(NONCE);
  const key = payloadKey(fileKey, nonce);
  const reader = source.getReader();
  // A full chunk is sealed only once a further byte shows it is not the last.
  const held = Buffer.allocUnsafe(CHUNK);
  let used = 0;
  let counter = 0;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(Buffer.concat([header, nonce]));
      },
      async pull(controller) {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) {
            controller.enqueue(sealChunk(key, counter, held.subarray(0, used), true));
            controller.close();
            return;
          }
          let rest = value;
          let emitted = false;
          while (rest.length > 0) {
            if (used === CHUNK) {
              controller.enqueue(sealChunk(key, counter++, held, false));
              used = 0;
              emitted = true;
            }
            if (used === 0 && rest.length > CHUNK) {
              controller.enqueue(sealChunk(key, counter++, rest.subarray(0, CHUNK), false));
              rest = rest.subarray(CHUNK);
              emitted = true;
              continue;
            }
            const n = Math.min(CHUNK - used, rest.length);
            held.set(rest.subarray(0, n), used);
            used += n;
            rest = rest.subarray(n);
          }
          if (emitted) return;
        }
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/** Bytes read ahead of what has been consumed, over one reader. */
class Pending {
  parts: Uint8Array[] = [];
  length = 0;
  done = false;
  constructor(readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  async more(): Promise<boolean> {
    if (this.done) return false;
    const { done, value } = await this.reader.read();
    if (done) {
      this.done = true;
      return false;
    }
    if (value.length > 0) {
      this.parts.push(value);
      this.length += value.length;
    }
    return true;
  }

  /** Everything read so far, as one buffer (kept as the only part). */
  joined(): Buffer {
    const all = this.parts.length === 1 ? view(this.parts[0]!) : Buffer.concat(this.parts);
    this.parts = [all];
    return all;
  }

  /** The next n bytes (n <= length); copied only when they span reads. */
  take(n: number): Buffer {
    const first = this.parts[0];
    let head: Buffer;
    if (first && first.length >= n) {
      head = view(first).subarray(0, n);
      if (first.length === n) this.parts.shift();
      else this.parts[0] = first.subarray(n);
    } else {
      head = Buffer.allocUnsafe(n);
      let filled = 0;
      while (filled < n) {
        const part = this.parts[0]!;
        const k = Math.min(part.length, n - filled);
        head.set(part.subarray(0, k), filled);
        filled += k;
        if (k === part.length) this.parts.shift();
        else this.parts[0] = part.subarray(k);
      }
    }
    this.length -= n;
    return head;
  }
}

function view(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

async function readHeader(pending: Pending): Promise<Uint8Array> {
  let searched = 0;
  for (;;) {
    const all = pending.joined();
    if (all.length >= INTRO.length && !all.subarray(0, INTRO.length).equals(INTRO))
      throw new Error('the file does not begin with an age header');
    const mac = all.indexOf(MAC_LINE, Math.max(0, searched - MAC_LINE.length));
    if (mac >= 0) {
      const end = all.indexOf(0x0a, mac + MAC_LINE.length);
      if (end >= 0) return Uint8Array.from(pending.take(end + 1));
    }
    searched = all.length;
    if (all.length > MAX_HEADER) throw new Error('the age header is too large');
    if (!(await pending.more())) throw new Error('the age header is incomplete');
  }
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
  const reader = source.getReader();
  const pending = new Pending(reader);
  let fileKey: Uint8Array;
  try {
    fileKey = await decrypter.decryptHeader(await readHeader(pending));
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw headerError(error);
  }
  let key: KeyObject | null = null;
  let counter = 0;
  const sealed = CHUNK + TAG;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (key === null) {
          while (pending.length < NONCE) {
            if (!(await pending.more())) throw new Error('the file ends before its payload nonce');
          }
          key = payloadKey(fileKey, pending.take(NONCE));
        }
        // A full sealed chunk is opened as a middle one only once a further byte follows it.
        while (pending.length <= sealed) {
          if (!(await pending.more())) {
            if (pending.length < TAG) throw new Error('the payload is cut short');
            const plain = openChunk(key, counter, pending.take(pending.length), true);
            if (plain.length === 0 && counter > 0) throw new Error('the final chunk is empty');
            controller.enqueue(plain);
            controller.close();
            return;
          }
        }
        while (pending.length > sealed) {
          controller.enqueue(openChunk(key, counter++, pending.take(sealed), false));
        }
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
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
