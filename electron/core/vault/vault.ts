// A vault is a folder: the plaintext header (amparo-vault.json), the SQLCipher database it points to,
// the encrypted evidence files, and the lock every program opening it takes part in (lock.ts). This
// module creates, opens, re-wraps and re-encrypts vaults.
import { randomBytes, randomUUID } from 'node:crypto';
import { accessSync, closeSync, constants, openSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AmparoError } from '../../../shared/errors';
import { DEFAULT_KDF_COST, deriveKek, newKdfParams, type KdfCost } from '../crypto/kdf';
import { unwrapKey, wrapKey } from '../crypto/key-wrap';
import { loosePermissions, ownerOnlyFile, tightenPermissions } from '../fs/permissions';
import { mapSqliteError, openDatabase, rawKeyLiteral, type Database } from './database';
import {
  HEADER_VERSION,
  keyWrapAad,
  readHeader,
  sealHeader,
  writeHeader,
  type UnsealedHeader,
  type VaultHeader,
} from './header';
import { sweepLeftovers } from '../evidence/store';
import { HOLDERS_DIR, LOCK_FILE, VaultLock, type LockMode } from './lock';
import { migrate, schemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';
import { guardDatabase, writeGuard } from './write-guard';

export interface OpenVault {
  readonly dir: string;
  readonly header: VaultHeader;
  readonly db: Database;
  /** Why changes cannot be saved (read-only media, no write permission), or null. */
  readonly readOnly: string | null;
  /** Closes the database, overwrites the in-memory key and releases the vault lock. */
  close(): void;
}

export interface VaultOptions {
  /** Argon2id cost for a new passphrase; tests use a cheaper one, users get the default. */
  kdfCost?: KdfCost;
  /** Migrations to apply (tests build "older" vaults with a prefix of the list). */
  migrations?: readonly Migration[];
  /** `false` opens without migrating or cleaning up (for `amparo vault check`, which only reports). */
  migrate?: boolean;
  /** `exclusive` for a program that opens the vault only to re-key it; default `shared`. */
  lock?: LockMode;
  /** How this program names itself to others refused by the lock. */
  program?: string;
}

const FIRST_DB_FILE = 'vault-1.db';
const DB_FILE_PATTERN = /^vault-(\d+)\.db(-wal|-shm|-journal)?$/;
/** What an interrupted header write leaves (fs/atomic.ts names its temporary files so). */
const TEMP_HEADER_PATTERN = /^amparo-vault\.json\..+\.tmp$/;

class VaultHandle implements OpenVault {
  private closed = false;

  constructor(
    readonly dir: string,
    readonly header: VaultHeader,
    readonly db: Database,
    readonly readOnly: string | null,
    private readonly key: Buffer,
    readonly lock: VaultLock | null,
  ) {}

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      if (!this.readOnly) toRollbackJournal(this.db);
      this.db.close();
    } finally {
      this.key.fill(0);
      this.lock?.release();
    }
  }

  /** The same open database under a rewritten header (a passphrase change). */
  withHeader(header: VaultHeader): VaultHandle {
    this.closed = true;
    return new VaultHandle(this.dir, header, this.db, this.readOnly, this.key, this.lock);
  }

  /** Closes the database but keeps the lock, for a handle that takes the vault over. */
  handOver(): VaultLock | null {
    if (!this.closed) {
      this.closed = true;
      try {
        this.db.close();
      } finally {
        this.key.fill(0);
      }
    }
    return this.lock;
  }
}

function handle(vault: OpenVault): VaultHandle {
  if (!(vault instanceof VaultHandle)) throw new AmparoError('INTERNAL', 'Not a vault opened by this module');
  return vault;
}

/**
 * A closed vault is left in rollback-journal mode, so it can be read from read-only media (WAL needs a
 * writable shared-memory file). Another program that still has it open keeps it in WAL: that is fine.
 */
