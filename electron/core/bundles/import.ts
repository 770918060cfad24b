// Taking a bundle into the open vault. One pass over the file: the manifest and its signature first (an
// unknown signer is refused unless the caller confirms its fingerprint), then the records (each checked
// against its schema and hash), then the attachments, encrypted into the incoming area as they stream.
// The merge is planned as soon as the records are in: unresolved conflicts stop the pass and are returned
// for the caller to choose. Otherwise everything lands in one transaction (attachments moved into place
// just before it, removed again if it fails), with the audit entries of the import and of each choice.
import { AmparoError } from '../../../shared/errors';
import type { BundleSummary, ConflictChoice, ImportBundleResult } from '../../../shared/schemas/bundles';
import type { VaultContext } from '../services/vault-context';
import type { Unseal } from './age-io';
import { fingerprintOf, readIdentity } from './identity';
import { placeBlobs, receiveBlob, removeFiles, type IncomingBlob } from './incoming';
import type { Manifest } from './manifest';
import { planMerge, type Plan } from './merge';
import { readBundle, type ReadBundle } from './read';
import { plainBytes, toSqlRow, type JsonRow } from './rows';
import { reindex } from './search-reindex';
import { startPayloadWorker } from './payload-worker';
import { lapTimer, stageTimes } from './stage-times';
import { primeColumns } from './schema';
import { carriedTables } from './tables';

export interface ImportRequest {
  file: string;
  unseal: Unseal;
  confirmSigner?: string;
  resolutions: Record<string, ConflictChoice>;
  onConflict?: ConflictChoice;
  /** A backup into a new, empty vault: every table, audit log included, taken as it is. */
  restore?: boolean;
  signal?: AbortSignal;
  onBytes?: (done: number, total: number) => void;
}

/** `records`: the bundle's records, read so far or all, to name each case by its title too. */
export function summarise(
  read: Pick<ReadBundle, 'manifest' | 'size'>,
  signerKnown: boolean,
  records?: Map<string, JsonRow[]>,
): BundleSummary {
  const m = read.manifest;
  const titles = new Map((records?.get('matters') ?? []).map((row) => [String(row.id), row.title]));
  const cases = m.cases.map((c) => {
    const title = titles.get(c.id);
    return typeof title === 'string' ? { ...c, title } : c;
  });
  return {
    bundleId: m.bundleId,
    kind: m.kind,
    createdAt: m.createdAt,
    creatorVaultId: m.creator.vaultId,
    signerFingerprint: m.creator.fingerprint,
    signerKnown,
    cases,
    counts: m.records.filter((r) => r.count > 0).map((r) => ({ kind: r.table, count: r.count })),
    attachments: m.attachments.length,
    redaction: m.redaction,
    since: m.since,
    size: read.size,
  };
}

export function signerKnown(vault: VaultContext, fingerprint: string): boolean {
  if (readIdentity(vault.db)?.fingerprint === fingerprint) return true;
  return Boolean(
    vault.db
      .prepare('SELECT 1 AS x FROM bundle_signers WHERE fingerprint = $fingerprint')
      .get({ fingerprint }),
  );
}

/** Conflicts found once the records are in: the pass stops there, before any attachment is written. */
class StopForConflicts extends AmparoError {
  constructor() {
    super('BUNDLE_CONFLICTS', 'Records changed on both sides');
  }
}

function insertRow(vault: VaultContext, table: string, incoming: JsonRow): void {
  let row = incoming;
  // Both vaults may have appended a custody step with the same number: theirs follows ours.
  if (table === 'evidence_custody') {
    const taken = vault.db
      .prepare('SELECT 1 AS x FROM evidence_custody WHERE item_id = $item AND seq = $seq')
      .get({ item: String(row.item_id), seq: Number(row.seq) });
    if (taken) {
      const last = vault.db
        .prepare('SELECT max(seq) AS n FROM evidence_custody WHERE item_id = $item')
        .get<{ n: number }>({ item: String(row.item_id) });
      row = { ...row, seq: Number(last?.n ?? 0) + 1 };
    }
  }
  const sql = toSqlRow(row);
  const columns = Object.keys(sql);
  vault.db
    .prepare(
      `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => `$v${i}`).join(', ')})`,
    )
    .run(Object.fromEntries(columns.map((c, i) => [`v${i}`, sql[c]])) as Record<string, string>);
}

