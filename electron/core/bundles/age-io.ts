// age (age-encryption.org/v1): a bundle is one age file, to a passphrase (scrypt) or to one or more
// X25519 recipients. The age-encryption library builds and checks the header (stanzas and MAC); the
// scrypt and X25519 stanzas in it are wrapped and opened by its Recipient and Identity interfaces on
// Node's native crypto (one scrypt per header); the payload is age's STREAM —
// HKDF-SHA256(file key, 16-byte nonce, "payload"), 64 KiB chunks sealed with ChaCha20-Poly1305 under an
// 11-byte big-endian counter and a last-chunk flag — done here with Node's native ChaCha20-Poly1305, since
// the library's pure-JS cipher runs at a small fraction of `age`'s speed. PayloadSealer and PayloadOpener
// hold one chunk at a time, so memory stays flat whatever the size; the stream forms below serve tests
// and callers that have a stream rather than a file.
import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  hkdfSync,
  randomBytes,
  scrypt,
  type KeyObject,
} from 'node:crypto';
import { Decrypter, Encrypter, Stanza, type Identity, type Recipient } from 'age-encryption';
import { AmparoError } from '../../../shared/errors';
import { argBytes, base64, openFileKey, sealFileKey } from './age-stanza';
import { x25519Identity, x25519Recipient } from './age-x25519';

export interface Seal {
  passphrase?: string;
  recipients?: string[];
  /** scrypt's log2 work factor for passphrases (age's default 18; tests use less). */
  scryptLogN?: number;
  /** The passphrase KDF (tests count its calls: one per bundle). */
  kdf?: Kdf;
}

export interface Unseal {
  passphrase?: string;
  /** age identities (AGE-SECRET-KEY-1…). */
  identities?: string[];
  kdf?: Kdf;
}

/** scrypt(passphrase, salt, N = 2^logN, r = 8, p = 1) to 32 bytes, as age's scrypt recipient uses it. */
export type Kdf = (passphrase: string, salt: Buffer, logN: number) => Promise<Buffer>;

/** Node's native scrypt, on libuv's pool: the library's pure-JS one takes several times as long. */
export const scryptKdf: Kdf = (passphrase, salt, logN) =>
  new Promise((resolve, reject) => {
    const N = 2 ** logN;
    scrypt(passphrase, salt, 32, { N, r: 8, p: 1, maxmem: 2 * 128 * 8 * N }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });

export const CHUNK = 64 * 1024;
export const TAG = 16;
export const SEALED = CHUNK + TAG;
export const NONCE = 16;
/** A header larger than this is not one Amparo (or age) would write. */
const MAX_HEADER = 1024 * 1024;
/** The library's own limit on a passphrase's work factor. */
const MAX_LOG_N = 20;
const INTRO = Buffer.from('age-encryption.org/v1\n');
const MAC_LINE = Buffer.from('\n--- ');
const SCRYPT_LABEL = Buffer.from('age-encryption.org/v1/scrypt');

// A KeyObject made once: a raw key would be imported again for every 64 KiB chunk.
function payloadKey(fileKey: Uint8Array, nonce: Uint8Array): KeyObject {
  const raw = Buffer.from(hkdfSync('sha256', fileKey, nonce, 'payload', 32));
  const key = createSecretKey(raw);
  raw.fill(0);
  return key;
}

/** age's scrypt recipient, on the KDF given (run once). */
class ScryptRecipient implements Recipient {
  constructor(
    private readonly passphrase: string,
    private readonly logN: number,
    private readonly kdf: Kdf,
  ) {}

  async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
    const salt = randomBytes(16);
    const key = await this.kdf(this.passphrase, Buffer.concat([SCRYPT_LABEL, salt]), this.logN);
    return [new Stanza(['scrypt', base64(salt), String(this.logN)], sealFileKey(key, fileKey))];
  }
}

/**
 * Opens age's scrypt stanza through the KDF given, with the checks of the library's own scrypt identity:
 * the library takes stanzas of any type from a custom Identity or Recipient, and its rule that a scrypt
 * stanza stands alone in the header lives in that identity, so it is kept here.
 */
class ScryptIdentity implements Identity {
  constructor(
    private readonly passphrase: string,
    private readonly kdf: Kdf,
  ) {}

  async unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array | null> {
    for (const s of stanzas) {
      if (s.args[0] !== 'scrypt') continue;
      if (stanzas.length !== 1) throw new Error('scrypt recipient is not the only one in the header');
      if (s.args.length !== 3 || !/^[1-9][0-9]*$/.test(s.args[2]!)) throw new Error('invalid scrypt stanza');
      const salt = argBytes(s.args[1], 16);
      if (!salt) throw new Error('invalid scrypt stanza');
      const logN = Number(s.args[2]);
      if (logN > MAX_LOG_N) throw new Error('scrypt work factor is too high');
      if (s.body.length !== 32) throw new Error('invalid stanza');
      const key = await this.kdf(this.passphrase, Buffer.concat([SCRYPT_LABEL, salt]), logN);
      return openFileKey(key, s.body);
    }
    return null;
  }
}

