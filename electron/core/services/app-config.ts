// App-wide configuration kept outside any vault (so the first screen already knows the language and
// which vault to offer): preferences and the folders of recently used vaults. Nothing secret.
import { readFile } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SETTINGS, Settings, type UpdateSettingsInput } from '../../../shared/schemas/settings';
import { writeFileAtomic } from '../fs/atomic';

const MAX_RECENT = 8;

const ConfigFile = z.object({
  // Fields added in later versions fall back to their defaults one by one.
  settings: z
    .preprocess((v) => ({ ...DEFAULT_SETTINGS, ...(v as object) }), Settings)
    .catch(DEFAULT_SETTINGS),
  recentVaults: z.array(z.string()).catch([]),
});
type ConfigFile = z.infer<typeof ConfigFile>;

export class AppConfig {
  private constructor(
    /** `null`: kept in memory only (the command line never rewrites the desktop app's settings). */
    private readonly file: string | null,
    private data: ConfigFile,
  ) {}

  /** A missing or unreadable file gives the defaults: preferences are never worth refusing to start. */
  static async load(configDir: string | null): Promise<AppConfig> {
    if (configDir === null) return new AppConfig(null, { settings: DEFAULT_SETTINGS, recentVaults: [] });
    const file = join(configDir, 'settings.json');
    let data: ConfigFile = { settings: DEFAULT_SETTINGS, recentVaults: [] };
    try {
      const parsed = ConfigFile.safeParse(JSON.parse(await readFile(file, 'utf8')));
      if (parsed.success) data = parsed.data;
    } catch {
      // first run, or a damaged file: start from defaults
    }
    return new AppConfig(file, data);
  }

  get settings(): Settings {
    return { ...this.data.settings };
  }

  get recentVaults(): string[] {
    return [...this.data.recentVaults];
  }

  async updateSettings(patch: UpdateSettingsInput): Promise<Settings> {
    const next = Settings.parse({ ...this.data.settings, ...stripUndefined(patch) });
    this.data = { ...this.data, settings: next };
    await this.save();
    return next;
  }

  /** Most recent first. */
  async rememberVault(dir: string): Promise<void> {
    this.data = {
      ...this.data,
      recentVaults: [dir, ...this.data.recentVaults.filter((d) => d !== dir)].slice(0, MAX_RECENT),
    };
    await this.save();
  }

  private async save(): Promise<void> {
    if (this.file === null) return;
    await mkdir(join(this.file, '..'), { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.file, `${JSON.stringify(this.data, null, 2)}\n`);
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
