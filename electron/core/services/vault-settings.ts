// Settings that belong to the vault (the inactivity alert's months per matter type…), one JSON row per
// key in vault_settings. A stored value that no longer fits its schema falls back to the default, key by key,
// so an older or hand-edited vault never stops the dashboard.
import {
  VAULT_SETTINGS,
  type UpdateVaultSettingsInput,
  type VaultSettings,
} from '../../../shared/schemas/vault-settings';
import type { Database } from '../vault/database';
import type { VaultContext } from './vault-context';

function stored(db: Database, key: string): unknown {
  const row = db.prepare('SELECT value FROM vault_settings WHERE key = $key').get<{ value: string }>({ key });
  if (!row) return undefined;
  try {
    return JSON.parse(row.value);
  } catch {
    return undefined;
  }
}

/** The inactivity months: stored types over the defaults (a type added later gets its default). */
export function readVaultSettings(db: Database): VaultSettings {
  const spec = VAULT_SETTINGS.inactivityMonths;
  const value = stored(db, spec.key);
  const merged: Record<string, unknown> = { ...spec.default };
  if (value && typeof value === 'object') {
    for (const [type, months] of Object.entries(value)) {
      if (
        type in spec.default &&
        spec.schema.shape[type as keyof typeof spec.default].safeParse(months).success
      )
        merged[type] = months;
    }
  }
  return { inactivityMonths: spec.schema.parse(merged) };
}

export class VaultSettingsService {
  constructor(private readonly ctx: () => VaultContext) {}

  get(): VaultSettings {
    return readVaultSettings(this.ctx().db);
  }

  update(input: UpdateVaultSettingsInput): VaultSettings {
    const { db, audit, now } = this.ctx();
    db.transaction(() => {
      const current = readVaultSettings(db);
      if (input.inactivityMonths) {
        const spec = VAULT_SETTINGS.inactivityMonths;
        const next = spec.schema.parse({ ...current.inactivityMonths, ...input.inactivityMonths });
        const changed = Object.keys(next).filter(
          (type) => next[type as keyof typeof next] !== current.inactivityMonths[type as keyof typeof next],
        );
        if (changed.length === 0) return;
        db.prepare(
          `INSERT INTO vault_settings (key, value, updated_at) VALUES ($key, $value, $at)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        ).run({ key: spec.key, value: JSON.stringify(next), at: now().toISOString() });
        audit.append({
          action: 'record.update',
          entityType: 'vault_setting',
          entityId: spec.key,
          details: { fields: changed },
        });
      }
    })();
    return this.get();
  }
}
