// The IPC contract: every call from the renderer to the main process is one of these channels.
// A channel names its zod input (validated in the main process) and its output. The preload API,
// the main-process registration and the test bridge are all derived from this one table.
import { z } from 'zod';
import { Empty } from './schemas/common';
import {
  ArchiveMatterInput,
  CreateMatterInput,
  FindMatterInput,
  FoundMatter,
  GetMatterInput,
  ListMattersInput,
  Matter,
  MatterFileInput,
  MatterPage,
  QuickFindHit,
  QuickFindInput,
  UpdateMatterInput,
} from './schemas/matter';
import { AuditFilter, AuditPage, AuditVerification } from './schemas/audit';
import { RevealConfidentialInput, RevealResult } from './schemas/confidential';
import {
  CreateIncidentInput,
  Incident,
  IncidentList,
  ListIncidentsInput,
  UpdateIncidentInput,
} from './schemas/incidents';
import { DiscardDraftInput, DraftList, GetDraftsInput, SaveDraftInput } from './schemas/drafts';
import { CreateNoteInput, Note, NoteList, UpdateNoteInput } from './schemas/notes';
import { AddPartyInput, Party } from './schemas/parties';
import { CreateRiskAssessmentInput, RiskAssessment } from './schemas/risk';
import { SearchInput, SearchResult, UnlockProtectedSearchInput } from './schemas/search';
import { ChangeStatusInput, StatusChange } from './schemas/status';
import { DeletedItem, DeleteInput, RestoreInput } from './schemas/trash';
import { Id } from './schemas/common';
import {
  CreatePersonInput,
  ListPeopleInput,
  Organisation,
  OrganisationFields,
  PeopleList,
  Person,
  RecordUsage,
  RevealedIdentity,
  RevealIdentityInput,
  UpdateOrganisationInput,
  UpdatePersonInput,
} from './schemas/people';
import {
  AddEvidenceInput,
  AddEvidenceResult,
  AssignExhibitInput,
  ChooseFilesResult,
  EvidenceIdInput,
  EvidenceItem,
  EvidenceList,
  EvidenceProgress,
  Exhibit,
  ExportEvidenceInput,
  ExportResult,
  ListEvidenceInput,
  ListExhibitsInput,
  OperationInput,
  Preview,
  UpdateEvidenceInput,
  VaultVerification,
  Verification,
  VerifyAllInput,
} from './schemas/evidence';
import {
  ChooseSpreadsheetResult,
  DryRunImportInput,
  ImportPreview,
  ImportProgress,
  ImportReport,
  ImportResult,
  PreviewImportInput,
  RunImportInput,
} from './schemas/import';
import { Settings, UpdateSettingsInput } from './schemas/settings';
// bundles and backups
import {
  BackupInput,
  BackupResult,
  BackupSettingsInput,
  BackupStatus,
  BundleProgress,
  BundleSummary,
  ExportBundleInput,
  ExportBundleResult,
  ImportBundleInput,
  ImportBundleResult,
  RestoreBackupInput,
  VaultIdentityInfo,
  VerifyBundleInput,
} from './schemas/bundles';
import {
  ChangePassphraseInput,
  ChooseFolderInput,
  ChooseFolderResult,
  CreateVaultInput,
  ReencryptVaultInput,
  UnlockVaultInput,
  VaultLockedEvent,
  VaultStatus,
} from './schemas/vault';

interface ChannelSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
}
const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): ChannelSpec<I, O> => ({
  input,
  output,
});