function toRollbackJournal(db: Database): void {
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('journal_mode = DELETE');
  } catch {
    // busy (another program has it open) or damaged: the next close will do it
  }
}

/** Why this vault cannot be written, or null: read-only media, or a folder or file the user may not write. */
function writeRefusal(dir: string, databaseFile: string): string | null {
  for (const path of [dir, join(dir, databaseFile)]) {
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EROFS') return 'the vault is on read-only media';
      if (code === 'EACCES' || code === 'EPERM') return 'you may not write to the vault folder';
    }
  }
  return null;
}

/** Guard a connection and make its files owner-only (SQLite makes -wal and -shm as it goes). */
function prepareConnection(dir: string, file: string, db: Database, readOnly: string | null): Database {
  if (!readOnly) for (const suffix of ['-wal', '-shm']) ownerOnlyFile(join(dir, `${file}${suffix}`));
  return guardDatabase(db, writeGuard(dir, file), readOnly);
}

function createEmptyOwnerOnly(path: string): void {
  closeSync(openSync(path, 'wx', 0o600));
  ownerOnlyFile(path);
}

async function assertUsableEmptyFolder(dir: string): Promise<void> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new AmparoError('FOLDER_NOT_FOUND', `${dir} is not a folder`);
  } catch (error) {
    if (error instanceof AmparoError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new AmparoError('IO_ERROR', String(error));
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return;
  }
  // Hidden files a desktop drops into any folder (.DS_Store, .directory) do not count as content.
  const entries = (await readdir(dir)).filter((name) => !name.startsWith('.'));
  if (entries.length > 0) {
    throw new AmparoError('FOLDER_NOT_EMPTY', `${dir} is not empty; a vault needs an empty folder`);
  }
}

/** Create a vault in an empty (or new) folder and return it open. */
export async function createVault(
  dir: string,
  passphrase: string,
  options: VaultOptions = {},
): Promise<OpenVault> {
  await assertUsableEmptyFolder(dir);
  tightenPermissions(dir);
  const lock = VaultLock.acquire(dir, 'shared', options.program);
  const key = randomBytes(32);
  let db: Database | undefined;
  try {
    const kdf = newKdfParams(options.kdfCost ?? DEFAULT_KDF_COST);
    const kek = await deriveKek(passphrase, kdf);
    const base: Omit<UnsealedHeader, 'wrappedKey'> = {
      format: 'amparo-vault',
      formatVersion: HEADER_VERSION,
      vaultId: randomUUID(),
      createdAt: new Date().toISOString(),
      kdf,
      database: { file: FIRST_DB_FILE, cipher: 'sqlcipher4', keyEncoding: 'raw' },
    };
    const header = sealHeader({ ...base, wrappedKey: wrapKey(kek, key, keyWrapAad(base)) });
    kek.fill(0);

    // Made owner-only before SQLite opens it; SQLite gives its -wal and -shm the same mode.
    const dbPath = join(dir, FIRST_DB_FILE);
    createEmptyOwnerOnly(dbPath);
    db = openDatabase(dbPath, key, { create: true });
    migrate(db, options.migrations ?? MIGRATIONS);
    db.prepare('INSERT INTO vault_meta (key, value) VALUES ($key, $value)').run({
      key: 'vault_id',
      value: header.vaultId,
    });
    // The header is written last: until it exists the folder is not a vault, so a crash here leaves
    // no half-vault that asks for a passphrase.
    await writeHeader(dir, header);
    return new VaultHandle(dir, header, prepareConnection(dir, FIRST_DB_FILE, db, null), null, key, lock);
  } catch (error) {
    db?.close();
    key.fill(0);
    lock.release();
    await removeDatabaseFiles(dir, () => true);
    rmSync(join(dir, LOCK_FILE), { force: true });
    rmSync(join(dir, HOLDERS_DIR), { recursive: true, force: true });
    throw error instanceof AmparoError ? error : mapSqliteError(error, 'Creating the vault');
  }
}

