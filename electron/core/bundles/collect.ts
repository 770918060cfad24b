// What goes into a bundle: the rows of every carried table for the chosen cases (or the whole vault for
// a backup), the redaction applied (what stayed out, counted per kind), and, for an incremental bundle,
// only the rows whose content changed since an earlier bundle. Rows left out by a redaction take with
// them every row that points at them (a confidential fact's people links, an excluded exhibit's
// custody), so an imported bundle never names a record it does not carry.
import { AmparoError } from '../../../shared/errors';
import type { ProfileRules } from '../../../shared/schemas/filings';
import type { Database } from '../vault/database';
import type { RedactionProfile } from './manifest';
import { hasDetailsBeyondName, nameOnly, personPrints, profileExclusions } from './redact-profile';
import { contentMark, recordKey, toJsonRow, type JsonRow, type SqlRow } from './rows';
import { carriedTables, TABLES, type CarriedEntry } from './tables';

export interface CollectInput {
  /** Matter ids; ignored for a backup (every row). */
  cases: string[];
  backup: boolean;
  redaction: RedactionProfile;
  /** The filings redaction profile's rules, for redaction 'profile'. */
  rules?: ProfileRules;
  /** Evidence item ids to leave out (chosen exhibits). */
  omitItems: string[];
  since: string | null;
}

export interface AttachmentSource {
  itemId: string;
  blobId: string;
  matterId: string;
  originalName: string;
  size: number;
  sha256: string;
}

export interface Collected {
  tables: Map<string, JsonRow[]>;
  /** Every selected row's mark (before `since` filtering): what this bundle knew. */
  marks: { table: string; key: string; mark: string }[];
  leftOut: { kind: string; count: number }[];
  attachments: AttachmentSource[];
}

type ForeignKey = { table: string; from: string; to: string | null };

function foreignKeys(db: Database, table: string): ForeignKey[] {
  return db
    .prepare(`SELECT "table", "from", "to" FROM pragma_foreign_key_list($table)`)
    .all<ForeignKey>({ table });
}

function sinceMarks(db: Database, since: string): Map<string, string> {
  const known = db.prepare('SELECT 1 AS x FROM bundle_log WHERE bundle_id = $since').get({ since });
  if (!known) throw new AmparoError('NOT_FOUND', `No bundle ${since} was made or imported by this vault`);
  const rows = db
    .prepare('SELECT table_name, record_key, mark FROM bundle_marks WHERE bundle_id = $since')
    .all<{ table_name: string; record_key: string; mark: string }>({ since });
  return new Map(rows.map((r) => [`${r.table_name} ${r.record_key}`, r.mark]));
}

/** A table whose rows are records with their own `id` (what a tag's owner column names). */
function ownKey(table: string): boolean {
  const rule = TABLES[table];
  return rule !== undefined && 'key' in rule && rule.key.length === 1 && rule.key[0] === 'id';
}

