// Evidence of a matter, one method per channel. The work lives beside it: records and links
// (evidence-records), custody and exhibits (evidence-custody), intake (evidence-intake), integrity checks
// (evidence-integrity), exports (evidence-export), working copies (evidence-working-copy) and preview
// streaming (evidence/media-serve). Long work runs in the shared operation runner, which cancels it on
// request or lock and removes whatever it left unfinished.
import type {
  AddEvidenceRequest,
  AddEvidenceResult,
  EvidenceFields,
  EvidenceItem,
  EvidenceList,
  EvidenceProgress,
  Exhibit,
  ExportEvidenceRequest,
  ExportResult,
  Preview,
  VaultVerification,
  Verification,
} from '../../../shared/schemas/evidence';
import { AmparoError } from '../../../shared/errors';
import type { BlobAccess } from '../evidence/file-keys';
import { MediaTickets, textResponse, type MediaResponse } from '../evidence/media';
import { contentTypeFor, serveBlob } from '../evidence/media-serve';
import { kindOf } from '../evidence/metadata';
import { OperationRunner } from '../operations/runner';
import { stageBytes } from '../evidence/intake';
import { changedFields } from './changes';
import { assignExhibit, exhibitsOf } from './evidence-custody';
import { addEvidence, intakeOrigin } from './evidence-intake';
import { checkItem, verifyAll } from './evidence-integrity';
import { assertFolder, exportItems } from './evidence-export';
import { EvidenceRecords, type ItemRow } from './evidence-records';
import { makeWorkingCopy } from './evidence-working-copy';
import type { RevealState } from './reveal-state';
import type { VaultContext } from './vault-context';

export interface EvidenceDeps {
  /** Progress of long operations, forwarded to the renderer as `evidence:progress`. */
  onProgress?: (progress: EvidenceProgress) => void;
  /** A long operation is user activity: it postpones auto-lock while it runs. */
  onActivity?: () => void;
  /** The address under which the shell serves a preview ticket. */
  mediaUrl?: (ticket: string) => string;
  now?: () => number;
}

export class EvidenceService {
  private readonly records: EvidenceRecords;
  private readonly operations: OperationRunner<EvidenceProgress>;
  private readonly tickets: MediaTickets;

  constructor(
    private readonly ctx: () => VaultContext,
    private readonly reveals: RevealState,
    private readonly deps: EvidenceDeps = {},
  ) {
    this.records = new EvidenceRecords(ctx, reveals);
    this.operations = new OperationRunner({
      ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
      ...(deps.onActivity ? { onActivity: deps.onActivity } : {}),
    });
    this.tickets = new MediaTickets(deps.now);
  }

  list(matterId: string): EvidenceList {
    this.records.assertMatter(matterId);
    const rows = this.records.rows(matterId);
    const shown = rows.filter((r) => !this.records.isHidden(r));
    return {
      items: shown.map((r) => this.records.toSummary(r)),
      hiddenConfidential: rows.length - shown.length,
    };
  }

  get(id: string): EvidenceItem {
    return this.records.toItem(this.records.visibleRow(id));
  }

  /** The item's entry in the search index (after a restore from Deleted items). */
  reindex(itemId: string): void {
    this.records.reindex(itemId);
  }

  /** Take in files and folders; each file is complete and recorded, or leaves nothing. */
  async add(input: AddEvidenceRequest): Promise<AddEvidenceResult> {
    const original = intakeOrigin(this.records, input);
    return this.operations.run(input.operationId, (op) =>
      addEvidence(op, this.ctx(), this.records, input, original),
    );
  }

  cancel(operationId: string): void {
    this.operations.cancel(operationId);
  }

  /** Stops every running operation and open preview stream (on lock); each cleans up after itself. */
  abortAll(): void {
    this.operations.abortAll();
    this.tickets.clear();
  }

  update(id: string, revision: number, fields: EvidenceFields): EvidenceItem {
    const { db, audit, now } = this.ctx();
    db.transaction(() => {
      const current = this.get(id);
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
      this.records.writeLinks(id, current.matterId, fields);
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

  /** A preview address; for a confidential item it lives no longer than the reveal that shows it. */
  preview(id: string): Preview {
    const row = this.records.visibleRow(id);
    const until =
      row.classification === 'confidential'
        ? this.reveals.confidentialRevealedUntil(row.matter_id)
        : Infinity;
    const ticket = this.tickets.issue(row.id, this.ctx(), until);
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
    let blob: BlobAccess;
    try {
      row = this.records.row(itemId);
      // Checked on every request: an item made confidential, or a reveal that ended, stops the preview.
      if (this.records.isHidden(row)) return textResponse(403, 'CONFIDENTIAL');
      blob = this.records.blobAccess(row);
    } catch {
      return textResponse(404, 'No such item');
    }
    const op = this.operations.begin();
    return serveBlob(op, blob, contentTypeFor(kindOf(row.media_type), row.media_type), request);
  }

  async verify(id: string): Promise<Verification> {
    const row = this.records.visibleRow(id);
    return this.operations.run(undefined, (op) =>
      checkItem(this.ctx(), this.records, row, { signal: op.signal }),
    );
  }

  /** Verify every item (of one matter, or of the whole vault). */
  async verifyAll(input: {
    matterId?: string | undefined;
    operationId?: string | undefined;
  }): Promise<VaultVerification> {
    return this.operations.run(input.operationId, (op) =>
      verifyAll(op, this.ctx(), this.records, input.matterId),
    );
  }

  async export(input: ExportEvidenceRequest): Promise<ExportResult> {
    const rows = input.ids.map((id) => this.records.visibleRow(id));
    await assertFolder(input.folder);
    return this.operations.run(input.operationId, (op) =>
      exportItems(op, this.ctx, this.records, rows, input.folder),
    );
  }

  /** A new item: the image without its metadata, linked to the untouched original. */
  async stripMetadata(id: string, title?: string): Promise<EvidenceItem> {
    const row = this.records.visibleRow(id);
    const newId = await this.operations.run(undefined, (op) =>
      makeWorkingCopy(op, this.ctx(), this.records, row, title),
    );
    return this.get(newId);
  }

  /** A file made in memory (a generated filing kept in the case): encrypted as it is written, never in the clear. */
  async addFromBytes(matterId: string, data: Buffer, name: string, fields: EvidenceFields): Promise<string> {
    this.records.assertMatter(matterId);
    return this.operations.run(undefined, async (op) => {
      const staged = await stageBytes(this.ctx().dir, data, name);
      op.wipeOnEnd(staged.key);
      op.wipeOnEnd(staged.head);
      op.wipeOnEnd(staged.tail);
      return op.commit(op.stage(staged.path), () =>
        this.records.commitItem(staged, matterId, fields, { filing: null }),
      );
    });
  }

  assignExhibit(itemId: string, filing: string): Exhibit {
    const row = this.records.visibleRow(itemId);
    assignExhibit(this.ctx(), { id: row.id, matterId: row.matter_id }, filing);
    return this.exhibits(row.matter_id).find((e) => e.itemId === itemId && e.filing === filing)!;
  }

  exhibits(matterId: string): Exhibit[] {
    this.records.assertMatter(matterId);
    return exhibitsOf(this.ctx(), matterId, this.reveals.isConfidentialRevealed(matterId));
  }
}