/** Passphrase → database key, or WRONG_PASSPHRASE. Touches nothing on disk. */
async function unwrapDatabaseKey(
  header: VaultHeader,
  passphrase: string,
): Promise<{ key: Buffer; kek: Buffer }> {
  const kek = await deriveKek(passphrase, header.kdf);
  const key = unwrapKey(kek, header.wrappedKey, keyWrapAad(header));
  if (!key) {
    kek.fill(0);
    throw new AmparoError('WRONG_PASSPHRASE', 'The passphrase does not open this vault');
  }
  return { key, kek };
}

/**
 * Open an existing vault: take the vault lock, check the header, unwrap the key, open and migrate the
 * database, then clean up what interrupted operations left. A vault that cannot be written (read-only
 * media) opens read-only, and every write is refused with VAULT_READ_ONLY saying why.
 */
export async function openVault(
  dir: string,
  passphrase: string,
  options: VaultOptions = {},
): Promise<OpenVault> {
  // A folder is proved to be a vault before anything (the lock file) is written into it.
  const first = await readHeader(dir);
  const checkOnly = options.migrate === false;
  const readOnly = writeRefusal(dir, first.database.file);
  if (!readOnly && !checkOnly) tightenPermissions(dir);
  const lock = readOnly ? null : VaultLock.acquire(dir, options.lock ?? 'shared', options.program);
  try {
    // Read again under the lock: a re-encryption may have switched files a moment ago.
    const header = await readHeader(dir);
    const { key, kek } = await unwrapDatabaseKey(header, passphrase);
    kek.fill(0);
    const file = header.database.file;
    let db: Database | undefined;
    try {
      // A check reads only: not even the switch to WAL (a rewrite of the first page) may touch the file.
      db = openDatabase(join(dir, file), key, { readOnly: readOnly !== null || checkOnly });
      const migrations = options.migrations ?? MIGRATIONS;
      const latest = migrations.at(-1)?.version ?? 0;
      if (checkOnly || readOnly) {
        const version = schemaVersion(db);
        if (version > latest)
          throw new AmparoError('SCHEMA_TOO_NEW', 'The vault schema is newer than this Amparo');
        if (readOnly && !checkOnly && version < latest)
          throw new AmparoError(
            'VAULT_READ_ONLY',
            `The vault needs an update this Amparo cannot write: ${readOnly}`,
          );
      } else {
        migrate(db, migrations);
      }
      db = prepareConnection(dir, file, db, readOnly);
    } catch (error) {
      db?.close();
      key.fill(0);
      const raw = error instanceof AmparoError && error.cause ? error.cause : error;
      const code = (raw as { code?: string }).code ?? '';
      if (readOnly && code.startsWith('SQLITE_CANTOPEN'))
        throw new AmparoError(
          'VAULT_READ_ONLY',
          `${readOnly}, and the vault was not closed cleanly (or by an older Amparo): open it once from a writable disk`,
          { cause: error },
        );
      throw mapSqliteError(error, 'Opening the vault');
    }
    const vault = new VaultHandle(dir, header, db, readOnly, key, lock);
    if (!readOnly && !checkOnly) {
      // Under the shared lock no re-encryption or header write is under way: what is not named by the
      // header is a leftover of one that was interrupted.
      await removeLeftovers(dir, header);
      await sweepLeftovers(dir, db).catch(() => undefined);
    }
    return vault;
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Run `work` holding the vault exclusively, then return to a shared lock if that is what was held. */
async function exclusively<T>(vault: VaultHandle, work: () => Promise<T>): Promise<T> {
  if (vault.readOnly) throw new AmparoError('VAULT_READ_ONLY', `Cannot change the vault: ${vault.readOnly}`);
  const lock = vault.lock;
  const wasShared = lock?.mode === 'shared';
  lock?.upgrade();
  try {
    return await work();
  } finally {
    if (wasShared) lock?.downgrade();
  }
}

/**
 * Re-wrap the database key under a new passphrase: instant and atomic (one header replace). The
 * database is not rewritten, so a copy of the old header still opens it: after a suspected compromise
 * use `reencryptVault` too. Refused with VAULT_BUSY while another program has the vault open.
 */
export function changePassphrase(
  vault: OpenVault,
  current: string,
  next: string,
  options: VaultOptions = {},
): Promise<OpenVault> {
  const open = handle(vault);
  return exclusively(open, async () => {
    const header = await readHeader(open.dir);
    const { key, kek } = await unwrapDatabaseKey(header, current);
    kek.fill(0);
    const kdf = newKdfParams(options.kdfCost ?? DEFAULT_KDF_COST);
    const newKek = await deriveKek(next, kdf);
    const { checksum: _old, ...rest } = header;
    const updated = sealHeader({ ...rest, kdf, wrappedKey: wrapKey(newKek, key, keyWrapAad(header)) });
    newKek.fill(0);
    key.fill(0);
    await writeHeader(open.dir, updated);
    return open.withHeader(updated);
  });
}

/**
 * Re-encrypt the whole database under a fresh random key. The copy is written to a new file, then one
 * atomic header replace switches to it: a crash at any point leaves a vault that opens with the
 * passphrase (the unused file is removed at the next open). Refused with VAULT_BUSY while another
 * program has the vault open, so nothing it writes can be lost with the old file.
 */
export function reencryptVault(vault: OpenVault, passphrase: string): Promise<OpenVault> {
  const open = handle(vault);
  return exclusively(open, async () => {
    const header = await readHeader(open.dir);
    const { key: oldKey, kek } = await unwrapDatabaseKey(header, passphrase);
    const generation = Number(DB_FILE_PATTERN.exec(header.database.file)?.[1] ?? '1') + 1;
    const file = `vault-${generation}.db`;
    const newPath = join(open.dir, file);
    const newKey = randomBytes(32);
    try {
      const version = schemaVersion(open.db);
      createEmptyOwnerOnly(newPath);
      open.db.exec(
        `ATTACH DATABASE '${newPath.replaceAll("'", "''")}' AS reencrypted KEY ${rawKeyLiteral(newKey)}`,
      );
      try {
        open.db.exec(`SELECT sqlcipher_export('reencrypted')`);
        // sqlcipher_export copies tables and rows, not the header field that records the schema version.
        open.db.pragma(`reencrypted.user_version = ${version}`);
      } finally {
        open.db.exec('DETACH DATABASE reencrypted');
      }
      const { checksum: _old, ...rest } = header;
      const database = { ...header.database, file };
      const base = { ...rest, database };
      const updated = sealHeader({ ...base, wrappedKey: wrapKey(kek, newKey, keyWrapAad(base)) });
      const db = openDatabase(newPath, newKey);
      await writeHeader(open.dir, updated);
      const lock = open.handOver();
      await removeDatabaseFiles(open.dir, (name) => !name.startsWith(file));
      return new VaultHandle(
        open.dir,
        updated,
        prepareConnection(open.dir, file, db, null),
        null,
        newKey,
        lock,
      );
    } catch (error) {
      newKey.fill(0);
      await removeDatabaseFiles(open.dir, (name) => name.startsWith(file));
      throw mapSqliteError(error, 'Re-encrypting the vault');
    } finally {
      kek.fill(0);
      oldKey.fill(0);
    }
  });
}

async function removeDatabaseFiles(dir: string, which: (name: string) => boolean): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(
    names
      .filter((name) => DB_FILE_PATTERN.test(name) && which(name))
      .map((name) => rm(join(dir, name), { force: true })),
  );
}

/**
 * Files an interrupted operation left: database files the header does not name (a re-encryption
 * stopped before its switch) and temporary headers (a header write stopped before its rename).
 */
function findLeftovers(dir: string, header: VaultHeader): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter(
      (name) =>
        (DB_FILE_PATTERN.test(name) && !name.startsWith(header.database.file)) ||
        TEMP_HEADER_PATTERN.test(name),
    )
    .sort();
}

