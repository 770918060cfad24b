// The Electron-free core: everything the main process, the `amparo` command line and the test bridge
// share. It never imports electron (a unit test and the linter enforce it).
import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../shared/contract';
import type { LockReason } from '../../shared/schemas/vault';
import { createDispatcher, type Dispatch } from './ipc/dispatch';
import { createHandlers, type ShellPort } from './ipc/handlers';
import { AppConfig, type DamagedSettings } from './services/app-config';
import { AuditLabels } from './services/audit-labels';
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
  /** scrypt work factor of passphrase bundles (age's default 18; tests use less). */
  bundleScryptLogN?: number;
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
      bundles.abortAll();
      emitter.emit('vault:locked', { reason } satisfies EventPayload<'vault:locked'>);
    },
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
  const imports = new ImportService(
    ctx,
    { matters, people, parties, incidents },
    {
      onProgress: (progress) => emitter.emit('import:progress', progress),
      onActivity: () => session.touch(),
    },
  );
  // bundles and backups
  const bundles = new BundleService(ctx, {
    onProgress: (progress) => emitter.emit('bundles:progress', progress),
    onActivity: () => session.touch(),
    ...(options.bundleScryptLogN ? { scryptLogN: options.bundleScryptLogN } : {}),
  });
  const backup = new BackupService(ctx, session, bundles, options.bundleScryptLogN);
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
    trash: new TrashService(ctx, { matters, people, incidents, notes, evidence, drafts }),
    evidence,
    imports,
    bundles,
    backup,
  };
  const dispatch = createDispatcher(createHandlers(services), {
    onCall: (channel) => {
      if (channel !== 'vault:status') session.touch();
    },
    logError: (channel, error) => options.logError?.(channel, error),
  });

  const checkIdle = () => session.lockIfIdle(config.settings.autoLockMinutes);
  const timer = setInterval(() => {
    checkIdle().catch((error) => options.logError?.('auto-lock', error));
  }, options.idleCheckMs ?? 10_000);
  timer.unref();

  return {
    dispatch,
    checkIdle,
    settingsDamaged: config.damaged,
    media: (ticket, request) => evidence.media(ticket, request),
    async lock(reason) {
      await session.lock(reason);
    },
    onEvent(name, listener) {
      emitter.on(name, listener as (payload: unknown) => void);
      return () => emitter.off(name, listener as (payload: unknown) => void);
    },
    async dispose() {
      clearInterval(timer);
      await session.lock('user');
    },
  };
}
