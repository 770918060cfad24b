// The Electron-free core: everything the main process, the `amparo` command line and the test bridge
// share. It never imports electron (a unit test and the linter enforce it).
import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../shared/contract';
import type { LockReason } from '../../shared/schemas/vault';
import { createDispatcher, type Dispatch } from './ipc/dispatch';
import { createHandlers, type ShellPort } from './ipc/handlers';
import { AppConfig, type DamagedSettings } from './services/app-config';
import { AuditLabels } from './services/audit-labels';
import { CommunicationService } from './services/communications';
import { BackupService } from './services/backup';
import { BundleService } from './services/bundles';
import { EvidenceService } from './services/evidence';
import type { MediaResponse } from './evidence/media';
import { ImportService } from './services/import';
import { IncidentService } from './services/incidents';
import { MatterService } from './services/matters';
import { NoteService } from './services/notes';
import { DraftService } from './services/drafts';
import { PartyService } from './services/parties';
import { PeopleService } from './services/people';
import { RiskService } from './services/risk';
import { SearchService } from './services/search';
import { TrashService } from './services/trash';
import { VaultSession } from './services/vault-session';
import { ProtectionMeasureService } from './services/protection-measures';
import { FollowupTimelineService } from './services/followup-timeline';
import { DeadlineService } from './services/deadlines';
// Dashboard, calendar and vault settings (follow-up).
import { CalendarService } from './services/calendar';
import { DashboardService } from './services/dashboard';
import { VaultSettingsService } from './services/vault-settings';
// filings
import { FilingService } from './services/filings';
import { FilingProfileService } from './services/filings-profiles';
import { FilingWorkflow } from './services/filings-workflow';
// search inside the evidence
import { ExtractionService } from './services/extraction';
import { IndexMaintenance } from './services/index-maintenance';
import type { WriteDocument } from './filings/writers';
// hearings
import { HearingService } from './services/hearings';
import { HearingBinderWorkflow } from './services/hearings-binder';
import { HearingPartsService } from './services/hearings-parts';
import type { VaultOptions } from './vault/vault';

export type { ShellPort };

export interface CoreOptions extends VaultOptions {
  /** Where settings.json lives (Electron: app.getPath('userData')); `null` keeps settings in memory. */
  configDir: string | null;
  /** Who audit and custody entries name; by default the configured user name or the OS user. */
  actor?: () => string;
  shell: ShellPort;
  logError?: (where: string, error: unknown) => void;
  /** How often auto-lock looks at the idle time. */
  idleCheckMs?: number;
  now?: () => number;
  /** filings: the PDF/DOCX writers (default: electron/core/filings/writers.ts). */
  filingWriter?: WriteDocument;
  /** scrypt work factor of passphrase bundles (age's default 18; tests use less). */
  bundleScryptLogN?: number;
  /** search inside the evidence: how often the extraction queue looks for new work (0: never by itself). */
  extractionCheckMs?: number;
}