/**
 * A header and its file key, made by the age-encryption library (stanzas in order, `---`, the header's
 * HMAC) around recipients of ours on Node's crypto for a passphrase and for X25519 keys (the library's
 * pure-JS scrypt and curve are several times slower, and its curve takes tens of milliseconds to warm up),
 * its own for other kinds. The file key is seen by a last recipient that adds no stanza, so a passphrase
 * costs one scrypt.
 */
export async function makeHeader(seal: Seal): Promise<{ header: Uint8Array; fileKey: Uint8Array }> {
  const encrypter = new Encrypter();
  if (seal.passphrase !== undefined) {
    encrypter.addRecipient(
      new ScryptRecipient(seal.passphrase, seal.scryptLogN ?? 18, seal.kdf ?? scryptKdf),
    );
  } else {
    if (!seal.recipients?.length)
      throw new AmparoError('VALIDATION_FAILED', 'A passphrase or a recipient is needed');
    for (const recipient of seal.recipients) {
      try {
        encrypter.addRecipient(x25519Recipient(recipient) ?? recipient);
      } catch (error) {
        throw new AmparoError('VALIDATION_FAILED', `Not an age recipient: ${recipient}`, { cause: error });
      }
    }
  }
  let fileKey: Uint8Array | null = null;
  let theirs: Uint8Array | null = null;
  encrypter.addRecipient({
    wrapFileKey: (key: Uint8Array) => {
      fileKey = Uint8Array.from(key);
      theirs = key;
      return [];
    },
  });
  // Given a stream, the library makes the header before it returns and puts it first in its output; a
  // source that never sends a byte keeps its pure-JS cipher idle, and the output is read only up to the
  // end of the header. (Given bytes, it would collect its output through fetch's Response: tens of
  // milliseconds to load the first time.)
  const output = await encrypter.encrypt(new ReadableStream<Uint8Array>());
  const reader = output.getReader();
  let head = Buffer.alloc(0);
  let length: number | null = null;
  while (length === null) {
    const { done, value } = await reader.read();
    if (done) throw new Error('age-encryption gave no header');
    head = Buffer.concat([head, value]);
    length = headerLength(head);
  }
  await reader.cancel();
  // The library's own copy of the key is no longer used once the header is made.
  (theirs as Uint8Array | null)?.fill(0);
  return { header: Uint8Array.from(head.subarray(0, length)), fileKey: fileKey! };
}

function decrypterFor(unseal: Unseal): Decrypter {
  const decrypter = new Decrypter();
  if (unseal.passphrase !== undefined)
    decrypter.addIdentity(new ScryptIdentity(unseal.passphrase, unseal.kdf ?? scryptKdf));
  for (const identity of unseal.identities ?? []) {
    try {
      decrypter.addIdentity(x25519Identity(identity) ?? identity);
    } catch (error) {
      throw new AmparoError('VALIDATION_FAILED', 'Not an age identity', { cause: error });
    }
  }
  if (unseal.passphrase === undefined && !unseal.identities?.length) {
    throw new AmparoError('BUNDLE_WRONG_KEY', 'No passphrase or key was given for the bundle');
  }
  return decrypter;
}

/** The file key of an age header (the bytes up to and including the MAC line); refusals are AmparoErrors. */
export async function openHeader(header: Uint8Array, unseal: Unseal): Promise<Uint8Array> {
  const decrypter = decrypterFor(unseal);
  try {
    return await decrypter.decryptHeader(header);
  } catch (error) {
    throw headerError(error);
  }
}

/**
 * Where an age header ends in `bytes` (the start of a file): the length up to and including the MAC
 * line, or null when more bytes are needed. Throws when it cannot be an age header.
 */
export function headerLength(bytes: Buffer): number | null {
  const intro = Math.min(bytes.length, INTRO.length);
  if (!bytes.subarray(0, intro).equals(INTRO.subarray(0, intro)))
    throw headerError(new Error('the file does not begin with an age header'));
  const mac = bytes.indexOf(MAC_LINE);
  const end = mac >= 0 ? bytes.indexOf(0x0a, mac + MAC_LINE.length) : -1;
  if (end >= 0) return end + 1;
  if (bytes.length > MAX_HEADER) throw headerError(new Error('the age header is too large'));
  return null;
}

/**
 * age's STREAM, sealing: plaintext pushed in pieces of any size is cut into 64 KiB chunks, each sealed
 * with ChaCha20-Poly1305 under its counter; a full chunk is held until a further byte shows it is not
 * the last. Sealed bytes collect in `parts` until `take()`n, so the caller writes them in big batches.
 */
