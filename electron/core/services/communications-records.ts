// Communication rows: reading them with the confidentiality rule, turning them into the contract's shapes,
// their attachments (evidence items) and their entry in the search index.
import { AmparoError } from '../../../shared/errors';
import type {
  Communication,
  CommunicationAttachment,
  CommunicationSummary,
  EmailHeaders,
} from '../../../shared/schemas/communications';
import type { RevealState } from './reveal-state';
import { indexForSearch } from './search-index';
import type { VaultContext } from './vault-context';

export type CommunicationRow = {
  id: string;
  matter_id: string;
  direction: string;
  counterpart: string;
  counterpart_name: string;
  channel: string;
  kind: string;
  occurred_on: string;
  occurred_time: string | null;
  zone: string | null;
  notified_on: string | null;
  reference: string;
  note_number: string;
  subject: string;
  body: string;
  classification: string;
  in_reply_to: string | null;
  origin: string;
  email: string | null;
  message_id: string | null;
  raw_evidence_id: string | null;
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

type LinkRow = {
  id: string;
  direction: string;
  occurred_on: string;
  subject: string;
  classification: string;
};

const asLink = (r: LinkRow) => ({
  id: r.id,
  direction: r.direction as Communication['direction'],
  occurredOn: r.occurred_on,
  subject: r.subject,
});

export class CommunicationRecords {
  constructor(
    private readonly ctx: () => VaultContext,
    private readonly reveals: RevealState,
  ) {}

  row(id: string, { includeDeleted = false } = {}): CommunicationRow {
    const row = this.ctx()
      .db.prepare(
        `SELECT * FROM communications WHERE id = $id ${includeDeleted ? '' : 'AND deleted_at IS NULL'}`,
      )
      .get<CommunicationRow>({ id });
    if (!row) throw new AmparoError('NOT_FOUND', `No communication ${id}`);
    return row;
  }

  isHidden(row: { classification: string; matter_id: string }): boolean {
    return row.classification === 'confidential' && !this.reveals.isConfidentialRevealed(row.matter_id);
  }

  visibleRow(id: string): CommunicationRow {
    const row = this.row(id);
    if (this.isHidden(row))
      throw new AmparoError('CONFIDENTIAL', 'This communication is confidential: reveal it first');
    return row;
  }

  attachments(id: string): CommunicationAttachment[] {
    return this.ctx()
      .db.prepare(
        `SELECT e.id, e.title, e.original_name, e.size, e.sha256, e.media_type, e.description
         FROM communication_attachments a JOIN evidence_items e ON e.id = a.evidence_id
         WHERE a.communication_id = $id AND e.deleted_at IS NULL ORDER BY a.position`,
      )
      .all<{
        id: string;
        title: string;
        original_name: string;
        size: number;
        sha256: string;
        media_type: string;
        description: string;
      }>({ id })
      .map((r) => ({
        evidenceId: r.id,
        title: r.title,
        originalName: r.original_name,
        size: r.size,
        sha256: r.sha256,
        mediaType: r.media_type,
        inline: r.description.startsWith(INLINE_MARK),
      }));
  }

  /** The live replies to `id` that may be shown now. */
  private replies(id: string, matterId: string): LinkRow[] {
    return this.ctx()
      .db.prepare(
        `SELECT id, direction, occurred_on, subject, classification FROM communications
         WHERE in_reply_to = $id AND deleted_at IS NULL ORDER BY occurred_on, created_at`,
      )
      .all<LinkRow>({ id })
      .filter((r) => !this.isHidden({ classification: r.classification, matter_id: matterId }));
  }

  private rawSha(row: CommunicationRow): string | null {
    if (!row.raw_evidence_id) return null;
    return (
      this.ctx()
        .db.prepare('SELECT sha256 FROM evidence_items WHERE id = $id')
        .get<{ sha256: string }>({ id: row.raw_evidence_id })?.sha256 ?? null
    );
  }

  private fieldsOf(row: CommunicationRow) {
    return {
      id: row.id,
      matterId: row.matter_id,
      direction: row.direction as Communication['direction'],
      counterpart: row.counterpart as Communication['counterpart'],
      counterpartName: row.counterpart_name,
      channel: row.channel as Communication['channel'],
      kind: row.kind as Communication['kind'],
      occurredOn: row.occurred_on,
      occurredTime: row.occurred_time,
      zone: row.zone,
      notifiedOn: row.notified_on,
      reference: row.reference,
      noteNumber: row.note_number,
      subject: row.subject,
      classification: row.classification as Communication['classification'],
      inReplyTo: row.in_reply_to,
      origin: row.origin as Communication['origin'],
      rawEvidenceId: row.raw_evidence_id,
      rawSha256: this.rawSha(row),
      revision: row.revision,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
    };
  }

  toCommunication(row: CommunicationRow): Communication {
    let answers: Communication['answers'] = null;
    if (row.in_reply_to) {
      const target = this.ctx()
        .db.prepare(
          'SELECT id, direction, occurred_on, subject, classification FROM communications WHERE id = $id AND deleted_at IS NULL',
        )
        .get<LinkRow>({ id: row.in_reply_to });
      if (target && !this.isHidden({ classification: target.classification, matter_id: row.matter_id }))
        answers = asLink(target);
    }
    return {
      ...this.fieldsOf(row),
      body: row.body,
      email: row.email ? (JSON.parse(row.email) as EmailHeaders) : null,
      attachments: this.attachments(row.id),
      answers,
      answeredBy: this.replies(row.id, row.matter_id).map(asLink),
    };
  }

  toSummary(row: CommunicationRow): CommunicationSummary {
    const attachments = this.attachments(row.id);
    const replies = this.replies(row.id, row.matter_id);
    return {
      ...this.fieldsOf(row),
      attachments,
      attachmentCount: attachments.length,
      answeredBy: replies.map(asLink),
      replyCount: replies.length,
    };
  }

  /** Subject and body searchable; the counterpart's name, reference and note number too. */
  reindex(id: string): void {
    const row = this.row(id, { includeDeleted: true });
    indexForSearch(this.ctx().db, {
      entityType: 'communication',
      entityId: id,
      matterId: row.matter_id,
      classification: row.classification as Communication['classification'],
      title: row.subject,
      body: [row.body, row.counterpart_name, row.reference, row.note_number].join('\n'),
    });
  }
}

/** Evidence items that were inline parts of an e-mail carry this at the start of their description. */
export const INLINE_MARK = 'Inline part of an e-mail.';
