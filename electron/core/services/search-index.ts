// Rows of the full-text index (FTS5, inside the encrypted database). Services call these in the same
// transaction as the change, so the index never disagrees with the records; rows are added only here.
//
// Besides the searched `title` and `body`, each row carries `facets`: tokens the user's words never
// reach (queries are confined to title and body), so that FTS5 itself finds a record's row and the
// confidential rows of a query without reading every matching row.
import type { Classification } from '../../../shared/schemas/classification';
import type { SEARCHABLE } from '../../../shared/schemas/search';
import type { Database } from '../vault/database';

type SearchableType = (typeof SEARCHABLE)[number];
import { searchIndexChanged } from './search-query';
import { learnRecord } from './fts-vocabulary';

export interface IndexedRecord {
  entityType: SearchableType;
  entityId: string;
  matterId: string | null;
  classification: Classification;
  title: string;
  body: string;
}

/** Facet token of a classification ("0cconfidential"): starts with a digit so no typed word's prefix expands to it. */
export const classificationFacet = (classification: string): string => `0c${classification}`;

/** Facet token of an entity type ("0tmatter"). */
export const typeFacet = (entityType: string): string => `0t${entityType}`;

/** One token for an id: a UUID without dashes, anything else hex-encoded behind an `x`. */
function idToken(kind: 'e' | 'm', id: string): string {
  return /^[0-9a-f-]+$/i.test(id)
    ? `0${kind}${id.replace(/-/g, '').toLowerCase()}`
    : `0${kind}x${Buffer.from(id, 'utf8').toString('hex')}`;
}

/** Facet token naming one record. */
export const entityFacet = (entityId: string): string => idToken('e', entityId);

/** Facet token of the matter a record belongs to (a matter: itself). */
export const matterFacet = (matterId: string): string => idToken('m', matterId);

/** Facet token of a row whose matter is in Deleted items: kept for a restore, never shown or counted. */
export const GONE_FACET = '0gone';

export function facetsOf(record: {
  entityType: string;
  entityId: string;
  matterId: string | null;
  classification: string;
  matterDeleted: boolean;
}): string {
  const tokens = [
    classificationFacet(record.classification),
    typeFacet(record.entityType),
    entityFacet(record.entityId),
  ];
  if (record.matterId) tokens.push(matterFacet(record.matterId));
  if (record.matterDeleted) tokens.push(GONE_FACET);
  return tokens.join(' ');
}

/** Each save re-inserts the row, so rowid order is the order of last change: newest first is rowid DESC. */
export function indexForSearch(db: Database, record: IndexedRecord): void {
  removeFromSearch(db, record.entityType, record.entityId);
  addToSearch(db, record);
}

/** A row for a record not yet in the index (bulk loads): no lookup, so FTS5 keeps batching the writes. */
export function addToSearch(db: Database, record: IndexedRecord): void {
  searchIndexChanged();
  db.prepare(
    `INSERT INTO search_index (entity_type, entity_id, matter_id, classification, title, body, facets)
     VALUES ($entityType, $entityId, $matterId, $classification, $title, $body, $facets)`,
  ).run({ ...record, facets: facetsOf({ ...record, matterDeleted: isDeletedMatter(db, record.matterId) }) });
  learnRecord(db, [record.title, record.body]);
}

function isDeletedMatter(db: Database, matterId: string | null): boolean {
  if (!matterId) return false;
  return (
    db.prepare('SELECT 1 FROM matters WHERE id = $matterId AND deleted_at IS NOT NULL').get({ matterId }) !==
    undefined
  );
}

/**
 * A matter went to Deleted items or came back: its records stay indexed (rowids, and so their order,
 * unchanged) with the facet that keeps them out of results switched on or off.
 */
export function markMatterInSearch(db: Database, matterId: string): void {
  searchIndexChanged();
  const deleted = isDeletedMatter(db, matterId);
  const rows = db
    .prepare(
      `SELECT rowid AS row, entity_type, entity_id, matter_id, classification FROM search_index
       WHERE search_index MATCH $facet`,
    )
    .all({ facet: `facets : "${matterFacet(matterId)}"` }) as {
    row: number;
    entity_type: string;
    entity_id: string;
    matter_id: string | null;
    classification: string;
  }[];
  // A JavaScript number binds as a REAL, which FTS5's rowid lookup does not take: cast it.
  const update = db.prepare('UPDATE search_index SET facets = $facets WHERE rowid = CAST($row AS INTEGER)');
  for (const r of rows) {
    const facets = facetsOf({
      entityType: r.entity_type,
      entityId: r.entity_id,
      matterId: r.matter_id,
      classification: r.classification,
      matterDeleted: deleted,
    });
    update.run({ row: r.row, facets });
  }
}

export function removeFromSearch(db: Database, entityType: string, entityId: string): void {
  searchIndexChanged();
  // Found through the index (the entity facet), not by reading every row's UNINDEXED columns.
  db.prepare(
    `DELETE FROM search_index WHERE search_index MATCH $facet AND entity_type = $entityType AND entity_id = $entityId`,
  ).run({ facet: `facets : "${entityFacet(entityId)}"`, entityType, entityId });
}
