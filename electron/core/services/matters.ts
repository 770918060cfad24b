// Matters (the cases a team runs): create, read, edit, archive, list. Every change lands in one
// transaction with its audit entry, its status-history row and its search-index row.
import { randomUUID } from 'node:crypto';
import { AmparoError } from '../../../shared/errors';
import type { ParsedInput } from '../../../shared/contract';
import type { StatusChange } from '../../../shared/schemas/status';
import {
  DEFAULT_MATTER_STATE,
  type Matter,
  type FoundMatter,
  type MatterFields,
  type MatterPage,
  type MatterSummary,
  type QuickFindHit,
} from '../../../shared/schemas/matter';
import { quickFindMatters } from './matter-quick-find';
import { foldForSearch } from '../text/fold';
import { changedFields } from './changes';
import { indexForSearch } from './search-index';
import type { VaultContext } from './vault-context';
import type { RevealState } from './reveal-state';

type MatterRow = {
  id: string;
  title: string;
  matter_type: string;
  forum: string;
  state: string;
  reference: string;
  status: string;
  opened_on: string;
  summary: string;
  classification: string;
  revision: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
};

type IdRow = { id: string };

type StatusRow = {
  id: string;
  from_status: string | null;
  to_status: string;
  changed_on: string;
  changed_at: string;
  actor: string;
  note: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const SUMMARY_COLUMNS =
  'id, title, matter_type, forum, state, reference, status, opened_on, updated_at, archived_at, classification';

/**
 * A case's last activity: the latest change to it or to any of its records (facts, notes, evidence, people
 * in it, risk assessments, status), deletions and restores included, read from the audit log, whose
 * (matter_id, seq) index gives each case's newest entry in one step. Reading (reveals, exports) is not
 * activity. The case's own updated_at covers vaults whose log predates a record.
 */
const LAST_ACTIVITY = `max(m.updated_at, coalesce((SELECT a.at FROM audit_log a WHERE a.matter_id = m.id
  AND a.action IN ('record.create', 'record.update', 'record.delete', 'record.restore', 'evidence.acquire')
  ORDER BY a.seq DESC LIMIT 1), ''))`;

type ListInput = Omit<ParsedInput<'matters:list'>, 'sort' | 'direction'> &
  Partial<Pick<ParsedInput<'matters:list'>, 'sort' | 'direction'>>;

/** Reveal scope under which confidential matters themselves appear in the case list. */
export const CONFIDENTIAL_MATTERS_SCOPE = '*';

function toSummary(row: Omit<MatterRow, 'summary' | 'revision' | 'created_at'>): MatterSummary {
  return {
    id: row.id,
    title: row.title,
    matterType: row.matter_type as Matter['matterType'],
    forum: row.forum as Matter['forum'],
    reference: row.reference,
    status: row.status as Matter['status'],
    openedOn: row.opened_on,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
    classification: row.classification as Matter['classification'],
    state: row.state,
  };
}

function toMatter(row: MatterRow): Matter {
  return { ...toSummary(row), summary: row.summary, revision: row.revision, createdAt: row.created_at };
}

/** LIKE pattern with the user's text taken literally (%, _ and \ escaped). */
function likePattern(query: string): string {
  return `%${foldForSearch(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Direct callers (command line, tests) may leave the State out: the schema's default applies. */
type WithOptionalState<T> = Omit<T, 'state'> & { state?: string };

function fieldParams(fields: WithOptionalState<MatterFields>) {
  return {
    title: fields.title,
    matterType: fields.matterType,
    forum: fields.forum,
    reference: fields.reference,
    status: fields.status,
    openedOn: fields.openedOn,
    summary: fields.summary,
    classification: fields.classification,
    state: fields.state ?? DEFAULT_MATTER_STATE,
    searchText: foldForSearch(`${fields.title} ${fields.reference}`),
  };
}

export class MatterService {
  constructor(
    private readonly ctx: () => VaultContext,
    private readonly reveals?: RevealState,
  ) {}

  /** Confidential matters are left out unless the user revealed them in this session. */
  private hidesConfidential(): boolean {
    return !this.reveals?.isConfidentialRevealed(CONFIDENTIAL_MATTERS_SCOPE);
  }

  /** Direct callers (command line, tests) may leave the order out: newest activity first. */
  list(input: ListInput): MatterPage {
    const { archived, query, limit, offset } = input;
    const where = [archived ? 'archived_at IS NOT NULL' : 'archived_at IS NULL', 'deleted_at IS NULL'];
    const params: Record<string, string> = {};
    if (query) {
      where.push(`search_text LIKE $pattern ESCAPE '\\'`);
      params.pattern = likePattern(query);
    }
    for (const [key, column] of [
      ['matterType', 'matter_type'],
      ['status', 'status'],
      ['forum', 'forum'],
      ['state', 'state'],
    ] as const) {
      const value = input[key];
      if (value) {
        where.push(`${column} = $${key}`);
        params[key] = value;
      }
    }
    if (input.openedFrom) {
      where.push('opened_on >= $openedFrom');
      params.openedFrom = input.openedFrom;
    }
    if (input.openedTo) {
      where.push('opened_on <= $openedTo');
      params.openedTo = input.openedTo;
    }
    if (input.activeSince) {
      // Timestamps are ISO strings: a day compares as the start of that day (UTC).
      where.push(`${LAST_ACTIVITY} >= $activeSince`);
      params.activeSince = input.activeSince;
    }
    const { db } = this.ctx();
    const hiddenWhere = [...where, `classification = 'confidential'`].join(' AND ');
    if (this.hidesConfidential()) where.push(`classification <> 'confidential'`);
    const clause = where.join(' AND ');
    // The binding refuses an empty named-parameter object: pass nothing when the query has no parameters.
    const countParams = Object.keys(params).length > 0 ? params : undefined;
    const total = Number(
      db.prepare(`SELECT count(*) AS n FROM matters m WHERE ${clause}`).get(countParams)?.n ?? 0,
    );
    const hidden = this.hidesConfidential()
      ? Number(
          db.prepare(`SELECT count(*) AS n FROM matters m WHERE ${hiddenWhere}`).get(countParams)?.n ?? 0,
        )
      : 0;
    const dir = (input.direction ?? 'desc') === 'asc' ? 'ASC' : 'DESC';
    const order = {
      lastActivity: `last_activity_at ${dir}`,
      openedOn: `opened_on ${dir}, last_activity_at DESC`,
      title: `title COLLATE NOCASE ${dir}`,
      reference: `reference COLLATE NOCASE ${dir}`,
      state: `state ${dir}, last_activity_at DESC`,
    }[input.sort ?? 'lastActivity'];
    const rows = db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS}, ${LAST_ACTIVITY} AS last_activity_at FROM matters m WHERE ${clause}
         ORDER BY ${order}, id LIMIT $limit OFFSET $offset`,
      )
      .all<MatterRow & { last_activity_at: string }>({ ...params, limit, offset });
    return {
      items: rows.map((r) => ({ ...toSummary(r), lastActivityAt: r.last_activity_at })),
      total,
      hiddenConfidential: hidden,
    };
  }

  /** The quick switcher: cases by reference, title or beneficiary pseudonym (see matter-quick-find.ts). */
  quickFind(input: ParsedInput<'matters:quickFind'>): QuickFindHit[] {
    return quickFindMatters(this.ctx().db, this.reveals, input);
  }

  /** A matter by id, including deleted ones only when asked (the archive view). */
  private row(id: string, { includeDeleted = false } = {}): MatterRow {
    const row = this.ctx()
      .db.prepare(`SELECT * FROM matters WHERE id = $id ${includeDeleted ? '' : 'AND deleted_at IS NULL'}`)
      .get<MatterRow>({ id });
    if (!row) throw new AmparoError('NOT_FOUND', `No matter ${id}`);
    return row;
  }

  get(id: string): Matter {
    const row = this.row(id);
    if (
      row.classification === 'confidential' &&
      this.hidesConfidential() &&
      !this.reveals?.isConfidentialRevealed(id)
    ) {
      throw new AmparoError('CONFIDENTIAL', `Matter ${id} is confidential: reveal it first`);
    }
    return toMatter(row);
  }

  /**
   * The case a person names by its public reference (letter case ignored) or its id. Deleted cases are
   * not found; confidential ones are (only the id is returned, and reading them still needs a reveal).
   */
  find(ref: string): FoundMatter {
    const { db } = this.ctx();
    if (UUID.test(ref)) {
      const byId = db
        .prepare('SELECT id FROM matters WHERE id = lower($ref) AND deleted_at IS NULL')
        .get<IdRow>({ ref });
      if (byId) return { id: byId.id };
    }
    const rows = db
      .prepare('SELECT id FROM matters WHERE lower(reference) = lower($ref) AND deleted_at IS NULL')
      .all<IdRow>({ ref });
    if (rows.length === 1) return { id: rows[0]!.id };
    if (rows.length > 1)
      throw new AmparoError(
        'VALIDATION_FAILED',
        `${rows.length} cases have the reference "${ref}": use the id`,
      );
    throw new AmparoError('NOT_FOUND', `No case with reference or id "${ref}"`);
  }

  create(fields: WithOptionalState<ParsedInput<'matters:create'>>): Matter {
    const { db, audit, actor, now } = this.ctx();
    const id = randomUUID();
    const at = now().toISOString();
    db.transaction(() => {
      db.prepare(
        `INSERT INTO matters (id, title, matter_type, forum, state, reference, status, opened_on, summary,
                              classification, revision, created_at, updated_at, search_text)
         VALUES ($id, $title, $matterType, $forum, $state, $reference, $status, $openedOn, $summary,
                 $classification, 1, $at, $at, $searchText)`,
      ).run({ id, at, ...fieldParams(fields) });
      db.prepare(
        `INSERT INTO matter_status_history (id, matter_id, from_status, to_status, changed_on, changed_at, actor)
         VALUES ($hid, $id, NULL, $status, $changedOn, $at, $actor)`,
      ).run({
        hid: randomUUID(),
        id,
        status: fields.status,
        changedOn: fields.statusOn ?? fields.openedOn,
        at,
        actor: actor(),
      });
      indexForSearch(db, {
        entityType: 'matter',
        entityId: id,
        matterId: id,
        classification: fields.classification,
        title: fields.title,
        body: `${fields.reference} ${fields.summary}`,
      });
      audit.append({
        action: 'record.create',
        entityType: 'matter',
        entityId: id,
        matterId: id,
        details: { matterType: fields.matterType, classification: fields.classification },
      });
    })();
    return toMatter(this.row(id));
  }

  update({
    id,
    revision,
    fields,
  }: Omit<ParsedInput<'matters:update'>, 'fields'> & {
    fields: WithOptionalState<MatterFields>;
  }): Matter {
    const { db, audit, actor, now } = this.ctx();
    db.transaction(() => {
      const current = toMatter(this.row(id));
      if (current.revision !== revision) {
        throw new AmparoError(
          'CONFLICT',
          `Matter ${id} was changed elsewhere (revision ${current.revision})`,
        );
      }
      const at = now().toISOString();
      db.prepare(
        `UPDATE matters SET title = $title, matter_type = $matterType, forum = $forum, state = $state,
                reference = $reference,
                status = $status, opened_on = $openedOn, summary = $summary, classification = $classification,
                search_text = $searchText, revision = revision + 1, updated_at = $at
         WHERE id = $id`,
      ).run({ id, at, ...fieldParams(fields) });
      if (current.status !== fields.status) {
        db.prepare(
          `INSERT INTO matter_status_history (id, matter_id, from_status, to_status, changed_on, changed_at, actor)
           VALUES ($hid, $id, $from, $to, $changedOn, $at, $actor)`,
        ).run({
          hid: randomUUID(),
          id,
          from: current.status,
          to: fields.status,
          changedOn: at.slice(0, 10),
          at,
          actor: actor(),
        });
      }
      indexForSearch(db, {
        entityType: 'matter',
        entityId: id,
        matterId: id,
        classification: fields.classification,
        title: fields.title,
        body: `${fields.reference} ${fields.summary}`,
      });
      audit.append({
        action: 'record.update',
        entityType: 'matter',
        entityId: id,
        matterId: id,
        details: { fields: changedFields(current, fields) },
      });
    })();
    return toMatter(this.row(id));
  }

  reindex(id: string): void {
    const m = toMatter(this.row(id));
    indexForSearch(this.ctx().db, {
      entityType: 'matter',
      entityId: id,
      matterId: id,
      classification: m.classification,
      title: m.title,
      body: `${m.reference} ${m.summary}`,
    });
  }

  statusHistory(matterId: string): StatusChange[] {
    this.get(matterId);
    const rows = this.ctx()
      .db.prepare(
        'SELECT * FROM matter_status_history WHERE matter_id = $matterId ORDER BY changed_on, changed_at',
      )
      .all<StatusRow>({ matterId });
    return rows.map((r) => ({
      id: r.id,
      fromStatus: r.from_status as StatusChange['fromStatus'],
      toStatus: r.to_status as StatusChange['toStatus'],
      changedOn: r.changed_on,
      changedAt: r.changed_at,
      actor: r.actor,
      note: r.note,
    }));
  }

  /** A procedural step with its own date (the day of the resolution, not the day it was typed) and a note. */
  changeStatus({
    matterId,
    revision,
    toStatus,
    changedOn,
    note,
  }: ParsedInput<'matters:changeStatus'>): Matter {
    const { db, audit, actor, now } = this.ctx();
    db.transaction(() => {
      const current = toMatter(this.row(matterId));
      if (current.revision !== revision)
        throw new AmparoError('CONFLICT', `Matter ${matterId} was changed elsewhere`);
      const at = now().toISOString();
      db.prepare(
        'UPDATE matters SET status = $toStatus, revision = revision + 1, updated_at = $at WHERE id = $matterId',
      ).run({ matterId, toStatus, at });
      db.prepare(
        `INSERT INTO matter_status_history (id, matter_id, from_status, to_status, changed_on, changed_at, actor, note)
         VALUES ($hid, $matterId, $from, $toStatus, $changedOn, $at, $actor, $note)`,
      ).run({
        hid: randomUUID(),
        matterId,
        from: current.status,
        toStatus,
        changedOn,
        at,
        actor: actor(),
        note,
      });
      audit.append({
        action: 'record.update',
        entityType: 'matter',
        entityId: matterId,
        matterId,
        details: { fields: ['status'], from: current.status, to: toStatus },
      });
    })();
    return toMatter(this.row(matterId));
  }

  setArchived(id: string, archived: boolean): Matter {
    const { db, audit, now } = this.ctx();
    const at = now().toISOString();
    db.transaction(() => {
      this.row(id);
      db.prepare(
        `UPDATE matters SET archived_at = $archivedAt, updated_at = $at, revision = revision + 1 WHERE id = $id`,
      ).run({
        id,
        at,
        archivedAt: archived ? at : null,
      });
      audit.append({
        action: 'record.update',
        entityType: 'matter',
        entityId: id,
        matterId: id,
        details: { fields: ['archivedAt'], archived },
      });
    })();
    return toMatter(this.row(id));
  }
}