function updateRow(vault: VaultContext, table: string, key: readonly string[], row: JsonRow): void {
  const sql = toSqlRow(row);
  const columns = Object.keys(sql).filter((c) => !key.includes(c));
  const params: Record<string, unknown> = {};
  columns.forEach((c, i) => (params[`v${i}`] = sql[c]));
  key.forEach((c, i) => (params[`k${i}`] = sql[c] ?? null));
  vault.db
    .prepare(
      `UPDATE ${table} SET ${columns.map((c, i) => `"${c}" = $v${i}`).join(', ')}
       WHERE ${key.map((c, i) => `"${c}" IS $k${i}`).join(' AND ')}`,
    )
    .run(params as Record<string, string>);
}

export async function importBundle(vault: VaultContext, request: ImportRequest): Promise<ImportBundleResult> {
  const lap = lapTimer(stageTimes.import);
  startPayloadWorker();
  primeColumns(vault.db);
  const { db } = vault;
  const tables = carriedTables(request.restore === true);
  const received: IncomingBlob[] = [];
  let manifest: Manifest | null = null;
  let known = false;
  let plan: Plan | null = null;
  const choose = (id: string) => request.resolutions[id] ?? request.onConflict;
  let total = 0;
  let done = 0;
  /** Every evidence item must come with its file or find it here (an incremental bundle's items). */
  const checkFiles = (recordsSoFar: Map<string, JsonRow[]>) => {
    const carried = new Set(manifest!.attachments.map((a) => a.blobId));
    for (const item of recordsSoFar.get('evidence_items') ?? []) {
      const blobId = String(item.blob_id);
      if (carried.has(blobId)) continue;
      if (db.prepare('SELECT 1 AS x FROM evidence_blobs WHERE id = $id').get({ id: blobId })) continue;
      throw new AmparoError(
        'BUNDLE_MISSING_ENTRY',
        `Evidence item ${String(item.id)} has no file in the bundle and none in this vault (import the earlier bundle first)`,
      );
    }
  };
  const planNow = (recordsSoFar: Map<string, JsonRow[]>) => {
    if (plan) return plan;
    checkFiles(recordsSoFar);
    seen = recordsSoFar;
    plan = planMerge(db, tables, recordsSoFar, choose, request.restore === true);
    if (plan.conflicts.length > 0) throw new StopForConflicts();
    return plan;
  };
  let read: ReadBundle | null = null;
  let seen: Map<string, JsonRow[]> | undefined;
  try {
    try {
      read = await readBundle(request.file, request.unseal, {
        ...(request.signal ? { signal: request.signal } : {}),
        lap,
        onManifest: async (m) => {
          manifest = m;
          total = m.files.reduce((n, f) => n + f.size, 0);
          known = signerKnown(vault, m.creator.fingerprint);
          if (!known && !request.restore && request.confirmSigner !== m.creator.fingerprint) {
            throw new AmparoError(
              'BUNDLE_UNKNOWN_SIGNER',
              `The bundle is signed by an unknown key ${m.creator.fingerprint}; confirm its fingerprint to import it`,
            );
          }
        },
        onBytes: (n) => {
          done += n;
          request.onBytes?.(done, total);
        },
        onAttachment: async (entry, payload, recordsSoFar) => {
          planNow(recordsSoFar);
          const existing = db
            .prepare('SELECT sha256 FROM evidence_blobs WHERE id = $id')
            .get<{ sha256: string }>({ id: entry.blobId });
          if (existing) return; // hashed and dropped
          received.push(await receiveBlob(vault.dir, entry, payload));
        },
      });
    } catch (error) {
      if (!(error instanceof StopForConflicts)) throw error;
    }
    if (!plan) checkFiles(read!.records);
    const finalPlan: Plan = plan ?? planMerge(db, tables, read!.records, choose, request.restore === true);
    const m = manifest!;
    const summary = summarise({ manifest: m, size: read?.size ?? 0 }, known, read?.records ?? seen);
    if (finalPlan.conflicts.length > 0) {
      return {
        status: 'conflicts',
        summary,
        added: 0,
        updated: 0,
        unchanged: finalPlan.unchanged,
        attachments: 0,
        conflicts: finalPlan.conflicts,
      };
    }
    const added = finalPlan.steps.filter((s) => s.action === 'add').length;
    const updated = finalPlan.steps.filter((s) => s.action === 'update').length;
    const already = db.prepare('SELECT 1 AS x FROM bundle_log WHERE bundle_id = $id').get({ id: m.bundleId });
    if (already && added + updated === 0 && received.length === 0) {
      return {
        status: 'imported',
        summary,
        added: 0,
        updated: 0,
        unchanged: finalPlan.unchanged,
        attachments: 0,
        conflicts: [],
      };
    }
    lap('plan the merge');
    const placed = await placeBlobs(vault.dir, received);
    try {
      db.transaction(() => {
        db.pragma('defer_foreign_keys = ON');
        if (request.restore) db.prepare('DELETE FROM audit_log').run();
        for (const step of finalPlan.steps) {
          if (step.action === 'add') insertRow(vault, step.table, step.row);
          else if (step.action === 'update') updateRow(vault, step.table, step.key, step.row);
        }
        if (request.restore) {
          for (const row of read!.records.get('audit_log') ?? []) insertRow(vault, 'audit_log', row);
          const last = db
            .prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')
            .get<{ seq: number; hash: string }>();
          if (last) {
            db.prepare(
              `INSERT INTO vault_meta (key, value) VALUES ('audit_head', $value)
               ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
            ).run({ value: JSON.stringify({ seq: last.seq, hash: last.hash }) });
          }
        }
        const blobRow = db.prepare(
          `INSERT INTO evidence_blobs (id, key, chunk_size, plain_size, stored_size, sha256, created_at)
           VALUES ($id, $key, $chunk, $plain, $stored, $sha, $at)`,
        );
        for (const blob of received) {
          blobRow.run({
            id: blob.blobId,
            key: plainBytes(blob.key),
            chunk: blob.chunkSize,
            plain: blob.plainSize,
            stored: blob.storedSize,
            sha: blob.sha256,
            at: vault.now().toISOString(),
          });
        }
        for (const step of finalPlan.steps) {
          if (step.action !== 'choice') reindex(db, step.table, step.row);
        }
        if (!known && request.confirmSigner === m.creator.fingerprint) {
          const key = plainBytes(Buffer.from(m.creator.signingKey, 'base64'));
          db.prepare(
            `INSERT OR IGNORE INTO bundle_signers (fingerprint, public_key, name, first_seen_at, confirmed_by, confirmed_at)
             VALUES ($fp, $key, $name, $at, $actor, $at)`,
          ).run({
            fp: fingerprintOf(key),
            key,
            name: m.creator.vaultId,
            at: vault.now().toISOString(),
            actor: vault.actor(),
          });
          vault.audit.append({
            action: 'bundle.signerConfirm',
            entityType: 'bundle',
            entityId: m.bundleId,
            details: { fingerprint: m.creator.fingerprint },
          });
        }
        db.prepare(
          `INSERT OR IGNORE INTO bundle_log (bundle_id, direction, at, signer_fingerprint, cases, since, file_name)
           VALUES ($id, $direction, $at, $fp, $cases, $since, $file)`,
        ).run({
          id: m.bundleId,
          direction: request.restore ? 'restore' : 'import',
          at: vault.now().toISOString(),
          fp: m.creator.fingerprint,
          cases: JSON.stringify(m.cases.map((c) => c.id)),
          since: m.since,
          file: request.file,
        });
        if (!request.restore) {
          const mark = db.prepare(
            `INSERT OR REPLACE INTO bundle_marks (bundle_id, table_name, record_key, mark) VALUES ($id, $table, $key, $mark)`,
          );
          for (const x of finalPlan.marks)
            mark.run({ id: m.bundleId, table: x.table, key: x.key, mark: x.mark });
        }
        for (const step of finalPlan.steps) {
          if (step.action !== 'choice') continue;
          vault.audit.append({
            action: 'bundle.choice',
            entityType: step.table,
            entityId: step.conflictId.slice(step.table.length + 1),
            details: { bundleId: m.bundleId, choice: step.choice },
          });
        }
        vault.audit.append({
          action: request.restore ? 'backup.restore' : 'bundle.import',
          entityType: 'bundle',
          entityId: m.bundleId,
          matterId: m.cases.length === 1 ? m.cases[0]!.id : null,
          details: {
            signer: m.creator.fingerprint,
            added,
            updated,
            unchanged: finalPlan.unchanged,
            attachments: received.length,
            redaction: m.redaction.profile,
          },
        });
      })();
    } catch (error) {
      await removeFiles(placed);
      throw error;
    }
    lap('place and commit');
    return {
      status: 'imported',
      summary,
      added,
      updated,
      unchanged: finalPlan.unchanged,
      attachments: received.length,
      conflicts: [],
    };
  } finally {
    for (const blob of received) blob.key.fill(0);
    await removeFiles(received.map((b) => b.part));
  }
}
