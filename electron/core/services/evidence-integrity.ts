// "Verify integrity": each item's blob decrypted end to end and hashed again, the outcome recorded in the
// item, its chain of custody and the audit log.
import { AmparoError } from '../../../shared/errors';
import type { EvidenceProgress, VaultVerification, Verification } from '../../../shared/schemas/evidence';
import { findStrayFiles } from '../evidence/store';
import { verifyBlob } from '../evidence/verify';
import type { Operation } from '../operations/runner';
import { appendCustody } from './evidence-custody';
import type { EvidenceRecords, ItemRow } from './evidence-records';
import type { VaultContext } from './vault-context';

export async function checkItem(
  ctx: VaultContext,
  records: EvidenceRecords,
  row: ItemRow,
  options: { signal?: AbortSignal; onBytes?: (n: number) => void } = {},
): Promise<Verification> {
  const result = await records.withBlob(row, (blob) =>
    verifyBlob(blob.path, blob.key, blob.blobId, { sha256: row.sha256, size: row.size }, options),
  );
  const { db, audit, now } = ctx;
  const at = now().toISOString();
  db.transaction(() => {
    db.prepare(
      'UPDATE evidence_items SET last_verified_at = $at, last_verification = $status WHERE id = $id',
    ).run({ at, status: result.status, id: row.id });
    appendCustody(ctx, row.id, {
      action: 'verified',
      sha256: result.actualSha256,
      outcome: result.status,
      note: result.detail,
    });
    audit.append({
      action: 'evidence.verify',
      entityType: 'evidence',
      entityId: row.id,
      matterId: row.matter_id,
      details: { status: result.status },
    });
  })();
  return {
    itemId: row.id,
    title: records.isHidden(row) ? '' : row.title,
    status: result.status,
    expectedSha256: row.sha256,
    actualSha256: result.actualSha256,
    checkedAt: at,
  };
}

/** Checks every item of one matter, or of the whole vault (then also counts stray files in blobs/). */
export async function verifyAll(
  op: Operation<EvidenceProgress>,
  ctx: VaultContext,
  records: EvidenceRecords,
  matterId: string | undefined,
): Promise<VaultVerification> {
  const rows = records.rows(matterId);
  const bytesTotal = rows.reduce((n, r) => n + r.size, 0);
  let bytesDone = 0;
  const result: VaultVerification = { checked: 0, ok: 0, problems: [], strayFiles: 0, cancelled: false };
  for (const [index, row] of rows.entries()) {
    if (op.cancelled) {
      result.cancelled = true;
      break;
    }
    const report = () =>
      op.progress({
        operationId: op.id,
        phase: 'verify',
        fileIndex: index,
        fileCount: rows.length,
        name: '',
        bytesDone,
        bytesTotal,
      });
    report();
    let last = Date.now();
    try {
      const v = await checkItem(ctx, records, row, {
        signal: op.signal,
        onBytes: (n) => {
          bytesDone += n;
          if (Date.now() - last > 250) {
            last = Date.now();
            report();
          }
        },
      });
      result.checked += 1;
      if (v.status === 'ok') result.ok += 1;
      else result.problems.push(v);
    } catch (error) {
      if (error instanceof AmparoError && error.code === 'CANCELLED') {
        result.cancelled = true;
        break;
      }
      throw error;
    }
  }
  if (!matterId) {
    const stray = await findStrayFiles(ctx.dir, ctx.db);
    result.strayFiles = stray.orphans.length + stray.partial.length;
  }
  return result;
}
