// Channel → service method. The only code that knows both the contract and the services; it holds no
// rules of its own.
import type { AppConfig } from '../services/app-config';
import type { BackupService } from '../services/backup';
import type { BundleService } from '../services/bundles';
import type { AuditLabels } from '../services/audit-labels';
import type { CommunicationService } from '../services/communications';
import type { DraftService } from '../services/drafts';
import type { EvidenceService } from '../services/evidence';
import { revealConfidential } from '../services/confidential';
import type { ImportService } from '../services/import';
import type { IncidentService } from '../services/incidents';
import type { MatterService } from '../services/matters';
import type { NoteService } from '../services/notes';
import type { PartyService } from '../services/parties';
import type { PeopleService } from '../services/people';
import type { RiskService } from '../services/risk';
import type { SearchService } from '../services/search';
import type { TrashService } from '../services/trash';
import type { ProtectionMeasureService } from '../services/protection-measures';
import type { FollowupTimelineService } from '../services/followup-timeline';
import type { VaultSession } from '../services/vault-session';
// Dashboard, calendar and vault settings (follow-up).
import type { CalendarService } from '../services/calendar';
import type { DashboardService } from '../services/dashboard';
import type { VaultSettingsService } from '../services/vault-settings';
// filings
import type { FilingService } from '../services/filings';
import type { FilingProfileService } from '../services/filings-profiles';
import type { FilingWorkflow } from '../services/filings-workflow';
import type { Handlers } from './dispatch';
// hearings
import type { HearingService } from '../services/hearings';
import type { HearingBinderWorkflow } from '../services/hearings-binder';
import type { HearingPartsService } from '../services/hearings-parts';
// search inside the evidence
import type { ExtractionService } from '../services/extraction';
// follow-up: deadlines
import { presetRules } from '../deadlines';
import { suggestPeriods } from '../deadlines/suggest';
import type { DeadlineService } from '../services/deadlines';
import { addCalendarEdit, listCalendarEdits, removeCalendarEdit } from '../services/deadlines-calendar';
import { dueReminders, writeIcs } from '../services/deadlines-outputs';

export interface ShellPort {
  /** Native folder picker in Electron; a fixed answer in the test bridge. */
  chooseFolder(input: { purpose: 'create' | 'open' | 'export' }): Promise<{ path: string | null }>;
  /** Native multi-file picker for evidence intake; absent where there is none (answers no files). */
  chooseFiles?(): Promise<{ paths: string[] }>;
  /** Native picker for one spreadsheet to import; absent where there is none (answers no file). */
  chooseSpreadsheet?(): Promise<{ path: string | null }>;
  /** Native multi-file picker for saved e-mails (.eml); absent where there is none (answers no files). */
  chooseEmails?(): Promise<{ paths: string[] }>;
  /** Native picker for one bundle or backup file (.amparo); absent where there is none (answers no file). */
  chooseBundle?(): Promise<{ path: string | null }>;
  /** Native save dialog (an .ics export); absent where there is none (answers no path). */
  chooseSaveFile?(input: { purpose: 'ics'; defaultName: string }): Promise<{ path: string | null }>;
  /** The URL under which this shell serves an evidence preview ticket (Electron: amparo-media://). */
  mediaUrl?(ticket: string): string;
}

export interface Services {
  session: VaultSession;
  config: AppConfig;
  shell: ShellPort;
  matters: MatterService;
  people: PeopleService;
  parties: PartyService;
  incidents: IncidentService;
  risk: RiskService;
  notes: NoteService;
  drafts: DraftService;
  search: SearchService;
  trash: TrashService;
  evidence: EvidenceService;
  auditLabels: AuditLabels;
  imports: ImportService;
  // follow-up: protection measures and the follow-up timeline
  measures: ProtectionMeasureService;
  followup: FollowupTimelineService;
  communications: CommunicationService;
  deadlines: DeadlineService;
  // Dashboard, calendar and vault settings (follow-up).
  dashboard: DashboardService;
  calendar: CalendarService;
  vaultSettings: VaultSettingsService;
  // filings
  filings: FilingService;
  filingProfiles: FilingProfileService;
  filingWorkflow: FilingWorkflow;
  bundles: BundleService;
  backup: BackupService;
  // hearings
  hearings: HearingService;
  hearingParts: HearingPartsService;
  hearingBinders: HearingBinderWorkflow;
  // search inside the evidence
  extraction: ExtractionService;
}

