import type { Migration } from './migration';

// A migration is frozen: the facet tokens as this version wrote them, copied here (not imported from
// services/search-index.ts, which may change), so this migration's output never changes.
function idToken(kind: 'e' | 'm', id: string): string {
  return /^[0-9a-f-]+$/i.test(id)
    ? `0${kind}${id.replace(/-/g, '').toLowerCase()}`
    : `0${kind}x${Buffer.from(id, 'utf8').toString('hex')}`;
}

function facetsOf(record: {
  entityType: string;
  entityId: string;
  matterId: string | null;
  classification: string;
  matterDeleted: boolean;
}): string {
  const tokens = [`0c${record.classification}`, `0t${record.entityType}`, idToken('e', record.entityId)];
  if (record.matterId) tokens.push(idToken('m', record.matterId));
  if (record.matterDeleted) tokens.push('0gone');
  return tokens.join(' ');
}

// The search index gains a `facets` column (classification, type, record and matter tokens, never matched
// by typed words) so visibility, counts and row lookups go through FTS5 rather than every matching row. FTS5 has no
// ADD COLUMN: the rows move to a new table, keeping their rowids (rowid order is the order of last change,
// which ranks very common words by recency). Deleted matters get a small index: every search asks for them.
export const searchFacets: Migration = {
  version: 5,
  name: 'search-facets',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE search_index_v5 USING fts5 (
        entity_type UNINDEXED, entity_id UNINDEXED, matter_id UNINDEXED, classification UNINDEXED,
        title, body, facets,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO search_index_v5 (search_index_v5, rank) VALUES ('secure-delete', 1);
      CREATE INDEX IF NOT EXISTS matters_deleted ON matters (deleted_at) WHERE deleted_at IS NOT NULL;
    `);
    const rows = db
      .prepare(
        `SELECT s.rowid AS row, s.entity_type, s.entity_id, s.matter_id, s.classification, s.title, s.body,
                m.deleted_at IS NOT NULL AS gone
         FROM search_index s LEFT JOIN matters m ON m.id = s.matter_id ORDER BY s.rowid`,
      )
      .all() as {
      row: number;
      entity_type: string;
      entity_id: string;
      matter_id: string | null;
      classification: string;
      title: string;
      body: string;
      gone: number;
    }[];
    const insert = db.prepare(
      `INSERT INTO search_index_v5 (rowid, entity_type, entity_id, matter_id, classification, title, body, facets)
       VALUES (CAST($row AS INTEGER), $entity_type, $entity_id, $matter_id, $classification, $title, $body, $facets)`,
    );
    for (const r of rows) {
      const { gone, ...row } = r;
      insert.run({
        ...row,
        facets: facetsOf({
          entityType: r.entity_type,
          entityId: r.entity_id,
          matterId: r.matter_id,
          classification: r.classification,
          matterDeleted: gone === 1,
        }),
      });
    }
    db.exec(`
      DROP TABLE search_index;
      ALTER TABLE search_index_v5 RENAME TO search_index;
      INSERT INTO search_index (search_index) VALUES ('optimize');
      -- The index's vocabulary, one row per word occurrence: read with LIMIT 1 to expand a typed prefix.
      CREATE VIRTUAL TABLE search_terms USING fts5vocab(search_index, 'instance');
    `);
  },
};
