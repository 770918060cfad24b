import type { Database } from '../vault/database';

/** Tags are free words on any record; stored lower-cased and de-duplicated. */
export function setTags(db: Database, entityType: string, entityId: string, tags: readonly string[]): void {
  db.prepare('DELETE FROM tags WHERE entity_type = $entityType AND entity_id = $entityId').run({
    entityType,
    entityId,
  });
  const insert = db.prepare(
    'INSERT OR IGNORE INTO tags (entity_type, entity_id, tag) VALUES ($entityType, $entityId, $tag)',
  );
  for (const tag of new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))) {
    insert.run({ entityType, entityId, tag });
  }
}

export function getTags(db: Database, entityType: string, entityId: string): string[] {
  return db
    .prepare('SELECT tag FROM tags WHERE entity_type = $entityType AND entity_id = $entityId ORDER BY tag')
    .all<{ tag: string }>({ entityType, entityId })
    .map((r) => r.tag);
}
