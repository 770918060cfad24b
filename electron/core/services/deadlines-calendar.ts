// The vault's edits to forum calendars (calendar_closures): extra closed days and recess periods, for one
// rule or for every rule. Every computation of a deadline passes them to the engine, so the basis names them.
import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { AmparoError } from '../../../shared/errors';
import type { CalendarEdit } from '../../../shared/schemas/deadline-records';
import type { ComputeRequest } from '../../../shared/schemas/deadline';
import { presetRule } from '../deadlines';
import type { Database } from '../vault/database';
import type { VaultContext } from './vault-context';

type Row = {
  id: string;
  rule_id: string | null;
  kind: 'closure' | 'recess';
  from_date: string;
  to_date: string;
  name: string;
  created_at: string;
};

/** A closure range longer than this is a typo (a year typed wrong), not a registry closed for a while. */
const MAX_CLOSURE_DAYS = 366;

const toEdit = (r: Row): CalendarEdit => ({
  id: r.id,
  ruleId: r.rule_id,
  kind: r.kind,
  from: r.from_date,
  to: r.to_date,
  name: r.name,
  createdAt: r.created_at,
});

export function listCalendarEdits(db: Database): CalendarEdit[] {
  return db.prepare('SELECT * FROM calendar_closures ORDER BY from_date, created_at').all<Row>().map(toEdit);
}

/** The closures and recess periods that apply to a rule, in the engine's shape. */
export function calendarFor(
  db: Database,
  ruleId: string,
): Required<Pick<ComputeRequest, 'closures' | 'recess'>> {
  const rows = db
    .prepare('SELECT * FROM calendar_closures WHERE rule_id IS NULL OR rule_id = $ruleId ORDER BY from_date')
    .all<Row>({ ruleId });
  const closures: NonNullable<ComputeRequest['closures']> = [];
  const recess: NonNullable<ComputeRequest['recess']> = [];
  for (const r of rows) {
    const name = r.name
      ? { en: r.name, es: r.name }
      : { en: 'Closure entered in this vault', es: 'Cierre registrado en esta bóveda' };
    if (r.kind === 'recess') {
      recess.push({ from: r.from_date, to: r.to_date, name });
      continue;
    }
    const last = Temporal.PlainDate.from(r.to_date);
    for (
      let d = Temporal.PlainDate.from(r.from_date);
      Temporal.PlainDate.compare(d, last) <= 0;
      d = d.add({ days: 1 })
    )
      closures.push({ date: d.toString(), name });
  }
  return { closures, recess };
}

export function addCalendarEdit(
  ctx: VaultContext,
  fields: { ruleId: string | null; kind: 'closure' | 'recess'; from: string; to: string; name: string },
): CalendarEdit {
  const { db, audit, now } = ctx;
  if (fields.ruleId) presetRule(fields.ruleId);
  const days = Temporal.PlainDate.from(fields.from).until(Temporal.PlainDate.from(fields.to)).days + 1;
  if (fields.kind === 'closure' && days > MAX_CLOSURE_DAYS)
    throw new AmparoError('VALIDATION_FAILED', 'A closure longer than a year is not a closure', {
      issues: [{ path: 'to', message: 'deadlines.error.closureTooLong' }],
    });
  const id = randomUUID();
  const at = now().toISOString();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO calendar_closures (id, rule_id, kind, from_date, to_date, name, created_at)
       VALUES ($id, $ruleId, $kind, $from, $to, $name, $at)`,
    ).run({ id, at, ...fields });
    audit.append({
      action: 'record.create',
      entityType: 'calendar_closure',
      entityId: id,
      details: { kind: fields.kind, ruleId: fields.ruleId, from: fields.from, to: fields.to },
    });
  })();
  return toEdit(db.prepare('SELECT * FROM calendar_closures WHERE id = $id').get<Row>({ id })!);
}

export function removeCalendarEdit(ctx: VaultContext, id: string): void {
  const { db, audit } = ctx;
  db.transaction(() => {
    const row = db.prepare('SELECT * FROM calendar_closures WHERE id = $id').get<Row>({ id });
    if (!row) throw new AmparoError('NOT_FOUND', `No calendar edit ${id}`);
    db.prepare('DELETE FROM calendar_closures WHERE id = $id').run({ id });
    audit.append({
      action: 'record.delete',
      entityType: 'calendar_closure',
      entityId: id,
      details: { kind: row.kind, ruleId: row.rule_id, from: row.from_date, to: row.to_date },
    });
  })();
}
