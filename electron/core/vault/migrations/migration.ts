import type { Database } from '../database';

/**
 * One step of the schema, in its own numbered file (`NNN-name.ts`, `version` = NNN). A migration is
 * frozen once released: it must not import live application code, whose behaviour may change later.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
