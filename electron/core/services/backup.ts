// Backups: a full signed bundle of the whole vault (every case, settings, keys, the audit log) into a
// folder, keeping the newest N; restore into a new folder (verified first, so a bad file creates
// nothing), which is then the open vault; and whether a reminder is due (no backup for N days, a setting
// that travels with the vault).
import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ParsedInput } from '../../../shared/contract';
import type {
  BackupResult,
  BackupStatus,
  BundleProgress,
  ImportBundleResult,
} from '../../../shared/schemas/bundles';
import { exportBundle } from '../bundles/export';
import { importBundle } from '../bundles/import';
import { verifyBundle } from '../bundles/verify';
import type { BundleService } from './bundles';
import type { VaultContext } from './vault-context';
import type { VaultSession } from './vault-session';

const BACKUP_NAME = /^amparo-backup-\d{8}T\d{9}Z-[0-9a-f]{8}\.amparo$/;
const REMIND_KEY = 'backup.remindAfterDays';
const DEFAULT_REMIND_DAYS = 7;

/** UTC to the millisecond, so names sort by age. */
const stamp = (at: Date) => at.toISOString().replace(/[-:.]/g, '');

export class BackupService {
  constructor(
    private readonly ctx: () => VaultContext,
    private readonly session: VaultSession,
    private readonly bundles: BundleService,
    private readonly scryptLogN?: number,
  ) {}

  run(input: ParsedInput<'backup:run'>): Promise<BackupResult> {
    return this.bundles.runner.run(input.operationId, async (op) => {
      const vault = this.ctx();
      const folder = resolve(input.folder);
      const now = vault.now();
      const provisional = join(
        folder,
        `amparo-backup-${stamp(now)}-${randomBytes(4).toString('hex')}.amparo`,
      );
      const outcome = await exportBundle(vault, {
        matterIds: [],
        backup: true,
        out: provisional,
        seal: { passphrase: input.passphrase, ...(this.scryptLogN ? { scryptLogN: this.scryptLogN } : {}) },
        redaction: 'none',
        omitEvidence: [],
        since: null,
        signal: op.signal,
        onBytes: (done, total) =>
          op.progress({ operationId: op.id, phase: 'backup', bytesDone: done, bytesTotal: total }),
      });
      const names = (await readdir(folder)).filter((n) => BACKUP_NAME.test(n)).sort();
      const removed: string[] = [];
      for (const name of names.slice(0, Math.max(0, names.length - input.keep))) {
        await rm(join(folder, name), { force: true });
        removed.push(join(folder, name));
      }
      return { bundleId: outcome.bundleId, path: outcome.path, size: outcome.size, removed };
    });
  }

  restore(input: ParsedInput<'backup:restore'>): Promise<ImportBundleResult> {
    return this.bundles.runner.run(input.operationId, async (op) => {
      const unseal = { passphrase: input.passphrase };
      const onBytes = (phase: BundleProgress['phase']) => (done: number, total: number) =>
        op.progress({ operationId: op.id, phase, bytesDone: done, bytesTotal: total });
      await verifyBundle(input.file, unseal, { signal: op.signal, onBytes: onBytes('verify') });
      await this.session.create({ path: input.folder, passphrase: input.vaultPassphrase });
      try {
        const result = await importBundle(this.ctx(), {
          file: input.file,
          unseal,
          resolutions: {},
          // The new vault's own few rows (none a backup holds) give way to the backup's.
          onConflict: 'theirs',
          restore: true,
          signal: op.signal,
          onBytes: onBytes('restore'),
        });
        this.bundles.imported();
        return result;
      } catch (error) {
        // The folder was empty or new (creating the vault checked): nothing of a failed restore stays.
        await this.session.lock('user');
        for (const name of await readdir(input.folder))
          await rm(join(input.folder, name), { recursive: true, force: true });
        throw error;
      }
    });
  }

  status(): BackupStatus {
    const { db, now } = this.ctx();
    const last =
      db
        .prepare(`SELECT max(at) AS at FROM bundle_log WHERE direction = 'backup'`)
        .get<{ at: string | null }>()?.at ?? null;
    const setting = db
      .prepare('SELECT value FROM vault_settings WHERE key = $key')
      .get<{ value: string }>({ key: REMIND_KEY });
    const days = setting ? Number(JSON.parse(setting.value)) : DEFAULT_REMIND_DAYS;
    const since = last
      ? Date.parse(last)
      : Date.parse(
          db.prepare('SELECT min(at) AS at FROM audit_log').get<{ at: string | null }>()?.at ??
            now().toISOString(),
        );
    return { lastBackupAt: last, remindAfterDays: days, due: now().getTime() - since >= days * 86_400_000 };
  }

  setReminder(days: number): BackupStatus {
    const { db, now } = this.ctx();
    db.prepare(
      `INSERT INTO vault_settings (key, value, updated_at) VALUES ($key, $value, $at)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ).run({ key: REMIND_KEY, value: JSON.stringify(days), at: now().toISOString() });
    return this.status();
  }
}
