// Notes on a matter (Markdown) with tags.
import { randomUUID } from 'node:crypto';
import { AmparoError } from '../../../shared/errors';
import type { Note, NoteFields } from '../../../shared/schemas/notes';
import { changedFields } from './changes';
import type { RevealState } from './reveal-state';
import { indexForSearch } from './search-index';
import { getTags, setTags } from './tags';
import { requireLiveMatter } from './records';
import type { VaultContext } from './vault-context';

type NoteRow = {
  id: string;
  matter_id: string;
  title: string;
  body: string;
  classification: string;
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

export class NoteService {
  constructor(
    private readonly ctx: () => VaultContext,
    private readonly reveals: RevealState,
  ) {}

  private toNote(row: NoteRow): Note {
    return {
      id: row.id,
      matterId: row.matter_id,
      title: row.title,
      body: row.body,
      classification: row.classification as Note['classification'],
      tags: getTags(this.ctx().db, 'note', row.id),
      revision: row.revision,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
    };
  }

  list(matterId: string): { items: Note[]; hiddenConfidential: number } {
    const rows = this.ctx()
      .db.prepare(
        'SELECT * FROM notes WHERE matter_id = $matterId AND deleted_at IS NULL ORDER BY updated_at DESC',
      )
      .all<NoteRow>({ matterId });
    const showConfidential = this.reveals.isConfidentialRevealed(matterId);
    const shown = rows.filter((r) => showConfidential || r.classification !== 'confidential');
    return { items: shown.map((r) => this.toNote(r)), hiddenConfidential: rows.length - shown.length };
  }

  private row(id: string): NoteRow {
    const row = this.ctx().db.prepare('SELECT * FROM notes WHERE id = $id').get({ id }) as
      NoteRow | undefined;
    if (!row) throw new AmparoError('NOT_FOUND', `No note ${id}`);
    return row;
  }

  create(matterId: string, fields: NoteFields): Note {
    const { db, audit, now } = this.ctx();
    const id = randomUUID();
    const at = now().toISOString();
    db.transaction(() => {
      requireLiveMatter(db, matterId);
      db.prepare(
        `INSERT INTO notes (id, matter_id, title, body, classification, created_at, updated_at)
         VALUES ($id, $matterId, $title, $body, $classification, $at, $at)`,
      ).run({
        id,
        matterId,
        at,
        title: fields.title,
        body: fields.body,
        classification: fields.classification,
      });
      setTags(db, 'note', id, fields.tags);
      this.index(id, matterId, fields);
      audit.append({
        action: 'record.create',
        entityType: 'note',
        entityId: id,
        matterId,
        details: { classification: fields.classification },
      });
    })();
    return this.toNote(this.row(id));
  }

  update(id: string, revision: number, fields: NoteFields): Note {
    const { db, audit, now } = this.ctx();
    db.transaction(() => {
      const current = this.toNote(this.row(id));
      if (current.revision !== revision)
        throw new AmparoError('CONFLICT', `Note ${id} was changed elsewhere`);
      db.prepare(
        `UPDATE notes SET title = $title, body = $body, classification = $classification, revision = revision + 1, updated_at = $at
         WHERE id = $id`,
      ).run({
        id,
        at: now().toISOString(),
        title: fields.title,
        body: fields.body,
        classification: fields.classification,
      });
      setTags(db, 'note', id, fields.tags);
      this.index(id, current.matterId, fields);
      audit.append({
        action: 'record.update',
        entityType: 'note',
        entityId: id,
        matterId: current.matterId,
        details: { fields: changedFields(current, fields) },
      });
    })();
    return this.toNote(this.row(id));
  }

  reindex(id: string): void {
    const note = this.toNote(this.row(id));
    this.index(id, note.matterId, note);
  }

  private index(id: string, matterId: string, fields: NoteFields): void {
    indexForSearch(this.ctx().db, {
      entityType: 'note',
      entityId: id,
      matterId,
      classification: fields.classification,
      title: fields.title,
      body: `${fields.body}\n${fields.tags.join(' ')}`,
    });
  }
}
