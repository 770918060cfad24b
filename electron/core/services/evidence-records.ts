// Evidence rows: reading them (with the confidentiality rule), turning them into the shapes the contract
// promises, recording a new item in one transaction, and the links and search entry of an item.
import { randomUUID } from 'node:crypto';
import { AmparoError } from '../../../shared/errors';
import type {
  EvidenceFields,
  EvidenceItem,
  EvidenceSummary,
  MetadataReport,
  VerificationStatus,
} from '../../../shared/schemas/evidence';
import type { BlobAccess } from '../evidence/file-keys';
import { keyView } from '../evidence/file-keys';
import type { StagedBlob } from '../evidence/intake';
import { EMPTY_METADATA, extractMetadata, kindOf, sniffMediaType } from '../evidence/metadata';
import { blobPath } from '../evidence/store';
import { appendCustody, custodyOf, nextExhibit } from './evidence-custody';
import type { RevealState } from './reveal-state';
import { requireLiveMatter } from './records';
import { indexForSearch } from './search-index';
import { getTags, setTags } from './tags';
import type { VaultContext } from './vault-context';

export type ItemRow = {
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
  original_name_raw: Uint8Array<ArrayBuffer> | null;
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
};

type BlobRow = {
  id: string;
  key: Uint8Array<ArrayBuffer>;
  chunk_size: number;
  plain_size: number;
  stored_size: number;
  sha256: string;
};

type SearchRow = {
  matter_id: string;
  title: string;
  description: string;
  source: string;
  original_name: string;
  classification: string;
};

/** How a new item came to be: received (with its exhibit list), or made from another item. */
export type Provenance =
  | { filing: string | null; derivedFrom?: undefined; linkedFrom?: string | null; rawName?: Buffer | null }
  | { filing: null; derivedFrom: { id: string; sha256: string; derivation: string } };

export class EvidenceRecords {
  constructor(
    private readonly ctx: () => VaultContext,
    private readonly reveals: RevealState,
  ) {}

  row(id: string, { includeDeleted = false } = {}): ItemRow {
    const row = this.ctx()
      .db.prepare(
        `SELECT * FROM evidence_items WHERE id = $id ${includeDeleted ? '' : 'AND deleted_at IS NULL'}`,
      )
      .get<ItemRow>({ id });
    if (!row) throw new AmparoError('NOT_FOUND', `No evidence item ${id}`);
    return row;
  }

  /** Confidential and its matter's confidential items not revealed now. */
  isHidden(row: ItemRow): boolean {
    return row.classification === 'confidential' && !this.reveals.isConfidentialRevealed(row.matter_id);
  }

  /** The row, or CONFIDENTIAL when it is confidential and its matter's items are not revealed. */
  visibleRow(id: string): ItemRow {
    const row = this.row(id);
    if (this.isHidden(row)) {
      throw new AmparoError('CONFIDENTIAL', 'This evidence item is confidential: reveal it first');
    }
    return row;
  }

  /** The live rows of one matter (or of the whole vault), oldest first. */
  rows(matterId?: string): ItemRow[] {
    const { db } = this.ctx();
    if (matterId === undefined)
      return db
        .prepare('SELECT * FROM evidence_items WHERE deleted_at IS NULL ORDER BY acquired_at')
        .all<ItemRow>();
    return db
      .prepare(
        'SELECT * FROM evidence_items WHERE matter_id = $matterId AND deleted_at IS NULL ORDER BY acquired_at, created_at, id',
      )
      .all<ItemRow>({ matterId });
  }

  /** Where the item's blob is and its key. The key must be zeroed when the caller's operation ends. */
  blobAccess(row: ItemRow): BlobAccess {
    const blob = this.ctx()
      .db.prepare('SELECT * FROM evidence_blobs WHERE id = $id')
      .get<BlobRow>({ id: row.blob_id });
    if (!blob) throw new AmparoError('NOT_FOUND', `No blob ${row.blob_id}`);
    return {
      path: blobPath(this.ctx().dir, row.blob_id),
      key: keyView(blob.key),
      blobId: row.blob_id,
      sha256: blob.sha256,
      size: blob.plain_size,
    };
  }

  /** Runs `use` with the item's blob and key; the key is zeroed when `use` settles. */
  async withBlob<T>(row: ItemRow, use: (blob: BlobAccess) => Promise<T>): Promise<T> {
    const blob = this.blobAccess(row);
    try {
      return await use(blob);
    } finally {
      blob.key.fill(0);
    }
  }

  metadataOf(row: ItemRow): MetadataReport {
    try {
      return { ...EMPTY_METADATA, ...(JSON.parse(row.metadata) as MetadataReport) };
    } catch {
      return EMPTY_METADATA;
    }
  }

  toSummary(row: ItemRow): EvidenceSummary {
    const exhibits = this.ctx()
      .db.prepare('SELECT filing, number FROM evidence_exhibits WHERE item_id = $id ORDER BY filing, number')
      .all<{ filing: string; number: number }>({ id: row.id });
    return {
      id: row.id,
      matterId: row.matter_id,
      title: row.title,
      kind: kindOf(row.media_type),
      mediaType: row.media_type,
      originalName: row.original_name,
      originalNameRaw: row.original_name_raw ? Buffer.from(row.original_name_raw).toString('hex') : null,
      size: row.size,
      sha256: row.sha256,
      eventDate: row.event_date,
      acquiredAt: row.acquired_at,
      classification: row.classification as EvidenceSummary['classification'],
      derivedFrom: row.derived_from,
      derivation: row.derivation,
      exhibits: exhibits.map((e) => ({ filing: e.filing, number: e.number })),
      metadataRisks: this.metadataOf(row).risks,
      lastVerification: row.last_verification as VerificationStatus | null,
      lastVerifiedAt: row.last_verified_at,
    };
  }

