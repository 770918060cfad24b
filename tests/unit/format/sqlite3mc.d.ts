// The few parts of better-sqlite3-multiple-ciphers the independent reader uses: the package ships full
// types, but its `exports` map hides them from TypeScript's module resolution.
declare module 'better-sqlite3-multiple-ciphers' {
  namespace Database {
    interface Statement {
      get(...params: unknown[]): unknown;
      all(...params: unknown[]): unknown[];
    }
    interface Database {
      pragma(source: string, options?: { simple?: boolean }): unknown;
      prepare(sql: string): Statement;
      close(): void;
    }
  }
  const Database: new (path: string) => Database.Database;
  export = Database;
}
