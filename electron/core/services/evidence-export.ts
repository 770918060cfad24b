// Decrypted copies leaving the vault, each checked against its intake hash and recorded in the chain of
// custody and the audit log.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AmparoError } from '../../../shared/errors';
import type { EvidenceProgress, ExportResult } from '../../../shared/schemas/evidence';
import { exportBlob } from '../evidence/export';
import type { Operation } from '../operations/runner';
import { appendCustody } from './evidence-custody';
import type { EvidenceRecords, ItemRow } from './evidence-records';
import type { VaultContext } from './vault-context';

export async function assertFolder(folder: string): Promise<void> {
  try {
    if (!(await stat(folder)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new AmparoError('FOLDER_NOT_FOUND', `The export folder ${folder} does not exist`);
  }
}

export async function exportItems(
  op: Operation<EvidenceProgress>,
  ctx: () => VaultContext,
  records: EvidenceRecords,
  rows: readonly ItemRow[],
  folder: string,
): Promise<ExportResult> {
  const files: ExportResult['files'] = [];
  const bytesTotal = rows.reduce((n, r) => n + r.size, 0);
  let bytesDone = 0;
  for (const [index, row] of rows.entries()) {
    const target = await records.withBlob(row, (blob) =>
      exportBlob(blob, folder, row.original_name, {
        signal: op.signal,
        onBytes: (n) => {
          bytesDone += n;
          op.progress({
            operationId: op.id,
            phase: 'export',
            fileIndex: index,
            fileCount: rows.length,
            name: row.original_name,
            bytesDone,
            bytesTotal,
          });
        },
      }),
    );
    const vault = ctx();
    vault.db.transaction(() => {
      appendCustody(vault, row.id, {
        action: 'exported',
        fileName: basename(target),
        size: row.size,
        sha256: row.sha256,
        outcome: 'ok',
        note: `Decrypted copy written to ${target}; its SHA-256 was checked against intake`,
      });
      vault.audit.append({
        action: 'evidence.export',
        entityType: 'evidence',
        entityId: row.id,
        matterId: row.matter_id,
        details: { sha256: row.sha256, size: row.size, verified: true },
      });
    })();
    files.push({ id: row.id, path: target });
  }
  return { files };
}
