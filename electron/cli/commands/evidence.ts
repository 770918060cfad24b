// `amparo evidence add | list | verify`.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { EvidenceSummary, IntakeFailure, SkippedEntry } from '../../../shared/schemas/evidence';
import { describeCheck } from '../../core/evidence/verify';
import { withUnlockedVault, type CoreClient } from '../core-client';
import { escapeForTerminal as esc, nameForTerminal, toTerminalJson } from '../escape';
import { EXIT } from '../exit';
import { UsageError } from '../io';
import { flag, list, text, type Command } from './types';

const EVIDENCE_FIELDS = [
  'case',
  'title',
  'source',
  'acquisition',
  'event-date',
  'classification',
  'filing',
] as const;

/** `evidence list` and `verify`: one case (or all) and JSON output. */
const CASE_SCOPED_OPTIONS = {
  'passphrase-stdin': { type: 'boolean' },
  json: { type: 'boolean' },
  case: { type: 'string' },
} as const;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** One line per item: `id  sha256  size bytes  name  exhibit N`. */
function itemLine(item: EvidenceSummary): string {
  const exhibit = item.exhibits[0] ? `  exhibit ${item.exhibits[0].number}` : '';
  return `${item.id}  ${item.sha256}  ${item.size} bytes  ${nameForTerminal(item.originalName, item.originalNameRaw)}${exhibit}`;
}

/** `path (a symbolic link; not taken in)`, the path from its exact bytes when it has them. */
function skippedLine(entry: SkippedEntry): string {
  const what = entry.reason === 'link' ? 'a symbolic link' : 'a pipe, socket or device';
  return `${nameForTerminal(entry.path, entry.pathRaw)} (${what}; not taken in)`;
}

/** A failure's message; when it starts with a name that is not UTF-8, that name from its exact bytes. */
function failureText(f: IntakeFailure): string {
  if (!f.nameRaw || !f.message.startsWith(f.name)) return esc(f.message);
  return nameForTerminal(f.name, f.nameRaw) + esc(f.message.slice(f.name.length));
}

async function findCase(core: CoreClient, ref: string): Promise<string> {
  return (await core.call('matters:find', { ref })).id;
}

export const evidenceAdd: Command = {
  name: 'evidence add',
  usage: `evidence add <dir> --case REFERENCE-OR-ID <files or folders>...
               [--source WHO] [--acquisition HOW] [--event-date YYYY-MM-DD] [--title T]
               [--classification C] [--filing NAME | --no-exhibit] [--json]
               [--from-json -|FILE (fields: the options above, and "paths": [files or folders])]
                                     Take in evidence (hash, encrypt, custody entry); progress on stderr`,
  options: {
    'passphrase-stdin': { type: 'boolean' },
    'from-json': { type: 'string' },
    json: { type: 'boolean' },
    'no-exhibit': { type: 'boolean' },
    ...Object.fromEntries(EVIDENCE_FIELDS.map((name) => [name, { type: 'string' } as const])),
  },
  textFields: EVIDENCE_FIELDS,
  args: 'paths',
  async run(ctx) {
    const { io, args } = ctx;
    if (!text(ctx.values, 'case') && ctx.values['from-json'] === undefined)
      throw new UsageError('evidence add needs --case REFERENCE-OR-ID');
    if (args.length === 0 && ctx.values['from-json'] === undefined)
      throw new UsageError('evidence add needs at least one file or folder');
    return withUnlockedVault(ctx, async (core) => {
      const values = await ctx.readFields();
      const ref = text(values, 'case');
      if (!ref) throw new UsageError('evidence add needs --case REFERENCE-OR-ID');
      const paths = [...args, ...list(values, 'paths')];
      if (paths.length === 0) throw new UsageError('evidence add needs at least one file or folder');
      const matterId = await findCase(core, ref);
      const isTty = (io.stderr as { isTTY?: boolean }).isTTY === true;
      let lastStep = '';
      const stopProgress = core.onEvent('evidence:progress', (p) => {
        const percent = p.bytesTotal > 0 ? Math.floor((100 * p.bytesDone) / p.bytesTotal) : 100;
        const step = `[${p.fileIndex + 1}/${p.fileCount}]`;
        const line = `${step} ${percent}% ${mib(p.bytesDone)} of ${mib(p.bytesTotal)}  ${nameForTerminal(p.name, p.nameRaw)}`;
        if (isTty) io.stderr.write(`\r\x1b[K${line}`);
        else if (`${step} ${percent}` !== lastStep) io.stderr.write(`${line}\n`);
        lastStep = `${step} ${percent}`;
      });
      const operationId = randomUUID();
      // Ctrl+C stops cleanly: the file in progress leaves nothing behind; the ones finished stay recorded.
      const onInterrupt = () => void core.call('evidence:cancel', { operationId }).catch(() => undefined);
      process.once('SIGINT', onInterrupt);
      let result;
      try {
        result = await core.call('evidence:add', {
          matterId,
          operationId,
          paths: paths.map((p) => resolve(p)),
          fields: {
            title: text(values, 'title') ?? '',
            source: text(values, 'source') ?? '',
            acquisition: text(values, 'acquisition') ?? '',
            eventDate: text(values, 'event-date') ?? null,
            classification: (text(values, 'classification') ??
              'restricted') as EvidenceSummary['classification'],
          },
          filing: flag(values, 'no-exhibit') ? null : (text(values, 'filing') ?? ''),
        });
      } finally {
        process.removeListener('SIGINT', onInterrupt);
        stopProgress();
        if (isTty) io.stderr.write('\n');
      }
      if (flag(values, 'json')) ctx.out(toTerminalJson(result));
      else for (const item of result.added) ctx.out(itemLine(item));
      for (const name of result.empty)
        ctx.note(`amparo: note: ${esc(name)} is empty (0 bytes); recorded as received`);
      for (const f of result.failed) ctx.note(`amparo: ${f.code}: ${failureText(f)}`);
      for (const l of result.linked ?? [])
        ctx.note(`amparo: linked: ${esc(l.link)} is a symbolic link; recorded as ${esc(l.target)}`);
      for (const skipped of result.skipped ?? []) ctx.note(`amparo: skipped: ${skippedLine(skipped)}`);
      if (result.cancelled) ctx.note('amparo: cancelled; nothing was saved of the file in progress');
      ctx.note(`${result.added.length} added, ${result.failed.length} failed`);
      return result.failed.length > 0 || result.cancelled ? EXIT.someFilesFailed : EXIT.ok;
    });
  },
};

