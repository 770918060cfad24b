// Settings that travel with the vault (not with the laptop): each key is typed and its value validated
// with its own schema. Stored as JSON in the vault_settings table, one row per key.
import { z } from 'zod';
import { MATTER_TYPES, type MatterType } from './matter';

/** Months without a sent communication before a matter is flagged; 0 switches the alert off. */
export const InactivityMonthsValue = z
  .number()
  .int()
  .min(0, 'validation.invalid')
  .max(120, 'validation.invalid');

export const InactivityMonths = z
  .object(
    Object.fromEntries(MATTER_TYPES.map((type) => [type, InactivityMonthsValue])) as Record<
      MatterType,
      typeof InactivityMonthsValue
    >,
  )
  .strict();
export type InactivityMonths = z.infer<typeof InactivityMonths>;

/**
 * Defaults: the Commission may close precautionary files and archive petitions left without procedural
 * activity (IACHR Rules, Arts. 25 and 42); the figures are a prudent alert, not the rule's own period.
 */
export const DEFAULT_INACTIVITY_MONTHS: InactivityMonths = {
  precautionary_request: 6,
  precautionary_measure: 6,
  petition: 12,
  case: 12,
  provisional_measures: 6,
  domestic_protection: 6,
};

/** Every vault setting: its key in vault_settings, its schema and its default. */
export const VAULT_SETTINGS = {
  inactivityMonths: {
    key: 'inactivity.months',
    schema: InactivityMonths,
    default: DEFAULT_INACTIVITY_MONTHS,
  },
} as const;
export type VaultSettingName = keyof typeof VAULT_SETTINGS;

export const VaultSettings = z.object({ inactivityMonths: InactivityMonths });
export type VaultSettings = z.infer<typeof VaultSettings>;

/** An update names only the settings it changes; a per-type map may name only some types. */
export const UpdateVaultSettingsInput = z
  .object({ inactivityMonths: InactivityMonths.partial().optional() })
  .strict();
export type UpdateVaultSettingsInput = z.infer<typeof UpdateVaultSettingsInput>;
