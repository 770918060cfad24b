// Reading a bundle in one pass, checking as it goes and refusing at the first thing wrong: the age layer
// authenticates every 64 KiB; the first entry must be the manifest and the second its signature (checked
// before anything else is read); every later entry must be a plain file the manifest lists, of the size
// it says, with the SHA-256 it says; records must pass their table's schema. Attachments are handed to
// the caller as a stream (verify hashes and drops them; import encrypts them into the incoming area), and
// only when the age stream has ended cleanly and every listed file was seen is the bundle good. The
// payload is read and opened by the bundle worker (payload-worker.ts), which hands the small entries here
// for the tar to be parsed (tar-format.ts) and checked; each attachment is hashed here from the worker's
// shared ring while the worker (on import) encrypts it into its incoming blob.
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { AmparoError } from '../../../shared/errors';
import { cancelledError } from '../operations/runner';
import { openDirect } from '../fs/direct';
import { openAgeFile } from './age-file';
import { bodyError, type Unseal } from './age-io';
import { PayloadWorker, movableCopy, type WorkerReply } from './payload-worker';
import { fingerprintOf, signatureValid } from './identity';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  LIMITS,
  MANIFEST_PATH,
  Manifest,
  SIGNATURE_PATH,
  SUMS_PATH,
  recordsPath,
  type ManifestFile,
} from './manifest';
import { checkEntryName } from './paths';
import type { JsonRow } from './rows';
import { rowSchema } from './schema';
import { carriedTables } from './tables';
import { TarParser, type TarHeader } from './tar-format';

export interface AttachmentEntry {
  itemId: string;
  blobId: string;
  path: string;
  size: number;
  sha256: string;
}

/** An attachment's bytes as they pass: hashed and checked either way, dropped or stored (once). */
export interface AttachmentPayload {
  discard(): Promise<void>;
  /**
   * Encrypts them into the open file `fd` in the vault's blob format, under `key` and the blob header
   * given; resolves to the file's size once all is written (not synced). The key is not kept.
   * `directFd`, where given, is the same file opened for direct writes (fs/direct.ts).
   */
  store(fd: number, directFd: number | null, key: Buffer, header: Buffer): Promise<number>;
}

export interface ReadHandlers {
  /** Called once the signature is checked, before any other entry is read: may refuse (unknown signer). */
  onManifest?(manifest: Manifest): void | Promise<void>;
  /** May call one of `payload`'s methods; an attachment left alone is hashed and dropped. */
  onAttachment?(
    entry: AttachmentEntry,
    payload: AttachmentPayload,
    records: Map<string, JsonRow[]>,
  ): Promise<void>;
  onBytes?(n: number): void;
  signal?: AbortSignal;
  /** Records how long each stage took (the bench). */
  lap?: (stage: string) => void;
}

export interface ReadBundle {
  manifest: Manifest;
  manifestBytes: Buffer;
  records: Map<string, JsonRow[]>;
  /** Size of the encrypted file. */
  size: number;
}

const fail = (code: ConstructorParameters<typeof AmparoError>[0], message: string) =>
  new AmparoError(code, message);

async function readSmall(tar: TarParser, header: TarHeader, limit: number, what: string): Promise<Buffer> {
  if (header.size > limit)
    throw fail('BUNDLE_TOO_LARGE', `${what} is ${header.size} bytes (at most ${limit} accepted)`);
  const bytes = Buffer.allocUnsafe(header.size);
  let at = 0;
  for (let part = await tar.data(); part !== null; part = await tar.data()) at += part.copy(bytes, at);
  return bytes;
}

export const sumsText = (files: { path: string; sha256: string }[]): string =>
  files.map((f) => `${f.sha256}  ${f.path}\n`).join('');

function parseManifest(bytes: Buffer): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw fail('BUNDLE_NO_MANIFEST', 'manifest.json is not JSON');
  }
  const head = json as { format?: unknown; formatVersion?: unknown; files?: unknown };
  if (typeof json !== 'object' || json === null || head.format !== BUNDLE_FORMAT) {
    throw fail('BUNDLE_NO_MANIFEST', 'manifest.json is not an Amparo bundle manifest');
  }
  if (head.formatVersion !== BUNDLE_FORMAT_VERSION) {
    throw fail(
      'BUNDLE_FORMAT_UNSUPPORTED',
      `Bundle format version ${String(head.formatVersion)} is not supported`,
    );
  }
  if (Array.isArray(head.files)) {
    if (head.files.length > LIMITS.files) throw fail('BUNDLE_TOO_LARGE', `${head.files.length} files listed`);
    for (const file of head.files as { size?: unknown }[]) {
      if (typeof file?.size === 'number' && file.size > LIMITS.attachmentBytes) {
        throw fail('BUNDLE_TOO_LARGE', `A listed file claims ${file.size} bytes`);
      }
    }
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    throw fail(
      'BUNDLE_RECORD_INVALID',
      `manifest.json: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`,
    );
  }
  return parsed.data;
}

