// Rows of extracted text (evidence_text) and extraction state (evidence_extraction). The index follows the
// text rows through the schema's triggers, so nothing here touches evidence_text_index.
import type {
  ExtractionReason,
  ExtractionState,
  ExtractionStatus,
  PageText,
  WordBox,
} from '../../../shared/schemas/extraction';
import type { ExtractedPage } from '../extraction/types';
import type { Database } from '../vault/database';

/** A page with more text than this is stored in several chunks (one index row each). */
export const CHUNK_CHARS = 64 * 1024;

type StateRow = {
  item_id: string;
  state: ExtractionState;
  reason: ExtractionReason | null;
  pages_done: number;
  pages_total: number | null;
  engine: string | null;
  engine_version: string | null;
  source_sha256: string | null;
  updated_at: string;
};

export function stateRow(db: Database, itemId: string): StateRow | undefined {
  return db.prepare('SELECT * FROM evidence_extraction WHERE item_id = $itemId').get<StateRow>({ itemId });
}

export function toStatus(itemId: string, row: StateRow | undefined): ExtractionStatus {
  return {
    itemId,
    state: row?.state ?? 'pending',
    reason: row?.reason ?? null,
    pagesDone: Number(row?.pages_done ?? 0),
    pagesTotal: row?.pages_total == null ? null : Number(row.pages_total),
    engine: row?.engine ?? null,
    engineVersion: row?.engine_version ?? null,
    enabled: row?.state !== 'disabled',
    updatedAt: row?.updated_at ?? null,
  };
}

export function setState(
  db: Database,
  itemId: string,
  at: string,
  fields: Partial<Omit<StateRow, 'item_id' | 'updated_at'>>,
): void {
  const current = stateRow(db, itemId);
  const next = {
    state: 'pending' as ExtractionState,
    reason: null,
    pages_done: 0,
    pages_total: null,
    engine: null,
    engine_version: null,
    source_sha256: null,
    ...current,
    ...fields,
    item_id: itemId,
    updated_at: at,
  };
  db.prepare(
    `INSERT INTO evidence_extraction (item_id, state, reason, pages_done, pages_total, engine, engine_version,
                                      source_sha256, updated_at)
     VALUES ($item_id, $state, $reason, $pages_done, $pages_total, $engine, $engine_version, $source_sha256, $updated_at)
     ON CONFLICT (item_id) DO UPDATE SET state = excluded.state, reason = excluded.reason,
       pages_done = excluded.pages_done, pages_total = excluded.pages_total, engine = excluded.engine,
       engine_version = excluded.engine_version, source_sha256 = excluded.source_sha256,
       updated_at = excluded.updated_at`,
  ).run(next);
}

/** Removes the item's text from `fromPage` on (all of it by default); its index rows go with it. */
export function clearText(db: Database, itemId: string, fromPage = 1): void {
  db.prepare('DELETE FROM evidence_text WHERE item_id = $itemId AND page >= $fromPage').run({
    itemId,
    fromPage,
  });
}

function chunks(text: string): string[] {
  if (text.length <= CHUNK_CHARS) return [text];
  const parts: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK_CHARS);
    // Cut at whitespace so no word is split between two chunks.
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      const newline = text.lastIndexOf('\n', end);
      const cut = Math.max(space, newline);
      if (cut > start) end = cut + 1;
    }
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}

export function storePage(db: Database, itemId: string, page: ExtractedPage): void {
  db.prepare('DELETE FROM evidence_text WHERE item_id = $itemId AND page = $page').run({
    itemId,
    page: page.page,
  });
  const boxes =
    page.words.length > 0 || page.width !== null
      ? JSON.stringify({ width: page.width, height: page.height, words: page.words })
      : '{}';
  const insert = db.prepare(
    `INSERT INTO evidence_text (item_id, page, chunk, method, text, boxes)
     VALUES ($itemId, $page, $chunk, $method, $text, $boxes)`,
  );
  chunks(page.text).forEach((text, chunk) =>
    insert.run({
      itemId,
      page: page.page,
      chunk,
      method: page.method,
      text,
      boxes: chunk === 0 ? boxes : '{}',
    }),
  );
}

type TextRow = { page: number; chunk: number; method: PageText['method']; text: string; boxes: string };

export function readPages(db: Database, itemId: string, page?: number): PageText[] {
  const rows = db
    .prepare(
      `SELECT page, chunk, method, text, boxes FROM evidence_text
       WHERE item_id = $itemId AND ($page IS NULL OR page = $page) ORDER BY page, chunk`,
    )
    .all<TextRow>({ itemId, page: page ?? null });
  const pages: PageText[] = [];
  for (const row of rows) {
    const last = pages.at(-1);
    if (last && last.page === Number(row.page)) {
      last.text += row.text;
      continue;
    }
    const boxes = JSON.parse(row.boxes) as { width?: number; height?: number; words?: WordBox[] };
    pages.push({
      page: Number(row.page),
      method: row.method,
      text: row.text,
      width: boxes.width ?? null,
      height: boxes.height ?? null,
      words: boxes.words ?? [],
    });
  }
  return pages;
}

export function pageCount(db: Database, itemId: string): number {
  return Number(
    db
      .prepare('SELECT count(DISTINCT page) AS n FROM evidence_text WHERE item_id = $itemId')
      .get<{ n: number }>({ itemId })?.n ?? 0,
  );
}
