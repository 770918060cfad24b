// Evidence of a matter: intake (many files, any size, streamed: hash + encrypt + store), description and
// links, preview streaming, integrity checks, exports, working copies without metadata, exhibit numbers
// per filing and the chain of custody. Each file is its own unit: the blob is complete and in place
// before its rows commit in one transaction (item, blob key, custody entry, links, exhibit number, audit
// entry); if the commit fails the blob is removed. A cancelled or failed file leaves nothing behind.
import { randomUUID } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { AmparoError, type ErrorCode } from '../../../shared/errors';
import {
  AddEvidenceInput,
  type AddEvidenceResult,
  type CustodyAction,
  type CustodyEntry,
  type EvidenceFields,
  type EvidenceItem,
  type EvidenceList,
  type EvidenceProgress,
  type EvidenceSummary,
  type Exhibit,
  type ExportEvidenceInput,
  type ExportResult,
  type MetadataReport,
  type Preview,
  type VaultVerification,
  type Verification,
  type VerificationStatus,
} from '../../../shared/schemas/evidence';
import { ExportEvidenceInput as ExportSchema } from '../../../shared/schemas/evidence';
import { exportBlob } from '../evidence/export';
import { cancelled, stageBytes, stageFile, type StagedBlob } from '../evidence/intake';
import { MediaTickets, mediaHeaders, parseRange, textResponse, type MediaResponse } from '../evidence/media';
import { EMPTY_METADATA, extractMetadata, kindOf, sniffMediaType } from '../evidence/metadata';
import { BlobMissingError, openBlob, readAll, type BlobReader } from '../evidence/reader';
import { BlobDamagedError } from '../evidence/blob-format';
import { blobPath, findStrayFiles } from '../evidence/store';
import { MAX_STRIP_BYTES, stripMetadata } from '../evidence/strip';
import { verifyBlob } from '../evidence/verify';
import { mapSqliteError } from '../vault/database';
import { changedFields } from './changes';
import type { RevealState } from './reveal-state';
import { indexForSearch } from './search-index';
import { getTags, setTags } from './tags';
import { requireLiveMatter } from './records';
import type { VaultContext } from './vault-context';

interface ItemRow {
  id: string;
  matter_id: string;
  blob_id: string;
  derived_from: string | null;
  derivation: string | null;
  title: string;
  description: string;
  event_date: string | null;
  source: string;
  acquisition: string;
  classification: string;
  original_name: string;
  media_type: string;
  size: number;
  sha256: string;
  metadata: string;
  acquired_at: string;
  acquired_by: string;
  last_verified_at: string | null;
  last_verification: string | null;
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

interface BlobRow {
  id: string;
  key: Uint8Array;
  chunk_size: number;
  plain_size: number;
  stored_size: number;
  sha256: string;
}

interface CustodyInput {
  action: CustodyAction;
  fileName?: string | null;
  size?: number | null;
  sha256?: string | null;
  source?: string | null;
  outcome?: string | null;
  note?: string;
}

export interface EvidenceDeps {
  /** Progress of long operations, forwarded to the renderer as `evidence:progress`. */
  onProgress?: (progress: EvidenceProgress) => void;
  /** A long operation is user activity: it postpones auto-lock while it runs. */
  onActivity?: () => void;
  /** The address under which the shell serves a preview ticket. */
  mediaUrl?: (ticket: string) => string;
  now?: () => number;
}

/** Names inside dropped or chosen folders that are system litter, not evidence. */
const LITTER = new Set(['.ds_store', 'thumbs.db', 'desktop.ini', '.localized']);

export interface CollectedFiles {
  files: string[];
  failures: AddEvidenceResult['failed'];
}

/** Files to take in: each file as given, and everything under each folder (no symlinks, no litter). */
export async function collectFiles(paths: readonly string[]): Promise<CollectedFiles> {
  const files: string[] = [];
  const failures: AddEvidenceResult['failed'] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name, 'en'),
    );
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.name.startsWith('.') || LITTER.has(entry.name.toLowerCase())) continue;
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  for (const path of paths) {
    try {
      const info = await stat(path);
      // A link given by the user is followed; links found inside folders are not (no loops).
      if (info.isDirectory()) {
        await walk(path);
      } else {
        files.push(path);
      }
    } catch (error) {
      failures.push({
        path,
        name: basename(path),
        code: 'FILE_UNREADABLE',
        message: `${basename(path)}: cannot read it (${(error as NodeJS.ErrnoException).code ?? error})`,
      });
    }
  }
  return { files, failures };
}

