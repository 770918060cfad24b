// The tamper-evident audit log: append-only rows, each carrying the SHA-256 of the previous entry, so
// that editing, deleting or reordering a past entry breaks the chain and "Verify audit log" finds it.
// Entries say what happened and which fields changed, never the protected values themselves.
import { createHash } from 'node:crypto';
import type {
  AuditAction,
  AuditEntry,
  AuditFilter,
  AuditPage,
  AuditVerification,
} from '../../../shared/schemas/audit';
import { canonicalJson } from '../vault/header';
import type { Database } from '../vault/database';

const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  action: AuditAction;
  entityType?: string | null;
  entityId?: string | null;
  matterId?: string | null;
  /** Field names changed, counts, reasons: never protected identity values. */
  details?: Record<string, unknown>;
}

type AuditRow = {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  matter_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
};

function entryHash(prevHash: string, row: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  const body = canonicalJson({
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    matterId: row.matter_id,
    details: JSON.parse(row.details) as unknown,
  });
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action as AuditAction,
    entityType: row.entity_type,
    entityId: row.entity_id,
    matterId: row.matter_id,
    details: JSON.parse(row.details) as Record<string, unknown>,
    hash: row.hash,
  };
}

export class AuditLog {
  constructor(
    private readonly db: Database,
    private readonly actor: () => string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Appends one entry; call inside the transaction of the change it records, so both land or neither. */
  append(input: AuditInput): AuditEntry {
    const last = this.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      { seq: number; hash: string } | undefined;
    const row = {
      seq: (last?.seq ?? 0) + 1,
      at: this.now().toISOString(),
      actor: this.actor(),
      action: input.action,
      entity_type: input.entityType ?? null,
      entity_id: input.entityId ?? null,
      matter_id: input.matterId ?? null,
      details: JSON.stringify(input.details ?? {}),
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = entryHash(prevHash, row);
    this.db
      .prepare(
        `INSERT INTO audit_log (seq, at, actor, action, entity_type, entity_id, matter_id, details, prev_hash, hash)
         VALUES ($seq, $at, $actor, $action, $entity_type, $entity_id, $matter_id, $details, $prev_hash, $hash)`,
      )
      .run({ ...row, prev_hash: prevHash, hash });
    // The head is kept apart as well, so cutting entries off the end is detected too.
    this.db
      .prepare(
        `INSERT INTO vault_meta (key, value) VALUES ('audit_head', $value)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      )
      .run({ value: JSON.stringify({ seq: row.seq, hash }) });
    return toEntry({ ...row, prev_hash: prevHash, hash });
  }

  list(filter: AuditFilter): AuditPage {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (filter.matterId) {
      where.push('matter_id = $matterId');
      params.matterId = filter.matterId;
    }
    if (filter.action) {
      where.push('action = $action');
      params.action = filter.action;
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const total = Number(
      this.db.prepare(`SELECT count(*) AS n FROM audit_log ${clause}`).get(where.length ? params : undefined)
        ?.n ?? 0,
    );
    const rows = this.db
      .prepare(`SELECT * FROM audit_log ${clause} ORDER BY seq DESC LIMIT $limit OFFSET $offset`)
      .all<AuditRow>({ ...params, limit: filter.limit ?? 100, offset: filter.offset ?? 0 });
    return { items: rows.map(toEntry), total };
  }

  /** Walks the whole chain; reports the first entry where it breaks and how. */
  verify(): AuditVerification {
    const rows = this.db.prepare('SELECT * FROM audit_log ORDER BY seq').all<AuditRow>();
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return {
          ok: false,
          checked: expectedSeq - 1,
          total: rows.length,
          brokenAt: expectedSeq,
          problem: 'missing',
        };
      }
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          checked: row.seq - 1,
          total: rows.length,
          brokenAt: row.seq,
          problem: 'reordered',
        };
      }
      if (entryHash(prevHash, row) !== row.hash) {
        return { ok: false, checked: row.seq - 1, total: rows.length, brokenAt: row.seq, problem: 'edited' };
      }
      prevHash = row.hash;
      expectedSeq += 1;
    }
    const head = this.db.prepare(`SELECT value FROM vault_meta WHERE key = 'audit_head'`).get() as
      { value: string } | undefined;
    if (head) {
      const { seq, hash } = JSON.parse(head.value) as { seq: number; hash: string };
      const last = rows.at(-1);
      if (!last || last.seq !== seq || last.hash !== hash) {
        return {
          ok: false,
          checked: rows.length,
          total: rows.length,
          brokenAt: (last?.seq ?? 0) + 1,
          problem: 'truncated',
        };
      }
    }
    return { ok: true, checked: rows.length, total: rows.length, brokenAt: null, problem: null };
  }
}
