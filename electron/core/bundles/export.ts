// Making a bundle from an open vault: collect the rows, lay out the files (records, attachments, README,
// the signer's public key), list them in the manifest with their sizes and hashes (all known before a byte
// is written: attachment hashes are the ones taken at intake, each blob authenticated as it decrypts), sign
// it, and stream the tar through age into the target. The bundle and the marks of its records are
// recorded in the vault afterwards, with an audit entry.
import { createHash, randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { AmparoError } from '../../../shared/errors';
import type { ProfileRules } from '../../../shared/schemas/filings';
import { blobPath } from '../evidence/store';
import { appendCustody } from '../services/evidence-custody';
import type { VaultContext } from '../services/vault-context';
import { LATEST_SCHEMA_VERSION } from '../vault/migrations';
import type { Seal } from './age-io';
import { collect, type AttachmentSource } from './collect';
import { publicKeyPem, signManifest, vaultIdentity } from './identity';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  MANIFEST_PATH,
  README_PATH,
  SIGNATURE_PATH,
  SIGNER_PEM_PATH,
  SUMS_PATH,
  recordsPath,
  type Manifest,
  type ManifestFile,
  type RedactionProfile,
} from './manifest';
import { attachmentPath } from './paths';
import { sumsText } from './read';
import { readmeText } from './readme';
import { startPayloadWorker } from './payload-worker';
import { lapTimer, stageTimes } from './stage-times';
import { writeBundle, type BlobSource, type BundleEntry } from './write';

export interface ExportRequest {
  matterIds: string[];
  backup: boolean;
  out: string;
  seal: Seal;
  redaction: RedactionProfile;
  /** The filings redaction profile applied, for redaction 'profile'. */
  profile?: { id: string; name: string; rules: ProfileRules };
  omitEvidence: string[];
  since: string | null;
  signal?: AbortSignal;
  onBytes?: (done: number, total: number) => void;
}

