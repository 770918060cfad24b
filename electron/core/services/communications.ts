// A case's correspondence, one method per channel. Rows and their shapes live in communications-records,
// the import of saved e-mails in communications-email. Every write is audited and indexed for search in
// its own transaction, with optimistic locking on `revision`; `recorded` lets the deadlines follow a new
// communication (a reply fulfils what it answers) inside that same transaction.
import { randomUUID } from 'node:crypto';
import { AmparoError } from '../../../shared/errors';
import type {
  Communication,
  CommunicationFields,
  CommunicationList,
  EmailImportProgress,
  ImportEmailsResult,
  ListCommunicationsInput,
} from '../../../shared/schemas/communications';
import type { Classification } from '../../../shared/schemas/classification';
import { AddEvidenceInput, type EvidenceProgress } from '../../../shared/schemas/evidence';
import { OperationRunner } from '../operations/runner';
import { foldForSearch } from '../text/fold';
import { changedFields } from './changes';
import { CommunicationRecords, type CommunicationRow } from './communications-records';
import { importEmails, type EmailExtras } from './communications-email';
import { addEvidence } from './evidence-intake';
import { EvidenceRecords } from './evidence-records';
import { requireLiveMatter } from './records';
import type { RevealState } from './reveal-state';
import type { VaultContext } from './vault-context';

/** What the deadlines need to know of a communication just recorded. */
export interface RecordedCommunication {
  id: string;
  matterId: string;
  direction: Communication['direction'];
  kind: Communication['kind'];
  inReplyTo: string | null;
  occurredOn: string;
  notifiedOn: string | null;
}

export interface CommunicationDeps {
  /** Called inside the transaction that created or imported the communication. */
  recorded?: (c: RecordedCommunication) => void;
  onProgress?: (progress: EmailImportProgress) => void;
  onActivity?: () => void;
}

type ListFilters = Omit<ListCommunicationsInput, 'order'> & { order?: 'asc' | 'desc' };

export class CommunicationService {
  readonly records: CommunicationRecords;
  private readonly evidence: EvidenceRecords;
  private readonly operations: OperationRunner<EmailImportProgress>;
  private readonly attachments: OperationRunner<EvidenceProgress>;

  constructor(
    private readonly ctx: () => VaultContext,
    reveals: RevealState,
    private readonly deps: CommunicationDeps = {},
  ) {
    this.records = new CommunicationRecords(ctx, reveals);
    this.evidence = new EvidenceRecords(ctx, reveals);
    this.operations = new OperationRunner({
      ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
      ...(deps.onActivity ? { onActivity: deps.onActivity } : {}),
    });
    this.attachments = new OperationRunner(deps.onActivity ? { onActivity: deps.onActivity } : {});
  }

  /** Sets the hook after construction (the deadlines service is made after this one). */
  onRecorded(recorded: (c: RecordedCommunication) => void): void {
    this.deps.recorded = recorded;
  }

  list({ matterId, direction, counterpart, kind, text, order = 'desc' }: ListFilters): CommunicationList {
    const { db } = this.ctx();
    requireLiveMatter(db, matterId);
    const where = ['matter_id = $matterId', 'deleted_at IS NULL'];
    const params: Record<string, string> = { matterId };
    if (direction) {
      where.push('direction = $direction');
      params.direction = direction;
    }
    if (counterpart) {
      where.push('counterpart = $counterpart');
      params.counterpart = counterpart;
    }
    if (kind) {
      where.push('kind = $kind');
      params.kind = kind;
    }
    const dir = order === 'asc' ? 'ASC' : 'DESC';
    let rows = db
      .prepare(
        `SELECT * FROM communications WHERE ${where.join(' AND ')}
         ORDER BY occurred_on ${dir}, coalesce(occurred_time, '') ${dir}, created_at ${dir}`,
      )
      .all<CommunicationRow>(params);
    if (text) {
      // Folded like search: "informacion" finds "Información".
      const words = foldForSearch(text).split(/\s+/).filter(Boolean);
      rows = rows.filter((r) => {
        const hay = foldForSearch(
          [r.subject, r.body, r.reference, r.note_number, r.counterpart_name].join('\n'),
        );
        return words.every((w) => hay.includes(w));
      });
    }
    const shown = rows.filter((r) => !this.records.isHidden(r));
    return {
      items: shown.map((r) => this.records.toSummary(r)),
      hiddenConfidential: rows.length - shown.length,
    };
  }

