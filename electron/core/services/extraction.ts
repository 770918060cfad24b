// The extraction queue: one evidence item at a time, its decrypted bytes handed in memory to a worker
// thread (extraction/worker-host.ts), its pages stored as they come. Each item is one operation of the
// shared runner (cancel, lock and clean-up as for every long operation: the bytes are zeroed when it ends,
// a lock terminates the worker). The queue's state lives in the database (evidence_extraction and two
// vault settings), so a lock or a restart resumes where it stopped, at the next page. A running queue is not
// user activity: it never postpones auto-lock.
import { AmparoError } from '../../../shared/errors';
import type { ExtractionStatus, ItemText, QueueStatus } from '../../../shared/schemas/extraction';
import { openBlob, readAll } from '../evidence/reader';
import { isExtractable } from '../extraction/extract';
import { ExtractionFailure } from '../extraction/types';
import { ExtractionWorker } from '../extraction/worker-host';
import { OperationRunner } from '../operations/runner';
import { EvidenceRecords, type ItemRow } from './evidence-records';
import { clearText, pageCount, readPages, setState, stateRow, storePage, toStatus } from './evidence-text';
import type { RevealState } from './reveal-state';
import type { VaultContext } from './vault-context';

/** Larger files are marked `too_large` rather than read into memory. */
export const MAX_EXTRACT_BYTES = 512 * 1024 * 1024;

const ENABLED_KEY = 'extraction.enabled';
const PAUSED_KEY = 'extraction.paused';

export interface ExtractionDeps {
  onProgress?: (progress: QueueStatus) => void;
  isUnlocked: () => boolean;
  logError?: (where: string, error: unknown) => void;
  /** The queue stopped after a run (the full-text index maintenance merges what it wrote). */
  onIdle?: () => void;
}

type Candidate = ItemRow & { pages_done: number | null; source_sha256: string | null };

export class ExtractionService {
  private readonly records: EvidenceRecords;
  private readonly operations = new OperationRunner<never>();
  private loop: Promise<void> | null = null;
  private current: QueueStatus['current'] = null;
  private currentOp: string | null = null;
  /** Stopped by the user (cancel) or by a lock: the timer does not restart it until asked. */
  private held = false;
  /** The connection's write count when the queue last found nothing to do: no write since, no new work. */
  private idleAt: number | null = null;
  /** One thread for a run of the queue, ended when it stops (or at once on a cancel or a lock). */
  private readonly worker = new ExtractionWorker();

  constructor(
    private readonly ctx: () => VaultContext,
    reveals: RevealState,
    private readonly deps: ExtractionDeps,
  ) {
    this.records = new EvidenceRecords(ctx, reveals);
  }

  private setting(key: string, fallback: boolean): boolean {
    const row = this.ctx()
      .db.prepare('SELECT value FROM vault_settings WHERE key = $key')
      .get<{ value: string }>({ key });
    if (!row) return fallback;
    try {
      const value = JSON.parse(row.value) as unknown;
      return typeof value === 'boolean' ? value : fallback;
    } catch {
      return fallback;
    }
  }