export interface Core {
  dispatch: Dispatch;
  lock(reason: LockReason): Promise<void>;
  onEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Run the auto-lock check now (the timer calls this too). */
  checkIdle(): Promise<boolean>;
  /** An evidence preview request (the shell's media protocol, the bridge's media endpoint). */
  media(ticket: string, request: { method: string; range?: string | null }): Promise<MediaResponse>;
  dispose(): Promise<void>;
  /** A clicked deadline reminder (the shell's notification): tells the renderer to open that deadline. */
  openDeadline(request: EventPayload<'deadlines:open'>): void;
  /** settings.json was damaged at start-up and set aside (the shell tells the user). */
  settingsDamaged: DamagedSettings | null;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const emitter = new EventEmitter();
  const config = await AppConfig.load(options.configDir);
  const session = new VaultSession(config, {
    ...options,
    onLocked: (reason) => {
      // Running intakes, checks and exports stop (each removes its unfinished file); preview links die.
      evidence.abortAll();
      imports.abortAll();
      communications.abortAll();
      filingWorkflow.abortAll();
      bundles.abortAll();
      hearingBinders.abortAll();
      extraction.abortAll(); // search inside the evidence: the worker ends, its memory dropped
      indexMaintenance.abortAll(); // index merging stops before its next step
      emitter.emit('vault:locked', { reason } satisfies EventPayload<'vault:locked'>);
    },
    // Merges the full-text indexes once the unlock's answer is on its way (cheap when already merged).
    onOpened: () => setImmediate(() => indexMaintenance.request()),
  });
  // search speed: full-text index merging in the background, never counted as user activity
  const indexMaintenance = new IndexMaintenance(() => session.context(), {
    isUnlocked: () => session.isUnlocked,
    logError: (where, error) => options.logError?.(where, error),
  });
  const ctx = () => session.context();
  const matters = new MatterService(ctx, session.reveals);
  const people = new PeopleService(ctx, session.reveals);
  const incidents = new IncidentService(ctx, session.reveals);
  const notes = new NoteService(ctx, session.reveals);
  const drafts = new DraftService(ctx, session.reveals);
  const evidence = new EvidenceService(ctx, session.reveals, {
    onProgress: (progress) => emitter.emit('evidence:progress', progress),
    onActivity: () => session.touch(),
    ...(options.now ? { now: options.now } : {}),
    ...(options.shell.mediaUrl ? { mediaUrl: (ticket: string) => options.shell.mediaUrl!(ticket) } : {}),
  });
  const parties = new PartyService(ctx);
  // follow-up: protection measures and the follow-up timeline
  const measures = new ProtectionMeasureService(ctx, session.reveals, matters);
  const followup = new FollowupTimelineService(ctx, session.reveals, matters);
  // follow-up: deadlines (the core's clock, when given, decides due soon / overdue and reminders)
  const deadlines = new DeadlineService(ctx, session.reveals, {
    ...(options.now ? { now: () => new Date(options.now!()) } : {}),
  });
  // Correspondence: a sent reply fulfils, in the same transaction, the deadlines set by what it answers.
  const communications = new CommunicationService(ctx, session.reveals, {
    onProgress: (progress) => emitter.emit('communications:progress', progress),
    onActivity: () => session.touch(),
    recorded: (c) => {
      if (c.direction === 'sent' && c.inReplyTo)
        deadlines.fulfilByReply({ replyId: c.id, answersId: c.inReplyTo, onDate: c.occurredOn });
    },
  });
  const imports = new ImportService(
    ctx,
    { matters, people, parties, incidents },
    {
      onProgress: (progress) => emitter.emit('import:progress', progress),
      onActivity: () => session.touch(),
    },
  );
  // filings
  const filings = new FilingService(ctx, session.reveals);
  const filingProfiles = new FilingProfileService(ctx, () =>
    config.settings.language === 'en' ? 'en' : 'es',
  );
  const filingWorkflow = new FilingWorkflow(ctx, filings, filingProfiles, {
    ...(options.filingWriter ? { write: options.filingWriter } : {}),
    keepInCase: (matterId, data, name, title) =>
      evidence.addFromBytes(matterId, data, name, {
        title: title.slice(0, 300),
        description: '',
        eventDate: null,
        source: '',
        acquisition: 'filed version',
        classification: 'restricted',
        tags: ['filed-version'],
        incidentIds: [],
        personIds: [],
      }),
  });
  // hearings: deadlines through the deadlines service, the outcome through correspondence, the binder through
  // the filings' profiles and writers
  const hearings = new HearingService(ctx, session.reveals, { deadlines, communications });
  const hearingParts = new HearingPartsService(ctx, hearings);
  const hearingBinders = new HearingBinderWorkflow(ctx, hearings, filingProfiles, {
    ...(options.filingWriter ? { write: options.filingWriter } : {}),
    onActivity: () => session.touch(),
  });
  // bundles and backups
  const bundles = new BundleService(ctx, {
    onProgress: (progress) => emitter.emit('bundles:progress', progress),
    onActivity: () => session.touch(),
    ...(options.bundleScryptLogN ? { scryptLogN: options.bundleScryptLogN } : {}),
    onImported: () => setImmediate(() => indexMaintenance.request()),
  });
  const backup = new BackupService(ctx, session, bundles, options.bundleScryptLogN);
  // search inside the evidence: the background queue (never counted as user activity)
  const extraction = new ExtractionService(ctx, session.reveals, {
    onProgress: (progress) => emitter.emit('extraction:progress', progress),
    isUnlocked: () => session.isUnlocked,
    logError: (where, error) => options.logError?.(where, error),
    onIdle: () => setImmediate(() => indexMaintenance.request()),
  });
  const services = {
    session,
    config,
    shell: options.shell,
    matters,
    people,
    incidents,
    notes,
    drafts,
    parties,
    risk: new RiskService(ctx),
    search: new SearchService(ctx, session.reveals),
    auditLabels: new AuditLabels(ctx, session.reveals),
    trash: new TrashService(ctx, {
      matters,
      people,
      incidents,
      notes,
      evidence,
      drafts,
      measures,
      communications,
      deadlines,
    }),
    evidence,
    imports,
    measures,
    followup,
    communications,
    deadlines,
    // Dashboard, calendar and vault settings (follow-up).
    dashboard: new DashboardService(ctx, session.reveals),
    calendar: new CalendarService(ctx, session.reveals),
    vaultSettings: new VaultSettingsService(ctx),
    // filings
    filings,
    filingProfiles,
    filingWorkflow,
    bundles,
    backup,
    // hearings
    hearings,
    hearingParts,
    hearingBinders,
    extraction,
  };
  const dispatch = createDispatcher(createHandlers(services), {
    onCall: (channel) => {
      // The shell's reminder poll is not the user: it must not postpone auto-lock.
      if (channel !== 'vault:status' && channel !== 'deadlines:dueReminders') session.touch();
    },
    logError: (channel, error) => options.logError?.(channel, error),
  });

  const checkIdle = () => session.lockIfIdle(config.settings.autoLockMinutes);
  const timer = setInterval(() => {
    checkIdle().catch((error) => options.logError?.('auto-lock', error));
  }, options.idleCheckMs ?? 10_000);
  timer.unref();
  // search inside the evidence: new evidence from any path (imports, bundles, e-mails) and a resume after
  // unlock or restart are picked up by a light check; kick() does nothing while the queue runs or is held.
  const checkMs = options.extractionCheckMs ?? 5_000;
  const extractionTimer = checkMs > 0 ? setInterval(() => extraction.poll(), checkMs) : undefined;
  extractionTimer?.unref();

  return {
    dispatch,
    checkIdle,
    settingsDamaged: config.damaged,
    media: (ticket, request) => evidence.media(ticket, request),
    async lock(reason) {
      await session.lock(reason);
    },
    openDeadline(request) {
      emitter.emit('deadlines:open', request);
    },
    onEvent(name, listener) {
      emitter.on(name, listener as (payload: unknown) => void);
      return () => emitter.off(name, listener as (payload: unknown) => void);
    },
    async dispose() {
      clearInterval(timer);
      clearInterval(extractionTimer);
      await session.lock('user');
    },
  };
}