  get(id: string): Communication {
    return this.records.toCommunication(this.records.visibleRow(id));
  }

  reindex(id: string): void {
    this.records.reindex(id);
  }

  /** The answered communication must be a live one of the same case, and no chain may loop back. */
  private checkReply(matterId: string, id: string, inReplyTo: string | null): void {
    if (!inReplyTo) return;
    const { db } = this.ctx();
    let cursor: string | null = inReplyTo;
    for (let steps = 0; cursor; steps++) {
      if (cursor === id || steps > 10_000)
        throw new AmparoError('VALIDATION_FAILED', 'A communication cannot answer itself', {
          issues: [{ path: 'inReplyTo', message: 'communications.error.replyLoop' }],
        });
      const row: { matter_id: string; in_reply_to: string | null } | undefined = db
        .prepare('SELECT matter_id, in_reply_to FROM communications WHERE id = $id AND deleted_at IS NULL')
        .get<{ matter_id: string; in_reply_to: string | null }>({ id: cursor });
      if (!row || (cursor === inReplyTo && row.matter_id !== matterId))
        throw new AmparoError('NOT_FOUND', 'The communication it answers is not in this case');
      cursor = row.in_reply_to;
    }
  }

  private insert(matterId: string, fields: CommunicationFields, email?: EmailExtras): string {
    const { db, audit, now } = this.ctx();
    const id = randomUUID();
    const at = now().toISOString();
    requireLiveMatter(db, matterId);
    this.checkReply(matterId, id, fields.inReplyTo);
    db.prepare(
      `INSERT INTO communications (id, matter_id, direction, counterpart, counterpart_name, channel, kind, occurred_on,
         occurred_time, zone, notified_on, reference, note_number, subject, body, classification, in_reply_to, origin,
         email, message_id, raw_evidence_id, created_at, updated_at)
       VALUES ($id, $matterId, $direction, $counterpart, $counterpartName, $channel, $kind, $occurredOn, $occurredTime,
         $zone, $notifiedOn, $reference, $noteNumber, $subject, $body, $classification, $inReplyTo, $origin, $email,
         $messageId, $rawEvidenceId, $at, $at)`,
    ).run({
      id,
      matterId,
      at,
      ...rowFields(fields),
      origin: email ? 'eml' : 'manual',
      email: email ? JSON.stringify(email.headers) : null,
      messageId: email?.headers.messageId ?? null,
      rawEvidenceId: email?.rawEvidenceId ?? null,
    });
    this.records.reindex(id);
    audit.append({
      action: 'record.create',
      entityType: 'communication',
      entityId: id,
      matterId,
      details: {
        direction: fields.direction,
        counterpart: fields.counterpart,
        kind: fields.kind,
        classification: fields.classification,
        origin: email ? 'eml' : 'manual',
        ...(fields.inReplyTo ? { inReplyTo: fields.inReplyTo } : {}),
      },
    });
    this.deps.recorded?.({
      id,
      matterId,
      direction: fields.direction,
      kind: fields.kind,
      inReplyTo: fields.inReplyTo,
      occurredOn: fields.occurredOn,
      notifiedOn: fields.notifiedOn,
    });
    return id;
  }

  create(matterId: string, fields: CommunicationFields): Communication {
    const { db } = this.ctx();
    const id = db.transaction(() => this.insert(matterId, fields))();
    // The one who just wrote it sees it, confidential or not (as with notes).
    return this.records.toCommunication(this.records.row(id));
  }

