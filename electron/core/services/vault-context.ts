// What a service needs from an open vault: the database, its folder (where evidence blobs live), the audit
// log, and who is acting.
import { AuditLog } from '../audit/audit-log';
import type { Database } from '../vault/database';

export interface VaultContext {
  readonly dir: string;
  readonly db: Database;
  readonly audit: AuditLog;
  readonly actor: () => string;
  readonly now: () => Date;
}

export function vaultContext(
  vault: { dir: string; db: Database },
  actor: () => string,
  now: () => Date = () => new Date(),
): VaultContext {
  return { dir: vault.dir, db: vault.db, audit: new AuditLog(vault.db, actor, now), actor, now };
}
