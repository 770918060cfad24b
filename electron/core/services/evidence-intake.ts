// Taking in files and folders. Each file is its own unit: streamed into a blob (hash and encryption in one
// pass), then recorded in one transaction; a file that fails or is cancelled leaves nothing behind, and the
// others go on. A full disk fails the file being written, not the batch: each remaining file is still
// tried (a smaller one may fit) and reported.
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { AmparoError, type ErrorCode } from '../../../shared/errors';
import type {
  AddEvidenceRequest,
  AddEvidenceResult,
  EvidenceProgress,
} from '../../../shared/schemas/evidence';
import { collectFiles, type SourceFile } from '../evidence/collect';
import { stageFile } from '../evidence/intake';
import type { Operation } from '../operations/runner';
import { mapSqliteError } from '../vault/database';
import type { EvidenceRecords, ItemRow, Provenance } from './evidence-records';
import type { VaultContext } from './vault-context';

function toCode(error: unknown): { code: ErrorCode; message: string } {
  if (error instanceof AmparoError) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: String((error as Error)?.message ?? error) };
}

function titleFor(given: string, name: string, count: number): string {
  const stem = extname(name) ? name.slice(0, -extname(name).length) : name;
  const fromName = (stem || name).slice(0, 300) || 'evidence';
  if (!given) return fromName;
  return count === 1 ? given : `${given} — ${fromName}`.slice(0, 300);
}

/** The oldest live item of the matter with these bytes, other than `id`. */
function sameContent(ctx: VaultContext, matterId: string, sha256: string, id: string) {
  return ctx.db
    .prepare(
      `SELECT id, title, classification FROM evidence_items
       WHERE matter_id = $matterId AND sha256 = $sha256 AND id != $id AND deleted_at IS NULL
       ORDER BY acquired_at, id LIMIT 1`,
    )
    .get<{ id: string; title: string; classification: string }>({ matterId, sha256, id });
}

/** What the intake needs checked before it starts (so a bad request fails before any file is read). */
export function intakeOrigin(records: EvidenceRecords, input: AddEvidenceRequest): ItemRow | null {
  records.assertMatter(input.matterId);
  const original = input.workingCopy ? records.visibleRow(input.workingCopy.of) : null;
  if (original && original.matter_id !== input.matterId) {
    throw new AmparoError('NOT_FOUND', 'The original is not part of this matter');
  }
  return original;
}

/** `nameRaw` for a name that is not UTF-8, nothing otherwise (records and answers stay as they were). */
const rawHex = (raw: Buffer | null) => (raw ? { nameRaw: raw.toString('hex') } : {});

export async function addEvidence(
  op: Operation<EvidenceProgress>,
  ctx: VaultContext,
  records: EvidenceRecords,
  input: AddEvidenceRequest,
  original: ItemRow | null,
): Promise<AddEvidenceResult> {
  const { matterId, fields, filing, workingCopy } = input;
  const collected = await collectFiles(input.paths);
  const result: AddEvidenceResult = {
    added: [],
    failed: [...collected.failures],
    empty: [],
    cancelled: false,
    skipped: collected.skipped,
    linked: [],
    duplicates: [],
  };
  const perPath = new Map(input.perPath.map((entry) => [entry.path, entry]));
  const fieldsOf = (file: SourceFile) => {
    const own = perPath.get(file.given);
    if (!own) return fields;
    return {
      ...fields,
      ...(own.source !== undefined ? { source: own.source } : {}),
      ...(own.eventDate !== undefined ? { eventDate: own.eventDate } : {}),
      ...(own.classification !== undefined ? { classification: own.classification } : {}),
    };
  };
  const files = collected.files;
  const sizes = await Promise.all(
    files.map((f) =>
      stat(f.path).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  );
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);
  let bytesBefore = 0;
  const provenanceOf = (file: SourceFile): Provenance =>
    original && workingCopy
      ? {
          filing: null,
          derivedFrom: { id: original.id, sha256: original.sha256, derivation: workingCopy.derivation },
        }
      : { filing, linkedFrom: file.linkedFrom, rawName: file.rawName };

  for (const [index, file] of files.entries()) {
    if (op.cancelled) {
      result.cancelled = true;
      break;
    }
    const report = (bytesDone: number) =>
      op.progress({
        operationId: op.id,
        phase: 'intake',
        fileIndex: index,
        fileCount: files.length,
        name: file.name,
        nameRaw: file.rawName?.toString('hex') ?? null,
        bytesDone: bytesBefore + bytesDone,
        bytesTotal,
      });
    report(0);
    try {
      const staged = await stageFile(ctx.dir, file.path, {
        signal: op.signal,
        onProgress: report,
        name: file.name,
      });
      const blob = op.stage(staged.path);
      try {
        const id = await op.commit(blob, () => {
          op.throwIfCancelled();
          try {
            return records.commitItem(
              staged,
              matterId,
              { ...fieldsOf(file), title: titleFor(fields.title, staged.originalName, files.length) },
              provenanceOf(file),
            );
          } catch (error) {
            throw mapSqliteError(error, 'Recording the evidence');
          }
        });
        result.added.push(records.toSummary(records.row(id)));
        const existing = sameContent(ctx, matterId, staged.sha256, id);
        if (existing)
          result.duplicates!.push({
            id,
            name: file.name,
            existingId: existing.id,
            existingTitle: existing.classification === 'confidential' ? null : existing.title,
          });
        if (staged.size === 0) result.empty.push(file.name);
        if (file.linkedFrom) result.linked!.push({ link: file.linkedFrom, target: file.shownPath });
      } finally {
        staged.key.fill(0);
      }
    } catch (error) {
      const { code, message } = toCode(error);
      if (code === 'CANCELLED') {
        result.cancelled = true;
        break;
      }
      result.failed.push({ path: file.shownPath, name: file.name, ...rawHex(file.rawName), code, message });
      if (code === 'VAULT_LOCKED') {
        // A locked vault takes no further file: each one left is reported, none is dropped silently.
        for (const rest of files.slice(index + 1))
          result.failed.push({
            path: rest.shownPath,
            name: rest.name,
            ...rawHex(rest.rawName),
            code,
            message: `${rest.name}: not taken in, the vault was locked`,
          });
        break;
      }
    }
    bytesBefore += sizes[index] ?? 0;
  }
  return result;
}
