// One lock per vault that every program opening it takes part in: shared while a vault is open,
// exclusive while it is re-encrypted or its passphrase changes. The lock is a small plain SQLite file
// locked through SQLite's own file locks (POSIX advisory locks, LockFileEx on Windows), which the OS
// drops when a process dies, so a crash never leaves a vault locked. Beside it each holder leaves a
// note saying who it is, so a refusal can name what holds the vault. Format: docs/vault-format.md.
import { Database } from '@signalapp/sqlcipher';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  rmdirSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AmparoError } from '../../../shared/errors';
import { ownerOnlyFile } from '../fs/permissions';

export const LOCK_FILE = 'amparo-vault.lock';
export const HOLDERS_DIR = 'amparo-vault.holders';

export type LockMode = 'shared' | 'exclusive';

/** What a holder writes about itself into `amparo-vault.holders/`. */
interface LockHolder {
  program: string;
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  since: string;
  mode: LockMode;
}

/** The name a holder gives itself unless the caller says otherwise. */
const DEFAULT_PROGRAM = process.versions.electron ? 'Amparo' : 'the amparo command line';

export class VaultLock {
  private db: Database | null;
  private note: string | null = null;
  private current: LockMode;

  private constructor(
    private readonly dir: string,
    private readonly program: string,
    db: Database,
    mode: LockMode,
  ) {
    this.db = db;
    this.current = mode;
  }

