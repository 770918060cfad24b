// Every statement of an open vault passes through here: SQLite failures that mean damage, a full disk
// or read-only media become typed errors wherever they happen (not only at open), and before each write
// the guard checks, cheaply, that the database file this connection writes to is still the one the
// header names: a process whose database was replaced underneath it fails loudly instead of writing
// into a deleted file.
import { readFileSync, statSync, type BigIntStats } from 'node:fs';
import { join } from 'node:path';
import { AmparoError } from '../../../shared/errors';
import { mapSqliteError, type Database } from './database';
import { HEADER_FILE } from './header';

type Identity = { dev: bigint; ino: bigint; mtimeNs: bigint; size: bigint };

const identity = (s: BigIntStats): Identity => ({ dev: s.dev, ino: s.ino, mtimeNs: s.mtimeNs, size: s.size });
const sameFile = (a: Identity, b: Identity) => a.dev === b.dev && a.ino === b.ino;
const unchanged = (a: Identity, b: Identity) =>
  sameFile(a, b) && a.mtimeNs === b.mtimeNs && a.size === b.size;

export interface WriteGuard {
  /** Throws DATABASE_REPLACED if the header now names another file or the file was replaced. */
  check(): void;
}

export function writeGuard(dir: string, databaseFile: string): WriteGuard {
  const dbPath = join(dir, databaseFile);
  const headerPath = join(dir, HEADER_FILE);
  const stat = (path: string) => statSync(path, { bigint: true, throwIfNoEntry: false });
  const replaced = (why: string) =>
    new AmparoError(
      'DATABASE_REPLACED',
      `The vault database was replaced by another program (${why}); nothing was written. Lock and unlock the vault again.`,
    );
  const opened = stat(dbPath);
  if (!opened) throw new AmparoError('DATABASE_MISSING', `The vault database ${dbPath} is missing`);
  const db = identity(opened);
  let header = stat(headerPath);
  let headerSeen = header ? identity(header) : null;
  return {
    check() {
      const now = stat(dbPath);
      if (!now) throw replaced(`${databaseFile} was deleted`);
      if (!sameFile(identity(now), db)) throw replaced(`${databaseFile} is another file now`);
      header = stat(headerPath);
      if (!header) throw replaced(`${HEADER_FILE} is gone`);
      const seen = identity(header);
      if (headerSeen && unchanged(seen, headerSeen)) return;
      // The header changed (a passphrase change does that too): only the file it names matters.
      let named: unknown;
      try {
        named = (JSON.parse(readFileSync(headerPath, 'utf8')) as { database?: { file?: unknown } }).database
          ?.file;
      } catch {
        named = undefined;
      }
      if (named !== databaseFile) throw replaced(`the header names ${String(named)}`);
      headerSeen = seen;
    },
  };
}

/**
 * Wraps a connection in place: `prepare`, `exec` and `transaction` of this instance (and so the
 * statements, pragmas and BEGIN/COMMIT the driver prepares through `this.prepare`). Only failures with a
 * meaning for the user are translated; constraint errors and the like pass through unchanged for the
 * services that handle them.
 */
export function guardDatabase(db: Database, guard: WriteGuard, readOnly: string | null): Database {
  let depth = 0;
  const translate = (thrown: unknown): unknown => {
    if (thrown instanceof AmparoError) return thrown;
    // SQLite rolls back by itself after some failures (SQLITE_FULL); the driver's own ROLLBACK then
    // fails and carries the real failure as its cause.
    const cause = (thrown as { cause?: unknown }).cause;
    if (cause instanceof AmparoError) return cause;
    const error = cause && (cause as { code?: string }).code?.startsWith('SQLITE_') ? cause : thrown;
    if (error instanceof AmparoError) return error;
    const code = (error as { code?: string }).code ?? '';
    if (readOnly && code.startsWith('SQLITE_READONLY'))
      return new AmparoError('VAULT_READ_ONLY', `Changes cannot be saved: ${readOnly}`, { cause: error });
    return /^SQLITE_(CORRUPT|NOTADB|FULL|READONLY|IOERR|CANTOPEN|BUSY|LOCKED)/.test(code)
      ? mapSqliteError(error, 'Using the vault database')
      : thrown;
  };
  const beforeWrite = () => {
    if (depth === 0) guard.check();
  };
  const guarded = new WeakSet<object>();
  const prepare = db.prepare.bind(db) as (query: string, options?: object) => ReturnType<Database['prepare']>;
  const exec = db.exec.bind(db);
  const transaction = db.transaction.bind(db);

  const wrapStatement = (statement: ReturnType<Database['prepare']>) => {
    if (guarded.has(statement)) return statement;
    guarded.add(statement);
    const run = statement.run.bind(statement);
    const get = statement.get.bind(statement);
    const all = statement.all.bind(statement);
    // A statement run outside a transaction is its own write transaction.
    statement.run = (params) => {
      beforeWrite();
      try {
        return run(params);
      } catch (error) {
        throw translate(error);
      }
    };
    statement.get = ((params?: Parameters<typeof get>[0]) => {
      try {
        return get(params);
      } catch (error) {
        throw translate(error);
      }
    }) as typeof statement.get;
    statement.all = ((params?: Parameters<typeof all>[0]) => {
      try {
        return all(params);
      } catch (error) {
        throw translate(error);
      }
    }) as typeof statement.all;
    return statement;
  };

  db.prepare = ((query: string, options?: object) => {
    try {
      return wrapStatement(prepare(query, options));
    } catch (error) {
      throw translate(error);
    }
  }) as Database['prepare'];
  db.exec = (sql: string) => {
    beforeWrite();
    try {
      exec(sql);
    } catch (error) {
      throw translate(error);
    }
  };
  db.transaction = ((fn: (...params: never[]) => unknown) => {
    const inner = transaction(fn as () => unknown);
    return (...params: never[]) => {
      beforeWrite();
      depth += 1;
      try {
        return (inner as (...p: never[]) => unknown)(...params);
      } catch (error) {
        throw translate(error);
      } finally {
        depth -= 1;
      }
    };
  }) as Database['transaction'];
  return db;
}