  update(id: string, revision: number, fields: CommunicationFields): Communication {
    const { db, audit, now } = this.ctx();
    db.transaction(() => {
      const current = this.get(id);
      if (current.revision !== revision)
        throw new AmparoError('CONFLICT', `Communication ${id} was changed elsewhere`);
      this.checkReply(current.matterId, id, fields.inReplyTo);
      db.prepare(
        `UPDATE communications SET direction = $direction, counterpart = $counterpart, counterpart_name = $counterpartName,
           channel = $channel, kind = $kind, occurred_on = $occurredOn, occurred_time = $occurredTime, zone = $zone,
           notified_on = $notifiedOn, reference = $reference, note_number = $noteNumber, subject = $subject, body = $body,
           classification = $classification, in_reply_to = $inReplyTo, revision = revision + 1, updated_at = $at
         WHERE id = $id`,
      ).run({ id, at: now().toISOString(), ...rowFields(fields) });
      this.records.reindex(id);
      audit.append({
        action: 'record.update',
        entityType: 'communication',
        entityId: id,
        matterId: current.matterId,
        details: { fields: changedFields(current, fields) },
      });
    })();
    return this.records.toCommunication(this.records.row(id));
  }

  /** Files given by path become evidence items of the case, linked to the communication. */
  async attach(id: string, paths: string[], operationId?: string) {
    const current = this.get(id);
    const from = current.counterpartName || current.counterpart;
    const how =
      current.direction === 'received'
        ? `${current.channel === 'email' ? 'Received by e-mail' : 'Received'} from ${from}`
        : `Sent to ${from}`;
    const request = AddEvidenceInput.parse({
      matterId: current.matterId,
      operationId: operationId ?? randomUUID(),
      paths,
      fields: {
        description: `Attachment of the communication "${current.subject}".`.slice(0, 20000),
        eventDate: current.occurredOn,
        source: from.slice(0, 300),
        acquisition: `${how} on ${current.occurredOn}`.slice(0, 300),
        classification: current.classification,
      },
      filing: null,
    });
    const result = await this.attachments.run(request.operationId, (op) =>
      addEvidence(op, this.ctx(), this.evidence, request, null),
    );
    const { db, audit } = this.ctx();
    db.transaction(() => {
      const last = db
        .prepare('SELECT max(position) AS n FROM communication_attachments WHERE communication_id = $id')
        .get<{ n: number | null }>({ id });
      let position = Number(last?.n ?? -1) + 1;
      for (const item of result.added) this.link(id, item.id, position++);
      if (result.added.length > 0)
        audit.append({
          action: 'record.update',
          entityType: 'communication',
          entityId: id,
          matterId: current.matterId,
          details: { fields: ['attachments'], added: result.added.length },
        });
    })();
    return {
      communication: this.get(id),
      failed: result.failed.map((f) => ({ path: f.path, code: f.code, message: f.message })),
    };
  }

  private link(communicationId: string, evidenceId: string, position: number): void {
    this.ctx()
      .db.prepare(
        `INSERT OR IGNORE INTO communication_attachments (communication_id, evidence_id, position)
         VALUES ($communicationId, $evidenceId, $position)`,
      )
      .run({ communicationId, evidenceId, position });
  }

  /** Saved e-mails (.eml) of one case, each file on its own; progress per file, cancellable. */
  async importEmails(input: {
    matterId: string;
    paths: string[];
    classification: Classification;
    operationId?: string | undefined;
  }): Promise<ImportEmailsResult> {
    requireLiveMatter(this.ctx().db, input.matterId);
    return this.operations.run(input.operationId, (op) =>
      importEmails(
        op,
        {
          ctx: this.ctx(),
          evidence: this.evidence,
          insert: (matterId, fields, email) => this.insert(matterId, fields, email),
          link: (communicationId, evidenceId, position) => this.link(communicationId, evidenceId, position),
        },
        input,
      ),
    );
  }

  cancel(operationId: string): void {
    this.operations.cancel(operationId);
    this.attachments.cancel(operationId);
  }

  abortAll(): void {
    this.operations.abortAll();
    this.attachments.abortAll();
  }
}

function rowFields(fields: CommunicationFields) {
  return {
    direction: fields.direction,
    counterpart: fields.counterpart,
    counterpartName: fields.counterpartName,
    channel: fields.channel,
    kind: fields.kind,
    occurredOn: fields.occurredOn,
    occurredTime: fields.occurredTime,
    zone: fields.occurredTime ? fields.zone : null,
    notifiedOn: fields.notifiedOn,
    reference: fields.reference,
    noteNumber: fields.noteNumber,
    subject: fields.subject,
    body: fields.body,
    classification: fields.classification,
    inReplyTo: fields.inReplyTo,
  };
}