  /** Take the vault's lock without waiting; VAULT_BUSY naming the holders if it is taken. */
  static acquire(dir: string, mode: LockMode, program = DEFAULT_PROGRAM): VaultLock {
    const file = join(dir, LOCK_FILE);
    // Created only when missing: opening and closing the file by other means would drop the locks
    // this process already holds on it (POSIX locks belong to the process, not to a descriptor).
    if (!existsSync(file)) createLockFile(file);
    let db: Database | undefined;
    try {
      db = new Database(file);
      db.pragma('busy_timeout = 0');
      const lock = new VaultLock(dir, program, db, mode);
      lock.take(mode);
      lock.writeNote();
      return lock;
    } catch (error) {
      try {
        db?.close();
      } catch {
        // the original error matters
      }
      if (error instanceof AmparoError) throw error;
      throw new AmparoError('IO_ERROR', `Cannot use the vault lock ${file}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  get mode(): LockMode {
    return this.current;
  }

  /**
   * Shared → exclusive, for re-encryption in a process that has the vault open. The shared lock is
   * given up first (a process's own shared lock would block it); if another program holds the vault
   * the shared lock is taken back and VAULT_BUSY names the holders.
   */
  upgrade(): void {
    if (this.current === 'exclusive') return;
    const db = this.open();
    db.exec('ROLLBACK');
    try {
      this.take('exclusive');
    } catch (error) {
      this.retake('shared');
      throw error;
    }
    this.current = 'exclusive';
    this.writeNote();
  }

  /** Exclusive → shared once the exclusive work is done. */
  downgrade(): void {
    if (this.current === 'shared') return;
    this.open().exec('ROLLBACK');
    this.retake('shared');
    this.current = 'shared';
    this.writeNote();
  }

  /** Release the lock and remove this holder's note. Safe to call twice. */
  release(): void {
    const db = this.db;
    this.db = null;
    this.removeNote();
    if (!db) return;
    try {
      db.exec('ROLLBACK');
    } catch {
      // no transaction open: nothing to roll back
    }
    db.close();
  }

  private open(): Database {
    if (!this.db) throw new AmparoError('INTERNAL', 'The vault lock was already released');
    return this.db;
  }

  private take(mode: LockMode): void {
    const db = this.open();
    try {
      if (mode === 'exclusive') {
        db.exec('BEGIN EXCLUSIVE');
      } else {
        // A read transaction holds SQLite's SHARED lock on the file until it ends.
        db.exec('BEGIN');
        db.prepare('SELECT count(*) FROM sqlite_master').get();
      }
    } catch (error) {
      try {
        db.exec('ROLLBACK');
      } catch {
        // BEGIN itself failed
      }
      if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
        throw busyError(this.dir, mode, this.note);
      }
      throw error;
    }
  }

  /**
   * Taking back the shared lock given up a moment ago: another program may be inside its own brief
   * attempt, so this waits a little instead of failing at once.
   */
  private retake(mode: LockMode): void {
    const db = this.open();
    db.pragma('busy_timeout = 5000');
    try {
      this.take(mode);
    } finally {
      db.pragma('busy_timeout = 0');
    }
  }

  private writeNote(): void {
    const holder: LockHolder = {
      program: this.program,
      pid: process.pid,
      host: hostname(),
      since: new Date().toISOString(),
      mode: this.current,
    };
    const folder = join(this.dir, HOLDERS_DIR);
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      this.note ??= join(folder, `${process.pid}-${randomBytes(6).toString('hex')}.json`);
      writeFileSync(this.note, JSON.stringify(holder), { mode: 0o600 });
    } catch {
      // The note only helps name a holder; the lock itself is what protects the vault.
    }
  }

  private removeNote(): void {
    if (!this.note) return;
    rmSync(this.note, { force: true });
    this.note = null;
    try {
      // The last holder out leaves no empty folder behind.
      rmdirSync(join(this.dir, HOLDERS_DIR));
    } catch {
      // other holders' notes are still there
    }
  }
}

function createLockFile(file: string): void {
  try {
    closeSync(openSync(file, 'a', 0o600));
    ownerOnlyFile(file);
  } catch (error) {
    throw new AmparoError('IO_ERROR', `Cannot create the vault lock ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** Live holders named in the notes; notes of processes that died on this computer are ignored and removed. */
function lockHolders(dir: string, exceptNote: string | null = null): LockHolder[] {
  const folder = join(dir, HOLDERS_DIR);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const here = hostname();
  const holders: LockHolder[] = [];
  for (const name of names) {
    const path = join(folder, name);
    if (!name.endsWith('.json') || path === exceptNote) continue;
    let holder: LockHolder;
    try {
      holder = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
      if (typeof holder.pid !== 'number' || typeof holder.program !== 'string') continue;
    } catch {
      continue;
    }
    if (holder.host === here && !isAlive(holder.pid)) {
      rmSync(path, { force: true });
      continue;
    }
    holders.push(holder);
  }
  return holders.sort((a, b) => a.since.localeCompare(b.since));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** "open in the amparo command line (pid 1234) since 10:02; being re-encrypted by …" */
function describeHolders(holders: readonly LockHolder[]): string {
  if (holders.length === 0) return 'in use by another program';
  const here = hostname();
  return holders
    .map((h) => {
      const where = h.host === here ? `pid ${h.pid}` : `pid ${h.pid} on ${h.host}`;
      const what = h.mode === 'exclusive' ? 'being re-encrypted by' : 'open in';
      return `${what} ${h.program} (${where}) since ${clock(h.since)}`;
    })
    .join('; ');
}

function clock(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const time = at.toTimeString().slice(0, 5);
  return at.toDateString() === new Date().toDateString() ? time : `${at.toISOString().slice(0, 10)} ${time}`;
}

function busyError(dir: string, wanted: LockMode, ownNote: string | null): AmparoError {
  const holders = lockHolders(dir, ownNote);
  const rekeying = holders.length > 0 ? holders.some((h) => h.mode === 'exclusive') : wanted === 'shared';
  const what = rekeying
    ? 'The vault is being re-encrypted or re-keyed by another program'
    : 'The vault cannot be re-encrypted or re-keyed while another program has it open';
  const here = hostname();
  return new AmparoError('VAULT_BUSY', `${what}: ${describeHolders(holders)}`, {
    holders: holders.map((h) => ({
      program: String(h.program),
      pid: Number(h.pid),
      ...(h.host === here ? {} : { otherHost: String(h.host) }),
      since: String(h.since),
      mode: h.mode === 'exclusive' ? ('exclusive' as const) : ('shared' as const),
    })),
  });
}
