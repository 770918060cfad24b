// A vault is a folder: the plaintext header (amparo-vault.json), the SQLCipher database it points to,
// and (later) encrypted attachment files. This module creates, opens, re-wraps and re-encrypts vaults.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AmparoError } from '../../../shared/errors';
import { DEFAULT_KDF_COST, deriveKek, newKdfParams, type KdfCost } from '../crypto/kdf';
import { unwrapKey, wrapKey } from '../crypto/key-wrap';
import { mapSqliteError, openDatabase, rawKeyLiteral, type Database } from './database';
import {
  HEADER_FILE,
  HEADER_VERSION,
  keyWrapAad,
  readHeader,
  sealHeader,
  writeHeader,
  type UnsealedHeader,
  type VaultHeader,
} from './header';
import { sweepLeftovers } from '../evidence/store';
import { migrate, schemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';

export interface OpenVault {
  readonly dir: string;
  readonly header: VaultHeader;
  readonly db: Database;
  /** Closes the database and overwrites the in-memory key. */
  close(): void;
}

export interface VaultOptions {
  /** Argon2id cost for a new passphrase; tests use a cheaper one, users get the default. */
  kdfCost?: KdfCost;
  /** Migrations to apply (tests build "older" vaults with a prefix of the list). */
  migrations?: readonly Migration[];
  /** `false` opens without migrating (for `amparo vault check`, which only reports). */
  migrate?: boolean;
}

const FIRST_DB_FILE = 'vault-1.db';
const DB_FILE_PATTERN = /^vault-(\d+)\.db(-wal|-shm|-journal)?$/;

function openVaultHandle(dir: string, header: VaultHeader, db: Database, key: Buffer): OpenVault {
  let closed = false;
  return {
    dir,
    header,
    db,
    close() {
      if (closed) return;
      closed = true;
      try {
        db.close();
      } finally {
        key.fill(0);
      }
    },
  };
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
  const key = randomBytes(32);
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

  const dbPath = join(dir, FIRST_DB_FILE);
  let db: Database | undefined;
  try {
    db = openDatabase(dbPath, key, { create: true });
    migrate(db, options.migrations ?? MIGRATIONS);
    db.prepare('INSERT INTO vault_meta (key, value) VALUES ($key, $value)').run({
      key: 'vault_id',
      value: header.vaultId,
    });
    // The header is written last: until it exists the folder is not a vault, so a crash here leaves
    // no half-vault that asks for a passphrase.
    await writeHeader(dir, header);
    return openVaultHandle(dir, header, db, key);
  } catch (error) {
    db?.close();
    key.fill(0);
    await removeDatabaseFiles(dir, () => true);
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

/** Open an existing vault: check the header, unwrap the key, open and migrate the database. */
export async function openVault(
  dir: string,
  passphrase: string,
  options: VaultOptions = {},
): Promise<OpenVault> {
  const header = await readHeader(dir);
  const { key, kek } = await unwrapDatabaseKey(header, passphrase);
  kek.fill(0);
  let db: Database | undefined;
  try {
    db = openDatabase(join(dir, header.database.file), key);
    const migrations = options.migrations ?? MIGRATIONS;
    if (options.migrate === false) {
      const latest = migrations.at(-1)?.version ?? 0;
      if (schemaVersion(db) > latest)
        throw new AmparoError('SCHEMA_TOO_NEW', 'The vault schema is newer than this Amparo');
    } else {
      migrate(db, migrations);
    }
  } catch (error) {
    db?.close();
    key.fill(0);
    throw mapSqliteError(error, 'Opening the vault');
  }
  // Leftovers of an interrupted re-encryption: database files the header does not name.
  await removeDatabaseFiles(dir, (name) => !name.startsWith(header.database.file));
  // Leftovers of an interrupted evidence intake (never for a read-only check).
  if (options.migrate !== false) await sweepLeftovers(dir, db).catch(() => undefined);
  return openVaultHandle(dir, header, db, key);
}

/**
 * Re-wrap the database key under a new passphrase: instant and atomic (one header replace). The
 * database is not rewritten, so a copy of the old header still opens it: after a suspected compromise
 * use `reencryptVault` too.
 */
export async function changePassphrase(
  vault: OpenVault,
  current: string,
  next: string,
  options: VaultOptions = {},
): Promise<OpenVault> {
  const header = await readHeader(vault.dir);
  const { key, kek } = await unwrapDatabaseKey(header, current);
  kek.fill(0);
  const kdf = newKdfParams(options.kdfCost ?? DEFAULT_KDF_COST);
  const newKek = await deriveKek(next, kdf);
  const { checksum: _old, ...rest } = header;
  const updated = sealHeader({ ...rest, kdf, wrappedKey: wrapKey(newKek, key, keyWrapAad(header)) });
  newKek.fill(0);
  key.fill(0);
  await writeHeader(vault.dir, updated);
  return { ...vault, header: updated };
}

/**
 * Re-encrypt the whole database under a fresh random key. The copy is written to a new file, then one
 * atomic header replace switches to it: a crash at any point leaves a vault that opens with the
 * passphrase (the unused file is removed at the next open).
 */
export async function reencryptVault(vault: OpenVault, passphrase: string): Promise<OpenVault> {
  const header = await readHeader(vault.dir);
  const { key: oldKey, kek } = await unwrapDatabaseKey(header, passphrase);
  const generation = Number(DB_FILE_PATTERN.exec(header.database.file)?.[1] ?? '1') + 1;
  const file = `vault-${generation}.db`;
  const newPath = join(vault.dir, file);
  const newKey = randomBytes(32);
  try {
    const version = schemaVersion(vault.db);
    vault.db.exec(
      `ATTACH DATABASE '${newPath.replaceAll("'", "''")}' AS reencrypted KEY ${rawKeyLiteral(newKey)}`,
    );
    try {
      vault.db.exec(`SELECT sqlcipher_export('reencrypted')`);
      // sqlcipher_export copies tables and rows, not the header field that records the schema version.
      vault.db.pragma(`reencrypted.user_version = ${version}`);
    } finally {
      vault.db.exec('DETACH DATABASE reencrypted');
    }
    const { checksum: _old, ...rest } = header;
    const database = { ...header.database, file };
    const base = { ...rest, database };
    const updated = sealHeader({ ...base, wrappedKey: wrapKey(kek, newKey, keyWrapAad(base)) });
    const db = openDatabase(newPath, newKey);
    await writeHeader(vault.dir, updated);
    vault.close();
    await removeDatabaseFiles(vault.dir, (name) => !name.startsWith(file));
    return openVaultHandle(vault.dir, updated, db, newKey);
  } catch (error) {
    newKey.fill(0);
    await removeDatabaseFiles(vault.dir, (name) => name.startsWith(file));
    throw mapSqliteError(error, 'Re-encrypting the vault');
  } finally {
    kek.fill(0);
    oldKey.fill(0);
  }
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

export interface VaultCheck {
  formatVersion: number;
  schemaVersion: number;
  latestSchemaVersion: number;
  /** `PRAGMA cipher_integrity_check`: every page's HMAC verified. */
  cipherIntegrity: string[];
  /** `PRAGMA integrity_check`: SQLite's own structure check. */
  integrity: string[];
  foreignKeyProblems: number;
  ok: boolean;
}

/** Full check of an open vault: page authentication, SQLite structure, foreign keys, schema version. */
export function checkVault(vault: OpenVault): VaultCheck {
  // Read first: after a page fails authentication SQLCipher refuses further reads on this connection.
  const version = schemaVersion(vault.db);
  const cipherIntegrity = pragmaRows(vault.db, 'cipher_integrity_check');
  const integrity = pragmaRows(vault.db, 'integrity_check');
  const foreignKeyProblems = pragmaRows(vault.db, 'foreign_key_check').length;
  return {
    formatVersion: vault.header.formatVersion,
    schemaVersion: version,
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
    cipherIntegrity,
    integrity,
    foreignKeyProblems,
    ok:
      cipherIntegrity.length === 0 &&
      integrity.length === 1 &&
      integrity[0] === 'ok' &&
      foreignKeyProblems === 0 &&
      version === LATEST_SCHEMA_VERSION,
  };
}

/** A check pragma's rows as text; a check that cannot even run (a page fails to decrypt) is a finding too. */
function pragmaRows(db: Database, pragma: string): string[] {
  try {
    return (db.pragma(pragma) as Record<string, unknown>[]).map((row) =>
      Object.values(row).map(String).join(' '),
    );
  } catch (error) {
    return [`${pragma} failed: ${(error as Error).message}`];
  }
}

export { HEADER_FILE };
