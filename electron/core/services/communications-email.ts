// Importing saved e-mails. Each file is its own unit: read (refused above MAX_EML_BYTES before a byte is
// read), parsed, its original and every attachment streamed or written into encrypted blobs, then the
// communication, its evidence items and their custody entries recorded in one transaction. A file that
// fails leaves nothing behind and the others go on; a message already in the case (same Message-ID or
// the same bytes) is reported as a duplicate and not recorded twice.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AmparoError, type ErrorCode } from '../../../shared/errors';
import {
  MAX_EML_BYTES,
  type CommunicationFields,
  type EmailImportProgress,
  type ImportedEmail,
  type ImportEmailsResult,
} from '../../../shared/schemas/communications';
import type { Classification } from '../../../shared/schemas/classification';
import { parseEml, type ParsedEmail } from '../email/parse-eml';
import {
  guessCounterpart,
  guessKind,
  noteNumberFrom,
  referenceFrom,
  whenFromDateHeader,
} from '../email/suggest';
import { stageBytes, stageFile, type StagedBlob } from '../evidence/intake';
import type { Operation } from '../operations/runner';
import { mapSqliteError } from '../vault/database';
import type { EvidenceRecords } from './evidence-records';
import { INLINE_MARK } from './communications-records';
import type { VaultContext } from './vault-context';

export interface EmailImportDeps {
  ctx: VaultContext;
  evidence: EvidenceRecords;
  /** Records the communication (inside the caller's transaction) and returns its id. */
  insert(matterId: string, fields: CommunicationFields, email: EmailExtras): string;
  /** Links an evidence item to the communication at `position`. */
  link(communicationId: string, evidenceId: string, position: number): void;
}

export interface EmailExtras {
  headers: ParsedEmail['headers'];
  rawEvidenceId: string;
}

function toCode(error: unknown): { code: ErrorCode; message: string } {
  if (error instanceof AmparoError) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: String((error as Error)?.message ?? error) };
}

const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;

/** "Oficina MC <mc@oas.org>" */
function sender(parsed: ParsedEmail): string {
  const from = parsed.headers.from[0];
  if (!from) return 'an unknown sender';
  return from.name ? `${from.name} <${from.address}>` : from.address;
}

function fieldsFrom(parsed: ParsedEmail, classification: Classification, fallbackDate: string) {
  const counterpart = guessCounterpart(parsed.headers.from[0]?.address);
  const when = whenFromDateHeader(parsed.headers.date, counterpart);
  const subject = parsed.headers.subject.slice(0, 998) || '(no subject)';
  const fields: CommunicationFields = {
    direction: 'received',
    counterpart,
    counterpartName: (parsed.headers.from[0]?.name || parsed.headers.from[0]?.address || '').slice(0, 300),
    channel: 'email',
    kind: guessKind(subject),
    occurredOn: when?.occurredOn ?? fallbackDate,
    occurredTime: when?.occurredTime ?? null,
    zone: when?.occurredTime ? when.zone : null,
    notifiedOn: null,
    reference: referenceFrom(subject).slice(0, 200),
    noteNumber: noteNumberFrom(subject).slice(0, 200),
    subject,
    body: parsed.text.slice(0, 1_000_000),
    classification,
    inReplyTo: null,
  };
  return fields;
}

/** The live communication of the case holding this message already (by Message-ID or by the bytes). */
function existing(ctx: VaultContext, matterId: string, messageId: string | null, sha256: string) {
  return ctx.db
    .prepare(
      `SELECT c.id, c.subject, c.classification FROM communications c
       LEFT JOIN evidence_items e ON e.id = c.raw_evidence_id
       WHERE c.matter_id = $matterId AND c.deleted_at IS NULL
         AND ((c.message_id IS NOT NULL AND c.message_id = $messageId) OR e.sha256 = $sha256)
       ORDER BY c.created_at LIMIT 1`,
    )
    .get<{ id: string; subject: string; classification: string }>({ matterId, messageId, sha256 });
}

/**
 * The message read whole (within MAX_EML_BYTES), hashed and parsed. Its bytes live only in here: once the
 * parts are decoded they are let go (the original is streamed from the file into its blob, and its hash
 * compared with this one).
 */
async function readAndParse(
  op: Operation<EmailImportProgress>,
  path: string,
  name: string,
  report: (step: EmailImportProgress['step']) => void,
): Promise<{ sha256: string; parsed: ParsedEmail }> {
  report('reading');
  let raw: Buffer;
  try {
    raw = await readFile(path, { signal: op.signal });
  } catch (error) {
    op.throwIfCancelled();
    throw new AmparoError(
      'FILE_UNREADABLE',
      `${name}: cannot read the file (${(error as NodeJS.ErrnoException).code})`,
    );
  }
  const sha256 = createHash('sha256').update(raw).digest('hex');
  report('parsing');
  return { sha256, parsed: await parseEml(raw, name) };
}

