import { AmparoError } from '../../../shared/errors';
import type { Database } from './database';
import { MIGRATIONS, type Migration } from './migrations';

export function schemaVersion(db: Database): number {
  return Number(db.pragma('user_version', { simple: true }) ?? 0);
}

/**
 * Bring the database to the newest schema this build knows, each step in its own transaction so a
 * failure leaves the previous version intact. A vault written by a newer Amparo is refused, not touched.
 */
export function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
): { from: number; to: number } {
  const from = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) {
    throw new AmparoError(
      'SCHEMA_TOO_NEW',
      `Vault schema ${from} is newer than this Amparo supports (${latest})`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return { from, to: schemaVersion(db) };
}