function toCode(error: unknown): { code: ErrorCode; message: string } {
  if (error instanceof AmparoError) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: String((error as Error)?.message ?? error) };
}

function dbError(error: unknown, context: string): AmparoError {
  if (error instanceof AmparoError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_FULL')) return new AmparoError('DISK_FULL', `${context}: the disk is full`);
  return mapSqliteError(error, context);
}

function titleFor(given: string, name: string, count: number): string {
  const stem = extname(name) ? name.slice(0, -extname(name).length) : name;
  const fromName = (stem || name).slice(0, 300) || 'evidence';
  if (!given) return fromName;
  return count === 1 ? given : `${given} — ${fromName}`.slice(0, 300);
}

export class EvidenceService {
  private readonly operations = new Map<string, AbortController>();
  readonly tickets: MediaTickets;

  constructor(
    private readonly ctx: () => VaultContext,
    private readonly reveals: RevealState,
    private readonly deps: EvidenceDeps = {},
  ) {
    this.tickets = new MediaTickets(deps.now);
  }

  // ---- reading -------------------------------------------------------------------------------------

  private row(id: string, { includeDeleted = false } = {}): ItemRow {
    const row = this.ctx()
      .db.prepare(
        `SELECT * FROM evidence_items WHERE id = $id ${includeDeleted ? '' : 'AND deleted_at IS NULL'}`,
      )
      .get({ id }) as ItemRow | undefined;
    if (!row) throw new AmparoError('NOT_FOUND', `No evidence item ${id}`);
    return row;
  }

  /** The row, or CONFIDENTIAL when it is confidential and its matter's items are not revealed. */
  private visibleRow(id: string): ItemRow {
    const row = this.row(id);
    if (row.classification === 'confidential' && !this.reveals.isConfidentialRevealed(row.matter_id)) {
      throw new AmparoError('CONFIDENTIAL', 'This evidence item is confidential: reveal it first');
    }
    return row;
  }

  private blob(blobId: string): BlobRow {
    const row = this.ctx().db.prepare('SELECT * FROM evidence_blobs WHERE id = $id').get({ id: blobId }) as
      BlobRow | undefined;
    if (!row) throw new AmparoError('NOT_FOUND', `No blob ${blobId}`);
    return row;
  }

  private blobRef(row: ItemRow) {
    const blob = this.blob(row.blob_id);
    return {
      path: blobPath(this.ctx().dir, row.blob_id),
      key: Buffer.from(blob.key),
      blobId: row.blob_id,
      sha256: blob.sha256,
      size: blob.plain_size,
    };
  }

  private toSummary(row: ItemRow): EvidenceSummary {
    const { db } = this.ctx();
    const exhibits = db
      .prepare('SELECT filing, number FROM evidence_exhibits WHERE item_id = $id ORDER BY filing, number')
      .all({ id: row.id }) as { filing: string; number: number }[];
    const metadata = this.metadataOf(row);
    return {
      id: row.id,
      matterId: row.matter_id,
      title: row.title,
      kind: kindOf(row.media_type),
      mediaType: row.media_type,
      originalName: row.original_name,
      size: row.size,
      sha256: row.sha256,
      eventDate: row.event_date,
      acquiredAt: row.acquired_at,
      classification: row.classification as EvidenceSummary['classification'],
      derivedFrom: row.derived_from,
      derivation: row.derivation,
      exhibits: exhibits.map((e) => ({ filing: e.filing, number: e.number })),
      metadataRisks: metadata.risks,
      lastVerification: row.last_verification as VerificationStatus | null,
      lastVerifiedAt: row.last_verified_at,
    };
  }

  private metadataOf(row: ItemRow): MetadataReport {
    try {
      return { ...EMPTY_METADATA, ...(JSON.parse(row.metadata) as MetadataReport) };
    } catch {
      return EMPTY_METADATA;
    }
  }

  private toItem(row: ItemRow): EvidenceItem {
    const { db } = this.ctx();
    const ids = (sql: string, column: string) =>
      (db.prepare(sql).all({ id: row.id }) as Record<string, string>[]).map((r) => r[column]!);
    const custody = db
      .prepare('SELECT * FROM evidence_custody WHERE item_id = $id ORDER BY seq')
      .all({ id: row.id }) as {
      seq: number;
      at: string;
      actor: string;
      action: string;
      file_name: string | null;
      size: number | null;
      sha256: string | null;
      source: string | null;
      outcome: string | null;
      note: string;
    }[];
    const copies = db
      .prepare(
        'SELECT id, title, derivation FROM evidence_items WHERE derived_from = $id AND deleted_at IS NULL ORDER BY created_at',
      )
      .all({ id: row.id }) as { id: string; title: string; derivation: string | null }[];
    return {
      ...this.toSummary(row),
      description: row.description,
      source: row.source,
      acquisition: row.acquisition,
      tags: getTags(db, 'evidence', row.id),
      incidentIds: ids(
        'SELECT incident_id FROM evidence_incidents WHERE item_id = $id ORDER BY incident_id',
        'incident_id',
      ),
      personIds: ids(
        'SELECT person_id FROM evidence_people WHERE item_id = $id ORDER BY person_id',
        'person_id',
      ),
      acquiredBy: row.acquired_by,
      metadata: this.metadataOf(row),
      custody: custody.map((c): CustodyEntry => ({
        seq: c.seq,
        at: c.at,
        actor: c.actor,
        action: c.action as CustodyAction,
        fileName: c.file_name,
        size: c.size,
        sha256: c.sha256,
        source: c.source,
        outcome: c.outcome,
        note: c.note,
      })),
      workingCopies: copies,
      revision: row.revision,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  list(matterId: string): EvidenceList {
    const { db } = this.ctx();
    this.assertMatter(matterId);
    const rows = db
      .prepare(
        `SELECT * FROM evidence_items WHERE matter_id = $matterId AND deleted_at IS NULL ORDER BY acquired_at, created_at, id`,
      )
      .all({ matterId }) as unknown as ItemRow[];
    const show = this.reveals.isConfidentialRevealed(matterId);
    const shown = rows.filter((r) => show || r.classification !== 'confidential');
    return { items: shown.map((r) => this.toSummary(r)), hiddenConfidential: rows.length - shown.length };
  }

  get(id: string): EvidenceItem {
    return this.toItem(this.visibleRow(id));
  }

  // ---- intake --------------------------------------------------------------------------------------

  private assertMatter(matterId: string): void {
    requireLiveMatter(this.ctx().db, matterId);
  }

  private writeLinks(
    itemId: string,
    matterId: string,
    fields: Pick<EvidenceFields, 'incidentIds' | 'personIds' | 'tags'>,
  ) {
    const { db } = this.ctx();
    db.prepare('DELETE FROM evidence_incidents WHERE item_id = $itemId').run({ itemId });
    db.prepare('DELETE FROM evidence_people WHERE item_id = $itemId').run({ itemId });
    for (const incidentId of new Set(fields.incidentIds)) {
      const ok = db
        .prepare('SELECT 1 AS x FROM incidents WHERE id = $incidentId AND matter_id = $matterId')
        .get({ incidentId, matterId });
      if (!ok) throw new AmparoError('NOT_FOUND', `No incident ${incidentId} in this matter`);
      db.prepare('INSERT INTO evidence_incidents (item_id, incident_id) VALUES ($itemId, $incidentId)').run({
        itemId,
        incidentId,
      });
    }
    for (const personId of new Set(fields.personIds)) {
      if (!db.prepare('SELECT 1 AS x FROM people WHERE id = $personId').get({ personId }))
        throw new AmparoError('NOT_FOUND', `No person ${personId}`);
      db.prepare('INSERT INTO evidence_people (item_id, person_id) VALUES ($itemId, $personId)').run({
        itemId,
        personId,
      });
    }
    setTags(db, 'evidence', itemId, fields.tags);
    this.reindex(itemId);
  }

  /** The item's title, description and source in the search index (never the file's content). */
  reindex(itemId: string): void {
    const { db } = this.ctx();
    const row = db
      .prepare(
        'SELECT matter_id, title, description, source, original_name, classification FROM evidence_items WHERE id = $itemId',
      )
      .get({ itemId }) as
      | {
          matter_id: string;
          title: string;
          description: string;
          source: string;
          original_name: string;
          classification: string;
        }
      | undefined;
    if (!row) return;
    indexForSearch(db, {
      entityType: 'evidence',
      entityId: itemId,
      matterId: row.matter_id,
      classification: row.classification as EvidenceFields['classification'],
      title: row.title,
      body: [row.description, row.source, row.original_name, getTags(db, 'evidence', itemId).join(' ')].join(
        '\n',
      ),
    });
  }

  private appendCustody(itemId: string, entry: CustodyInput): void {
    const { db, actor, now } = this.ctx();
    const seq =
      Number(
        (
          db
            .prepare('SELECT max(seq) AS n FROM evidence_custody WHERE item_id = $itemId')
            .get({ itemId }) as {
            n: number | null;
          }
        )?.n ?? 0,
      ) + 1;
    db.prepare(
      `INSERT INTO evidence_custody (id, item_id, seq, at, actor, action, file_name, size, sha256, source, outcome, note)
       VALUES ($id, $itemId, $seq, $at, $actor, $action, $fileName, $size, $sha256, $source, $outcome, $note)`,
    ).run({
      id: randomUUID(),
      itemId,
      seq,
      at: now().toISOString(),
      actor: actor(),
      action: entry.action,
      fileName: entry.fileName ?? null,
      size: entry.size ?? null,
      sha256: entry.sha256 ?? null,
      source: entry.source ?? null,
      outcome: entry.outcome ?? null,
      note: entry.note ?? '',
    });
  }

  private nextExhibit(matterId: string, filing: string, itemId: string): number {
    const { db, now } = this.ctx();
    const existing = db
      .prepare(
        'SELECT number FROM evidence_exhibits WHERE matter_id = $matterId AND filing = $filing AND item_id = $itemId',
      )
      .get({ matterId, filing, itemId }) as { number: number } | undefined;
    if (existing) return existing.number;
    const number =
      Number(
        (
          db
            .prepare(
              'SELECT max(number) AS n FROM evidence_exhibits WHERE matter_id = $matterId AND filing = $filing',
            )
            .get({ matterId, filing }) as { n: number | null }
        )?.n ?? 0,
      ) + 1;
    db.prepare(
      `INSERT INTO evidence_exhibits (matter_id, filing, number, item_id, assigned_at)
       VALUES ($matterId, $filing, $number, $itemId, $at)`,
    ).run({ matterId, filing, number, itemId, at: now().toISOString() });
    return number;
  }

  /** Records a staged blob as a new item, all in one transaction; returns the new item's id. */
  private commitItem(
    staged: StagedBlob,
    matterId: string,
    fields: EvidenceFields,
    options: {
      filing: string | null;
      derivedFrom?: { id: string; sha256: string; derivation: string };
    },
  ): string {
    const { db, audit, actor, now } = this.ctx();
    const id = randomUUID();
    const at = now().toISOString();
    const mediaType = sniffMediaType(staged.head, staged.originalName);
    const metadata = extractMetadata(staged.head, staged.tail, mediaType);
    db.transaction(() => {
      db.prepare(
        `INSERT INTO evidence_blobs (id, key, chunk_size, plain_size, stored_size, sha256, created_at)
         VALUES ($id, $key, $chunkSize, $plainSize, $storedSize, $sha256, $at)`,
      ).run({
        id: staged.blobId,
        key: Uint8Array.from(staged.key),
        chunkSize: staged.chunkSize,
        plainSize: staged.size,
        storedSize: staged.storedSize,
        sha256: staged.sha256,
        at,
      });
      db.prepare(
        `INSERT INTO evidence_items (id, matter_id, blob_id, derived_from, derivation, title, description, event_date,
                                     source, acquisition, classification, original_name, media_type, size, sha256,
                                     metadata, acquired_at, acquired_by, created_at, updated_at)
         VALUES ($id, $matterId, $blobId, $derivedFrom, $derivation, $title, $description, $eventDate, $source,
                 $acquisition, $classification, $originalName, $mediaType, $size, $sha256, $metadata, $at, $actor,
                 $at, $at)`,
      ).run({
        id,
        matterId,
        blobId: staged.blobId,
        derivedFrom: options.derivedFrom?.id ?? null,
        derivation: options.derivedFrom?.derivation ?? null,
        title: fields.title,
        description: fields.description,
        eventDate: fields.eventDate,
        source: fields.source,
        acquisition: fields.acquisition,
        classification: fields.classification,
        originalName: staged.originalName,
        mediaType,
        size: staged.size,
        sha256: staged.sha256,
        metadata: JSON.stringify(metadata),
        at,
        actor: actor(),
      });
      this.writeLinks(id, matterId, fields);
      if (options.derivedFrom) {
        this.appendCustody(id, {
          action: 'derived',
          fileName: staged.originalName,
          size: staged.size,
          sha256: staged.sha256,
          note: `Working copy of item ${options.derivedFrom.id} (SHA-256 ${options.derivedFrom.sha256}): ${options.derivedFrom.derivation}`,
        });
        this.appendCustody(options.derivedFrom.id, {
          action: 'working_copy_made',
          fileName: staged.originalName,
          size: staged.size,
          sha256: staged.sha256,
          note: `New item ${id}: ${options.derivedFrom.derivation}; this original was not changed`,
        });
      } else {
        this.appendCustody(id, {
          action: 'acquired',
          fileName: staged.originalName,
          size: staged.size,
          sha256: staged.sha256,
          source: fields.source,
          note: fields.acquisition,
        });
      }
      if (options.filing !== null) {
        const number = this.nextExhibit(matterId, options.filing, id);
        this.appendCustody(id, { action: 'exhibit_assigned', note: `${options.filing}#${number}` });
      }
      audit.append({
        action: 'evidence.acquire',
        entityType: 'evidence',
        entityId: id,
        matterId,
        details: {
          sha256: staged.sha256,
          size: staged.size,
          mediaType,
          classification: fields.classification,
          ...(options.derivedFrom
            ? { derivedFrom: options.derivedFrom.id, derivation: options.derivedFrom.derivation }
            : {}),
          metadataRisks: metadata.risks,
        },
      });
    })();
    return id;
  }

  private progress(p: EvidenceProgress): void {
    this.deps.onProgress?.(p);
    this.deps.onActivity?.();
  }

  private startOperation(operationId: string): AbortController {
    if (this.operations.has(operationId))
      throw new AmparoError('CONFLICT', 'This operation is already running');
    const controller = new AbortController();
    this.operations.set(operationId, controller);
    return controller;
  }

  /** Take in files and folders; each file is complete and recorded, or leaves nothing. */
  async add(input: AddEvidenceInput): Promise<AddEvidenceResult> {
    const { matterId, operationId, paths, fields, filing, workingCopy } = AddEvidenceInput.parse(input);
    const ctx = this.ctx();
    this.assertMatter(matterId);
    const original = workingCopy ? this.visibleRow(workingCopy.of) : null;
    if (original && original.matter_id !== matterId) {
      throw new AmparoError('NOT_FOUND', 'The original is not part of this matter');
    }
    const controller = this.startOperation(operationId);
    const result: AddEvidenceResult = { added: [], failed: [], empty: [], cancelled: false };
    try {
      const { files, failures } = await collectFiles(paths);
      result.failed.push(...failures);
      const sizes = await Promise.all(
        files.map((f) =>
          stat(f).then(
            (s) => s.size,
            () => 0,
          ),
        ),
      );
      const bytesTotal = sizes.reduce((a, b) => a + b, 0);
      let bytesBefore = 0;
      for (const [index, file] of files.entries()) {
        const name = basename(file);
        if (controller.signal.aborted) {
          result.cancelled = true;
          break;
        }
        const report = (bytesDone: number) =>
          this.progress({
            operationId,
            phase: 'intake',
            fileIndex: index,
            fileCount: files.length,
            name,
            bytesDone: bytesBefore + bytesDone,
            bytesTotal,
          });
        report(0);
        try {
          const staged = await stageFile(ctx.dir, file, { signal: controller.signal, onProgress: report });
          try {
            if (controller.signal.aborted) throw cancelled();
            const id = this.commitItem(
              staged,
              matterId,
              { ...fields, title: titleFor(fields.title, staged.originalName, files.length) },
              original && workingCopy
                ? {
                    filing: null,
                    derivedFrom: {
                      id: original.id,
                      sha256: original.sha256,
                      derivation: workingCopy.derivation,
                    },
                  }
                : { filing },
            );
            result.added.push(this.toSummary(this.row(id)));
            if (staged.size === 0) result.empty.push(name);
          } catch (error) {
            await rm(staged.path, { force: true }).catch(() => undefined);
            throw dbError(error, 'Recording the evidence');
          } finally {
            staged.key.fill(0);
          }
        } catch (error) {
          const { code, message } = toCode(error);
          if (code === 'CANCELLED') {
            result.cancelled = true;
            break;
          }
          result.failed.push({ path: file, name, code, message });
          // A vault that cannot be written to will not take the next file either.
          if (code === 'DISK_FULL' || code === 'VAULT_LOCKED') break;
        }
        bytesBefore += sizes[index] ?? 0;
      }
      return result;
    } finally {
      this.operations.delete(operationId);
    }
  }

  cancel(operationId: string): void {
    this.operations.get(operationId)?.abort();
  }

  /** Stops every running operation (on lock); each cleans up after itself. */
  abortAll(): void {
    for (const controller of this.operations.values()) controller.abort();
    this.tickets.clear();
  }

  update(id: string, revision: number, fields: EvidenceFields): EvidenceItem {
    const { db, audit, now } = this.ctx();
    db.transaction(() => {
      const current = this.toItem(this.visibleRow(id));
      if (current.revision !== revision)
        throw new AmparoError('CONFLICT', `Evidence ${id} was changed elsewhere`);
      db.prepare(
        `UPDATE evidence_items SET title = $title, description = $description, event_date = $eventDate,
                source = $source, acquisition = $acquisition, classification = $classification,
                revision = revision + 1, updated_at = $at WHERE id = $id`,
      ).run({
        id,
        at: now().toISOString(),
        title: fields.title,
        description: fields.description,
        eventDate: fields.eventDate,
        source: fields.source,
        acquisition: fields.acquisition,
        classification: fields.classification,
      });
      this.writeLinks(id, current.matterId, fields);
      audit.append({
        action: 'record.update',
        entityType: 'evidence',
        entityId: id,
        matterId: current.matterId,
        details: { fields: changedFields(current, fields) },
      });
    })();
    return this.get(id);
  }

  // ---- preview -------------------------------------------------------------------------------------

  preview(id: string): Preview {
    const row = this.visibleRow(id);
    const ticket = this.tickets.issue(row.id, this.ctx());
    return {
      url: (this.deps.mediaUrl ?? ((t) => `amparo-media://evidence/${t}`))(ticket),
      kind: kindOf(row.media_type),
      mediaType: row.media_type,
      size: row.size,
    };
  }

  /** The answer to a preview request (GET or HEAD, with an optional Range header). */
  async media(ticket: string, request: { method: string; range?: string | null }): Promise<MediaResponse> {
    let ctx: VaultContext;
    try {
      ctx = this.ctx();
    } catch {
      return textResponse(403, 'The vault is locked');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const itemId = this.tickets.resolve(ticket, ctx);
    if (!itemId) return textResponse(404, 'Unknown or expired preview');
    let row: ItemRow;
    let ref: ReturnType<EvidenceService['blobRef']>;
    try {
      row = this.row(itemId);
      ref = this.blobRef(row);
    } catch {
      return textResponse(404, 'No such item');
    }
    const kind = kindOf(row.media_type);
    const contentType =
      kind === 'text'
        ? 'text/plain; charset=utf-8'
        : kind === 'other'
          ? 'application/octet-stream'
          : row.media_type;
    let reader: BlobReader;
    try {
      reader = await openBlob(ref.path, ref.key, ref.blobId);
    } catch (error) {
      if (error instanceof BlobMissingError) return textResponse(410, 'EVIDENCE_MISSING');
      if (error instanceof BlobDamagedError) return textResponse(422, 'EVIDENCE_DAMAGED');
      return textResponse(500, 'IO_ERROR');
    }
    const size = reader.size;
    const range = parseRange(request.range, size);
    if (range === 'unsatisfiable') {
      await reader.close();
      return {
        ...textResponse(416, 'Range not satisfiable'),
        headers: { ...mediaHeaders(contentType), 'Content-Range': `bytes */${size}` },
      };
    }
    const { start, end } = range ?? { start: 0, end: Math.max(0, size - 1) };
    const length = size === 0 ? 0 : end - start + 1;
    const headers: Record<string, string> = {
      ...mediaHeaders(contentType),
      'Content-Length': String(length),
    };
    if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    const status = range ? 206 : 200;
    if (request.method === 'HEAD') {
      await reader.close();
      return { status, headers, body: null };
    }
    const parts = size === 0 ? reader.range(0, 0) : reader.range(start, end);
    let first: IteratorResult<Buffer>;
    try {
      // The first chunk is authenticated before any header goes out: a damaged blob gets an error status.
      first = await parts.next();
    } catch (error) {
      await reader.close();
      if (error instanceof BlobDamagedError) return textResponse(422, 'EVIDENCE_DAMAGED');
      return textResponse(500, 'IO_ERROR');
    }
    async function* body(): AsyncGenerator<Buffer> {
      try {
        if (!first.done) yield first.value;
        yield* parts;
      } finally {
        await reader.close();
      }
    }
    return { status, headers, body: body() };
  }

  // ---- integrity -----------------------------------------------------------------------------------

  private async check(row: ItemRow, options: { signal?: AbortSignal; onBytes?: (n: number) => void } = {}) {
    const ref = this.blobRef(row);
    const result = await verifyBlob(
      ref.path,
      ref.key,
      ref.blobId,
      { sha256: row.sha256, size: row.size },
      options,
    );
    const { db, audit, now } = this.ctx();
    const at = now().toISOString();
    db.transaction(() => {
      db.prepare(
        'UPDATE evidence_items SET last_verified_at = $at, last_verification = $status WHERE id = $id',
      ).run({ at, status: result.status, id: row.id });
      this.appendCustody(row.id, {
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
    const hidden =
      row.classification === 'confidential' && !this.reveals.isConfidentialRevealed(row.matter_id);
    const verification: Verification = {
      itemId: row.id,
      title: hidden ? '' : row.title,
      status: result.status,
      expectedSha256: row.sha256,
      actualSha256: result.actualSha256,
      checkedAt: at,
    };
    return verification;
  }

  async verify(id: string): Promise<Verification> {
    return this.check(this.visibleRow(id));
  }

  /** Verify every item (of one matter, or of the whole vault). */
  async verifyAll(input: {
    matterId?: string | undefined;
    operationId?: string | undefined;
  }): Promise<VaultVerification> {
    const { db, dir } = this.ctx();
    const rows = (input.matterId
      ? db
          .prepare(
            'SELECT * FROM evidence_items WHERE matter_id = $matterId AND deleted_at IS NULL ORDER BY acquired_at',
          )
          .all({ matterId: input.matterId })
      : db
          .prepare('SELECT * FROM evidence_items WHERE deleted_at IS NULL ORDER BY acquired_at')
          .all()) as unknown as ItemRow[];
    const operationId = input.operationId ?? randomUUID();
    const controller = this.startOperation(operationId);
    const bytesTotal = rows.reduce((n, r) => n + r.size, 0);
    let bytesDone = 0;
    const result: VaultVerification = { checked: 0, ok: 0, problems: [], strayFiles: 0, cancelled: false };
    try {
      for (const [index, row] of rows.entries()) {
        if (controller.signal.aborted) {
          result.cancelled = true;
          break;
        }
        const report = () =>
          this.progress({
            operationId,
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
          const v = await this.check(row, {
            signal: controller.signal,
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
      if (!input.matterId) {
        const stray = await findStrayFiles(dir, db);
        result.strayFiles = stray.orphans.length + stray.partial.length;
      }
      return result;
    } finally {
      this.operations.delete(operationId);
    }
  }

  // ---- export --------------------------------------------------------------------------------------

  async export(input: ExportEvidenceInput): Promise<ExportResult> {
    const { ids, folder, operationId } = ExportSchema.parse(input);
    const rows = ids.map((id) => this.visibleRow(id));
    try {
      if (!(await stat(folder)).isDirectory()) throw new Error('not a folder');
    } catch {
      throw new AmparoError('FOLDER_NOT_FOUND', `The export folder ${folder} does not exist`);
    }
    const opId = operationId ?? randomUUID();
    const controller = this.startOperation(opId);
    const files: ExportResult['files'] = [];
    const bytesTotal = rows.reduce((n, r) => n + r.size, 0);
    let bytesDone = 0;
    try {
      for (const [index, row] of rows.entries()) {
        const ref = this.blobRef(row);
        const target = await exportBlob(ref, folder, row.original_name, {
          signal: controller.signal,
          onBytes: (n) => {
            bytesDone += n;
            this.progress({
              operationId: opId,
              phase: 'export',
              fileIndex: index,
              fileCount: rows.length,
              name: row.original_name,
              bytesDone,
              bytesTotal,
            });
          },
        });
        const { db, audit } = this.ctx();
        db.transaction(() => {
          this.appendCustody(row.id, {
            action: 'exported',
            fileName: basename(target),
            size: row.size,
            sha256: row.sha256,
            outcome: 'ok',
            note: `Decrypted copy written to ${target}; its SHA-256 was checked against intake`,
          });
          audit.append({
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
    } finally {
      this.operations.delete(opId);
    }
  }

  // ---- working copies ------------------------------------------------------------------------------

  /** A new item: the image without its metadata, linked to the untouched original. */
  async stripMetadata(id: string, title?: string): Promise<EvidenceItem> {
    const row = this.visibleRow(id);
    if (!this.metadataOf(row).strippable) {
      throw new AmparoError('VALIDATION_FAILED', `${row.media_type}: no copy without metadata can be made`);
    }
    if (row.size > MAX_STRIP_BYTES)
      throw new AmparoError('VALIDATION_FAILED', 'The image is too large for a working copy');
    const ref = this.blobRef(row);
    const reader = await openBlob(ref.path, ref.key, ref.blobId);
    const parts: Buffer[] = [];
    try {
      for await (const part of readAll(reader)) parts.push(part);
    } finally {
      await reader.close();
    }
    const original = Buffer.concat(parts);
    const stripped = stripMetadata(original, row.media_type);
    original.fill(0);
    const ext = extname(row.original_name);
    const stem = ext ? row.original_name.slice(0, -ext.length) : row.original_name;
    const staged = await stageBytes(this.ctx().dir, stripped, `${stem}.no-metadata${ext}`);
    stripped.fill(0);
    let newId: string;
    try {
      const current = this.toItem(row);
      newId = this.commitItem(
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
      await rm(staged.path, { force: true }).catch(() => undefined);
      throw dbError(error, 'Recording the working copy');
    } finally {
      staged.key.fill(0);
    }
    return this.get(newId);
  }

  // ---- exhibits ------------------------------------------------------------------------------------

  assignExhibit(itemId: string, filing: string): Exhibit {
    const { db, audit } = this.ctx();
    const row = this.visibleRow(itemId);
    let number = 0;
    db.transaction(() => {
      const before = db
        .prepare('SELECT number FROM evidence_exhibits WHERE matter_id = $m AND filing = $f AND item_id = $i')
        .get({ m: row.matter_id, f: filing, i: itemId }) as { number: number } | undefined;
      number = this.nextExhibit(row.matter_id, filing, itemId);
      if (!before) {
        this.appendCustody(itemId, { action: 'exhibit_assigned', note: `${filing}#${number}` });
        audit.append({
          action: 'record.update',
          entityType: 'evidence',
          entityId: itemId,
          matterId: row.matter_id,
          details: { fields: ['exhibits'] },
        });
      }
    })();
    return this.exhibits(row.matter_id).find((e) => e.itemId === itemId && e.filing === filing)!;
  }

  exhibits(matterId: string): Exhibit[] {
    this.assertMatter(matterId);
    const rows = this.ctx()
      .db.prepare(
        `SELECT x.matter_id, x.filing, x.number, x.item_id, x.assigned_at, i.title, i.classification
         FROM evidence_exhibits x JOIN evidence_items i ON i.id = x.item_id
         WHERE x.matter_id = $matterId ORDER BY x.filing, x.number`,
      )
      .all({ matterId }) as {
      matter_id: string;
      filing: string;
      number: number;
      item_id: string;
      assigned_at: string;
      title: string;
      classification: string;
    }[];
    const show = this.reveals.isConfidentialRevealed(matterId);
    return rows.map((r) => ({
      matterId: r.matter_id,
      filing: r.filing,
      number: r.number,
      itemId: r.item_id,
      title: show || r.classification !== 'confidential' ? r.title : '',
      assignedAt: r.assigned_at,
    }));
  }
}
