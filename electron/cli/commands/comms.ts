// `amparo comms add | import | list`: a case's correspondence from the command line. The subject and
// body of a letter are case text: they come only through --from-json (standard input or a file).
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type {
  CommunicationFieldsInput,
  CommunicationSummary,
  ImportedEmail,
} from '../../../shared/schemas/communications';
import { withUnlockedVault, type CoreClient } from '../core-client';
import { escapeForTerminal as esc, toTerminalJson } from '../escape';
import { EXIT } from '../exit';
import { UsageError } from '../io';
import { flag, list, text, type Command } from './types';

/** Option (and JSON key) → field of the communication. */
const FIELD_OF = {
  direction: 'direction',
  counterpart: 'counterpart',
  'counterpart-name': 'counterpartName',
  channel: 'channel',
  kind: 'kind',
  date: 'occurredOn',
  time: 'occurredTime',
  zone: 'zone',
  'notified-on': 'notifiedOn',
  reference: 'reference',
  'note-number': 'noteNumber',
  subject: 'subject',
  body: 'body',
  classification: 'classification',
  'in-reply-to': 'inReplyTo',
} as const;
const ADD_FIELDS = ['case', ...Object.keys(FIELD_OF)] as const;
/** Never accepted as arguments (every user on the machine can read argv). */
const JSON_ONLY = ['subject', 'body', 'counterpart-name'];

async function findCase(core: CoreClient, ref: string): Promise<string> {
  return (await core.call('matters:find', { ref })).id;
}

export const commsAdd: Command = {
  name: 'comms add',
  usage: `comms add <dir> --case REFERENCE-OR-ID --from-json -|FILE
                                     Record a communication; JSON fields: direction (received|sent), counterpart
                                     (commission|state|court|beneficiary|co_counsel|national_authority|other),
                                     channel (portal|email|letter|meeting|call|other), date (YYYY-MM-DD), subject
                                     (all required), kind, time (HH:MM), zone (IANA), notified-on, reference,
                                     note-number, body, counterpart-name, classification, in-reply-to (an id)`,
  options: {
    'passphrase-stdin': { type: 'boolean' },
    'from-json': { type: 'string' },
    json: { type: 'boolean' },
    ...Object.fromEntries(ADD_FIELDS.map((name) => [name, { type: 'string' } as const])),
  },
  textFields: ADD_FIELDS,
  async run(ctx) {
    const given = JSON_ONLY.filter((name) => ctx.values[name] !== undefined);
    if (given.length > 0)
      throw new UsageError(
        `comms add: give ${given.map((n) => `"${n}"`).join(', ')} through --from-json, never as arguments`,
      );
    return withUnlockedVault(ctx, async (core) => {
      const values = await ctx.readFields();
      const ref = text(values, 'case');
      if (!ref) throw new UsageError('comms add needs --case REFERENCE-OR-ID');
      const fields: Record<string, string> = {};
      for (const [option, field] of Object.entries(FIELD_OF)) {
        const value = text(values, option);
        if (value !== undefined) fields[field] = value;
      }
      const matterId = await findCase(core, ref);
      const created = await core.call('communications:create', {
        matterId,
        fields: fields as unknown as CommunicationFieldsInput,
      });
      ctx.out(flag(values, 'json') ? toTerminalJson(created) : created.id);
      return EXIT.ok;
    });
  },
};

function resultLine(r: ImportedEmail): string {
  const what = r.status === 'imported' ? `${r.attachments} attachment(s)` : 'already in the case';
  return [r.status, r.communicationId ?? '-', esc(r.name), what].join('\t');
}

export const commsImport: Command = {
  name: 'comms import',
  usage: `comms import <dir> --case REFERENCE-OR-ID <files.eml>... [--classification C] [--json]
               [--from-json -|FILE (fields: case, classification, "paths": [files])]
                                     Import saved e-mails: each its own communication, the attachments and the
                                     original .eml as evidence items; progress on stderr, one line per file`,
  options: {
    'passphrase-stdin': { type: 'boolean' },
    'from-json': { type: 'string' },
    json: { type: 'boolean' },
    case: { type: 'string' },
    classification: { type: 'string' },
  },
  textFields: ['case', 'classification'],
  args: 'paths',
  async run(ctx) {
    const { io, args } = ctx;
    return withUnlockedVault(ctx, async (core) => {
      const values = await ctx.readFields();
      const ref = text(values, 'case');
      if (!ref) throw new UsageError('comms import needs --case REFERENCE-OR-ID');
      const paths = [...args, ...list(values, 'paths')];
      if (paths.length === 0) throw new UsageError('comms import needs at least one .eml file');
      const matterId = await findCase(core, ref);
      const stopProgress = core.onEvent('communications:progress', (p) => {
        if (p.step === 'reading') io.stderr.write(`[${p.fileIndex + 1}/${p.fileCount}] ${esc(p.name)}\n`);
      });
      const operationId = randomUUID();
      const onInterrupt = () =>
        void core.call('communications:cancel', { operationId }).catch(() => undefined);
      process.once('SIGINT', onInterrupt);
      let result;
      try {
        result = await core.call('communications:importEmails', {
          matterId,
          operationId,
          paths: paths.map((p) => resolve(p)),
          classification: (text(values, 'classification') ?? 'restricted') as 'restricted',
        });
      } finally {
        process.removeListener('SIGINT', onInterrupt);
        stopProgress();
      }
      if (flag(values, 'json')) ctx.out(toTerminalJson(result));
      else for (const r of result.results) if (r.status !== 'failed') ctx.out(resultLine(r));
      const failed = result.results.filter((r) => r.status === 'failed');
      for (const f of failed) ctx.note(`amparo: ${f.code}: ${esc(f.message ?? f.name)}`);
      if (result.cancelled) ctx.note('amparo: cancelled; nothing was saved of the file in progress');
      const count = (s: ImportedEmail['status']) => result.results.filter((r) => r.status === s).length;
      ctx.note(`${count('imported')} imported, ${count('duplicate')} duplicate(s), ${failed.length} failed`);
      return failed.length > 0 || result.cancelled ? EXIT.someFilesFailed : EXIT.ok;
    });
  },
};

function listLine(c: CommunicationSummary): string {
  const when = c.occurredTime ? `${c.occurredOn} ${c.occurredTime}` : c.occurredOn;
  return [c.id, when, c.direction, c.counterpart, c.kind, c.reference || '-', c.subject].map(esc).join('\t');
}

export const commsList: Command = {
  name: 'comms list',
  usage: `comms list <dir> --case REFERENCE-OR-ID [--json]
                                     The case's communications, newest first: id, date, direction,
                                     counterpart, kind, reference, subject`,
  options: {
    'passphrase-stdin': { type: 'boolean' },
    json: { type: 'boolean' },
    case: { type: 'string' },
  },
  async run(ctx) {
    return withUnlockedVault(ctx, async (core) => {
      const ref = text(ctx.values, 'case');
      if (!ref) throw new UsageError('comms list needs --case REFERENCE-OR-ID');
      const listed = await core.call('communications:list', { matterId: await findCase(core, ref) });
      if (flag(ctx.values, 'json')) ctx.out(toTerminalJson(listed.items));
      else for (const c of listed.items) ctx.out(listLine(c));
      if (listed.hiddenConfidential > 0)
        ctx.note(`amparo: note: ${listed.hiddenConfidential} confidential communication(s) not shown`);
      return EXIT.ok;
    });
  },
};