async function removeLeftovers(dir: string, header: VaultHeader): Promise<string[]> {
  const leftovers = findLeftovers(dir, header);
  await Promise.all(leftovers.map((name) => rm(join(dir, name), { force: true })));
  return leftovers;
}

/** `amparo vault check --repair`: remove what interrupted operations left; returns the names removed. */
export function repairVault(vault: OpenVault): Promise<string[]> {
  const open = handle(vault);
  if (open.readOnly) throw new AmparoError('VAULT_READ_ONLY', `Cannot repair the vault: ${open.readOnly}`);
  return removeLeftovers(open.dir, open.header);
}

export interface VaultCheck {
  formatVersion: number;
  schemaVersion: number;
  latestSchemaVersion: number;
  /** The database file in force, whose key the passphrase just given unwraps. */
  databaseFile: string;
  /** `PRAGMA cipher_integrity_check`: every page's HMAC verified; each row names a failing page. */
  cipherIntegrity: string[];
  /** `PRAGMA integrity_check`: SQLite's own structure check. */
  integrity: string[];
  foreignKeyProblems: number;
  /** Checks that could not run (after a page fails authentication), with the reason. */
  notRun: string[];
  /** Leftovers of interrupted operations: removed at the next unlock or by `vault check --repair`. */
  leftovers: string[];
  /** Files and folders that other users may read or change (tightened at the next unlock). */
  loosePermissions: string[];
  /** Why changes cannot be saved, or null. */
  readOnly: string | null;
  ok: boolean;
}

