import type { Migration } from './migration';

// The text inside evidence documents, page by page, with the words' boxes for highlighting; the state of
// each item's extraction; and a full-text index of that text carrying the item's case and classification.
//
// Triggers keep the index in step with every path that changes an item (edits, Deleted items, purges,
// bundle imports): a page's text enters and leaves the index with its row; an item sent to Deleted items
// loses its text (a restore extracts it again); a new classification or a case sent to Deleted items
// rewrites the facets that keep hidden rows out of results.
const FACETS = (item: string) => `(
  SELECT '0c' || i.classification || ' 0mx' || lower(hex(i.matter_id))
         || CASE WHEN m.deleted_at IS NOT NULL THEN ' 0gone' ELSE '' END
  FROM evidence_items i LEFT JOIN matters m ON m.id = i.matter_id WHERE i.id = ${item})`;

export const evidenceText: Migration = {
  version: 16,
  name: 'evidence-text',
  up(db) {
    db.exec(`
      CREATE TABLE evidence_extraction (
        item_id        TEXT PRIMARY KEY REFERENCES evidence_items (id) ON DELETE CASCADE,
        -- pending | running | done | failed | disabled
        state          TEXT NOT NULL DEFAULT 'pending',
        reason         TEXT,
        pages_done     INTEGER NOT NULL DEFAULT 0,
        pages_total    INTEGER,
        engine         TEXT,
        engine_version TEXT,
        -- The blob's sha256 the text was taken from: another blob means the text is stale.
        source_sha256  TEXT,
        updated_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX evidence_extraction_by_state ON evidence_extraction (state);

      -- One row per page (a huge page in several chunks); page 1 is the first.
      CREATE TABLE evidence_text (
        item_id TEXT NOT NULL REFERENCES evidence_items (id) ON DELETE CASCADE,
        page    INTEGER NOT NULL CHECK (page >= 1),
        chunk   INTEGER NOT NULL DEFAULT 0 CHECK (chunk >= 0),
        method  TEXT NOT NULL,
        text    TEXT NOT NULL,
        -- JSON: { width, height, words: [{ text, x0, y0, x1, y1 }] } in page units (PDF points, image pixels).
        boxes   TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (item_id, page, chunk)
      ) STRICT;

      CREATE VIRTUAL TABLE evidence_text_index USING fts5 (
        item_id UNINDEXED, matter_id UNINDEXED, classification UNINDEXED, page UNINDEXED,
        body, facets,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO evidence_text_index (evidence_text_index, rank) VALUES ('secure-delete', 1);
      CREATE VIRTUAL TABLE evidence_text_terms USING fts5vocab(evidence_text_index, 'row');

      CREATE TRIGGER evidence_text_indexed AFTER INSERT ON evidence_text
      BEGIN
        INSERT INTO evidence_text_index (rowid, item_id, matter_id, classification, page, body, facets)
        SELECT new.rowid, new.item_id, i.matter_id, i.classification, new.page, new.text, ${FACETS('new.item_id')}
        FROM evidence_items i WHERE i.id = new.item_id;
      END;
      CREATE TRIGGER evidence_text_unindexed AFTER DELETE ON evidence_text
      BEGIN
        DELETE FROM evidence_text_index WHERE rowid = old.rowid;
      END;
      CREATE TRIGGER evidence_text_reindexed AFTER UPDATE OF text ON evidence_text
      BEGIN
        UPDATE evidence_text_index SET body = new.text WHERE rowid = new.rowid;
      END;
      CREATE TRIGGER evidence_text_reclassified AFTER UPDATE OF classification, matter_id ON evidence_items
      BEGIN
        UPDATE evidence_text_index
        SET classification = new.classification, matter_id = new.matter_id, facets = ${FACETS('new.id')}
        WHERE rowid IN (SELECT rowid FROM evidence_text WHERE item_id = new.id);
      END;
      CREATE TRIGGER evidence_text_deleted AFTER UPDATE OF deleted_at ON evidence_items
      WHEN new.deleted_at IS NOT NULL AND old.deleted_at IS NULL
      BEGIN
        DELETE FROM evidence_text WHERE item_id = new.id;
        UPDATE evidence_extraction SET state = 'pending', reason = NULL, pages_done = 0, source_sha256 = NULL
        WHERE item_id = new.id AND state <> 'disabled';
      END;
      CREATE TRIGGER evidence_text_purged BEFORE DELETE ON evidence_items
      BEGIN
        DELETE FROM evidence_text WHERE item_id = old.id;
        DELETE FROM evidence_extraction WHERE item_id = old.id;
      END;
      CREATE TRIGGER evidence_text_case_moved AFTER UPDATE OF deleted_at ON matters
      BEGIN
        UPDATE evidence_text_index SET facets = ${FACETS('evidence_text_index.item_id')}
        WHERE rowid IN (SELECT t.rowid FROM evidence_text t JOIN evidence_items i ON i.id = t.item_id
                        WHERE i.matter_id = new.id);
      END;
    `);
  },
};
