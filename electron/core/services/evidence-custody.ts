// The chain of custody (append-only, one numbered entry per handling step) and exhibit numbers per filing
// (given once, never renumbered).
import { randomUUID } from 'node:crypto';
import type { CustodyAction, CustodyEntry, Exhibit } from '../../../shared/schemas/evidence';
import type { VaultContext } from './vault-context';

export interface CustodyInput {
  action: CustodyAction;
  fileName?: string | null;
  size?: number | null;
  sha256?: string | null;
  source?: string | null;
  outcome?: string | null;
  note?: string;
}

type CustodyRow = {
  seq: number;
  at: string;
  actor: string;
  action: string;
  file_name: string | null;
  size: number | null;
  sha256: string | null;
  source: string | null;
  outcome: string | null;
  note: string;
};

type ExhibitRow = {
  matter_id: string;
  filing: string;
  number: number;
  item_id: string;
  assigned_at: string;
  title: string;
  classification: string;
};

export function appendCustody(ctx: VaultContext, itemId: string, entry: CustodyInput): void {
  const { db, actor, now } = ctx;
  const last = db
    .prepare('SELECT max(seq) AS n FROM evidence_custody WHERE item_id = $itemId')
    .get<{ n: number | null }>({ itemId });
  db.prepare(
    `INSERT INTO evidence_custody (id, item_id, seq, at, actor, action, file_name, size, sha256, source, outcome, note)
     VALUES ($id, $itemId, $seq, $at, $actor, $action, $fileName, $size, $sha256, $source, $outcome, $note)`,
  ).run({
    id: randomUUID(),
    itemId,
    seq: Number(last?.n ?? 0) + 1,
    at: now().toISOString(),
    actor: actor(),
    action: entry.action,
    fileName: entry.fileName ?? null,
    size: entry.size ?? null,
    sha256: entry.sha256 ?? null,
    source: entry.source ?? null,
    outcome: entry.outcome ?? null,
    note: entry.note ?? '',
  });
}

export function custodyOf(ctx: VaultContext, itemId: string): CustodyEntry[] {
  return ctx.db
    .prepare('SELECT * FROM evidence_custody WHERE item_id = $id ORDER BY seq')
    .all<CustodyRow>({ id: itemId })
    .map((c) => ({
      seq: c.seq,
      at: c.at,
      actor: c.actor,
      action: c.action as CustodyAction,
      fileName: c.file_name,
      size: c.size,
      sha256: c.sha256,
      source: c.source,
      outcome: c.outcome,
      note: c.note,
    }));
}

function exhibitNumberOf(ctx: VaultContext, matterId: string, filing: string, itemId: string): number | null {
  const row = ctx.db
    .prepare(
      'SELECT number FROM evidence_exhibits WHERE matter_id = $matterId AND filing = $filing AND item_id = $itemId',
    )
    .get<{ number: number }>({ matterId, filing, itemId });
  return row?.number ?? null;
}

/** The item's number in the filing's list: the one it has, or the next free one. */
export function nextExhibit(ctx: VaultContext, matterId: string, filing: string, itemId: string): number {
  const { db, now } = ctx;
  const existing = exhibitNumberOf(ctx, matterId, filing, itemId);
  if (existing !== null) return existing;
  const last = db
    .prepare(
      'SELECT max(number) AS n FROM evidence_exhibits WHERE matter_id = $matterId AND filing = $filing',
    )
    .get<{ n: number | null }>({ matterId, filing });
  const number = Number(last?.n ?? 0) + 1;
  db.prepare(
    `INSERT INTO evidence_exhibits (matter_id, filing, number, item_id, assigned_at)
     VALUES ($matterId, $filing, $number, $itemId, $at)`,
  ).run({ matterId, filing, number, itemId, at: now().toISOString() });
  return number;
}

/** Gives the item its number in the filing's list (once); custody and audit record a new number. */
export function assignExhibit(
  ctx: VaultContext,
  item: { id: string; matterId: string },
  filing: string,
): void {
  const { db, audit } = ctx;
  db.transaction(() => {
    const before = exhibitNumberOf(ctx, item.matterId, filing, item.id);
    const number = nextExhibit(ctx, item.matterId, filing, item.id);
    if (before !== null) return;
    appendCustody(ctx, item.id, { action: 'exhibit_assigned', note: `${filing}#${number}` });
    audit.append({
      action: 'record.update',
      entityType: 'evidence',
      entityId: item.id,
      matterId: item.matterId,
      details: { fields: ['exhibits'] },
    });
  })();
}

/** Every exhibit of a matter, in filing and number order; confidential titles only when revealed. */
export function exhibitsOf(ctx: VaultContext, matterId: string, showConfidential: boolean): Exhibit[] {
  return ctx.db
    .prepare(
      `SELECT x.matter_id, x.filing, x.number, x.item_id, x.assigned_at, i.title, i.classification
       FROM evidence_exhibits x JOIN evidence_items i ON i.id = x.item_id
       WHERE x.matter_id = $matterId ORDER BY x.filing, x.number`,
    )
    .all<ExhibitRow>({ matterId })
    .map((r) => ({
      matterId: r.matter_id,
      filing: r.filing,
      number: r.number,
      itemId: r.item_id,
      title: showConfidential || r.classification !== 'confidential' ? r.title : '',
      assignedAt: r.assigned_at,
    }));
}
