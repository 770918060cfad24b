import type { Migration } from './migration';

// Archiving moves a matter out of the active list without deleting it; `search_text` holds title and
// reference folded (lower case, no accents) so "agresion" finds "Agresión" with a plain index-friendly LIKE.
export const matterArchiveAndSearch: Migration = {
  version: 2,
  name: 'matter-archive-and-search',
  up(db) {
    db.exec(`
      ALTER TABLE matters ADD COLUMN archived_at TEXT;
      ALTER TABLE matters ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
      CREATE INDEX matters_by_archive_and_update ON matters (archived_at, updated_at DESC);
    `);
    const rows = db.prepare('SELECT id, title, reference FROM matters').all() as {
      id: string;
      title: string;
      reference: string;
    }[];
    const update = db.prepare('UPDATE matters SET search_text = $text WHERE id = $id');
    for (const row of rows) update.run({ id: row.id, text: fold(`${row.title} ${row.reference}`) });
  },
};

// A frozen copy of the app's search folding as it was when this migration was written: the app's own
// function may change later, and a migration must produce the same rows whenever it runs.
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}