export const evidenceList: Command = {
  name: 'evidence list',
  usage: `evidence list <dir> [--case REFERENCE-OR-ID] [--json]
                                     Every item with its SHA-256, size and exhibit number`,
  options: CASE_SCOPED_OPTIONS,
  async run(ctx) {
    return withUnlockedVault(ctx, async (core) => {
      const ref = text(ctx.values, 'case');
      const matterIds = ref ? [await findCase(core, ref)] : await allCaseIds(core);
      const items: EvidenceSummary[] = [];
      let hidden = 0;
      for (const matterId of matterIds) {
        const list = await core.call('evidence:list', { matterId });
        items.push(...list.items);
        hidden += list.hiddenConfidential;
      }
      if (flag(ctx.values, 'json')) ctx.out(toTerminalJson(items));
      else for (const item of items) ctx.out(itemLine(item));
      if (hidden > 0) ctx.note(`amparo: note: ${hidden} confidential item(s) not shown`);
      return EXIT.ok;
    });
  },
};

/** Every case the app would list (open and archived; confidential ones stay hidden, as in the app). */
async function allCaseIds(core: CoreClient): Promise<string[]> {
  const ids: string[] = [];
  for (const archived of [false, true]) {
    for (let offset = 0; ; offset += 500) {
      const page = await core.call('matters:list', { archived, query: '', limit: 500, offset });
      ids.push(...page.items.map((m) => m.id));
      if (page.items.length < 500) break;
    }
  }
  return ids;
}

export const evidenceVerify: Command = {
  name: 'evidence verify',
  usage: `evidence verify <dir> [--case REFERENCE-OR-ID] [--json]
                                     Re-hash every item and report anything altered, damaged or missing`,
  options: CASE_SCOPED_OPTIONS,
  async run(ctx) {
    return withUnlockedVault(ctx, async (core) => {
      const ref = text(ctx.values, 'case');
      const matterId = ref ? await findCase(core, ref) : undefined;
      const result = await core.call('evidence:verifyAll', { matterId });
      if (flag(ctx.values, 'json')) {
        ctx.out(toTerminalJson(result));
      } else {
        ctx.out(
          `Checked ${result.checked} item(s): ${result.ok} intact, ${result.problems.length} with problems.`,
        );
        for (const p of result.problems) {
          ctx.out(`  ${p.itemId}  ${p.title ? esc(p.title) : '(confidential)'}: ${describeCheck(p.status)}`);
          ctx.out(`      recorded at intake: ${p.expectedSha256}`);
          if (p.actualSha256) ctx.out(`      found now:          ${p.actualSha256}`);
        }
        if (result.strayFiles > 0)
          ctx.out(
            `  ${result.strayFiles} stray file(s) in blobs/ (left by an interrupted intake; removed at a later unlock)`,
          );
        ctx.out(
          result.problems.length === 0
            ? 'All evidence is intact.'
            : 'PROBLEMS FOUND: restore the affected files from a backup.',
        );
      }
      return result.problems.length === 0 ? EXIT.ok : EXIT.checkFailed;
    });
  },
};
