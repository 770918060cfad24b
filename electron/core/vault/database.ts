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

/** The key as SQLCipher's raw-key literal: it is used as the page key directly, with no second KDF. */
export function rawKeyLiteral(key: Buffer): string {
  if (key.length !== 32) throw new AmparoError('INTERNAL', 'Database keys are 32 bytes');
  return `"x'${key.toString('hex')}'"`;
}

export function mapSqliteError(error: unknown, context: string): AmparoError {
  if (error instanceof AmparoError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) {
    return new AmparoError(
      'DATABASE_DAMAGED',
      `${context}: the database is damaged or not an Amparo database`,
      {
        cause: error,
      },
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AmparoError('VAULT_BUSY', `${context}: the vault is in use by another program`, {
      cause: error,
    });
  }
  // The binding's open failure carries no code: a folder where the file should be, no permission…
  if (!code && /^sqlite open error/.test((error as Error).message ?? '')) {
    return new AmparoError('IO_ERROR', `${context}: ${(error as Error).message}`, { cause: error });
  }
  // sqlcipher_export reports a full disk as a plain SQLITE_ERROR, so its message counts too.
  const full = /database or disk is full/.test((error as Error).message ?? '');
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC' || full) {
    return new AmparoError('DISK_FULL', `${context}: the disk is full`, { cause: error });
  }
  // The file system's refusals (permission, read-only media, a folder where a file should be).
  if (/^E[A-Z]+$/.test(code)) {
    const path = (error as NodeJS.ErrnoException).path;
    const what = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code;
    return new AmparoError('IO_ERROR', `${context}: ${what}${path ? ` (${path})` : ''}`, { cause: error });
  }
  if (/^SQLITE_(IOERR|CANTOPEN|FULL|READONLY|PERM)/.test(code)) {
    return new AmparoError('IO_ERROR', `${context}: ${code}`, { cause: error });
  }
  return new AmparoError('INTERNAL', `${context}: ${(error as Error).message ?? error}`, { cause: error });
}

/**
 * Open (or, with `create`, make) an encrypted database. The first read proves the key: SQLCipher
 * checks every page's HMAC, so a damaged or truncated file fails here rather than later.
 */
export function openDatabase(file: string, key: Buffer, { create = false } = {}): Database {
  if (!create && !existsSync(file)) {
    throw new AmparoError('DATABASE_MISSING', `The vault database ${file} is missing`);
  }
  let db: Database | undefined;
  try {
    db = new Database(file, { cacheStatements: true });
    // SQLCipher's own log (hmac check failures) goes straight to stderr, around the logger above.
    if (!process.env.AMPARO_DEBUG_SQLCIPHER) db.pragma('cipher_log = off');
    db.pragma(`key = ${rawKeyLiteral(key)}`);
    // Wipe SQLCipher's buffers on free: less key and page material lingering in memory.
    db.pragma('cipher_memory_security = ON');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    // Sorts and temporary tables stay in memory: no plaintext temp file is ever written.
    db.pragma('temp_store = MEMORY');
    db.pragma('busy_timeout = 2000');
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
