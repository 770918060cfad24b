import { z } from 'zod';

const LANGUAGES = ['es', 'en'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** App-wide preferences, kept outside any vault so the first screen already speaks the user's language. */
export const Settings = z.object({
  /** `system` follows the OS locale: Spanish when it is Spanish, English otherwise. */
  language: z.enum(['system', ...LANGUAGES]),
  autoLockMinutes: z.number().int().min(1, 'validation.autoLockRange').max(240, 'validation.autoLockRange'),
  /** Who is at the keyboard, as written in the audit log and custody entries; empty = the OS account name. */
  userName: z.string().trim().max(100, 'validation.tooLong'),
  /**
   * Keep the folders of recently opened vaults in settings.json (plain text: folder names often name
   * clients). Off: nothing is written, and the list lives only until the app quits.
   */
  rememberRecentVaults: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'system',
  autoLockMinutes: 5,
  userName: '',
  rememberRecentVaults: true,
};

export const UpdateSettingsInput = Settings.partial();
export type UpdateSettingsInput = z.infer<typeof UpdateSettingsInput>;
