// Keeps each full-text index merged into few segments. Rows written over time leave FTS5 indexes in
// several segments (b-trees), and every term lookup of a search seeks each of them; merged into one, a
// search reads about 40 % less. FTS5's 'merge' command does that work in bounded steps: each step is one
// short transaction of about STEP_PAGES pages, so a search waiting behind it waits milliseconds, and the
// event loop is yielded between steps. Runs in the background (never counted as user activity), stops
// at a lock, and is cheap when the indexes are already merged (one step that changes nothing each).
// Before merging, each run reads the indexes' words into memory (fts-vocabulary.ts), also in short steps,
// and learns the pages of extracted text written since the last run.
import type { Database } from '../vault/database';
import type { VaultContext } from './vault-context';
import { startVocabularies, vocabularyStep } from './fts-vocabulary';

/** The app's FTS5 tables: records, protected identities, pages taken from documents. */
export const FTS_TABLES = ['search_index', 'protected_search', 'evidence_text_index'] as const;
export type FtsTable = (typeof FTS_TABLES)[number];

/** Pages (of about 4 KB) written by one step. On the bench vault (260,000 rows, load 3–5) 32 pages took
 * 10 ms at p50, 27 ms at p95 and 103 ms at most (64 pages: 20 / 81 / 345 ms). */
export const STEP_PAGES = 32;
/** Steps on one index in one run at most, so a run always ends. */
const MAX_STEPS = 100_000;

// The structure record of an FTS5 index is row 10 of its %_data table: a 4-byte cookie, for version 2 of the
// format a 4-byte marker, then the number of levels and the number of segments as varints.
const STRUCTURE_ROWID = 10;
const STRUCTURE_V2 = [0xff, 0x00, 0x00, 0x01];

function varint(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  for (let i = 0; i < 9; i++) {
    const b = bytes[at + i] ?? 0;
    if (i === 8) return [value * 256 + b, at + 9];
    value = value * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) return [value, at + i + 1];
  }
  return [value, at + 9];
}

/** How many segments the index is made of now (0 when empty). */
export function segmentCount(db: Database, table: FtsTable): number {
  const row = db
    .prepare(`SELECT block FROM ${table}_data WHERE id = ${STRUCTURE_ROWID}`)
    .get<{ block: Uint8Array<ArrayBuffer> }>();
  if (!row?.block || row.block.length < 6) return 0;
  const bytes = row.block;
  let at = 4;
  if (STRUCTURE_V2.every((b, i) => bytes[4 + i] === b)) at = 8;
  const [, afterLevels] = varint(bytes, at);
  return varint(bytes, afterLevels)[0];
}

function totalChanges(db: Database): number {
  return Number(db.prepare('SELECT total_changes() AS n').get<{ n: number }>()?.n ?? 0);
}

/**
 * One merge step of `pages` pages; true when it did work. A negative count first gathers every segment
 * onto one level (so the run ends with one segment, as FTS5's optimize would); positive counts then go
 * on with that merge without restarting it when new rows arrive meanwhile. A step that writes nothing
 * changes the connection's total by less than two (the command itself counts as one).
 */
export function mergeStep(db: Database, table: FtsTable, pages: number): boolean {
  const before = totalChanges(db);
  db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('merge', $pages)`).run({ pages });
  return totalChanges(db) - before >= 2;
}

export interface MaintenanceDeps {
  isUnlocked: () => boolean;
  logError?: (where: string, error: unknown) => void;
  /** Pages a step writes (STEP_PAGES when absent). */
  stepPages?: number;
  /** Pause between steps, in milliseconds (0: the next turn of the event loop). */
  pauseMs?: number;
  /** Called after each step (tests use it to lock in the middle of a run). */
  onStep?: (table: FtsTable, step: number) => void | Promise<void>;
}

export interface MaintenanceRun {
  steps: number;
  /** Steps spent reading the indexes' words into memory and learning text written since. */
  vocabularySteps: number;
  /** Segments of each index before and after, as read from its structure record. */
  segments: Record<FtsTable, { before: number; after: number }>;
  stopped: boolean;
}

export class IndexMaintenance {
  private running: Promise<MaintenanceRun> | null = null;
  private again = false;
  /** Raised by each lock: a run started under an earlier connection stops at its next step. */
  private generation = 0;
  private runningFor = -1;

  constructor(
    private readonly ctx: () => VaultContext,
    private readonly deps: MaintenanceDeps,
  ) {}

  /** Merges in the background; a request during a run makes it go over the indexes once more. */
  request(): Promise<MaintenanceRun> | null {
    // A run of an earlier connection (locked since) ends at its next step; this one starts anew.
    if (this.running && this.runningFor === this.generation) {
      this.again = true;
      return this.running;
    }
    if (!this.deps.isUnlocked()) return null;
    const run: Promise<MaintenanceRun> = this.run()
      .catch((error: unknown): MaintenanceRun => {
        // A lock between the check and the step closes the connection under it: nothing to report.
        if (this.deps.isUnlocked()) this.deps.logError?.('index-maintenance', error);
        return { steps: 0, vocabularySteps: 0, segments: emptySegments(), stopped: true };
      })
      .finally(() => {
        if (this.running === run) this.running = null;
      });
    this.running = run;
    this.runningFor = this.generation;
    return run;
  }

  /** The run in progress, if any (resolves when it ends). */
  get current(): Promise<MaintenanceRun> | null {
    return this.running;
  }

  /** On lock: the run in progress stops before its next step (a step is one transaction, never half done). */
  abortAll(): void {
    this.generation++;
    this.again = false;
  }

  private async run(): Promise<MaintenanceRun> {
    const generation = this.generation;
    const live = () => generation === this.generation && this.deps.isUnlocked();
    const result: MaintenanceRun = {
      steps: 0,
      vocabularySteps: 0,
      segments: emptySegments(),
      stopped: false,
    };
    const db = this.ctx().db;
    // A vault opened from read-only media cannot take the writes (nor the vocabulary's temp tables).
    if (Number(db.pragma('query_only', { simple: true })) === 1) return result;
    const vocabulary = startVocabularies(db);
    do {
      this.again = false;
      while (vocabulary && vocabularyStep(db)) {
        result.vocabularySteps++;
        await pause(this.deps.pauseMs ?? 0);
        if (!live()) return { ...result, stopped: true };
      }
      for (const table of FTS_TABLES) {
        if (!live()) return { ...result, stopped: true };
        const before = segmentCount(db, table);
        if (result.segments[table].before === 0) result.segments[table].before = before;
        if (before > 1) {
          for (let step = 0; step < MAX_STEPS; step++) {
            const pages = this.deps.stepPages ?? STEP_PAGES;
            const worked = mergeStep(db, table, step === 0 ? -pages : pages);
            result.steps++;
            await this.deps.onStep?.(table, result.steps);
            await pause(this.deps.pauseMs ?? 0);
            if (!live()) return { ...result, stopped: true };
            if (!worked) break;
          }
        }
        result.segments[table].after = segmentCount(db, table);
      }
    } while (this.again && live());
    return result;
  }
}

function emptySegments(): MaintenanceRun['segments'] {
  return Object.fromEntries(
    FTS_TABLES.map((t) => [t, { before: 0, after: 0 }]),
  ) as MaintenanceRun['segments'];
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));
}
