// Names for a conflict, so the screen and the command line can say "Case MC-101-23 · Defensora…" and
// "person A.L.Q." instead of ids: the identifying columns of the record (shared/bundle-labels.ts), and for
// each differing column that points at another record, that record's name on each side. A record the
// vault does not have yet is named from the bundle. Values stay raw: the caller formats and translates.
import type { ConflictName, ConflictNamePart } from '../../../shared/schemas/bundles';
import { labelsFor, refTable } from '../../../shared/bundle-labels';
import type { Database } from '../vault/database';
import { toJsonRow, type JsonRow, type SqlRow } from './rows';

type Records = Map<string, JsonRow[]>;

function findRow(db: Database, records: Records, table: string, id: string): JsonRow | null {
  // Only tables keyed by `id` are pointed at; the name comes from the vault first, else from the bundle.
  if (!labelsFor(table)) return null;
  const local = db.prepare(`SELECT * FROM "${table}" WHERE id = $id`).get<SqlRow>({ id });
  if (local) return toJsonRow(local);
  return (records.get(table) ?? []).find((row) => row.id === id) ?? null;
}

/** The record's name as parts, each with the table and column that say how to show it. */
export function nameOf(
  db: Database,
  records: Records,
  table: string,
  row: JsonRow,
  depth = 0,
): ConflictNamePart[] {
  const labels = labelsFor(table);
  if (!labels) return [];
  const parts: ConflictNamePart[] = [];
  for (const column of labels.identify) {
    const value = row[column] ?? null;
    if (value === null || value === '') continue;
    const target = refTable(labels.fields[column] ?? 'text');
    if (target) {
      const linked = depth < 2 && typeof value === 'string' ? findRow(db, records, target, value) : null;
      if (linked) parts.push(...nameOf(db, records, target, linked, depth + 1));
    } else parts.push({ table, column, value });
  }
  return parts;
}

function linkedName(db: Database, records: Records, target: string, value: unknown): ConflictName {
  if (typeof value !== 'string') return null;
  const row = findRow(db, records, target, value);
  return row ? nameOf(db, records, target, row, 1) : null;
}

/**
 * The record's own name (from the local row, else the bundle's) and the names behind its differing
 * links. `hide`: a record of protected values, whose links are left unnamed like its fields.
 */
export function conflictNames(
  db: Database,
  records: Records,
  table: string,
  mine: JsonRow,
  theirs: JsonRow,
  differing: readonly string[],
  hide: boolean,
): { name: ConflictNamePart[]; linked: Record<string, { mine: ConflictName; theirs: ConflictName }> } {
  const own = nameOf(db, records, table, mine);
  const name = own.length > 0 ? own : nameOf(db, records, table, theirs);
  const linked: Record<string, { mine: ConflictName; theirs: ConflictName }> = {};
  const labels = labelsFor(table);
  if (!hide && labels) {
    for (const column of differing) {
      const target = refTable(labels.fields[column] ?? 'text');
      if (!target) continue;
      linked[column] = {
        mine: linkedName(db, records, target, mine[column]),
        theirs: linkedName(db, records, target, theirs[column]),
      };
    }
  }
  return { name, linked };
}