  toItem(row: ItemRow): EvidenceItem {
    const ctx = this.ctx();
    const { db } = ctx;
    const ids = (sql: string) =>
      db
        .prepare(sql)
        .all<{ id: string }>({ id: row.id })
        .map((r) => r.id);
    const copies = db
      .prepare(
        'SELECT id, title, derivation FROM evidence_items WHERE derived_from = $id AND deleted_at IS NULL ORDER BY created_at',
      )
      .all<{ id: string; title: string; derivation: string | null }>({ id: row.id });
    return {
      ...this.toSummary(row),
      description: row.description,
      source: row.source,
      acquisition: row.acquisition,
      tags: getTags(db, 'evidence', row.id),
      incidentIds: ids(
        'SELECT incident_id AS id FROM evidence_incidents WHERE item_id = $id ORDER BY incident_id',
      ),
      personIds: ids('SELECT person_id AS id FROM evidence_people WHERE item_id = $id ORDER BY person_id'),
      acquiredBy: row.acquired_by,
      metadata: this.metadataOf(row),
      custody: custodyOf(ctx, row.id),
      workingCopies: copies,
      revision: row.revision,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  assertMatter(matterId: string): void {
    requireLiveMatter(this.ctx().db, matterId);
  }

  writeLinks(
    itemId: string,
    matterId: string,
    fields: Pick<EvidenceFields, 'incidentIds' | 'personIds' | 'tags'>,
  ): void {
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
      .get<SearchRow>({ itemId });
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

  /** Records a staged blob as a new item, all in one transaction; returns the new item's id. */
  commitItem(staged: StagedBlob, matterId: string, fields: EvidenceFields, provenance: Provenance): string {
    const ctx = this.ctx();
    const { db, audit, actor, now } = ctx;
    const id = randomUUID();
    const at = now().toISOString();
    const mediaType = sniffMediaType(staged.head, staged.originalName);
    const metadata = extractMetadata(staged.head, staged.tail, mediaType);
    const { derivedFrom } = provenance;
    // The driver wants a plain Uint8Array. This copy is zeroed as soon as the row is written, and lives
    // outside the JavaScript heap (a small typed array made otherwise is stored in the heap, where the
    // garbage collector moves it and leaves the old bytes behind).
    const key = new Uint8Array(new ArrayBuffer(staged.key.length));
    key.set(staged.key);
    try {
      db.transaction(() => {
        db.prepare(
          `INSERT INTO evidence_blobs (id, key, chunk_size, plain_size, stored_size, sha256, created_at)
           VALUES ($id, $key, $chunkSize, $plainSize, $storedSize, $sha256, $at)`,
        ).run({
          id: staged.blobId,
          key,
          chunkSize: staged.chunkSize,
          plainSize: staged.size,
          storedSize: staged.storedSize,
          sha256: staged.sha256,
          at,
        });
        db.prepare(
          `INSERT INTO evidence_items (id, matter_id, blob_id, derived_from, derivation, title, description, event_date,
                                       source, acquisition, classification, original_name, original_name_raw,
                                       media_type, size, sha256, metadata, acquired_at, acquired_by, created_at, updated_at)
           VALUES ($id, $matterId, $blobId, $derivedFrom, $derivation, $title, $description, $eventDate, $source,
                   $acquisition, $classification, $originalName, $originalNameRaw, $mediaType, $size, $sha256,
                   $metadata, $at, $actor, $at, $at)`,
        ).run({
          id,
          matterId,
          blobId: staged.blobId,
          derivedFrom: derivedFrom?.id ?? null,
          derivation: derivedFrom?.derivation ?? null,
          title: fields.title,
          description: fields.description,
          eventDate: fields.eventDate,
          source: fields.source,
          acquisition: fields.acquisition,
          classification: fields.classification,
          originalName: staged.originalName,
          originalNameRaw: !derivedFrom && provenance.rawName ? Uint8Array.from(provenance.rawName) : null,
          mediaType,
          size: staged.size,
          sha256: staged.sha256,
          metadata: JSON.stringify(metadata),
          at,
          actor: actor(),
        });
        this.writeLinks(id, matterId, fields);
        const file = { fileName: staged.originalName, size: staged.size, sha256: staged.sha256 };
        if (derivedFrom) {
          appendCustody(ctx, id, {
            action: 'derived',
            ...file,
            note: `Working copy of item ${derivedFrom.id} (SHA-256 ${derivedFrom.sha256}): ${derivedFrom.derivation}`,
          });
          appendCustody(ctx, derivedFrom.id, {
            action: 'working_copy_made',
            ...file,
            note: `New item ${id}: ${derivedFrom.derivation}; this original was not changed`,
          });
        } else {
          const link = provenance.linkedFrom
            ? `Given as the symbolic link ${provenance.linkedFrom}; recorded under the name of the file it points to`
            : '';
          appendCustody(ctx, id, {
            action: 'acquired',
            ...file,
            source: fields.source,
            note: [fields.acquisition, link].filter(Boolean).join('. '),
          });
        }
        if (provenance.filing !== null) {
          const number = nextExhibit(ctx, matterId, provenance.filing, id);
          appendCustody(ctx, id, { action: 'exhibit_assigned', note: `${provenance.filing}#${number}` });
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
            ...(derivedFrom ? { derivedFrom: derivedFrom.id, derivation: derivedFrom.derivation } : {}),
            metadataRisks: metadata.risks,
          },
        });
      })();
    } finally {
      key.fill(0);
    }
    return id;
  }
}
