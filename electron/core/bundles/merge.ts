// Meeting an imported record with the local one. Records are compared by content mark with the mark the
// record had in the newest bundle this vault made or took in that held it (what both sides last had in
// common): changed on one side only → that side's version; changed on both → a conflict the caller
// resolves (keep mine / take theirs / keep both). Append-only history and links are added when missing
// and never changed, so importing the same bundle twice changes nothing.
import { randomUUID } from 'node:crypto';
import type { BundleConflict, ConflictChoice } from '../../../shared/schemas/bundles';
import type { Database } from '../vault/database';
import { conflictNames } from './conflict-names';
import { contentMark, recordKey, toJsonRow, type JsonRow, type SqlRow } from './rows';
import type { CarriedTable } from './tables';

export type Step =
  | { action: 'add'; table: string; row: JsonRow }
  | { action: 'update'; table: string; key: readonly string[]; row: JsonRow }
  | { action: 'choice'; table: string; conflictId: string; choice: ConflictChoice };

export interface Plan {
  steps: Step[];
  unchanged: number;
  conflicts: BundleConflict[];
  /** Marks of every incoming record (what this bundle knew). */
  marks: { table: string; key: string; mark: string }[];
}

function localRow(db: Database, table: string, key: readonly string[], row: JsonRow): JsonRow | null {
  const where = key.map((column, i) => `"${column}" IS $k${i}`).join(' AND ');
  const params = Object.fromEntries(key.map((column, i) => [`k${i}`, row[column] ?? null]));
  const found = db
    .prepare(`SELECT * FROM ${table} WHERE ${where}`)
    .get<SqlRow>(params as Record<string, string>);
  return found ? toJsonRow(found) : null;
}

function baseMark(db: Database, table: string, key: string): string | null {
  return (
    db
      .prepare(
        `SELECT m.mark FROM bundle_marks m JOIN bundle_log l ON l.bundle_id = m.bundle_id
         WHERE m.table_name = $table AND m.record_key = $key ORDER BY l.at DESC, l.rowid DESC LIMIT 1`,
      )
      .get<{ mark: string }>({ table, key })?.mark ?? null
  );
}

function differing(mine: JsonRow, theirs: JsonRow, hide: boolean): BundleConflict['fields'] {
  const names = new Set([...Object.keys(mine), ...Object.keys(theirs)]);
  return [...names]
    .filter((name) => JSON.stringify(mine[name] ?? null) !== JSON.stringify(theirs[name] ?? null))
    .map((name) => ({
      name,
      mine: hide ? null : (mine[name] ?? null),
      theirs: hide ? null : (theirs[name] ?? null),
    }));
}

export function planMerge(
  db: Database,
  tables: [string, CarriedTable][],
  records: Map<string, JsonRow[]>,
  choose: (conflictId: string) => ConflictChoice | undefined,
  restore = false,
): Plan {
  const plan: Plan = { steps: [], unchanged: 0, conflicts: [], marks: [] };
  for (const [table, rule] of tables) {
    for (const theirs of records.get(table) ?? []) {
      const key = recordKey(theirs, rule.key);
      const mark = contentMark(theirs);
      plan.marks.push({ table, key, mark });
      // A restore takes the vault's keys and bundle history as they are; the audit log is restored whole
      // apart from the plan.
      if (rule.merge === 'none' && (!restore || table === 'audit_log')) continue;
      const mine = localRow(db, table, rule.key, theirs);
      if (!mine) {
        plan.steps.push({ action: 'add', table, row: theirs });
        continue;
      }
      const mineMark = contentMark(mine);
      if (rule.merge !== 'record' || mineMark === mark) {
        plan.unchanged += 1;
        continue;
      }
      const base = baseMark(db, table, key);
      if (base === mineMark) {
        plan.steps.push({ action: 'update', table, key: rule.key, row: theirs });
        continue;
      }
      if (base === mark) {
        plan.unchanged += 1;
        continue;
      }
      const conflictId = `${table} ${key}`;
      const choice = choose(conflictId);
      if (!choice) {
        const fields = differing(mine, theirs, rule.protectedValues === true);
        const names = fields.map((f) => f.name);
        plan.conflicts.push({
          id: conflictId,
          table,
          recordKey: key,
          matterId:
            typeof theirs.matter_id === 'string'
              ? theirs.matter_id
              : table === 'matters'
                ? String(theirs.id)
                : null,
          fields,
          ...conflictNames(db, records, table, mine, theirs, names, rule.protectedValues === true),
        });
        continue;
      }
      if (choice === 'theirs') plan.steps.push({ action: 'update', table, key: rule.key, row: theirs });
      else if (choice === 'both' && rule.key.length === 1 && rule.key[0] === 'id') {
        plan.steps.push({ action: 'add', table, row: { ...theirs, id: randomUUID() } });
      } else if (choice === 'both') {
        // A record keyed by its owner (a person's identity or profile) has one row: both cannot be kept.
        plan.conflicts.push({
          id: conflictId,
          table,
          recordKey: key,
          matterId: null,
          fields: differing(mine, theirs, true),
          ...conflictNames(db, records, table, mine, theirs, [], true),
        });
        continue;
      }
      plan.steps.push({ action: 'choice', table, conflictId, choice });
    }
  }
  return plan;
}
