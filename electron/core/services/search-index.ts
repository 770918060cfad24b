// Rows of the full-text index (FTS5, inside the encrypted database). Services call these in the same
// transaction as the change, so the index never disagrees with the records.
//
// Besides the searched `title` and `body`, each row carries `facets`: tokens the user's words never
// reach (queries are confined to title and body), so that FTS5 itself finds a record's row and the
// confidential rows of a query without reading every matching row.
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

/** Facet token of a classification ("0cconfidential"): starts with a digit so no typed word's prefix expands to it. */
export const classificationFacet = (classification: string): string => `0c${classification}`;

/** Facet token naming one record: a UUID without dashes, anything else hex-encoded, so it stays one token. */
function entityFacet(entityId: string): string {
  return /^[0-9a-f-]+$/i.test(entityId)
    ? `0e${entityId.replace(/-/g, '').toLowerCase()}`
    : `0x${Buffer.from(entityId, 'utf8').toString('hex')}`;
}

export function facetsOf(record: { entityId: string; classification: string }): string {
  return `${classificationFacet(record.classification)} ${entityFacet(record.entityId)}`;
}

/** Each save re-inserts the row, so rowid order is the order of last change: newest first is rowid DESC. */
export function indexForSearch(db: Database, record: IndexedRecord): void {
  removeFromSearch(db, record.entityType, record.entityId);
  db.prepare(
    `INSERT INTO search_index (entity_type, entity_id, matter_id, classification, title, body, facets)
     VALUES ($entityType, $entityId, $matterId, $classification, $title, $body, $facets)`,
  ).run({ ...record, facets: facetsOf(record) });
}

export function removeFromSearch(db: Database, entityType: string, entityId: string): void {
  // Found through the index (the entity facet), not by reading every row's UNINDEXED columns.
  db.prepare(
    `DELETE FROM search_index WHERE search_index MATCH $facet AND entity_type = $entityType AND entity_id = $entityId`,
  ).run({ facet: `facets : "${entityFacet(entityId)}"`, entityType, entityId });
}
