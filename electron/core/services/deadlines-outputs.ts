// What leaves the vault about deadlines: the .ics file for the user's calendar and the desktop reminders.
// Both name a case by its reference; a confidential case's deadline carries nothing else.
import { randomUUID } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DueReminder } from '../../../shared/schemas/deadline-records';
import { deadlinesToIcs, type IcsDeadline } from '../deadlines/ics';
import type { Lang } from '../deadlines/render';
import { reminderKind, reminderText } from '../deadlines/reminders';
import type { DeadlineService } from './deadlines';
import type { VaultContext } from './vault-context';

/** Lowercase without accents, to compare typed titles with the names people are known by. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The protected names of every person (legal names and aliases), folded. Read only to keep them out of a
 * file that leaves the vault; never returned or written anywhere.
 */
function protectedNames(ctx: VaultContext): string[] {
  const rows = ctx.db
    .prepare('SELECT legal_name, aliases FROM protected_identities')
    .all<{ legal_name: string; aliases: string }>();
  const names = rows.flatMap((r) => {
    const aliases = parseList(r.aliases);
    return [r.legal_name, ...(Array.isArray(aliases) ? aliases.filter((a) => typeof a === 'string') : [])];
  });
  // Very short strings (initials) would withhold almost every title; pseudonyms are safe to show anyway.
  return names.map((n) => fold(n.trim())).filter((n) => n.length >= 4);
}

function parseList(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return [];
  }
}

/**
 * The .ics text of the vault's deadlines (open ones, or all): a confidential case's titles withheld, and any
 * title that names a person's protected identity withheld too (a title is typed text, and may).
 */
export function icsOf(
  ctx: VaultContext,
  service: DeadlineService,
  include: 'open' | 'all',
  lang: Lang,
): { text: string; events: number } {
  const { items } = service.list({ status: include === 'open' ? 'open' : 'all' });
  const names = protectedNames(ctx);
  const namesPerson = (title: string) => {
    const folded = fold(title);
    return names.some((name) => folded.includes(name));
  };
  const events: IcsDeadline[] = items
    // Confidential cases by reference only, even when revealed on screen: a calendar file leaves the vault.
    .map((d) => ({
      id: d.id,
      reference: d.matterReference,
      title: d.withheld || isConfidential(service, d.matterId) || namesPerson(d.title) ? null : d.title,
      due: d.due,
      status: d.status,
    }));
  return { text: deadlinesToIcs(events, lang, service.now()), events: events.length };
}

function isConfidential(service: DeadlineService, matterId: string): boolean {
  return service.matterClassification(matterId) === 'confidential';
}

/** Writes the file whole or not at all (a temporary beside it, then renamed), and logs the export. */
export async function writeIcs(
  ctx: VaultContext,
  service: DeadlineService,
  path: string,
  include: 'open' | 'all',
  lang: Lang,
): Promise<number> {
  const { text, events } = icsOf(ctx, service, include, lang);
  const temporary = join(dirname(path), `.${randomUUID()}.ics.part`);
  await writeFile(temporary, text, { encoding: 'utf8', mode: 0o600 });
  await rename(temporary, path);
  ctx.audit.append({ action: 'export', entityType: 'deadline', details: { format: 'ics', include, events } });
  return events;
}

/**
 * The reminders to show now: each open deadline due tomorrow, due today or overdue, once per kind and due
 * instant (recorded in deadline_reminders, so a restart or an extension's new date is handled right).
 */
export function dueReminders(ctx: VaultContext, service: DeadlineService, lang: Lang): DueReminder[] {
  const { db } = ctx;
  const now = service.now();
  const soon = new Date(now.getTime() + 3 * 86_400_000).toISOString();
  const { items } = service.list({ status: 'open' });
  const shown = db.prepare(
    'SELECT 1 AS x FROM deadline_reminders WHERE deadline_id = $id AND kind = $kind AND due_instant = $instant',
  );
  const record = db.prepare(
    `INSERT INTO deadline_reminders (deadline_id, kind, due_instant, shown_at) VALUES ($id, $kind, $instant, $at)`,
  );
  const out: DueReminder[] = [];
  db.transaction(() => {
    for (const d of items) {
      if (d.due.instant > soon) break; // listed by due instant
      const kind = reminderKind(d.due, now);
      if (!kind) continue;
      const key = { id: d.id, kind, instant: d.due.instant };
      if (shown.get(key)) continue;
      record.run({ ...key, at: now.toISOString() });
      out.push({
        deadlineId: d.id,
        matterId: d.matterId,
        kind,
        text: reminderText(kind, d.matterReference, lang),
      });
    }
  })();
  return out;
}
