// Schema migrations, one per file, numbered. The schema version lives in SQLite's `user_version`.
import { initial } from './001-initial';
import { matterArchiveAndSearch } from './002-matter-archive-and-search';
import { caseFileAndAudit } from './003-case-file-and-audit';
import { evidence } from './004-evidence';
import { searchFacets } from './005-search-facets';
import { evidenceRawNames } from './006-evidence-raw-names';
import { incidentDatePrecision } from './007-incident-date-precision';
import { personProfile } from './008-person-profile';
import { drafts } from './009-drafts';
import { matterState } from './010-matter-state';
import { followup } from './011-followup';
// filings
import { filings } from './012-filings';
// bundles
import { vaultIdentity } from './013-vault-identity';
import { dashboardIndexes } from './014-dashboard-indexes';
// hearings
import { hearings } from './015-hearings';
// search inside the evidence
import { evidenceText } from './016-evidence-text';
// dashboard speed
import { dashboardCovering } from './017-dashboard-covering';
// search speed
import { ftsPageSize } from './018-fts-page-size';
import type { Migration } from './migration';

export type { Migration };

export const MIGRATIONS: readonly Migration[] = [
  initial,
  matterArchiveAndSearch,
  caseFileAndAudit,
  evidence,
  searchFacets,
  evidenceRawNames,
  incidentDatePrecision,
  personProfile,
  drafts,
  matterState,
  followup,
  // filings
  filings,
  vaultIdentity,
  dashboardIndexes,
  // hearings
  hearings,
  // search inside the evidence
  evidenceText,
  // dashboard speed
  dashboardCovering,
  // search speed
  ftsPageSize,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
