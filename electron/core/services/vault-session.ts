// The one open vault of this process, its lock state, auto-lock and what the user has revealed in this
// session. Every service asks the session for the open vault, so nothing can read after a lock, and
// every reveal ends with the lock.
import { userInfo } from 'node:os';
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
import { RevealState } from './reveal-state';
import { vaultContext, type VaultContext } from './vault-context';
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
  /** Who audit and custody entries name, when not the configured user (the command line names itself). */
  actor?: () => string;
  /** A vault was opened (unlocked or created): background upkeep such as index merging may start. */
  onOpened?: () => void;
}

export class VaultSession {
  private vault: OpenVault | null = null;
  private ctx: VaultContext | null = null;
  private lastActivity: number;
  private readonly serial = new Serial();
  private readonly now: () => number;
  /** Reveals (identities, confidential items, protected search) granted in this session. */
  readonly reveals: RevealState;

  private readonly options: SessionOptions;

  constructor(
    private readonly config: AppConfig,
    options: SessionOptions = {},
  ) {
    // The name other programs see when this session's hold on the vault refuses them.
    this.options = { program: 'Amparo', ...options };
    this.now = options.now ?? Date.now;
    this.lastActivity = this.now();
    this.reveals = new RevealState(this.now);
  }

  /** The name written into audit and custody entries. */
  readonly actor = (): string => {
    if (this.options.actor) return this.options.actor();
    const configured = this.config.settings.userName;
    if (configured) return configured;
    try {
      return userInfo().username;
    } catch {
      return 'unknown';
    }
  };

  status(): VaultStatus {
    const recent = this.config.recentVaults;
    if (this.ctx) return { state: 'unlocked', path: this.ctx.dir, recent };
    return { state: recent.length > 0 ? 'locked' : 'none', path: recent[0] ?? null, recent };
  }

  /** The open vault, or VAULT_LOCKED. */
  context(): VaultContext {
    if (!this.ctx) throw new AmparoError('VAULT_LOCKED', 'The vault is locked');
    return this.ctx;
  }

  get isUnlocked(): boolean {
    return this.ctx !== null;
  }

  create(input: CreateVaultInput): Promise<VaultStatus> {
    return this.serial.run(async () => {
      const dir = resolve(input.path);
      this.replace(await createVault(dir, input.passphrase, this.options), 'vault.create');
      await this.config.rememberVault(dir);
      return this.status();
    });
  }

  unlock(input: UnlockVaultInput): Promise<VaultStatus> {
    return this.serial.run(async () => {
      const dir = resolve(input.path);
      this.replace(await openVault(dir, input.passphrase, this.options), 'vault.unlock');
      await this.config.rememberVault(dir);
      return this.status();
    });
  }

  /** Close the database, forget the key and every reveal. Safe to call when already locked. */
  lock(reason: LockReason): Promise<VaultStatus> {
    return this.serial.run(async () => {
      if (this.ctx) {
        const ctx = this.ctx;
        const vault = this.vault;
        this.ctx = null;
        this.vault = null;
        this.reveals.clear();
        try {
          if (!vault?.readOnly) ctx.audit.append({ action: 'vault.lock', details: { reason } });
        } finally {
          vault?.close();
        }
        this.options.onLocked?.(reason);
      }
      return this.status();
    });
  }

  changePassphrase(input: ChangePassphraseInput): Promise<void> {
    return this.serial.run(async () => {
      this.context();
      this.vault = await changePassphrase(this.vault!, input.current, input.next, this.options);
      this.ctx = vaultContext(this.vault, this.actor);
      this.ctx.audit.append({ action: 'vault.passphraseChange' });
    });
  }

  reencrypt(input: ReencryptVaultInput): Promise<void> {
    return this.serial.run(async () => {
      this.context();
      const vault = await reencryptVault(this.vault!, input.passphrase);
      this.vault = vault;
      this.ctx = vaultContext(vault, this.actor);
      this.ctx.audit.append({
        action: 'vault.reencrypt',
        details: { databaseFile: vault.header.database.file },
      });
    });
  }

  /** Any user activity postpones auto-lock. */
  touch(): void {
    this.lastActivity = this.now();
  }

  /** Lock if the user has been idle longer than `minutes`; called by the auto-lock timer. */
  async lockIfIdle(minutes: number): Promise<boolean> {
    if (!this.ctx || this.now() - this.lastActivity < minutes * 60_000) return false;
    await this.lock('idle');
    return true;
  }

  private replace(vault: OpenVault, action: 'vault.create' | 'vault.unlock'): void {
    this.vault?.close();
    this.reveals.clear();
    this.vault = vault;
    this.ctx = vaultContext(vault, this.actor);
    // On read-only media the log cannot take an entry, and nothing there can change: opening it for
    // reading is allowed without one (every change is refused with VAULT_READ_ONLY).
    if (!vault.readOnly) this.ctx.audit.append({ action });
    this.touch();
    this.options.onOpened?.();
  }
}