function parseRecords(table: string, bytes: Buffer, declared: number): JsonRow[] {
  const schema = rowSchema(table);
  if (!schema) throw fail('BUNDLE_RECORD_INVALID', `Unknown record kind ${table}`);
  let rows: unknown;
  try {
    rows = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw fail('BUNDLE_RECORD_INVALID', `records/${table}.json is not JSON`);
  }
  if (!Array.isArray(rows) || rows.length !== declared) {
    throw fail(
      'BUNDLE_RECORD_INVALID',
      `records/${table}.json does not hold the ${declared} records declared`,
    );
  }
  for (const [index, row] of rows.entries()) {
    const result = schema.safeParse(row);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw fail(
        'BUNDLE_RECORD_INVALID',
        `records/${table}.json record ${index}: ${issue?.path.join('.')} ${issue?.message}`,
      );
    }
  }
  return rows as JsonRow[];
}

function readFailure(reply: WorkerReply): AmparoError {
  const message = reply.message ?? 'failed';
  if (reply.kind === 'damaged') return bodyError(new Error(message));
  if (reply.code === 'ENOSPC' || reply.code === 'EDQUOT')
    return new AmparoError('DISK_FULL', 'The disk is full');
  return new AmparoError('IO_ERROR', `Reading the bundle: ${reply.code ?? message}`);
}

const READ_PIECE = 1024 * 1024;

/** The rest of an attachment entry, hashed (and stored) by the worker; checked against the manifest. */
function attachmentPayload(
  worker: PayloadWorker,
  tar: TarParser,
  file: ManifestFile,
  onBytes: ((n: number) => void) | undefined,
): AttachmentPayload & { used(): boolean } {
  const { buffered, rest } = tar.handOff();
  const prefix = Buffer.concat(buffered);
  let used = false;
  const sink = async (store: Record<string, unknown> | null, transfer: ArrayBuffer[]) => {
    if (used) throw new AmparoError('INTERNAL', `${file.path} was already read`);
    used = true;
    onBytes?.(prefix.length);
    // The worker decrypts (and stores); this thread hashes, from the ring the worker copies into.
    const hash = createHash('sha256').update(prefix);
    let seen = prefix.length;
    worker.onPiece = (piece) => {
      hash.update(piece);
      seen += piece.length;
    };
    let reply: WorkerReply;
    try {
      reply = await worker.request({ t: 'sink', prefix, rest, store }, transfer);
    } finally {
      worker.onPiece = null;
    }
    if (seen !== file.size || hash.digest('hex') !== file.sha256) {
      throw fail('BUNDLE_HASH_MISMATCH', `${file.path} does not match the hash in the manifest`);
    }
    return reply.storedSize!;
  };
  return {
    used: () => used,
    discard: async () => void (await sink(null, [])),
    store: (fd, directFd, key, header) => {
      const moved = movableCopy(key);
      return sink({ fd, directFd, key: moved, header, chunkSize: header.readUInt32BE(8) }, [moved.buffer]);
    },
  };
}