  private writeSetting(key: string, value: boolean): void {
    const { db, audit, now } = this.ctx();
    db.transaction(() => {
      db.prepare(
        `INSERT INTO vault_settings (key, value, updated_at) VALUES ($key, $value, $at)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      ).run({ key, value: JSON.stringify(value), at: now().toISOString() });
      audit.append({
        action: 'record.update',
        entityType: 'vault_setting',
        entityId: key,
        details: { value },
      });
    })();
  }

  private get enabled(): boolean {
    return this.setting(ENABLED_KEY, true);
  }

  private get paused(): boolean {
    return this.setting(PAUSED_KEY, false);
  }

  queue(): QueueStatus {
    const { db } = this.ctx();
    const counts = db
      .prepare(
        `SELECT coalesce(e.state, 'pending') AS state, i.media_type, count(*) AS n
         FROM evidence_items i LEFT JOIN evidence_extraction e ON e.item_id = i.id
         WHERE i.deleted_at IS NULL GROUP BY 1, 2`,
      )
      .all<{ state: string; media_type: string; n: number }>();
    const by = { pending: 0, done: 0, failed: 0, disabled: 0 };
    for (const c of counts) {
      if (!isExtractable(c.media_type) && c.state === 'pending') continue;
      const key = c.state === 'running' ? 'pending' : (c.state as keyof typeof by);
      if (key in by) by[key] += Number(c.n);
    }
    return {
      enabled: this.enabled,
      paused: this.paused,
      running: this.loop !== null && this.current !== null,
      current: this.current ? { ...this.current } : null,
      ...by,
    };
  }

  status(itemId: string): ExtractionStatus {
    const row = this.records.visibleRow(itemId);
    const state = stateRow(this.ctx().db, itemId);
    if (!state && !isExtractable(row.media_type))
      return { ...toStatus(itemId, undefined), state: 'failed', reason: 'unsupported' };
    return toStatus(itemId, state);
  }

  text(itemId: string, page?: number): ItemText {
    this.records.visibleRow(itemId);
    const { db } = this.ctx();
    return {
      itemId,
      status: this.status(itemId),
      pageCount: pageCount(db, itemId),
      pages: readPages(db, itemId, page),
    };
  }

  /** Runs the queue (that case's items only, with `matterId`); with `wait`, resolves when it stops. */
  async start(input: { matterId?: string | undefined; wait?: boolean | undefined }): Promise<QueueStatus> {
    if (input.matterId) this.records.assertMatter(input.matterId);
    this.held = false;
    if (this.paused) this.writeSetting(PAUSED_KEY, false);
    const loop = this.kick(input.matterId);
    if (input.wait && loop) await loop;
    return this.queue();
  }

  /** Answers once the item in hand has stopped. */
  async pause(): Promise<QueueStatus> {
    if (!this.paused) this.writeSetting(PAUSED_KEY, true);
    await this.stopCurrent();
    return this.queue();
  }

  resume(): Promise<QueueStatus> {
    return this.start({});
  }

  /** Stops the item in hand (it stays pending, resumed at its next page) and the queue, until started again. */
  async cancel(): Promise<QueueStatus> {
    this.held = true;
    await this.stopCurrent();
    return this.queue();
  }

  async setVaultEnabled(enabled: boolean): Promise<QueueStatus> {
    if (enabled !== this.enabled) this.writeSetting(ENABLED_KEY, enabled);
    if (!enabled) await this.stopCurrent();
    else this.kick();
    return this.queue();
  }

  /** Off: the item's text is removed and it is never extracted; on: it is queued again. */
  async setItemEnabled(itemId: string, enabled: boolean): Promise<ExtractionStatus> {
    const row = this.records.visibleRow(itemId);
    if (!enabled && this.current?.itemId === itemId) await this.stopCurrent();
    const { db, audit, now } = this.ctx();
    db.transaction(() => {
      const before = stateRow(db, itemId);
      if (!enabled) {
        clearText(db, itemId);
        setState(db, itemId, now().toISOString(), {
          state: 'disabled',
          reason: null,
          pages_done: 0,
          source_sha256: null,
        });
      } else if (before?.state === 'disabled' || before?.state === 'failed') {
        setState(db, itemId, now().toISOString(), { state: 'pending', reason: null, pages_done: 0 });
      }
      audit.append({
        action: 'record.update',
        entityType: 'evidence',
        entityId: itemId,
        matterId: row.matter_id,
        details: { extraction: enabled ? 'on' : 'off' },
      });
    })();
    if (enabled) this.kick();
    return this.status(itemId);
  }

  /** Starts the queue when there is work and nothing stops it; returns the running loop, if any. */
  kick(matterId?: string): Promise<void> | null {
    if (this.loop) return this.loop;
    if (this.held || !this.deps.isUnlocked()) return null;
    try {
      const writes = this.writes();
      if (!this.enabled || this.paused) return null;
      if (!this.next(matterId)) {
        if (matterId === undefined) this.idleAt = writes;
        return null;
      }
    } catch {
      return null;
    }
    this.loop = this.drain(matterId)
      .catch((error: unknown) => this.deps.logError?.('extraction', error))
      .finally(() => {
        this.worker.terminate();
        this.loop = null;
        this.current = null;
        this.emit();
        if (this.deps.isUnlocked()) this.deps.onIdle?.();
      });
    return this.loop;
  }

  /** The periodic check: cheap when nothing was written since it last found no work. */
  poll(): void {
    try {
      if (this.loop || !this.deps.isUnlocked() || this.writes() === this.idleAt) return;
    } catch {
      return;
    }
    this.kick();
  }

  /** On lock: the worker is terminated and its memory dropped; the item resumes after the next unlock. */
  abortAll(): void {
    this.operations.abortAll();
    this.worker.terminate();
    // The next connection counts its writes from zero.
    this.idleAt = null;
    this.current = null;
  }

  /** Writes made through this connection (any change of evidence, state or settings counts). */
  private writes(): number {
    return Number(this.ctx().db.prepare('SELECT total_changes() AS n').get<{ n: number }>()?.n ?? 0);
  }

  /** Stops the item in hand; resolves when the queue has stopped (it may go on with another item). */
  private async stopCurrent(): Promise<void> {
    if (this.currentOp) this.operations.cancel(this.currentOp);
    const loop = this.loop;
    if (loop && (this.held || this.paused || !this.enabled)) await loop;
  }

  private emit(): void {
    if (!this.deps.onProgress || !this.deps.isUnlocked()) return;
    try {
      this.deps.onProgress(this.queue());
    } catch {
      // the vault locked between the check and the read
    }
  }

  private next(matterId?: string): Candidate | undefined {
    const rows = this.ctx()
      .db.prepare(
        `SELECT i.*, e.pages_done, e.source_sha256 FROM evidence_items i
         LEFT JOIN evidence_extraction e ON e.item_id = i.id
         WHERE i.deleted_at IS NULL
           AND (coalesce(e.state, 'pending') IN ('pending', 'running')
                -- text taken from another blob than the item's now: stale, taken again
                OR (e.state = 'done' AND e.source_sha256 IS NOT i.sha256))
           AND ($matterId IS NULL OR i.matter_id = $matterId)
           AND i.matter_id NOT IN (SELECT id FROM matters WHERE deleted_at IS NOT NULL)
         ORDER BY e.state = 'running' DESC, i.acquired_at, i.id LIMIT 200`,
      )
      .all<Candidate>({ matterId: matterId ?? null });
    return rows.find((r) => isExtractable(r.media_type));
  }

  private async drain(matterId?: string): Promise<void> {
    for (;;) {
      if (this.held || !this.deps.isUnlocked() || !this.enabled || this.paused) return;
      const item = this.next(matterId);
      if (!item) return;
      const outcome = await this.extract(item);
      if (outcome === 'stopped') return;
    }
  }

  /** One item; 'stopped' when a cancel, pause, switch-off or lock ended it (it stays pending). */
  private async extract(item: Candidate): Promise<'done' | 'failed' | 'stopped'> {
    const at = () => this.ctx().now().toISOString();
    const { db } = this.ctx();
    const resume = item.source_sha256 === item.sha256 && (item.pages_done ?? 0) > 0;
    const fromPage = resume ? Number(item.pages_done) + 1 : 1;
    let pagesDone = fromPage - 1;
    db.transaction(() => {
      clearText(db, item.id, fromPage);
      setState(db, item.id, at(), {
        state: 'running',
        reason: null,
        pages_done: pagesDone,
        source_sha256: item.sha256,
      });
    })();
    this.current = { itemId: item.id, title: item.title, pagesDone, pagesTotal: null };
    this.emit();
    if (item.size > MAX_EXTRACT_BYTES) return this.fail(item.id, 'too_large');
    const operation = this.operations.begin();
    this.currentOp = operation.id;
    try {
      const bytes = await this.records.withBlob(item, async (blob) => {
        const reader = await openBlob(blob.path, blob.key, blob.blobId);
        const parts: Buffer[] = [];
        try {
          for await (const part of readAll(reader, operation.signal)) parts.push(operation.wipeOnEnd(part));
        } finally {
          await reader.close();
        }
        return operation.wipeOnEnd(Buffer.concat(parts));
      });
      operation.throwIfCancelled();
      const engine = await this.worker.run({
        bytes,
        mediaType: item.media_type,
        name: item.original_name,
        fromPage,
        signal: operation.signal,
        onTotal: (pages) => {
          setState(this.ctx().db, item.id, at(), { pages_total: pages });
          if (this.current) this.current.pagesTotal = pages;
          this.emit();
        },
        onPage: (page) => {
          // Switched off meanwhile (vault or item): no new text is stored.
          if (!this.enabled || stateRow(this.ctx().db, item.id)?.state !== 'running')
            throw new AmparoError('CANCELLED', 'Extraction was switched off');
          const ctx = this.ctx();
          ctx.db.transaction(() => {
            storePage(ctx.db, item.id, page);
            pagesDone = Math.max(pagesDone, page.page);
            setState(ctx.db, item.id, at(), { pages_done: pagesDone });
          })();
          if (this.current) this.current.pagesDone = pagesDone;
          this.emit();
        },
      });
      setState(this.ctx().db, item.id, at(), {
        state: 'done',
        reason: null,
        engine: engine.engine,
        engine_version: engine.version || null,
        pages_total: pagesDone,
      });
      return 'done';
    } catch (error) {
      if (error instanceof ExtractionFailure) return this.fail(item.id, error.reason);
      if (error instanceof AmparoError && error.code === 'CANCELLED') {
        if (this.deps.isUnlocked()) {
          const row = stateRow(this.ctx().db, item.id);
          if (row?.state === 'running') setState(this.ctx().db, item.id, at(), { state: 'pending' });
        }
        return 'stopped';
      }
      if (!this.deps.isUnlocked()) return 'stopped';
      // Sent to Deleted items or purged meanwhile: nothing to record (its text went with it).
      const live = this.ctx()
        .db.prepare('SELECT 1 FROM evidence_items WHERE id = $id AND deleted_at IS NULL')
        .get({ id: item.id });
      if (!live) return 'failed';
      if (error instanceof AmparoError && error.code === 'EVIDENCE_DAMAGED')
        return this.fail(item.id, 'damaged');
      throw error;
    } finally {
      this.currentOp = null;
      await operation.end();
    }
  }

  private fail(itemId: string, reason: ExtractionFailure['reason']): 'failed' {
    const live = this.ctx()
      .db.prepare('SELECT 1 FROM evidence_items WHERE id = $id AND deleted_at IS NULL')
      .get({ id: itemId });
    if (live) setState(this.ctx().db, itemId, this.ctx().now().toISOString(), { state: 'failed', reason });
    return 'failed';
  }
}