const done = {};

/** The language of texts the core writes (reminders, .ics): the one asked, else the app's setting. */
function textLanguage(config: AppConfig, asked?: 'en' | 'es'): 'en' | 'es' {
  if (asked) return asked;
  const setting = config.settings.language;
  if (setting !== 'system') return setting;
  return Intl.DateTimeFormat().resolvedOptions().locale.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function createHandlers(s: Services): Handlers {
  const { session, config, shell } = s;
  return {
    'vault:status': () => session.status(),
    'vault:create': (input) => session.create(input),
    'vault:unlock': (input) => session.unlock(input),
    'vault:lock': () => session.lock('user'),
    'vault:changePassphrase': async (input) => (await session.changePassphrase(input), done),
    'vault:reencrypt': async (input) => (await session.reencrypt(input), done),

    'matters:list': (input) => s.matters.list(input),
    'matters:get': ({ id }) => s.matters.get(id),
    'matters:find': ({ ref }) => s.matters.find(ref),
    'matters:quickFind': (input) => s.matters.quickFind(input),
    'matters:create': (fields) => s.matters.create(fields),
    'matters:update': (input) => s.matters.update(input),
    'matters:setArchived': ({ id, archived }) => s.matters.setArchived(id, archived),
    'matters:statusHistory': ({ matterId }) => s.matters.statusHistory(matterId),
    'matters:changeStatus': (input) => s.matters.changeStatus(input),

    'people:list': (input) => s.people.list(input),
    'people:get': ({ id }) => s.people.get(id),
    'people:create': (input) => s.people.create(input),
    'people:update': (input) => s.people.update(input),
    'people:reveal': ({ personId, reason }) => s.people.reveal(personId, reason),
    'people:hide': ({ personId }) => (s.people.hide(personId), done),
    'people:usage': ({ id }) => s.people.usage(id),

    'organisations:list': () => s.people.listOrganisations(),
    'organisations:create': (fields) => s.people.createOrganisation(fields),
    'organisations:update': ({ id, revision, fields }) => s.people.updateOrganisation(id, revision, fields),
    'organisations:usage': ({ id }) => s.people.organisationUsage(id),

    'parties:list': ({ matterId }) => s.parties.list(matterId),
    'parties:add': (input) => s.parties.add(input),
    'parties:remove': ({ id }) => (s.trash.delete('party', id, true), done),

    'incidents:list': (input) => s.incidents.list(input),
    'incidents:create': ({ matterId, ...fields }) => s.incidents.create(matterId, fields),
    'incidents:update': ({ id, revision, fields }) => s.incidents.update(id, revision, fields),

    'risk:list': ({ matterId }) => s.risk.list(matterId),
    'risk:create': ({ matterId, ...fields }) => s.risk.create(matterId, fields),

    'notes:list': ({ matterId }) => s.notes.list(matterId),
    'notes:create': ({ matterId, ...fields }) => s.notes.create(matterId, fields),
    'notes:update': ({ id, revision, fields }) => s.notes.update(id, revision, fields),

    'drafts:save': (input) => (s.drafts.save(input), done),
    'drafts:get': ({ key }) => s.drafts.get(key),
    'drafts:discard': ({ key }) => (s.drafts.discard(key), done),

    'confidential:reveal': ({ matterId, reason }) => ({
      visibleUntil: revealConfidential(session.context(), session.reveals, matterId, reason),
    }),

    'search:query': (input) => s.search.search(input),
    'search:unlockProtected': ({ reason }) => ({ visibleUntil: s.search.unlockProtected(reason) }),

    'trash:list': () => s.trash.list(),
    'trash:delete': ({ entityType, entityId, confirmInUse }) => (
      s.trash.delete(entityType, entityId, confirmInUse),
      done
    ),
    'trash:restore': ({ entityType, entityId }) => (s.trash.restore(entityType, entityId), done),
    'trash:empty': async () => ({ purged: await s.trash.empty() }),

    'audit:list': (filter) => s.auditLabels.label(session.context().audit.list(filter)),
    'audit:verify': () => session.context().audit.verify(),

    'evidence:list': ({ matterId }) => s.evidence.list(matterId),
    'evidence:get': ({ id }) => s.evidence.get(id),
    'evidence:add': async (input) => {
      const added = await s.evidence.add(input);
      // search inside the evidence: new items are read in the background, once this answer is on its way
      setImmediate(() => s.extraction.kick());
      return added;
    },
    'evidence:cancel': ({ operationId }) => (s.evidence.cancel(operationId), done),
    'evidence:update': ({ id, revision, fields }) => s.evidence.update(id, revision, fields),
    'evidence:preview': ({ id }) => s.evidence.preview(id),
    'evidence:verify': ({ id }) => s.evidence.verify(id),
    'evidence:verifyAll': (input) => s.evidence.verifyAll(input),
    'evidence:export': (input) => s.evidence.export(input),
    'evidence:stripMetadata': ({ id, title }) => s.evidence.stripMetadata(id, title),
    'evidence:assignExhibit': ({ itemId, filing }) => s.evidence.assignExhibit(itemId, filing),
    'evidence:exhibits': ({ matterId }) => s.evidence.exhibits(matterId),

    'import:preview': (input) => s.imports.preview(input),
    'import:dryRun': (input) => s.imports.dryRun(input),
    'import:run': (input) => s.imports.run(input),
    'import:cancel': ({ operationId }) => (s.imports.cancel(operationId), done),

    // follow-up: protection measures and the follow-up timeline
    'measures:list': ({ matterId }) => s.measures.list(matterId),
    'measures:get': ({ id }) => s.measures.get(id),
    'measures:create': ({ matterId, firstStatus, ...fields }) =>
      s.measures.create(matterId, fields, firstStatus),
    'measures:update': ({ id, revision, fields }) => s.measures.update(id, revision, fields),
    'measures:addStatus': ({ measureId, ...entry }) => s.measures.addStatus(measureId, entry),
    'measures:linkOptions': ({ matterId }) => s.measures.linkOptions(matterId),
    'followup:timeline': (input) => s.followup.timeline(input),
    // Correspondence
    'communications:list': (input) => s.communications.list(input),
    'communications:get': ({ id }) => s.communications.get(id),
    'communications:create': ({ matterId, fields }) => s.communications.create(matterId, fields),
    'communications:update': ({ id, revision, fields }) => s.communications.update(id, revision, fields),
    'communications:attach': ({ id, paths, operationId }) => s.communications.attach(id, paths, operationId),
    'communications:importEmails': (input) => s.communications.importEmails(input),
    'communications:cancel': ({ operationId }) => (s.communications.cancel(operationId), done),
    'communications:chooseEmails': async () => (shell.chooseEmails ? shell.chooseEmails() : { paths: [] }),
    // --- filings ---
    'filings:list': ({ matterId }) => s.filings.list(matterId),
    'filings:get': ({ id }) => s.filings.get(id),
    'filings:create': (input) => s.filings.create(input),
    'filings:update': ({ id, revision, fields, explicit }) =>
      s.filings.update(id, revision, fields, explicit),
    'filings:delete': ({ id }) => (s.filings.delete(id), done),
    'filings:versions': ({ filingId }) => s.filings.versions(filingId),
    'filings:version': ({ filingId, version }) => s.filings.version(filingId, version),
    'filings:restoreVersion': ({ filingId, version, revision }) =>
      s.filings.restoreVersion(filingId, version, revision),
    'filings:check': ({ id }) => s.filingWorkflow.check(id),
    'filings:leaks': ({ id }) => s.filingWorkflow.leaks(id),
    'filings:resolveLeak': (input) => s.filingWorkflow.resolveLeak(input),
    'filings:generate': (input) => s.filingWorkflow.generate(input),
    'filings:generations': ({ filingId }) => s.filingWorkflow.generations(filingId),
    'filingProfiles:list': () => s.filingProfiles.list(),
    'filingProfiles:save': (input) => s.filingProfiles.save(input),
    'filingProfiles:delete': ({ id }) => (s.filingProfiles.delete(id), done),
    // --- end filings ---
    // --- hearings ---
    'hearings:list': ({ matterId }) => s.hearings.list(matterId),
    'hearings:get': ({ id }) => s.hearings.get(id),
    'hearings:create': (input) => s.hearings.create(input),
    'hearings:update': ({ id, revision, fields }) => s.hearings.update(id, revision, fields),
    'hearings:delete': ({ id }) => (s.hearings.delete(id), done),
    'hearings:addParticipant': ({ hearingId, fields }) => s.hearingParts.participants.add(hearingId, fields),
    'hearings:updateParticipant': ({ id, revision, fields }) =>
      s.hearingParts.participants.update(id, revision, fields),
    'hearings:removeParticipant': ({ id }) => s.hearingParts.participants.remove(id),
    'hearings:moveParticipant': ({ id, toIndex }) => s.hearingParts.participants.move(id, toIndex),
    'hearings:addTurn': ({ hearingId, fields }) => s.hearingParts.turns.add(hearingId, fields),
    'hearings:updateTurn': ({ id, revision, fields }) => s.hearingParts.turns.update(id, revision, fields),
    'hearings:removeTurn': ({ id }) => s.hearingParts.turns.remove(id),
    'hearings:moveTurn': ({ id, toIndex }) => s.hearingParts.turns.move(id, toIndex),
    'hearings:addQuestion': ({ hearingId, fields }) => s.hearingParts.questions.add(hearingId, fields),
    'hearings:updateQuestion': ({ id, revision, fields }) =>
      s.hearingParts.questions.update(id, revision, fields),
    'hearings:removeQuestion': ({ id }) => s.hearingParts.questions.remove(id),
    'hearings:moveQuestion': ({ id, toIndex }) => s.hearingParts.questions.move(id, toIndex),
    'hearings:setChronology': ({ hearingId, incidentIds }) =>
      s.hearingParts.setChronology(hearingId, incidentIds),
    'hearings:setExhibits': ({ hearingId, evidenceIds }) =>
      s.hearingParts.setExhibits(hearingId, evidenceIds),
    'hearings:recordOutcome': (input) => s.hearings.recordOutcome(input),
    'hearings:binder': (input) => s.hearingBinders.generate(input),
    'hearings:binders': ({ hearingId }) => s.hearingBinders.list(hearingId),
    'hearings:cancelBinder': ({ operationId }) => (s.hearingBinders.cancel(operationId), done),
    'hearings:day': ({ id }) => s.hearingBinders.day(id),
    // --- end hearings ---
    // bundles and backups
    'vault:identity': () => s.bundles.identity(),
    'bundles:export': (input) => s.bundles.export(input),
    'bundles:verify': (input) => s.bundles.verify(input),
    'bundles:import': (input) => s.bundles.import(input),
    'bundles:resolve': (input) => s.bundles.import(input),
    'bundles:cancel': ({ operationId }) => (s.bundles.cancel(operationId), done),
    'backup:run': (input) => s.backup.run(input),
    'backup:restore': (input) => s.backup.restore(input),
    'backup:status': () => s.backup.status(),
    'backup:setReminder': ({ remindAfterDays }) => s.backup.setReminder(remindAfterDays),

    'settings:get': () => config.settings,
    'settings:update': (patch) => config.updateSettings(patch),
    'settings:clearRecentVaults': async () => (await config.clearRecentVaults(), done),

    // Dashboard, calendar and vault settings (follow-up).
    'dashboard:get': (input) => s.dashboard.get(input),
    'dashboard:case': (input) => s.dashboard.case(input),
    'calendar:range': (input) => s.calendar.range(input),
    'vaultSettings:get': () => s.vaultSettings.get(),
    'vaultSettings:update': (input) => s.vaultSettings.update(input),

    'session:activity': () => (session.touch(), done),

    // follow-up: deadlines
    'deadlines:rules': () =>
      [...presetRules().values()].map((r) => ({
        id: r.id,
        version: r.version,
        name: r.name,
        source: r.source.citation,
        verify: r.verify,
        zone: r.zone,
        endTime: r.endTime,
        trigger: r.trigger,
        units: r.period.units,
        defaultPeriod: r.period.default ?? null,
      })),
    'deadlines:list': (input) => s.deadlines.list(input),
    'deadlines:get': ({ id }) => s.deadlines.get(id),
    'deadlines:preview': ({ date }) => s.deadlines.preview(date),
    'deadlines:create': (input) => s.deadlines.create(input),
    'deadlines:update': ({ id, revision, fields }) => s.deadlines.update(id, revision, fields),
    'deadlines:extend': (input) => s.deadlines.extend(input),
    'deadlines:fulfil': (input) => s.deadlines.fulfil(input),
    'deadlines:waive': (input) => s.deadlines.waive(input),
    'deadlines:reopen': (input) => s.deadlines.reopen(input),
    'deadlines:suggest': ({ text }) => suggestPeriods(text),
    'deadlines:exportIcs': async ({ include, lang }) => {
      session.context();
      const chosen = shell.chooseSaveFile
        ? await shell.chooseSaveFile({ purpose: 'ics', defaultName: 'amparo-plazos.ics' })
        : { path: null };
      if (!chosen.path) return { path: null, events: 0 };
      const events = await writeIcs(
        session.context(),
        s.deadlines,
        chosen.path,
        include,
        textLanguage(config, lang),
      );
      return { path: chosen.path, events };
    },
    'deadlines:dueReminders': ({ lang }) =>
      dueReminders(session.context(), s.deadlines, textLanguage(config, lang)),
    'deadlines:calendarEdits': () => listCalendarEdits(session.context().db),
    'deadlines:addCalendarEdit': (input) => addCalendarEdit(session.context(), input),
    'deadlines:removeCalendarEdit': ({ id }) => (removeCalendarEdit(session.context(), id), done),
    'dialog:chooseSaveFile': async (input) =>
      shell.chooseSaveFile ? shell.chooseSaveFile(input) : { path: null },
    // end follow-up: deadlines

    'dialog:chooseFolder': (input) => shell.chooseFolder(input),
    'dialog:chooseFiles': async () => (shell.chooseFiles ? shell.chooseFiles() : { paths: [] }),
    'dialog:chooseSpreadsheet': async () =>
      shell.chooseSpreadsheet ? shell.chooseSpreadsheet() : { path: null },
    // bundles: restore
    'dialog:chooseBundle': async () => (shell.chooseBundle ? shell.chooseBundle() : { path: null }),

    // search inside the evidence
    'extraction:queue': () => s.extraction.queue(),
    'extraction:start': (input) => s.extraction.start(input),
    'extraction:pause': () => s.extraction.pause(),
    'extraction:resume': () => s.extraction.resume(),
    'extraction:cancel': () => s.extraction.cancel(),
    'extraction:setVaultEnabled': ({ enabled }) => s.extraction.setVaultEnabled(enabled),
    'extraction:status': ({ id }) => s.extraction.status(id),
    'extraction:setItemEnabled': ({ id, enabled }) => s.extraction.setItemEnabled(id, enabled),
    'extraction:text': ({ id, page }) => s.extraction.text(id, page),
  };
}