export async function readBundle(
  path: string,
  unseal: Unseal,
  handlers: ReadHandlers = {},
): Promise<ReadBundle> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch (error) {
    throw new AmparoError('FILE_UNREADABLE', `Cannot read ${path}`, { cause: error });
  }
  const age = await openAgeFile(path, size, unseal);
  handlers.lap?.('age header');
  const worker = new PayloadWorker(readFailure, handlers.onBytes, handlers.signal);
  const fileKey = movableCopy(age.fileKey);
  age.fileKey.fill(0);
  const direct = await openDirect(path, 'read');
  worker.post(
    {
      t: 'import',
      fd: age.handle.fd,
      directFd: direct?.fd ?? null,
      start: age.start,
      end: age.end,
      fileKey,
      nonce: age.nonce,
    },
    [fileKey.buffer],
  );
  const tar = new TarParser(async () => {
    const { data } = await worker.request({ t: 'read', max: READ_PIECE });
    return data ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : null;
  });

  const seen = new Set<string>();
  const records = new Map<string, JsonRow[]>();
  let manifest: Manifest | null = null;
  let manifestBytes: Buffer | null = null;
  let listed = new Map<string, ManifestFile>();
  const attachments = new Map<string, { itemId: string; blobId: string }>();
  const counts = new Map<string, number>();
  const carried = new Set(carriedTables(true).map(([name]) => name));
  let index = 0;
  try {
    for (let header = await tar.header(); header !== null; header = await tar.header()) {
      if (handlers.signal?.aborted) throw cancelledError();
      const name = header.name;
      checkEntryName(name);
      if (header.type !== 'File') {
        throw fail('BUNDLE_UNSAFE_ENTRY', `${name} is a ${header.type} entry, not a plain file`);
      }
      if (seen.has(name)) throw fail('BUNDLE_DUPLICATE_ENTRY', `${name} appears twice in the bundle`);
      seen.add(name);
      const position = index++;
      if (position === 0) {
        if (name !== MANIFEST_PATH)
          throw fail('BUNDLE_NO_MANIFEST', 'The bundle does not start with manifest.json');
        manifestBytes = await readSmall(tar, header, LIMITS.manifestBytes, MANIFEST_PATH);
        manifest = parseManifest(manifestBytes);
        continue;
      }
      if (position === 1) {
        if (name !== SIGNATURE_PATH)
          throw fail('BUNDLE_SIGNATURE_MISSING', 'manifest.sig does not follow the manifest');
        const signature = await readSmall(tar, header, 1024, SIGNATURE_PATH);
        const key = Buffer.from(manifest!.creator.signingKey, 'base64');
        if (
          fingerprintOf(key) !== manifest!.creator.fingerprint ||
          !signatureValid(key, manifestBytes!, signature)
        ) {
          throw fail('BUNDLE_SIGNATURE_INVALID', 'The manifest signature does not verify');
        }
        listed = new Map(manifest!.files.map((f) => [f.path, f]));
        if (listed.size !== manifest!.files.length)
          throw fail('BUNDLE_DUPLICATE_ENTRY', 'The manifest lists a path twice');
        for (const a of manifest!.attachments)
          attachments.set(a.path, { itemId: a.itemId, blobId: a.blobId });
        for (const r of manifest!.records) counts.set(recordsPath(r.table), r.count);
        listed.set(SIGNATURE_PATH, {
          path: SIGNATURE_PATH,
          size: signature.length,
          sha256: createHash('sha256').update(signature).digest('hex'),
        });
        await handlers.onManifest?.(manifest!);
        continue;
      }
      if (name === SUMS_PATH) {
        const sums = await readSmall(tar, header, LIMITS.manifestBytes, SUMS_PATH);
        const expected = sumsText([
          { path: MANIFEST_PATH, sha256: createHash('sha256').update(manifestBytes!).digest('hex') },
          ...[listed.get(SIGNATURE_PATH)!],
          ...manifest!.files,
        ]);
        if (sums.toString('utf8') !== expected)
          throw fail('BUNDLE_HASH_MISMATCH', 'SHA256SUMS does not match the manifest');
        continue;
      }
      const file = listed.get(name);
      if (!file || name === SIGNATURE_PATH)
        throw fail('BUNDLE_UNEXPECTED_ENTRY', `${name} is not listed in the manifest`);
      const entrySize = header.size;
      if (entrySize > file.size) throw fail('BUNDLE_TOO_LARGE', `${name} is larger than the manifest says`);
      if (entrySize !== file.size)
        throw fail('BUNDLE_HASH_MISMATCH', `${name} is not the size the manifest says`);
      const attachment = attachments.get(name);
      if (attachment) {
        const payload = attachmentPayload(worker, tar, file, handlers.onBytes);
        await handlers.onAttachment?.({ ...attachment, ...file }, payload, records);
        if (!payload.used()) await payload.discard();
        continue;
      }
      const limit = counts.has(name) ? LIMITS.recordsFileBytes : LIMITS.textFileBytes;
      const bytes = await readSmall(tar, header, limit, name);
      if (createHash('sha256').update(bytes).digest('hex') !== file.sha256) {
        throw fail('BUNDLE_HASH_MISMATCH', `${name} does not match the hash in the manifest`);
      }
      handlers.onBytes?.(bytes.length);
      const table = /^records\/([a-z_]+)\.json$/.exec(name)?.[1];
      if (table) {
        if (!carried.has(table) || !counts.has(name))
          throw fail('BUNDLE_RECORD_INVALID', `${table} is not a record kind bundles carry`);
        records.set(table, parseRecords(table, bytes, counts.get(name)!));
      }
    }
    // Read to the end, so the age payload's last chunk is authenticated; only zeros may follow the tar.
    if (await tar.trailing())
      throw fail('BUNDLE_UNEXPECTED_ENTRY', 'Something follows the end of the tar archive');
  } catch (error) {
    if (error instanceof AmparoError) throw error;
    throw bodyError(error);
  } finally {
    // Only once the worker's reads and writes have ended may the files it was lent be closed.
    await worker.close();
    await direct?.close().catch(() => undefined);
    await age.handle.close().catch(() => undefined);
  }
  handlers.lap?.('payload (worker)');
  if (!manifest) throw fail('BUNDLE_NO_MANIFEST', 'The bundle holds no manifest');
  if (index < 2) throw fail('BUNDLE_SIGNATURE_MISSING', 'The bundle has no manifest.sig');
  for (const path of [...listed.keys(), SUMS_PATH]) {
    if (!seen.has(path)) throw fail('BUNDLE_MISSING_ENTRY', `${path} is missing from the bundle`);
  }
  return { manifest, manifestBytes: manifestBytes!, records, size };
}
