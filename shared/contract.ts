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
import {
  CompletenessReport,
  CreateFilingInput,
  Filing,
  FilingGeneration,
  FilingIdInput,
  FilingSummary,
  FilingVersion,
  FilingVersionInput,
  FilingVersionSummary,
  GenerateFilingInput,
  GenerateFilingResult,
  LeakReport,
  ListFilingsInput,
  ListGenerationsInput,
  RedactionProfile,
  ResolveLeakInput,
  ResolveLeakResult,
  RestoreVersionInput,
  SaveProfileInput,
  UpdateFilingInput,
} from './schemas/filings';
import { Settings, UpdateSettingsInput } from './schemas/settings';
// follow-up: protection measures and the follow-up timeline
import {
  AddMeasureStatusInput,
  CreateMeasureInput,
  LinkOptions,
  MeasureList,
  ProtectionMeasure,
  UpdateMeasureInput,
} from './schemas/protection-measures';
import { FollowupTimeline, FollowupTimelineInput } from './schemas/followup-timeline';
// Correspondence (communications, .eml import)
import {
  AttachFilesInput,
  AttachFilesResult,
  ChooseEmailsResult,
  Communication,
  CommunicationIdInput,
  CommunicationList,
  CreateCommunicationInput,
  EmailImportProgress,
  ImportEmailsInput,
  ImportEmailsResult,
  ListCommunicationsInput,
  UpdateCommunicationInput,
} from './schemas/communications';
// Dashboard, calendar and vault settings (follow-up).
import {
  CalendarRange,
  CalendarRangeInput,
  CaseDashboard,
  CaseDashboardInput,
  Dashboard,
  DashboardInput,
} from './schemas/dashboard';
import { UpdateVaultSettingsInput, VaultSettings } from './schemas/vault-settings';
// search inside the evidence
import {
  ExtractionItemInput,
  ExtractionProgress,
  ExtractionStatus,
  ItemText,
  ItemTextInput,
  QueueStatus,
  SetItemExtractionInput,
  SetVaultExtractionInput,
  StartExtractionInput,
} from './schemas/extraction';
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
// follow-up: deadlines
import {
  AddCalendarEditInput,
  ChooseSaveFileInput,
  CalendarEdit,
  CreateDeadlineInput,
  Deadline,
  DeadlineList,
  DeadlineRuleSummary,
  DueReminder,
  DueRemindersInput,
  ExportIcsInput,
  ExportIcsResult,
  ExtensionInput,
  FulfilDeadlineInput,
  ListDeadlinesInput,
  OpenDeadlineEvent,
  PeriodSuggestion,
  PreviewDeadlineInput,
  PreviewDeadlineResult,
  ReopenDeadlineInput,
  SuggestInput,
  UpdateDeadlineInput,
  WaiveDeadlineInput,
} from './schemas/deadline-records';

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

  // follow-up: protection measures and the follow-up timeline
  /** Protection measures of a case; the status history is append-only (`measures:addStatus`). */
  'measures:list': channel(MatterFileInput, MeasureList),
  'measures:get': channel(z.object({ id: Id }), ProtectionMeasure),
  'measures:create': channel(CreateMeasureInput, ProtectionMeasure),
  'measures:update': channel(UpdateMeasureInput, ProtectionMeasure),
  'measures:addStatus': channel(AddMeasureStatusInput, ProtectionMeasure),
  /** The case's communications and incidents a status may cite. */
  'measures:linkOptions': channel(MatterFileInput, LinkOptions),
  /** Communications, resolutions, deadlines, status changes and measure changes in date order. */
  'followup:timeline': channel(FollowupTimelineInput, FollowupTimeline),
  /**
   * Correspondence of a case. `communications:importEmails` takes saved e-mails (.eml), each file on its
   * own (progress as `communications:progress` events; `communications:cancel` stops it); `attach` turns
   * files into evidence items linked to the communication; `chooseEmails` is the shell's .eml picker.
   */
  'communications:list': channel(ListCommunicationsInput, CommunicationList),
  'communications:get': channel(CommunicationIdInput, Communication),
  'communications:create': channel(CreateCommunicationInput, Communication),
  'communications:update': channel(UpdateCommunicationInput, Communication),
  'communications:attach': channel(
    AttachFilesInput.extend({ operationId: Id.optional() }),
    AttachFilesResult,
  ),
  'communications:importEmails': channel(ImportEmailsInput, ImportEmailsResult),
  'communications:cancel': channel(OperationInput, Empty),
  'communications:chooseEmails': channel(Empty, ChooseEmailsResult),
  // --- filings: drafts with versions, completeness, leak guard, redaction profiles, generation ---
  /** Drafts of filings (precautionary requests, petitions, observations), pre-filled from the case file. */
  'filings:list': channel(ListFilingsInput, z.array(FilingSummary)),
  'filings:get': channel(FilingIdInput, Filing),
  'filings:create': channel(CreateFilingInput, Filing),
  /** Autosave with the revision seen; a version is made on explicit save or after a quiet interval. */
  'filings:update': channel(UpdateFilingInput, Filing),
  'filings:delete': channel(FilingIdInput, Empty),
  'filings:versions': channel(z.object({ filingId: Id }), z.array(FilingVersionSummary)),
  'filings:version': channel(FilingVersionInput, FilingVersion),
  /** Restoring makes a new version from the old one; nothing is overwritten. */
  'filings:restoreVersion': channel(RestoreVersionInput, Filing),
  'filings:check': channel(FilingIdInput, CompletenessReport),
  /** Protected values of the case's people found in the draft's free text. */
  'filings:leaks': channel(FilingIdInput, LeakReport),
  /** Replace a hit with the pseudonym (edits the draft) or keep it with a reason (logged without the value). */
  'filings:resolveLeak': channel(ResolveLeakInput, ResolveLeakResult),
  /** Refused with LEAK_GUARD (and the hits, without values) while a hit is unresolved; recorded and audited. */
  'filings:generate': channel(GenerateFilingInput, GenerateFilingResult),
  'filings:generations': channel(ListGenerationsInput, z.array(FilingGeneration)),
  'filingProfiles:list': channel(Empty, z.array(RedactionProfile)),
  'filingProfiles:save': channel(SaveProfileInput, RedactionProfile),
  /** Profiles made by the user only; a built-in profile can be edited but not deleted. */
  'filingProfiles:delete': channel(z.object({ id: Id }), Empty),
  // --- end filings ---
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

  // Dashboard, calendar and vault settings (follow-up).
  /** Across all cases: overdue, due this week / this month (in the user's zone), inactivity, per week. */
  'dashboard:get': channel(DashboardInput, Dashboard),
  /** One case's overview: next deadlines, unanswered requests, incidents per month, measures by status. */
  'dashboard:case': channel(CaseDashboardInput, CaseDashboard),
  /** Deadlines (hearings later) whose forum date falls in [from, to]. */
  'calendar:range': channel(CalendarRangeInput, CalendarRange),
  'vaultSettings:get': channel(Empty, VaultSettings),
  'vaultSettings:update': channel(UpdateVaultSettingsInput, VaultSettings),

  /** The user is active (keys, pointer): postpones auto-lock. */
  'session:activity': channel(Empty, Empty),

  // follow-up: deadlines
  /** The counting rules (presets) a deadline can be computed with. */
  'deadlines:rules': channel(Empty, z.array(DeadlineRuleSummary)),
  'deadlines:list': channel(ListDeadlinesInput, DeadlineList),
  'deadlines:get': channel(z.object({ id: Id }), Deadline),
  /** Computes a date and its basis with the vault's calendar edits, without saving (the form's live basis). */
  'deadlines:preview': channel(PreviewDeadlineInput, PreviewDeadlineResult),
  'deadlines:create': channel(CreateDeadlineInput, Deadline),
  'deadlines:update': channel(UpdateDeadlineInput, Deadline),
  /** An extension requested, granted (moves the due date; the old one stays in the history) or denied. */
  'deadlines:extend': channel(ExtensionInput, Deadline),
  'deadlines:fulfil': channel(FulfilDeadlineInput, Deadline),
  'deadlines:waive': channel(WaiveDeadlineInput, Deadline),
  'deadlines:reopen': channel(ReopenDeadlineInput, Deadline),
  /** Periods written in a text ("en un plazo de 10 días"): suggestions the user confirms, never set silently. */
  'deadlines:suggest': channel(SuggestInput, z.array(PeriodSuggestion)),
  /** Writes an .ics file to a path chosen through the shell's save dialog; logged. */
  'deadlines:exportIcs': channel(ExportIcsInput, ExportIcsResult),
  /** The reminders to show now, each once per deadline, kind and due moment. */
  'deadlines:dueReminders': channel(DueRemindersInput, z.array(DueReminder)),
  'deadlines:calendarEdits': channel(Empty, z.array(CalendarEdit)),
  'deadlines:addCalendarEdit': channel(AddCalendarEditInput, CalendarEdit),
  'deadlines:removeCalendarEdit': channel(z.object({ id: Id }), Empty),
  /** Native save dialog for an .ics file (the shell answers; null when cancelled). */
  'dialog:chooseSaveFile': channel(ChooseSaveFileInput, ChooseFolderResult),
  // end follow-up: deadlines

  /** Implemented by the shell (a native dialog in Electron), not by the core. */
  'dialog:chooseFolder': channel(ChooseFolderInput, ChooseFolderResult),
  /** Native multi-file picker for evidence intake (the shell answers; empty when cancelled). */
  'dialog:chooseFiles': channel(Empty, ChooseFilesResult),
  /** Native single-file picker for a CSV or XLSX spreadsheet; null when cancelled. */
  'dialog:chooseSpreadsheet': channel(Empty, ChooseSpreadsheetResult),
  // bundles: restore
  /** Native single-file picker for a bundle or backup (.amparo); null when cancelled. */
  'dialog:chooseBundle': channel(Empty, ChooseSpreadsheetResult),
  // end bundles: restore

  // --- search inside the evidence: text extraction queue and the text of items ---
  /**
   * The queue extracts the text of evidence documents in the background, one item at a time, in a worker
   * thread (progress as `extraction:progress` events). It runs by itself for new evidence while the vault's
   * switch is on; `pause` holds it (also across a lock or a restart) until `resume`; `cancel` stops the item
   * in hand and the queue until `start`. `start` with `wait` answers once the queue has stopped.
   */
  'extraction:queue': channel(Empty, QueueStatus),
  'extraction:start': channel(StartExtractionInput.extend({ wait: z.boolean().optional() }), QueueStatus),
  'extraction:pause': channel(Empty, QueueStatus),
  'extraction:resume': channel(Empty, QueueStatus),
  'extraction:cancel': channel(Empty, QueueStatus),
  /** The vault's switch: off stores no new text (text already taken stays until an item is switched off). */
  'extraction:setVaultEnabled': channel(SetVaultExtractionInput, QueueStatus),
  'extraction:status': channel(ExtractionItemInput, ExtractionStatus),
  /** Off removes the item's text and keeps it out of the queue; on queues it again (also after a failure). */
  'extraction:setItemEnabled': channel(SetItemExtractionInput, ExtractionStatus),
  /** The item's text, page by page, with word boxes in page units for highlighting. */
  'extraction:text': channel(ItemTextInput, ItemText),
  // --- end search inside the evidence ---
} as const;

/** Events pushed from the main process to the renderer. */
export const events = {
  'vault:locked': VaultLockedEvent,
  'evidence:progress': EvidenceProgress,
  'import:progress': ImportProgress,
  'communications:progress': EmailImportProgress,
  // follow-up: deadlines — a reminder was clicked: open this deadline (after unlock if locked)
  'deadlines:open': OpenDeadlineEvent,
  'bundles:progress': BundleProgress,
  // search inside the evidence: the queue's state after each page and item
  'extraction:progress': ExtractionProgress,
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