async function importOne(
  op: Operation<EmailImportProgress>,
  deps: EmailImportDeps,
  matterId: string,
  path: string,
  classification: Classification,
  report: (step: EmailImportProgress['step']) => void,
): Promise<ImportedEmail> {
  const { ctx, evidence } = deps;
  const name = basename(path);
  const base = { path, name, attachments: 0, code: null, message: null };
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new AmparoError('FILE_UNREADABLE', `${name}: not a regular file`);
    size = info.size;
  } catch (error) {
    if (error instanceof AmparoError) throw error;
    throw new AmparoError(
      'FILE_UNREADABLE',
      `${name}: cannot read the file (${(error as NodeJS.ErrnoException).code})`,
    );
  }
  if (size > MAX_EML_BYTES)
    throw new AmparoError(
      'FILE_TOO_LARGE',
      `${name}: ${mib(size)} is more than the ${mib(MAX_EML_BYTES)} an e-mail may have here; nothing was read`,
    );
  const { sha256, parsed } = await readAndParse(op, path, name, report);
  const twin = existing(ctx, matterId, parsed.headers.messageId, sha256);
  if (twin)
    return {
      ...base,
      status: 'duplicate',
      communicationId: twin.id,
      subject: twin.classification === 'confidential' ? null : twin.subject,
    };
  op.throwIfCancelled();
  report('storing');
  const from = sender(parsed);
  const fields = fieldsFrom(parsed, classification, ctx.now().toISOString().slice(0, 10));
  const received = `Received by e-mail from ${from}`;
  const stagedBlobs: { staged: StagedBlob; file: ReturnType<typeof op.stage> }[] = [];
  try {
    // The original streams from disk into its blob; its hash must be the one of the bytes just parsed.
    const original = await stageFile(ctx.dir, path, { signal: op.signal, name });
    stagedBlobs.push({ staged: original, file: op.stage(original.path) });
    if (original.sha256 !== sha256)
      throw new AmparoError('FILE_CHANGED', `${name}: the file changed while it was being read`);
    for (const part of parsed.parts) {
      op.throwIfCancelled();
      const staged = await stageBytes(ctx.dir, part.data, part.name);
      stagedBlobs.push({ staged, file: op.stage(staged.path) });
    }
    op.throwIfCancelled();
    report('recording');
    const when = fields.occurredTime
      ? ` on ${fields.occurredOn} ${fields.occurredTime}`
      : ` on ${fields.occurredOn}`;
    const messageNote = parsed.headers.messageId ? ` (message ${parsed.headers.messageId})` : '';
    let id = '';
    try {
      ctx.db.transaction(() => {
        const rawId = evidence.commitItem(
          original,
          matterId,
          {
            title: `E-mail: ${fields.subject}`.slice(0, 300),
            description: `The original message as saved (.eml)${messageNote}.`,
            eventDate: fields.occurredOn,
            source: from.slice(0, 300),
            acquisition: `${received}${when}; the saved message file`.slice(0, 300),
            classification,
            tags: [],
            incidentIds: [],
            personIds: [],
          },
          { filing: null, rawName: null },
        );
        id = deps.insert(matterId, fields, { headers: parsed.headers, rawEvidenceId: rawId });
        parsed.parts.forEach((part, index) => {
          const staged = stagedBlobs[index + 1]!.staged;
          const itemId = evidence.commitItem(
            staged,
            matterId,
            {
              title: part.name.slice(0, 300),
              description:
                `${part.inline ? `${INLINE_MARK} ` : ''}Attachment of the e-mail "${fields.subject}"${messageNote}.`.slice(
                  0,
                  20000,
                ),
              eventDate: fields.occurredOn,
              source: from.slice(0, 300),
              acquisition: `${received}${when}; attachment ${index + 1} of the message`.slice(0, 300),
              classification,
              tags: [],
              incidentIds: [],
              personIds: [],
            },
            { filing: null, rawName: null },
          );
          deps.link(id, itemId, index);
        });
      })();
    } catch (error) {
      throw mapSqliteError(error, 'Recording the e-mail');
    }
    for (const { file } of stagedBlobs) file.keep();
    return {
      ...base,
      status: 'imported',
      communicationId: id,
      subject: fields.subject,
      attachments: parsed.parts.length,
    };
  } catch (error) {
    for (const { file } of stagedBlobs) await file.discard();
    throw error;
  } finally {
    for (const { staged } of stagedBlobs) staged.key.fill(0);
  }
}

export async function importEmails(
  op: Operation<EmailImportProgress>,
  deps: EmailImportDeps,
  input: { matterId: string; paths: string[]; classification: Classification },
): Promise<ImportEmailsResult> {
  const results: ImportedEmail[] = [];
  let cancelled = false;
  const count = input.paths.length;
  for (const [index, path] of input.paths.entries()) {
    const name = basename(path);
    if (op.cancelled) {
      cancelled = true;
      break;
    }
    const report = (step: EmailImportProgress['step']) =>
      op.progress({ operationId: op.id, fileIndex: index, fileCount: count, name, step });
    try {
      results.push(await importOne(op, deps, input.matterId, path, input.classification, report));
    } catch (error) {
      const { code, message } = toCode(error);
      if (code === 'CANCELLED' || op.cancelled) {
        cancelled = true;
        break;
      }
      results.push({
        path,
        name,
        status: 'failed',
        communicationId: null,
        subject: null,
        attachments: 0,
        code,
        message,
      });
      if (code === 'VAULT_LOCKED') {
        for (const rest of input.paths.slice(index + 1))
          results.push({
            path: rest,
            name: basename(rest),
            status: 'failed',
            communicationId: null,
            subject: null,
            attachments: 0,
            code,
            message: `${basename(rest)}: not imported, the vault was locked`,
          });
        break;
      }
    }
    report('done');
  }
  return { results, cancelled };
}