/**
 * Full check of an open vault: page authentication, SQLite structure, foreign keys, schema version,
 * leftovers and permissions. Changes nothing.
 */
export function checkVault(vault: OpenVault): VaultCheck {
  const notRun: string[] = [];
  // Read first: after a page fails authentication SQLCipher refuses further reads on this connection.
  const version = schemaVersion(vault.db);
  const cipherIntegrity = pragmaRows(vault.db, 'cipher_integrity_check', notRun) ?? [];
  const damaged = cipherIntegrity.length > 0 || notRun.length > 0;
  // SQLite's checks would read the pages that failed and report their failure as something else.
  const integrity = damaged ? null : pragmaRows(vault.db, 'integrity_check', notRun);
  const foreignKeys = damaged || !integrity ? null : pragmaRows(vault.db, 'foreign_key_check', notRun);
  if (damaged) notRun.push('integrity_check and foreign_key_check: pages fail authentication');
  const foreignKeyProblems = foreignKeys?.length ?? 0;
  return {
    formatVersion: vault.header.formatVersion,
    schemaVersion: version,
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
    databaseFile: vault.header.database.file,
    cipherIntegrity,
    integrity: integrity ?? [],
    foreignKeyProblems,
    notRun,
    leftovers: findLeftovers(vault.dir, vault.header),
    loosePermissions: loosePermissions(vault.dir),
    readOnly: vault.readOnly,
    ok:
      !damaged &&
      notRun.length === 0 &&
      integrity?.length === 1 &&
      integrity[0] === 'ok' &&
      foreignKeyProblems === 0 &&
      version === LATEST_SCHEMA_VERSION,
  };
}

/** A check pragma's rows as text, or null (with the reason in `notRun`) when it cannot even run. */
function pragmaRows(db: Database, pragma: string, notRun: string[]): string[] | null {
  try {
    return (db.pragma(pragma) as Record<string, unknown>[]).map((row) =>
      Object.values(row).map(String).join(' '),
    );
  } catch (error) {
    notRun.push(`${pragma}: ${(error as Error).message}`);
    return null;
  }
}
