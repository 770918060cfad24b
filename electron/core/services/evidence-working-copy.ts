// A working copy without metadata: a new item made from an image or a PDF in memory (never written unencrypted),
// linked to the original, which stays untouched. Every decrypted byte and key is zeroed when it is done.
import { extname } from 'node:path';
import { AmparoError } from '../../../shared/errors';
import type { EvidenceProgress } from '../../../shared/schemas/evidence';
import { stageBytes } from '../evidence/intake';
import { openBlob, readAll } from '../evidence/reader';
import { MAX_STRIP_BYTES, stripMetadata } from '../evidence/strip';
import { stripPdf } from '../evidence/strip-pdf';
import type { Operation } from '../operations/runner';
import { mapSqliteError } from '../vault/database';
import type { EvidenceRecords, ItemRow } from './evidence-records';
import type { VaultContext } from './vault-context';

/** Returns the new item's id. */
export async function makeWorkingCopy(
  op: Operation<EvidenceProgress>,
  ctx: VaultContext,
  records: EvidenceRecords,
  row: ItemRow,
  title: string | undefined,
): Promise<string> {
  if (!records.metadataOf(row).strippable) {
    throw new AmparoError('VALIDATION_FAILED', `${row.media_type}: no copy without metadata can be made`);
  }
  if (row.size > MAX_STRIP_BYTES)
    throw new AmparoError('VALIDATION_FAILED', 'The file is too large for a working copy');
  const original = await records.withBlob(row, async (blob) => {
    const reader = await openBlob(blob.path, blob.key, blob.blobId);
    const parts: Buffer[] = [];
    try {
      for await (const part of readAll(reader, op.signal)) parts.push(op.wipeOnEnd(part));
    } finally {
      await reader.close();
    }
    return op.wipeOnEnd(Buffer.concat(parts));
  });
  const stripped = op.wipeOnEnd(
    row.media_type === 'application/pdf'
      ? (await stripPdf(original)).bytes
      : stripMetadata(original, row.media_type),
  );
  const ext = extname(row.original_name);
  const stem = ext ? row.original_name.slice(0, -ext.length) : row.original_name;
  const staged = await stageBytes(ctx.dir, stripped, `${stem}.no-metadata${ext}`);
  op.wipeOnEnd(staged.key);
  op.wipeOnEnd(staged.head);
  op.wipeOnEnd(staged.tail);
  const current = records.toItem(row);
  return op.commit(op.stage(staged.path), () => {
    op.throwIfCancelled();
    try {
      return records.commitItem(
        staged,
        row.matter_id,
        {
          title: (title?.trim() || `${row.title} (no metadata)`).slice(0, 300),
          description: current.description,
          eventDate: current.eventDate,
          source: current.source,
          acquisition: current.acquisition,
          classification: current.classification,
          tags: current.tags,
          incidentIds: current.incidentIds,
          personIds: current.personIds,
        },
        { filing: null, derivedFrom: { id: row.id, sha256: row.sha256, derivation: 'metadata_removed' } },
      );
    } catch (error) {
      throw mapSqliteError(error, 'Recording the working copy');
    }
  });
}
