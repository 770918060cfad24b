// Drafts of filings: create (pre-filled from the case file), autosave with optimistic locking, versions
// (bounded: autosaves within COALESCE_MINUTES of the latest autosave version replace it), restore (a new
// version from an old one), soft delete.
import { randomUUID } from 'node:crypto';
import { AmparoError } from '../../../shared/errors';
import {
  FilingAnswers,
  FilingDocument,
  type CreateFilingInput,
  type Filing,
  type FilingFields,
  type FilingSummary,
  type FilingVersion,
  type FilingVersionSummary,
} from '../../../shared/schemas/filings';
import { prefillDraft } from '../filings/prefill';
import { kindTitle } from '../filings/words';
import { requireLiveMatter } from './records';
import type { VaultContext } from './vault-context';

/** Autosaves closer together than this coalesce into one version. */
export const COALESCE_MINUTES = 10;

type FilingRow = {
  id: string;
  matter_id: string;
  kind: Filing['kind'];
  lang: Filing['lang'];
  title: string;
  answers: string;
  document: string;
  answers_communication_id: string | null;
  exhibit_list: string;
  status: Filing['status'];
  version: number;
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

type VersionRow = {
  filing_id: string;
  version: number;
  title: string;
  lang: Filing['lang'];
  answers: string;
  document: string;
  reason: string;
  restored_from: number | null;
  saved_at: string;
  saved_by: string;
};

export type VersionReason = 'create' | 'autosave' | 'explicit' | 'restore' | 'leak_fix';

function toFiling(row: FilingRow): Filing {
  return {
    id: row.id,
    matterId: row.matter_id,
    kind: row.kind,
    lang: row.lang,
    title: row.title,
    answers: FilingAnswers.parse(JSON.parse(row.answers)),
    document: FilingDocument.parse(JSON.parse(row.document)),
    status: row.status,
    exhibitList: row.exhibit_list,
    version: row.version,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

function toSummary(row: FilingRow): FilingSummary {
  const { answers: _a, document: _d, deletedAt: _x, exhibitList: _l, ...summary } = toFiling(row);
  return summary;
}

function toVersionSummary(row: VersionRow): FilingVersionSummary {
  return {
    filingId: row.filing_id,
    version: row.version,
    title: row.title,
    savedAt: row.saved_at,
    savedBy: row.saved_by,
    reason: row.reason,
    restoredFrom: row.restored_from,
  };
}

const sameContent = (a: Pick<VersionRow, 'title' | 'lang' | 'answers' | 'document'>, b: typeof a) =>
  a.title === b.title && a.lang === b.lang && a.answers === b.answers && a.document === b.document;

export class FilingService {
  constructor(private readonly ctx: () => VaultContext) {}

  private row(id: string, live = true): FilingRow {
    const row = this.ctx().db.prepare('SELECT * FROM filings WHERE id = $id').get<FilingRow>({ id });
    if (!row || (live && row.deleted_at !== null)) throw new AmparoError('NOT_FOUND', `No filing ${id}`);
    return row;
  }

  list(matterId: string): FilingSummary[] {
    return this.ctx()
      .db.prepare(
        'SELECT * FROM filings WHERE matter_id = $matterId AND deleted_at IS NULL ORDER BY updated_at DESC',
      )
      .all<FilingRow>({ matterId })
      .map(toSummary);
  }

  get(id: string): Filing {
    return toFiling(this.row(id));
  }

  create(input: CreateFilingInput): Filing {
    const { db, audit, now } = this.ctx();
    const id = randomUUID();
    const at = now().toISOString();
    db.transaction(() => {
      requireLiveMatter(db, input.matterId);
      const draft = prefillDraft(db, {
        matterId: input.matterId,
        kind: input.kind,
        lang: input.lang,
        communicationId: input.communicationId ?? null,
      });
      const title = input.title?.trim() || draft.title;
      const answers = JSON.stringify(draft.answers);
      const document = JSON.stringify(draft.document);
      db.prepare(
        `INSERT INTO filings (id, matter_id, kind, lang, title, answers, document, answers_communication_id,
           exhibit_list, version, created_at, updated_at)
         VALUES ($id, $matterId, $kind, $lang, $title, $answers, $document, $communicationId, $exhibitList, 0, $at, $at)`,
      ).run({
        id,
        matterId: input.matterId,
        kind: input.kind,
        lang: input.lang,
        title,
        answers,
        document,
        communicationId: draft.answers.kind === 'observations' ? draft.answers.communicationId : null,
        exhibitList: `${kindTitle(input.kind, input.lang)} ${at.slice(0, 10)} #${id.slice(0, 8)}`,
        at,
      });
      this.addVersion(id, { title, lang: input.lang, answers, document }, 'create', null);
      audit.append({
        action: 'record.create',
        entityType: 'filing',
        entityId: id,
        matterId: input.matterId,
        details: { kind: input.kind, lang: input.lang },
      });
    })();
    return this.get(id);
  }

  /**
   * An autosave or an explicit save. Content that did not change makes no version; an autosave replaces
   * the latest version when that one is an autosave made less than COALESCE_MINUTES ago.
   */
  update(id: string, revision: number, patch: Partial<FilingFields>, explicit: boolean): Filing {
    const { db } = this.ctx();
    db.transaction(() => {
      const current = this.row(id);
      if (current.revision !== revision)
        throw new AmparoError('CONFLICT', `Filing ${id} was changed elsewhere`);
      if (patch.answers && patch.answers.kind !== current.kind)
        throw new AmparoError('VALIDATION_FAILED', 'The answers are of another kind of filing', {
          issues: [{ path: 'fields.answers.kind', message: 'validation.filingKind' }],
        });
      this.write(current, patch, explicit ? 'explicit' : 'autosave', null);
    })();
    return this.get(id);
  }

  /** Writes new content (the caller holds a transaction and checked the revision). */
  write(
    current: FilingRow,
    patch: Partial<FilingFields>,
    reason: VersionReason,
    restoredFrom: number | null,
  ): void {
    const { db, audit, now } = this.ctx();
    const next = {
      title: patch.title ?? current.title,
      lang: patch.lang ?? current.lang,
      answers: patch.answers ? JSON.stringify(patch.answers) : current.answers,
      document: patch.document ? JSON.stringify(patch.document) : current.document,
    };
    const status = patch.status ?? current.status;
    const contentChanged = !sameContent(current, next);
    if (!contentChanged && status === current.status && reason !== 'explicit' && reason !== 'restore') return;
    db.prepare(
      `UPDATE filings SET title = $title, lang = $lang, answers = $answers, document = $document,
         answers_communication_id = $communicationId, status = $status,
         revision = revision + 1, updated_at = $at WHERE id = $id`,
    ).run({
      id: current.id,
      ...next,
      communicationId:
        current.kind === 'observations'
          ? ((JSON.parse(next.answers) as { communicationId: string | null }).communicationId ?? null)
          : null,
      status,
      at: now().toISOString(),
    });
    this.recordVersion(current.id, next, reason, restoredFrom);
    audit.append({
      action: 'record.update',
      entityType: 'filing',
      entityId: current.id,
      matterId: current.matter_id,
      details: {
        fields: (['title', 'lang', 'answers', 'document'] as const)
          .filter((f) => next[f] !== current[f])
          .concat(status !== current.status ? ['status' as never] : []),
        ...(reason !== 'autosave' ? { reason } : {}),
      },
    });
  }

  private recordVersion(
    id: string,
    content: Pick<VersionRow, 'title' | 'lang' | 'answers' | 'document'>,
    reason: VersionReason,
    restoredFrom: number | null,
  ): void {
    const { db, now } = this.ctx();
    const latest = db
      .prepare('SELECT * FROM filing_versions WHERE filing_id = $id ORDER BY version DESC LIMIT 1')
      .get<VersionRow>({ id });
    if (latest && reason !== 'restore' && sameContent(latest, content)) return;
    if (
      latest &&
      reason === 'autosave' &&
      latest.reason === 'autosave' &&
      now().getTime() - Date.parse(latest.saved_at) < COALESCE_MINUTES * 60_000
    ) {
      db.prepare(
        `UPDATE filing_versions SET title = $title, lang = $lang, answers = $answers, document = $document
         WHERE filing_id = $id AND version = $version`,
      ).run({ id, version: latest.version, ...content });
      return;
    }
    this.addVersion(id, content, reason, restoredFrom);
  }

  private addVersion(
    id: string,
    content: Pick<VersionRow, 'title' | 'lang' | 'answers' | 'document'>,
    reason: VersionReason,
    restoredFrom: number | null,
  ): void {
    const { db, now, actor } = this.ctx();
    const { version } = db
      .prepare('SELECT COALESCE(MAX(version), 0) + 1 AS version FROM filing_versions WHERE filing_id = $id')
      .get<{ version: number }>({ id })!;
    db.prepare(
      `INSERT INTO filing_versions (filing_id, version, title, lang, answers, document, reason, restored_from,
         saved_at, saved_by)
       VALUES ($id, $version, $title, $lang, $answers, $document, $reason, $restoredFrom, $at, $by)`,
    ).run({ id, version, ...content, reason, restoredFrom, at: now().toISOString(), by: actor() });
    db.prepare('UPDATE filings SET version = $version WHERE id = $id').run({ id, version });
  }

  versions(filingId: string): FilingVersionSummary[] {
    this.row(filingId);
    return this.ctx()
      .db.prepare('SELECT * FROM filing_versions WHERE filing_id = $filingId ORDER BY version DESC')
      .all<VersionRow>({ filingId })
      .map(toVersionSummary);
  }

  version(filingId: string, version: number): FilingVersion {
    this.row(filingId);
    const row = this.ctx()
      .db.prepare('SELECT * FROM filing_versions WHERE filing_id = $filingId AND version = $version')
      .get<VersionRow>({ filingId, version });
    if (!row) throw new AmparoError('NOT_FOUND', `No version ${version} of filing ${filingId}`);
    return {
      ...toVersionSummary(row),
      lang: row.lang,
      answers: FilingAnswers.parse(JSON.parse(row.answers)),
      document: FilingDocument.parse(JSON.parse(row.document)),
    };
  }

  /** The old version's content becomes the draft again, as a new version; later versions stay. */
  restoreVersion(filingId: string, version: number, revision: number): Filing {
    const { db } = this.ctx();
    db.transaction(() => {
      const current = this.row(filingId);
      if (current.revision !== revision)
        throw new AmparoError('CONFLICT', `Filing ${filingId} was changed elsewhere`);
      const old = this.version(filingId, version);
      this.write(
        current,
        { title: old.title, lang: old.lang, answers: old.answers, document: old.document },
        'restore',
        version,
      );
    })();
    return this.get(filingId);
  }

  delete(id: string): void {
    const { db, audit, now } = this.ctx();
    db.transaction(() => {
      const row = this.row(id);
      db.prepare('UPDATE filings SET deleted_at = $at WHERE id = $id').run({ id, at: now().toISOString() });
      audit.append({ action: 'record.delete', entityType: 'filing', entityId: id, matterId: row.matter_id });
    })();
  }

  /** For the leak guard and generation: the live row. */
  rawRow(id: string): FilingRow {
    return this.row(id);
  }
}
