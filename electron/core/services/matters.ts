// Matters (the cases a team runs): create, read, edit, archive, list. SQL stays behind this typed API.
import { randomUUID } from 'node:crypto';
import { AmparoError } from '../../../shared/errors';
import {
  ListMattersInput,
  type Matter,
  type MatterFields,
  type MatterPage,
  type MatterSummary,
  type UpdateMatterInput,
} from '../../../shared/schemas/matter';
import { foldForSearch } from '../text/fold';
import type { Database } from '../vault/database';

interface MatterRow {
  id: string;
  title: string;
  matter_type: string;
  forum: string;
  reference: string;
  status: string;
  opened_on: string;
  summary: string;
  revision: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

const SUMMARY_COLUMNS =
  'id, title, matter_type, forum, reference, status, opened_on, updated_at, archived_at';

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
  };
}

function toMatter(row: MatterRow): Matter {
  return { ...toSummary(row), summary: row.summary, revision: row.revision, createdAt: row.created_at };
}

/** LIKE pattern with the user's text taken literally (%, _ and \ escaped). */
function likePattern(query: string): string {
  return `%${foldForSearch(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class MatterService {
  constructor(
    private readonly db: () => Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(input: ListMattersInput): MatterPage {
    const { archived, query, limit, offset } = ListMattersInput.parse(input);
    const where = [archived ? 'archived_at IS NOT NULL' : 'archived_at IS NULL'];
    const params: Record<string, string> = {};
    if (query) {
      where.push(`search_text LIKE $pattern ESCAPE '\\'`);
      params.pattern = likePattern(query);
    }
    const clause = where.join(' AND ');
    const db = this.db();
    // The binding refuses an empty named-parameter object: pass nothing when the query has no parameters.
    const countParams = Object.keys(params).length > 0 ? params : undefined;
    const total = Number(
      db.prepare(`SELECT count(*) AS n FROM matters WHERE ${clause}`).get(countParams)?.n ?? 0,
    );
    const rows = db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM matters WHERE ${clause} ORDER BY updated_at DESC, id LIMIT $limit OFFSET $offset`,
      )
      .all({ ...params, limit, offset }) as unknown as MatterRow[];
    return { items: rows.map(toSummary), total };
  }

  get(id: string): Matter {
    const row = this.db().prepare('SELECT * FROM matters WHERE id = $id').get({ id }) as
      MatterRow | undefined;
    if (!row) throw new AmparoError('NOT_FOUND', `No matter ${id}`);
    return toMatter(row);
  }

  create(fields: MatterFields): Matter {
    const id = randomUUID();
    const at = this.now().toISOString();
    this.db()
      .prepare(
        `INSERT INTO matters (id, title, matter_type, forum, reference, status, opened_on, summary, revision,
                              created_at, updated_at, search_text)
         VALUES ($id, $title, $matterType, $forum, $reference, $status, $openedOn, $summary, 1, $at, $at, $searchText)`,
      )
      .run({ id, at, ...fields, searchText: foldForSearch(`${fields.title} ${fields.reference}`) });
    return this.get(id);
  }

  update({ id, revision, fields }: UpdateMatterInput): Matter {
    const db = this.db();
    return db.transaction(() => {
      const current = this.get(id);
      if (current.revision !== revision) {
        throw new AmparoError(
          'CONFLICT',
          `Matter ${id} was changed elsewhere (revision ${current.revision})`,
        );
      }
      db.prepare(
        `UPDATE matters SET title = $title, matter_type = $matterType, forum = $forum, reference = $reference,
                status = $status, opened_on = $openedOn, summary = $summary, search_text = $searchText,
                revision = revision + 1, updated_at = $at
         WHERE id = $id`,
      ).run({
        id,
        at: this.now().toISOString(),
        ...fields,
        searchText: foldForSearch(`${fields.title} ${fields.reference}`),
      });
      return this.get(id);
    })();
  }

  setArchived(id: string, archived: boolean): Matter {
    const at = this.now().toISOString();
    const result = this.db()
      .prepare(
        `UPDATE matters SET archived_at = $archivedAt, updated_at = $at, revision = revision + 1 WHERE id = $id`,
      )
      .run({ id, at, archivedAt: archived ? at : null });
    if (result.changes === 0) throw new AmparoError('NOT_FOUND', `No matter ${id}`);
    return this.get(id);
  }
}
