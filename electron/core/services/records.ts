// Small checks every service makes before writing to a matter.
import { AmparoError } from '../../../shared/errors';
import type { Database } from '../vault/database';

/** NOT_FOUND unless the matter exists and is not in Deleted items. */
export function requireLiveMatter(db: Database, matterId: string): void {
  if (
    !db.prepare('SELECT 1 AS x FROM matters WHERE id = $matterId AND deleted_at IS NULL').get({ matterId })
  ) {
    throw new AmparoError('NOT_FOUND', `No matter ${matterId}`);
  }
}
