// Schema migrations, one per file, numbered. The schema version lives in SQLite's `user_version`.
import type { Database } from '../database';
import { initial } from './001-initial';
import { matterArchiveAndSearch } from './002-matter-archive-and-search';
import { caseFileAndAudit } from './003-case-file-and-audit';
import { evidence } from './004-evidence';
import { searchFacets } from './005-search-facets';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  initial,
  matterArchiveAndSearch,
  caseFileAndAudit,
  evidence,
  searchFacets,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
