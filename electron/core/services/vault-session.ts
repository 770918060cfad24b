// The one open vault of this process, its lock state and auto-lock. Every service that needs data asks
// the session for the open vault, so nothing can read after a lock.
import { resolve } from 'node:path';
import { AmparoError } from '../../../shared/errors';
import type {
  ChangePassphraseInput,
  CreateVaultInput,
  LockReason,
  ReencryptVaultInput,
  UnlockVaultInput,
  VaultStatus,
} from '../../../shared/schemas/vault';
import { Serial } from '../util/serial';
import type { AppConfig } from './app-config';
import {
  changePassphrase,
  createVault,
  openVault,
  reencryptVault,
  type OpenVault,
  type VaultOptions,
} from '../vault/vault';

export interface SessionOptions extends VaultOptions {
  now?: () => number;
  onLocked?: (reason: LockReason) => void;
}

export class VaultSession {
  private vault: OpenVault | null = null;
  private lastActivity: number;
  private readonly serial = new Serial();
  private readonly now: () => number;

  constructor(
    private readonly config: AppConfig,
    private readonly options: SessionOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.lastActivity = this.now();
  }

  status(): VaultStatus {
    const recent = this.config.recentVaults;
    if (this.vault) return { state: 'unlocked', path: this.vault.dir, recent };
    return { state: recent.length > 0 ? 'locked' : 'none', path: recent[0] ?? null, recent };
  }

  /** The open vault, or VAULT_LOCKED. */
  requireOpen(): OpenVault {
    if (!this.vault) throw new AmparoError('VAULT_LOCKED', 'The vault is locked');
    return this.vault;
  }

  get isUnlocked(): boolean {
    return this.vault !== null;
  }

  create(input: CreateVaultInput): Promise<VaultStatus> {
    return this.serial.run(async () => {
      const dir = resolve(input.path);
      const vault = await createVault(dir, input.passphrase, this.options);
      this.replace(vault);
      await this.config.rememberVault(dir);
      return this.status();
    });
  }

  unlock(input: UnlockVaultInput): Promise<VaultStatus> {
    return this.serial.run(async () => {
      const dir = resolve(input.path);
      const vault = await openVault(dir, input.passphrase, this.options);
      this.replace(vault);
      await this.config.rememberVault(dir);
      return this.status();
    });
  }

  /** Close the database and forget the key. Safe to call when already locked. */
  lock(reason: LockReason): Promise<VaultStatus> {
    return this.serial.run(async () => {
      if (this.vault) {
        this.vault.close();
        this.vault = null;
        this.options.onLocked?.(reason);
      }
      return this.status();
    });
  }

  changePassphrase(input: ChangePassphraseInput): Promise<void> {
    return this.serial.run(async () => {
      this.vault = await changePassphrase(this.requireOpen(), input.current, input.next, this.options);
    });
  }

  reencrypt(input: ReencryptVaultInput): Promise<void> {
    return this.serial.run(async () => {
      this.vault = await reencryptVault(this.requireOpen(), input.passphrase);
    });
  }

  /** Any user activity postpones auto-lock. */
  touch(): void {
    this.lastActivity = this.now();
  }

  /** Lock if the user has been idle longer than `minutes`; called by the auto-lock timer. */
  async lockIfIdle(minutes: number): Promise<boolean> {
    if (!this.vault || this.now() - this.lastActivity < minutes * 60_000) return false;
    await this.lock('idle');
    return true;
  }

  private replace(vault: OpenVault): void {
    this.vault?.close();
    this.vault = vault;
    this.touch();
  }
}