export class PayloadSealer {
  private readonly key: KeyObject;
  private readonly held = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  private counter = 0;
  private readonly nonce = Buffer.alloc(12);
  private parts: Buffer[] = [];
  /** Sealed bytes not yet taken. */
  pending = 0;

  constructor(fileKey: Uint8Array, payloadNonce: Uint8Array) {
    this.key = payloadKey(fileKey, payloadNonce);
  }

  private seal(plain: Uint8Array, last: boolean): void {
    this.nonce.writeUIntBE(this.counter++, 5, 6); // the 11-byte counter's low 48 bits: 16 EiB
    this.nonce[11] = last ? 1 : 0;
    const cipher = createCipheriv('chacha20-poly1305', this.key, this.nonce, { authTagLength: TAG });
    const body = cipher.update(plain);
    cipher.final();
    this.parts.push(body, cipher.getAuthTag());
    this.pending += body.length + TAG;
  }

  /** Seals what can be sealed; `data` is not kept (the caller may reuse it). */
  push(data: Uint8Array): void {
    let at = 0;
    while (at < data.length) {
      if (this.used === CHUNK) {
        this.seal(this.held, false);
        this.used = 0;
      }
      if (this.used === 0 && data.length - at > CHUNK) {
        this.seal(data.subarray(at, at + CHUNK), false);
        at += CHUNK;
        continue;
      }
      const n = Math.min(CHUNK - this.used, data.length - at);
      this.held.set(data.subarray(at, at + n), this.used);
      this.used += n;
      at += n;
    }
  }

  /** Seals the last chunk (the last-chunk flag set; empty only when nothing was pushed). */
  finish(): void {
    this.seal(this.held.subarray(0, this.used), true);
    this.held.fill(0);
  }

  take(): Buffer[] {
    const parts = this.parts;
    this.parts = [];
    this.pending = 0;
    return parts;
  }
}

/** age's STREAM, opening: one sealed chunk at a time, in order; the caller says which is the last. */
export class PayloadOpener {
  private readonly key: KeyObject;
  private counter = 0;
  private readonly nonce = Buffer.alloc(12);

  constructor(fileKey: Uint8Array, payloadNonce: Uint8Array) {
    this.key = payloadKey(fileKey, payloadNonce);
  }

  open(sealed: Uint8Array, last: boolean): Buffer {
    if (sealed.length < TAG) throw new Error('the payload is cut short');
    const counter = this.counter++;
    this.nonce.writeUIntBE(counter, 5, 6);
    this.nonce[11] = last ? 1 : 0;
    const decipher = createDecipheriv('chacha20-poly1305', this.key, this.nonce, { authTagLength: TAG });
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
    const plain = decipher.update(sealed.subarray(0, sealed.length - TAG));
    try {
      decipher.final();
    } catch {
      throw new Error(`chunk ${counter} of the payload fails authentication`);
    }
    if (last && plain.length === 0 && counter > 0) throw new Error('the final chunk is empty');
    return plain;
  }
}

export async function encryptStream(
  source: ReadableStream<Uint8Array>,
  seal: Seal,
): Promise<ReadableStream<Uint8Array>> {
  const { header, fileKey } = await makeHeader(seal);
  const nonce = randomBytes(NONCE);
  const sealer = new PayloadSealer(fileKey, nonce);
  fileKey.fill(0);
  const reader = source.getReader();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(Buffer.concat([header, nonce]));
      },
      async pull(controller) {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) sealer.finish();
          else sealer.push(value);
          const emitted = sealer.pending > 0;
          for (const part of sealer.take()) controller.enqueue(part);
          if (done) return controller.close();
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
  for (;;) {
    const all = pending.joined();
    const length = headerLength(all);
    if (length !== null) return Uint8Array.from(pending.take(length));
    if (!(await pending.more())) throw headerError(new Error('the age header is incomplete'));
  }
}

/** The header is read and a key found before this returns; the body is authenticated as it is read. */
export async function decryptStream(
  source: ReadableStream<Uint8Array>,
  unseal: Unseal,
): Promise<ReadableStream<Uint8Array>> {
  const reader = source.getReader();
  const pending = new Pending(reader);
  let fileKey: Uint8Array;
  try {
    fileKey = await openHeader(await readHeader(pending), unseal);
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  let opener: PayloadOpener | null = null;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (opener === null) {
          while (pending.length < NONCE) {
            if (!(await pending.more())) throw new Error('the file ends before its payload nonce');
          }
          opener = new PayloadOpener(fileKey, pending.take(NONCE));
          fileKey.fill(0);
        }
        // A full sealed chunk is opened as a middle one only once a further byte follows it.
        while (pending.length <= SEALED) {
          if (!(await pending.more())) {
            controller.enqueue(opener.open(pending.take(pending.length), true));
            controller.close();
            return;
          }
        }
        while (pending.length > SEALED) controller.enqueue(opener.open(pending.take(SEALED), false));
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
