// Channel → service method. The only code that knows both the contract and the services; it holds no
// rules of its own.
import type { AppConfig } from '../services/app-config';
import type { BackupService } from '../services/backup';
import type { BundleService } from '../services/bundles';
import type { AuditLabels } from '../services/audit-labels';
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
import type { VaultSession } from '../services/vault-session';
import type { Handlers } from './dispatch';

export interface ShellPort {
  /** Native folder picker in Electron; a fixed answer in the test bridge. */
  chooseFolder(input: { purpose: 'create' | 'open' | 'export' }): Promise<{ path: string | null }>;
  /** Native multi-file picker for evidence intake; absent where there is none (answers no files). */
  chooseFiles?(): Promise<{ paths: string[] }>;
  /** Native picker for one spreadsheet to import; absent where there is none (answers no file). */
  chooseSpreadsheet?(): Promise<{ path: string | null }>;
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
  bundles: BundleService;
  backup: BackupService;
}

const done = {};

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
    'evidence:add': (input) => s.evidence.add(input),
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

    'session:activity': () => (session.touch(), done),

    'dialog:chooseFolder': (input) => shell.chooseFolder(input),
    'dialog:chooseFiles': async () => (shell.chooseFiles ? shell.chooseFiles() : { paths: [] }),
    'dialog:chooseSpreadsheet': async () =>
      shell.chooseSpreadsheet ? shell.chooseSpreadsheet() : { path: null },
  };
}
