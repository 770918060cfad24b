import type { Migration } from './migration';

// Full-text index leaves that fit in one database page. SQLCipher keeps 80 bytes of every 4,096-byte
// page for its IV and HMAC, so a row of a table holds at most 3,981 bytes before the rest spills onto an
// overflow page; FTS5 writes its index leaves as rows of about 4,050 bytes (its default, sized for
// plain SQLite), so nearly every leaf took two pages, each read, decrypted and HMAC-checked on its own.
// A word on most records has its postings on hundreds of leaves, walked several times by one search.
// 3,900 leaves room for the row's header and the few bytes FTS5 may write past its target. Existing
// leaves are written again ('rebuild' from the tables' own content, then 'optimize' into one segment):
// well under a second for a vault of a few thousand records, some seconds for hundreds of thousands.
const FTS_TABLES = ['search_index', 'protected_search', 'evidence_text_index'];

export const ftsPageSize: Migration = {
  version: 18,
  name: 'fts-page-size',
  up(db) {
    for (const table of FTS_TABLES) {
      db.exec(`
        INSERT INTO ${table} (${table}, rank) VALUES ('pgsz', 3900);
        INSERT INTO ${table} (${table}) VALUES ('rebuild');
        INSERT INTO ${table} (${table}) VALUES ('optimize');
      `);
    }
  },
};
