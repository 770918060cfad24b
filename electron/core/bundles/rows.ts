// Rows as they are written in records/<table>.json: plain JSON values, BLOBs as {"$base64": …}; the key
// of a record across vaults; and the content mark (SHA-256 of the canonical JSON) that incremental
// bundles and merges compare.
import { createHash } from 'node:crypto';

export type SqlValue = string | number | null | Uint8Array<ArrayBuffer>;
export type SqlRow = Record<string, SqlValue>;
export type JsonValue = string | number | null | { $base64: string };
export type JsonRow = Record<string, JsonValue>;

export function toJsonRow(row: SqlRow): JsonRow {
  const out: JsonRow = {};
  for (const [name, value] of Object.entries(row)) {
    if (value instanceof Uint8Array) out[name] = { $base64: Buffer.from(value).toString('base64') };
    else out[name] = value;
  }
  return out;
}

export function toSqlRow(row: JsonRow): SqlRow {
  const out: SqlRow = {};
  for (const [name, value] of Object.entries(row)) {
    out[name] =
      value !== null && typeof value === 'object' ? plainBytes(Buffer.from(value.$base64, 'base64')) : value;
  }
  return out;
}

/** JSON with keys sorted at every level, no whitespace. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function recordKey(row: JsonRow, key: readonly string[]): string {
  return JSON.stringify(key.map((column) => row[column] ?? null));
}

export function contentMark(row: JsonRow): string {
  return createHash('sha256').update(canonicalJson(row)).digest('hex');
}

/** The driver binds plain Uint8Arrays (over an ArrayBuffer of their own), not Buffers. */
export function plainBytes(data: Uint8Array): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(new ArrayBuffer(data.length));
  bytes.set(data);
  return bytes;
}
