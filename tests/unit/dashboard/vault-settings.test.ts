// The vault's own settings: defaults until set, each write validated and audited, and a stored value that
// no longer fits its schema read back as the default (an old or hand-edited vault never stops the Panel).
import { describe, expect, it } from 'vitest';
import { vaultContext } from '../../../electron/core/services/vault-context';
import { VaultSettingsService } from '../../../electron/core/services/vault-settings';
import { UpdateVaultSettingsInput } from '../../../shared/schemas/vault-settings';
import { seededVault } from './vault';

describe('vault settings', () => {
  it('keeps the inactivity months per matter type in the vault, audited', async () => {
    const vault = await seededVault();
    const settings = new VaultSettingsService(() => vaultContext(vault, () => 'prueba'));
    expect(settings.get().inactivityMonths).toEqual({
      precautionary_request: 6,
      precautionary_measure: 6,
      petition: 12,
      case: 12,
      provisional_measures: 6,
      domestic_protection: 6,
    });
    settings.update({ inactivityMonths: { petition: 0, case: 18 } });
    const stored = vault.db
      .prepare(`SELECT value FROM vault_settings WHERE key = 'inactivity.months'`)
      .get<{ value: string }>();
    expect(JSON.parse(stored!.value)).toMatchObject({ petition: 0, case: 18, precautionary_measure: 6 });
    const audit = vault.db
      .prepare(`SELECT action, entity_type, details FROM audit_log WHERE entity_type = 'vault_setting'`)
      .all<{ action: string; entity_type: string; details: string }>();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('record.update');
    expect(JSON.parse(audit[0]!.details)).toEqual({ fields: ['petition', 'case'] });
    // Saving the same values again changes nothing and logs nothing.
    settings.update({ inactivityMonths: { petition: 0 } });
    expect(
      vault.db
        .prepare(`SELECT count(*) AS n FROM audit_log WHERE entity_type = 'vault_setting'`)
        .get<{ n: number }>()!.n,
    ).toBe(1);
    vault.close();
  });

  it('refuses nonsense and reads a damaged stored value as the defaults', async () => {
    expect(UpdateVaultSettingsInput.safeParse({ inactivityMonths: { petition: -1 } }).success).toBe(false);
    expect(UpdateVaultSettingsInput.safeParse({ inactivityMonths: { petition: 2.5 } }).success).toBe(false);
    expect(UpdateVaultSettingsInput.safeParse({ inactivityMonths: { petition: 121 } }).success).toBe(false);
    expect(UpdateVaultSettingsInput.safeParse({ inactivityMonths: { hearing: 3 } }).success).toBe(false);
    expect(UpdateVaultSettingsInput.safeParse({ reminders: 3 }).success).toBe(false);

    const vault = await seededVault();
    const settings = new VaultSettingsService(() => vaultContext(vault, () => 'prueba'));
    vault.db
      .prepare(`INSERT INTO vault_settings (key, value, updated_at) VALUES ('inactivity.months', $v, 'x')`)
      .run({ v: JSON.stringify({ petition: 'muchos', case: 24, unknown: 3 }) });
    expect(settings.get().inactivityMonths).toMatchObject({ petition: 12, case: 24 });
    vault.db.prepare(`UPDATE vault_settings SET value = '{not json' WHERE key = 'inactivity.months'`).run();
    expect(settings.get().inactivityMonths.case).toBe(12);
    vault.close();
  });
});
