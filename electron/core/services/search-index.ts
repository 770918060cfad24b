// Rows of the full-text index (FTS5, inside the encrypted database). Services call these in the same
// transaction as the change, so the index never disagrees with the records.
import type { Classification } from '../../../shared/schemas/classification';
import type { Database } from '../vault/database';

export interface IndexedRecord {
  entityType: 'matter' | 'incident' | 'note' | 'person' | 'organisation' | 'evidence';
  entityId: string;
  matterId: string | null;
  classification: Classification;
  title: string;
  body: string;
}

export function indexForSearch(db: Database, record: IndexedRecord): void {
  removeFromSearch(db, record.entityType, record.entityId);
  db.prepare(
    `INSERT INTO search_index (entity_type, entity_id, matter_id, classification, title, body)
     VALUES ($entityType, $entityId, $matterId, $classification, $title, $body)`,
  ).run({ ...record });
}

export function removeFromSearch(db: Database, entityType: string, entityId: string): void {
  db.prepare('DELETE FROM search_index WHERE entity_type = $entityType AND entity_id = $entityId').run({
    entityType,
    entityId,
  });
}