export const contract = {
  'vault:status': channel(Empty, VaultStatus),
  'vault:create': channel(CreateVaultInput, VaultStatus),
  'vault:unlock': channel(UnlockVaultInput, VaultStatus),
  'vault:lock': channel(Empty, VaultStatus),
  'vault:changePassphrase': channel(ChangePassphraseInput, Empty),
  'vault:reencrypt': channel(ReencryptVaultInput, Empty),

  'matters:list': channel(ListMattersInput, MatterPage),
  'matters:get': channel(GetMatterInput, Matter),
  'matters:find': channel(FindMatterInput, FoundMatter),
  'matters:quickFind': channel(QuickFindInput, z.array(QuickFindHit)),
  'matters:create': channel(CreateMatterInput, Matter),
  'matters:update': channel(UpdateMatterInput, Matter),
  'matters:setArchived': channel(ArchiveMatterInput, Matter),
  'matters:statusHistory': channel(MatterFileInput, z.array(StatusChange)),
  'matters:changeStatus': channel(ChangeStatusInput, Matter),

  /** People: pseudonyms only. The protected identity crosses only through people:reveal. */
  'people:list': channel(ListPeopleInput, PeopleList),
  'people:get': channel(z.object({ id: Id }), Person),
  'people:create': channel(CreatePersonInput, Person),
  'people:update': channel(UpdatePersonInput, Person),
  'people:reveal': channel(RevealIdentityInput, RevealedIdentity),
  'people:hide': channel(z.object({ personId: Id }), Empty),
  'people:usage': channel(z.object({ id: Id }), RecordUsage),

  'organisations:list': channel(Empty, z.array(Organisation)),
  'organisations:create': channel(OrganisationFields, Organisation),
  'organisations:update': channel(UpdateOrganisationInput, Organisation),
  'organisations:usage': channel(z.object({ id: Id }), RecordUsage),

  'parties:list': channel(MatterFileInput, z.array(Party)),
  'parties:add': channel(AddPartyInput, Party),
  'parties:remove': channel(z.object({ id: Id }), Empty),

  'incidents:list': channel(ListIncidentsInput, IncidentList),
  'incidents:create': channel(CreateIncidentInput, Incident),
  'incidents:update': channel(UpdateIncidentInput, Incident),

  'risk:list': channel(MatterFileInput, z.array(RiskAssessment)),
  'risk:create': channel(CreateRiskAssessmentInput, RiskAssessment),

  'notes:list': channel(MatterFileInput, NoteList),
  'notes:create': channel(CreateNoteInput, Note),
  'notes:update': channel(UpdateNoteInput, Note),

  /** Unsaved form drafts, kept in the vault through a lock (the renderer autosaves dirty forms). */
  'drafts:save': channel(SaveDraftInput, Empty),
  'drafts:get': channel(GetDraftsInput, DraftList),
  'drafts:discard': channel(DiscardDraftInput, Empty),

  /** Shows confidential items (of one matter, or confidential matters in lists) for a while; logged. */
  'confidential:reveal': channel(RevealConfidentialInput, RevealResult),

  'search:query': channel(SearchInput, SearchResult),
  'search:unlockProtected': channel(UnlockProtectedSearchInput, RevealResult),

  /**
   * Deleted items: every delete is soft (restorable here) until the user empties the bin. Deleting a person
   * who still has roles in matters answers IN_USE unless `confirmInUse` (the UI shows people:usage first).
   */
  'trash:list': channel(Empty, z.array(DeletedItem)),
  'trash:delete': channel(DeleteInput, Empty),
  'trash:restore': channel(RestoreInput, Empty),
  'trash:empty': channel(Empty, z.object({ purged: z.number().int() })),

  'audit:list': channel(AuditFilter, AuditPage),
  'audit:verify': channel(Empty, AuditVerification),

  /**
   * Evidence. `evidence:add` runs as long as the files take (progress as `evidence:progress` events with the
   * caller's operationId; `evidence:cancel` stops it, leaving nothing of the file in progress).
   */
  'evidence:list': channel(ListEvidenceInput, EvidenceList),
  'evidence:get': channel(EvidenceIdInput, EvidenceItem),
  'evidence:add': channel(AddEvidenceInput, AddEvidenceResult),
  'evidence:cancel': channel(OperationInput, Empty),
  'evidence:update': channel(UpdateEvidenceInput, EvidenceItem),
  'evidence:preview': channel(EvidenceIdInput, Preview),
  'evidence:verify': channel(EvidenceIdInput, Verification),
  'evidence:verifyAll': channel(VerifyAllInput, VaultVerification),
  /** Writes decrypted copies into a folder the user chose; needs `confirmed: true`; logged. */
  'evidence:export': channel(ExportEvidenceInput, ExportResult),
  'evidence:stripMetadata': channel(
    EvidenceIdInput.extend({ title: z.string().trim().max(300).optional() }),
    EvidenceItem,
  ),
  'evidence:assignExhibit': channel(AssignExhibitInput, Exhibit),
  'evidence:exhibits': channel(ListExhibitsInput, z.array(Exhibit)),

  /**
   * Spreadsheet import from CSV and XLSX files. `import:preview` shows the tables with a guessed or given mapping
   * (protected columns' cells left out); `import:dryRun` lists every row it would refuse and why;
   * `import:run` writes the accepted rows in one transaction (progress as `import:progress` events).
   */
  'import:preview': channel(PreviewImportInput, ImportPreview),
  'import:dryRun': channel(DryRunImportInput, ImportReport),
  'import:run': channel(RunImportInput, ImportResult),
  'import:cancel': channel(OperationInput, Empty),

  /**
   * Bundles and backups. `bundles:import` answers `status: 'conflicts'` (nothing written) when records
   * changed on both sides; `bundles:resolve` imports again with a choice for each. Progress as
   * `bundles:progress` events; `bundles:cancel` stops any of them, leaving no file behind.
   */
  'vault:identity': channel(Empty, VaultIdentityInfo),
  'bundles:export': channel(ExportBundleInput, ExportBundleResult),
  'bundles:verify': channel(VerifyBundleInput, BundleSummary),
  'bundles:import': channel(ImportBundleInput, ImportBundleResult),
  'bundles:resolve': channel(ImportBundleInput, ImportBundleResult),
  'bundles:cancel': channel(OperationInput, Empty),
  'backup:run': channel(BackupInput, BackupResult),
  'backup:restore': channel(RestoreBackupInput, ImportBundleResult),
  'backup:status': channel(Empty, BackupStatus),
  'backup:setReminder': channel(BackupSettingsInput, BackupStatus),

  'settings:get': channel(Empty, Settings),
  'settings:update': channel(UpdateSettingsInput, Settings),
  /** Forgets the recently opened vault folders, on disk and in memory. */
  'settings:clearRecentVaults': channel(Empty, Empty),

  /** The user is active (keys, pointer): postpones auto-lock. */
  'session:activity': channel(Empty, Empty),

  /** Implemented by the shell (a native dialog in Electron), not by the core. */
  'dialog:chooseFolder': channel(ChooseFolderInput, ChooseFolderResult),
  /** Native multi-file picker for evidence intake (the shell answers; empty when cancelled). */
  'dialog:chooseFiles': channel(Empty, ChooseFilesResult),
  /** Native single-file picker for a CSV or XLSX spreadsheet; null when cancelled. */
  'dialog:chooseSpreadsheet': channel(Empty, ChooseSpreadsheetResult),
} as const;

/** Events pushed from the main process to the renderer. */
export const events = {
  'vault:locked': VaultLockedEvent,
  'evidence:progress': EvidenceProgress,
  'import:progress': ImportProgress,
  'bundles:progress': BundleProgress,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract & string;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
export type EventName = keyof typeof events & string;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const CHANNELS = Object.keys(contract) as Channel[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

/** The Electron IPC name of an event, kept apart from request channels. */
export const eventChannel = (name: EventName): string => `event:${name}`;