export function collect(db: Database, input: CollectInput): Collected {
  const carried = carriedTables(input.backup);
  const cases = JSON.stringify(input.cases);
  const raw = new Map<string, JsonRow[]>();
  for (const [table, rule] of carried) {
    const where = input.backup || rule.kind !== 'case' ? '1' : rule.where!;
    const rows = db
      .prepare(`SELECT * FROM ${table} WHERE ${where}`)
      .all<SqlRow>(where === '1' ? undefined : { cases });
    raw.set(table, rows.map(toJsonRow));
  }

  const leftOut = new Map<string, number>();
  const removed = new Map<string, Set<string>>();
  const drop = (table: string, rows: JsonRow[], kind: string, rule: CarriedEntry[1]) => {
    if (rows.length === 0) return;
    leftOut.set(kind, (leftOut.get(kind) ?? 0) + rows.length);
    const gone = new Set(rows);
    raw.set(
      table,
      raw.get(table)!.filter((row) => !gone.has(row)),
    );
    // A protected identity left out leaves its person (by pseudonym) and everything naming it in place.
    if (rule.protectedValues) return;
    // Only a record's own id can be pointed at: a link's first key column (an incident_people row's
    // incident) names a record that stays.
    if (rule.key.length !== 1) return;
    const keys = removed.get(table) ?? new Set<string>();
    for (const row of rows) keys.add(String(row[rule.key[0]!]));
    removed.set(table, keys);
  };

  const rules = input.redaction === 'profile' ? input.rules : undefined;
  if (input.redaction === 'profile' && !rules)
    throw new AmparoError('INTERNAL', 'A profile redaction needs its rules');
  if (rules) {
    const prints = personPrints(raw, rules);
    for (const [table, rule] of carried) {
      if (table === 'protected_identities') {
        for (const { kind, rows } of profileExclusions(table, raw.get(table)!, rules, prints)) {
          drop(table, rows, kind, rule);
        }
        // Printed by name: the legal name travels, the rest of the identity stays out.
        const rows = raw.get(table)!;
        const reduced = rows.filter(hasDetailsBeyondName).length;
        if (reduced > 0) leftOut.set('protected_identities (details beyond the name)', reduced);
        raw.set(table, rows.map(nameOnly));
      } else if (rule.protectedValues) {
        drop(table, raw.get(table)!, table, rule);
      } else if (rule.classified || table === 'evidence_items' || table === 'people') {
        for (const { kind, rows } of profileExclusions(table, raw.get(table)!, rules, prints)) {
          drop(table, rows, kind, rule);
        }
      }
    }
  }

  if (input.redaction !== 'none' || input.omitItems.length > 0) {
    const omit = new Set(input.omitItems);
    for (const [table, rule] of carried) {
      const rows = raw.get(table)!;
      if (table === 'evidence_items' && omit.size > 0) {
        drop(
          table,
          rows.filter((r) => omit.has(String(r.id))),
          'evidence_items (chosen exhibits)',
          rule,
        );
      }
      if (input.redaction !== 'pseudonyms-only') continue;
      if (rule.protectedValues) drop(table, raw.get(table)!, `${table}`, rule);
      else if (rule.classified) {
        drop(
          table,
          raw.get(table)!.filter((r) => r.classification === 'confidential'),
          `${table} (confidential)`,
          rule,
        );
      }
    }
    // Whatever points at a row left out goes too, until nothing changes.
    for (let changed = true; changed;) {
      changed = false;
      for (const [table, rule] of carried) {
        const rows = raw.get(table)!;
        const orphans = rows.filter((row) => {
          if (rule.ownerColumn) {
            const owner = String(row[rule.ownerColumn]);
            // Owners are records with an id of their own (a person left out, not their profile).
            const owned = [...removed].some(([t, keys]) => ownKey(t) && keys.has(owner));
            if (owned) return true;
          }
          return foreignKeys(db, table).some((fk) => {
            const value = row[fk.from];
            return (
              value !== null && value !== undefined && (removed.get(fk.table)?.has(String(value)) ?? false)
            );
          });
        });
        if (orphans.length > 0) {
          changed = true;
          drop(table, orphans, `${table} (linked to records left out)`, rule);
        }
      }
    }
  }

  const marks: Collected['marks'] = [];
  const previous = input.since ? sinceMarks(db, input.since) : null;
  const tables = new Map<string, JsonRow[]>();
  const newItems = new Set<string>();
  for (const [table, rule] of carried) {
    const rows: JsonRow[] = [];
    for (const row of raw.get(table)!) {
      const key = recordKey(row, rule.key);
      const mark = contentMark(row);
      marks.push({ table, key, mark });
      const before = previous?.get(`${table} ${key}`);
      if (previous && before === mark) continue;
      if (table === 'evidence_items' && (!previous || before === undefined)) newItems.add(String(row.id));
      rows.push(row);
    }
    tables.set(table, rows);
  }

  const items = tables.get('evidence_items') ?? [];
  const attachments = items
    .filter((row) => newItems.has(String(row.id)))
    .map((row) => ({
      itemId: String(row.id),
      blobId: String(row.blob_id),
      matterId: String(row.matter_id),
      originalName: String(row.original_name),
      size: Number(row.size),
      sha256: String(row.sha256),
    }));
  return {
    tables,
    marks,
    leftOut: [...leftOut].map(([kind, count]) => ({ kind, count })),
    attachments,
  };
}
