// The columns of every carried table as the latest schema has them, read from a database built in memory
// by the migrations themselves (so verifying a bundle needs no vault), and a zod schema per table that
// every record of a bundle must pass before anything is written.
import { Database } from '@signalapp/sqlcipher';
import { z } from 'zod';
import { migrate, schemaVersion } from '../vault/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../vault/migrations';

export interface Column {
  name: string;
  type: 'TEXT' | 'INTEGER' | 'BLOB' | 'REAL' | 'ANY';
  notNull: boolean;
  /** Has a default (so an older bundle without it still inserts). */
  hasDefault: boolean;
  primaryKey: boolean;
}

let cached: Map<string, Column[]> | null = null;

function readColumns(db: Database): Map<string, Column[]> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .all<{ name: string }>();
  const map = new Map<string, Column[]>();
  for (const { name } of tables) {
    const info = db.prepare(`SELECT * FROM pragma_table_info($name)`).all<{
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }>({ name });
    map.set(
      name,
      info.map((c) => ({
        name: c.name,
        type: (['TEXT', 'INTEGER', 'BLOB', 'REAL'].includes(c.type.toUpperCase())
          ? c.type.toUpperCase()
          : 'ANY') as Column['type'],
        notNull: c.notnull === 1 || c.pk > 0,
        hasDefault: c.dflt_value !== null,
        primaryKey: c.pk > 0,
      })),
    );
  }
  return map;
}

/** Table name → columns of the newest schema. */
export function latestColumns(): Map<string, Column[]> {
  if (cached) return cached;
  const db = new Database(':memory:');
  try {
    migrate(db, MIGRATIONS);
    cached = readColumns(db);
    return cached;
  } finally {
    db.close();
  }
}

/**
 * Takes the columns from an open vault already at the newest schema (the same migrations made it): a few
 * milliseconds, where building the schema in memory takes a few hundred the first time.
 */
export function primeColumns(db: Database): void {
  if (cached || schemaVersion(db) !== LATEST_SCHEMA_VERSION) return;
  cached = readColumns(db);
}

/** How a BLOB value is written in a record file: `{"$base64": "…"}`. */
export const BytesValue = z.object({ $base64: z.base64() }).strict();

function valueSchema(column: Column): z.ZodType {
  const base =
    column.type === 'TEXT'
      ? z.string()
      : column.type === 'INTEGER'
        ? z.number().int()
        : column.type === 'REAL'
          ? z.number()
          : column.type === 'BLOB'
            ? BytesValue
            : z.union([z.string(), z.number(), BytesValue]);
  const nullable = column.notNull ? base : base.nullable();
  return column.hasDefault || !column.notNull ? nullable.optional() : nullable;
}

const rowSchemas = new Map<string, z.ZodType>();

/** One record of `table`: exactly its columns, each of its type. */
export function rowSchema(table: string): z.ZodType | null {
  const known = rowSchemas.get(table);
  if (known) return known;
  const columns = latestColumns().get(table);
  if (!columns) return null;
  const schema = z.strictObject(Object.fromEntries(columns.map((c) => [c.name, valueSchema(c)])));
  rowSchemas.set(table, schema);
  return schema;
}
