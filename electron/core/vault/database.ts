// Opening the SQLCipher database with a raw 256-bit key, and the settings every connection needs.
import { Database, setLogger } from '@signalapp/sqlcipher';
import { existsSync } from 'node:fs';
import { AmparoError } from '../../../shared/errors';

export type { Database };

// SQLCipher logs decryption failures (a wrong key, a damaged page) to stderr; we report them as typed
// errors instead, so its log is kept quiet unless someone is debugging.
setLogger((code, message) => {
  if (process.env.AMPARO_DEBUG_SQLCIPHER) console.error(`[sqlcipher ${code}] ${message}`);
});

/**
 * The key as SQLCipher's raw-key literal: it is used as the page key directly, with no second KDF.
 * The binding takes keys only as SQL text, and a JavaScript string cannot be wiped: callers build it
 * inside the one `exec` call that uses it, so no variable, statement or cache keeps it.
 */
export function rawKeyLiteral(key: Buffer): string {
  if (key.length !== 32) throw new AmparoError('INTERNAL', 'Database keys are 32 bytes');
  return `"x'${key.toString('hex')}'"`;
}

/** The one translation of SQLite's failures into Amparo's error codes, for every part of the core. */
export function mapSqliteError(thrown: unknown, context: string): AmparoError {
  if (thrown instanceof AmparoError) return thrown;
  // After SQLITE_FULL and the like SQLite has rolled back already: the driver's ROLLBACK fails and
  // carries the real failure as its cause.
  const inner = (thrown as { cause?: { code?: unknown } }).cause;
  if (inner instanceof AmparoError) return inner;
  const error = typeof inner?.code === 'string' && inner.code.startsWith('SQLITE_') ? inner : thrown;
  const code = (error as { code?: string }).code ?? '';
  const cause = { cause: error };
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) {
    return new AmparoError(
      'DATABASE_DAMAGED',
      `${context}: the database is damaged or not an Amparo database`,
      cause,
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AmparoError('VAULT_BUSY', `${context}: the vault is in use by another program`, cause);
  }
  const message = (error as Error).message ?? '';
  // The binding's open failure carries no code: a folder where the file should be, no permission…
  if (!code && /^sqlite open error/.test(message)) {
    return new AmparoError('IO_ERROR', `${context}: ${message}`, cause);
  }
  // sqlcipher_export reports a full disk as a plain SQLITE_ERROR, so its message counts too.
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC' || /database or disk is full/.test(message)) {
    return new AmparoError('DISK_FULL', `${context}: the disk is full`, cause);
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new AmparoError('VAULT_READ_ONLY', `${context}: the vault cannot be written here`, cause);
  }
  // The file system's refusals (permission, read-only media, a folder where a file should be).
  if (/^E[A-Z]+$/.test(code)) {
    const path = (error as NodeJS.ErrnoException).path;
    const what = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code;
    return new AmparoError('IO_ERROR', `${context}: ${what}${path ? ` (${path})` : ''}`, cause);
  }
  if (/^SQLITE_(IOERR|CANTOPEN|PERM)/.test(code)) {
    return new AmparoError('IO_ERROR', `${context}: ${code}`, cause);
  }
  return new AmparoError('INTERNAL', `${context}: ${(error as Error).message ?? error}`, cause);
}

/**
 * Open (or, with `create`, make) an encrypted database. The first read proves the key: SQLCipher
 * checks every page's HMAC, so a damaged or truncated file fails here rather than later.
 */
export function openDatabase(file: string, key: Buffer, { create = false, readOnly = false } = {}): Database {
  if (!create && !existsSync(file)) {
    throw new AmparoError('DATABASE_MISSING', `The vault database ${file} is missing`);
  }
  let db: Database | undefined;
  try {
    db = new Database(file, { cacheStatements: true });
    // `exec` runs sqlite3_exec, which prepares, steps and finalises at once; `pragma()` would go
    // through the statement cache and keep the key's text alive as a cache key until close.
    db.exec(`PRAGMA key = ${rawKeyLiteral(key)}`);
    // Wipe SQLCipher's buffers on free: less key and page material lingering in memory.
    db.pragma('cipher_memory_security = ON');
    // SQLCipher's own log (process-wide) repeats on stderr what we report as typed errors: a wrong key's
    // "hmac check failed", a damaged page. Quiet unless debugging, like the SQLite log above.
    db.pragma(`cipher_log_level = ${process.env.AMPARO_DEBUG_SQLCIPHER ? 'WARN' : 'NONE'}`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    // Read-only media cannot hold WAL's shared-memory file; such a vault is read in rollback mode,
    // which is why a vault is switched back to it when closed (vault.ts).
    if (readOnly) db.pragma('query_only = ON');
    else db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    // Sorts and temporary tables stay in memory: no plaintext temp file is ever written.
    db.pragma('temp_store = MEMORY');
    db.pragma('busy_timeout = 2000');
    // Up to 128 MiB of decrypted pages kept (the build's default is 16 MB): a search over a large vault
    // walks the postings of its common words again and again, and each page read back from the file is
    // decrypted and its HMAC checked anew. Only a maximum; wiped on free (cipher_memory_security above).
    db.pragma('cache_size = -131072');
    return db;
  } catch (error) {
    try {
      db?.close();
    } catch {
      // already failing; the original error matters
    }
    throw mapSqliteError(error, 'Opening the vault database');
  }
}