export interface ExportOutcome {
  bundleId: string;
  path: string;
  size: number;
  records: number;
  attachments: number;
  leftOut: { kind: string; count: number }[];
  cases: string[];
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * An attachment's bytes, decrypted from its blob as the bundle is written. They are not hashed again:
 * every 64 KiB chunk of the blob is authenticated (AES-256-GCM) under the file's own key, bound to the
 * blob's id, the chunk's index and whether it is the last, and intake hashed and sealed the very same
 * bytes in one pass — so what decrypts is byte for byte what was hashed at intake, and the hash recorded
 * then is the one the manifest carries. Only the holder of the file key (kept in the encrypted database,
 * beside that hash) could make other bytes decrypt, and such a holder could change the hash as well: a
 * second SHA-256 would check nothing the tags do not. The recipient hashes every byte again on import.
 */
function attachmentSource(vault: VaultContext, source: AttachmentSource): BlobSource {
  return {
    blobPath: blobPath(vault.dir, source.blobId),
    blobId: source.blobId,
    key: () => {
      const blob = vault.db
        .prepare('SELECT key FROM evidence_blobs WHERE id = $id')
        .get<{ key: Uint8Array<ArrayBuffer> }>({ id: source.blobId });
      if (!blob) throw new AmparoError('EVIDENCE_DAMAGED', `The stored file of ${source.itemId} has no key`);
      const key = Buffer.from(blob.key);
      blob.key.fill(0);
      return key;
    },
  };
}

export async function exportBundle(vault: VaultContext, request: ExportRequest): Promise<ExportOutcome> {
  const lap = lapTimer(stageTimes.export);
  startPayloadWorker();
  const { db } = vault;
  const identity = await vaultIdentity(db, vault.now);
  const cases = request.backup
    ? db
        .prepare('SELECT id, reference FROM matters ORDER BY created_at')
        .all<{ id: string; reference: string }>()
    : request.matterIds.map((id) => {
        const row = db
          .prepare('SELECT id, reference FROM matters WHERE id = $id')
          .get<{ id: string; reference: string }>({ id });
        if (!row) throw new AmparoError('NOT_FOUND', `No case ${id} in this vault`);
        return row;
      });
  const collected = collect(db, {
    cases: cases.map((c) => c.id),
    backup: request.backup,
    redaction: request.redaction,
    ...(request.profile ? { rules: request.profile.rules } : {}),
    omitItems: request.omitEvidence,
    since: request.since,
  });
  const bundleId = randomUUID();
  const createdAt = vault.now();
  const refOf = new Map(cases.map((c) => [c.id, c.reference]));

  const pem = Buffer.from(publicKeyPem(identity.signingPublic));
  const readme = Buffer.from(readmeText(bundleId, identity.fingerprint));
  const small: BundleEntry[] = [
    { path: SIGNER_PEM_PATH, size: pem.length, data: pem },
    { path: README_PATH, size: readme.length, data: readme },
  ];
  const records: Manifest['records'] = [];
  let recordCount = 0;
  for (const [table, rows] of collected.tables) {
    const data = Buffer.from(`${JSON.stringify(rows, null, 1)}\n`);
    small.push({ path: recordsPath(table), size: data.length, data });
    records.push({ table, count: rows.length });
    recordCount += rows.length;
  }
  const attachments: Manifest['attachments'] = [];
  const streamed: BundleEntry[] = [];
  const files: ManifestFile[] = small.map((e) => ({
    path: e.path,
    size: e.size,
    sha256: sha256(e.data as Buffer),
  }));
  const used = new Set<string>();
  for (const source of collected.attachments) {
    const path = attachmentPath(
      refOf.get(source.matterId) ?? '',
      source.matterId,
      source.itemId,
      source.originalName,
    );
    if (used.has(path)) throw new AmparoError('INTERNAL', `Two attachments named ${path}`);
    used.add(path);
    attachments.push({ itemId: source.itemId, blobId: source.blobId, path });
    files.push({ path, size: source.size, sha256: source.sha256 });
    streamed.push({ path, size: source.size, data: attachmentSource(vault, source) });
  }
  const vaultId =
    db.prepare(`SELECT value FROM vault_meta WHERE key = 'vault_id'`).get<{ value: string }>()?.value ??
    'unknown';
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    bundleId,
    kind: request.backup ? 'backup' : 'case',
    createdAt: createdAt.toISOString(),
    schemaVersion: LATEST_SCHEMA_VERSION,
    creator: {
      vaultId,
      signingKey: identity.signingPublic.toString('base64'),
      fingerprint: identity.fingerprint,
      ageRecipient: identity.ageRecipient,
    },
    cases: cases.map((c) => ({ id: c.id, reference: c.reference })),
    since: request.since,
    redaction: {
      profile: request.redaction,
      ...(request.profile ? { profileName: request.profile.name } : {}),
      leftOut: collected.leftOut,
    },
    records,
    attachments,
    files,
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  const signature = signManifest(identity, manifestBytes);
  const sums = Buffer.from(
    sumsText([
      { path: MANIFEST_PATH, sha256: sha256(manifestBytes) },
      { path: SIGNATURE_PATH, sha256: sha256(signature) },
      ...files,
    ]),
  );
  const entries: BundleEntry[] = [
    { path: MANIFEST_PATH, size: manifestBytes.length, data: manifestBytes },
    { path: SIGNATURE_PATH, size: signature.length, data: signature },
    { path: SUMS_PATH, size: sums.length, data: sums },
    ...small,
    ...streamed,
  ];
  const total = entries.reduce((n, e) => n + e.size, 0);
  let done = 0;
  lap('collect and sign');
  const size = await writeBundle(request.out, entries, {
    seal: request.seal,
    mtime: createdAt,
    ...(request.signal ? { signal: request.signal } : {}),
    onBytes: (n) => {
      done += n;
      request.onBytes?.(done, total);
    },
    lap,
  });

  try {
    db.transaction(() => {
      db.prepare(
        `INSERT INTO bundle_log (bundle_id, direction, at, signer_fingerprint, cases, since, file_name)
         VALUES ($id, $direction, $at, $fp, $cases, $since, $file)`,
      ).run({
        id: bundleId,
        direction: request.backup ? 'backup' : 'export',
        at: createdAt.toISOString(),
        fp: identity.fingerprint,
        cases: JSON.stringify(cases.map((c) => c.id)),
        since: request.since,
        file: request.out,
      });
      // A backup's marks would only grow the vault: merges compare against case bundles.
      if (!request.backup) {
        const mark = db.prepare(
          'INSERT INTO bundle_marks (bundle_id, table_name, record_key, mark) VALUES ($id, $table, $key, $mark)',
        );
        for (const m of collected.marks) mark.run({ id: bundleId, table: m.table, key: m.key, mark: m.mark });
      }
      // Each decrypted copy that left in the bundle is a step of its item's chain of custody.
      for (const [index, source] of collected.attachments.entries()) {
        appendCustody(vault, source.itemId, {
          action: 'exported',
          fileName: attachments[index]!.path,
          size: source.size,
          sha256: source.sha256,
          outcome: 'ok',
          note: `Carried in ${request.backup ? 'backup' : 'bundle'} ${bundleId}; every chunk of the stored file was authenticated as it was decrypted; the SHA-256 is the one taken at intake`,
        });
      }
      vault.audit.append({
        action: request.backup ? 'backup.run' : 'bundle.export',
        entityType: 'bundle',
        entityId: bundleId,
        matterId: cases.length === 1 ? cases[0]!.id : null,
        details: {
          cases: cases.length,
          records: recordCount,
          attachments: attachments.length,
          redaction: request.redaction,
          ...(request.profile ? { redactionProfile: request.profile.id } : {}),
          leftOut: collected.leftOut,
          since: request.since,
          sealed: request.seal.passphrase !== undefined ? 'passphrase' : 'recipients',
          size,
        },
      });
    })();
  } catch (error) {
    await rm(request.out, { force: true });
    throw error;
  }
  lap('record in the vault');
  return {
    bundleId,
    path: request.out,
    size,
    records: recordCount,
    attachments: attachments.length,
    leftOut: collected.leftOut,
    cases: cases.map((c) => c.id),
  };
}
