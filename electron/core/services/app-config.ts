// App-wide configuration kept outside any vault (so the first screen already knows the language and
// which vault to offer): preferences and the folders of recently used vaults. Nothing secret, but folder
// names often name clients, so the recent list can be switched off (then it is kept in memory only).
import { readFile, rename } from 'node:fs/promises';
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

/** settings.json could not be read as JSON: it was set aside and the defaults are in use. */
export interface DamagedSettings {
  /** Where the damaged file now is. */
  keptAt: string;
  reason: string;
}

export class AppConfig {
  /** Recent folders of this run only, when the user keeps none on disk. */
  private memoryRecent: string[] = [];

  private constructor(
    /** `null`: kept in memory only (the command line never rewrites the desktop app's settings). */
    private readonly file: string | null,
    private data: ConfigFile,
    /** Set when load() found a damaged file; the shell tells the user once. */
    readonly damaged: DamagedSettings | null = null,
  ) {}

  /**
   * A missing file gives the defaults: preferences are never worth refusing to start. A file that is
   * not JSON is renamed to settings.json.damaged (kept for whoever wants to look at it, never
   * overwritten by the next save) and reported in `damaged`. `null`: settings in memory only.
   */
  static async load(configDir: string | null): Promise<AppConfig> {
    if (configDir === null) return new AppConfig(null, { settings: DEFAULT_SETTINGS, recentVaults: [] });
    const file = join(configDir, 'settings.json');
    let data: ConfigFile = { settings: DEFAULT_SETTINGS, recentVaults: [] };
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return new AppConfig(file, data); // first run, or unreadable: start from defaults
    }
    try {
      const parsed = ConfigFile.safeParse(JSON.parse(text));
      if (parsed.success) data = parsed.data;
      return new AppConfig(file, data);
    } catch (error) {
      const keptAt = `${file}.damaged`;
      try {
        await rename(file, keptAt);
      } catch {
        return new AppConfig(file, data, { keptAt: file, reason: String(error) });
      }
      return new AppConfig(file, data, { keptAt, reason: String(error) });
    }
  }

  get settings(): Settings {
    return { ...this.data.settings };
  }

  get recentVaults(): string[] {
    return this.data.settings.rememberRecentVaults ? [...this.data.recentVaults] : [...this.memoryRecent];
  }

  /** `patch` was parsed by dispatch; over settings that are valid already, the result is valid too. */
  async updateSettings(patch: UpdateSettingsInput): Promise<Settings> {
    const next: Settings = { ...this.data.settings, ...stripUndefined(patch) };
    const wasRemembering = this.data.settings.rememberRecentVaults;
    // Turning the list off erases it from disk; this run still offers the folders it knew.
    if (wasRemembering && !next.rememberRecentVaults) this.memoryRecent = this.data.recentVaults;
    if (!wasRemembering && next.rememberRecentVaults) {
      this.data = { ...this.data, recentVaults: this.memoryRecent };
    }
    this.data = {
      ...this.data,
      settings: next,
      recentVaults: next.rememberRecentVaults ? this.data.recentVaults : [],
    };
    await this.save();
    return next;
  }

  /** Most recent first. */
  async rememberVault(dir: string): Promise<void> {
    const push = (list: string[]) => [dir, ...list.filter((d) => d !== dir)].slice(0, MAX_RECENT);
    if (!this.data.settings.rememberRecentVaults) {
      this.memoryRecent = push(this.memoryRecent);
      return;
    }
    this.data = { ...this.data, recentVaults: push(this.data.recentVaults) };
    await this.save();
  }

  async clearRecentVaults(): Promise<void> {
    this.memoryRecent = [];
    this.data = { ...this.data, recentVaults: [] };
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
