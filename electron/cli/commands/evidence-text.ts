// `amparo evidence text` (the text taken from an item, page by page) and `amparo evidence extract` (runs the
// extraction queue to its end, progress on stderr). Confidential items are never revealed here: their text
// answers CONFIDENTIAL, as in the app before a reveal.
import type { QueueStatus } from '../../../shared/schemas/extraction';
import { withUnlockedVault } from '../core-client';
import { escapeForTerminal as esc, toTerminalJson } from '../escape';
import { EXIT } from '../exit';
import { UsageError } from '../io';
import { flag, text, type Command } from './types';

export const evidenceText: Command = {
  name: 'evidence text',
  usage: `evidence text <dir> ITEM-ID [--page N] [--json]
                                     The text taken from an evidence item (every page, or one)`,
  options: {
    'passphrase-stdin': { type: 'boolean' },
    json: { type: 'boolean' },
    page: { type: 'string' },
  },
  args: 'query',
  async run(ctx) {
    const [id, ...more] = ctx.args;
    if (id === undefined || more.length > 0) throw new UsageError('evidence text needs one ITEM-ID');
    const pageText = text(ctx.values, 'page');
    const page = pageText === undefined ? undefined : Number(pageText);
    if (page !== undefined && (!Number.isInteger(page) || page < 1))
      throw new UsageError('--page needs a page number (1 or more)');
    return withUnlockedVault(ctx, async (core) => {
      const result = await core.call('extraction:text', { id, ...(page ? { page } : {}) });
      if (flag(ctx.values, 'json')) {
        ctx.out(toTerminalJson(result));
        return EXIT.ok;
      }
      for (const p of result.pages) {
        ctx.out(`--- page ${p.page} (${p.method}) ---`);
        ctx.out(esc(p.text));
      }
      const { status } = result;
      if (status.state === 'failed') ctx.note(`amparo: note: the text could not be taken (${status.reason})`);
      else if (status.state !== 'done') ctx.note(`amparo: note: extraction is ${status.state}`);
      ctx.note(`${result.pages.length} page(s) of ${result.pageCount} with text`);
      return EXIT.ok;
    });
  },
};

const counts = (q: QueueStatus) =>
  `${q.done} done, ${q.failed} failed, ${q.pending} pending, ${q.disabled} turned off`;

export const evidenceExtract: Command = {
  name: 'evidence extract',
  usage: `evidence extract <dir> [--case REFERENCE-OR-ID] [--json]
                                     Take the text of evidence documents (search inside them); progress on stderr`,
  options: {
    'passphrase-stdin': { type: 'boolean' },
    json: { type: 'boolean' },
    case: { type: 'string' },
  },
  async run(ctx) {
    return withUnlockedVault(ctx, async (core) => {
      const ref = text(ctx.values, 'case');
      const matterId = ref ? (await core.call('matters:find', { ref })).id : undefined;
      const isTty = (ctx.io.stderr as { isTTY?: boolean }).isTTY === true;
      let last = '';
      const stop = core.onEvent('extraction:progress', (q) => {
        if (!q.current) return;
        const of = q.current.pagesTotal === null ? '' : `/${q.current.pagesTotal}`;
        // The title is case text: escaped like every other value written to the terminal.
        const line = `page ${q.current.pagesDone}${of}  ${esc(q.current.title)}  (${q.pending} item(s) left)`;
        if (line === last) return;
        last = line;
        ctx.io.stderr.write(isTty ? `\r\x1b[K${line}` : `${line}\n`);
      });
      // Ctrl+C stops cleanly: the item in hand resumes at its next page the next time.
      const onInterrupt = () => void core.call('extraction:cancel', {}).catch(() => undefined);
      process.once('SIGINT', onInterrupt);
      let result: QueueStatus;
      try {
        result = await core.call('extraction:start', { ...(matterId ? { matterId } : {}), wait: true });
      } finally {
        process.removeListener('SIGINT', onInterrupt);
        stop();
        if (isTty && last) ctx.io.stderr.write('\n');
      }
      if (flag(ctx.values, 'json')) ctx.out(toTerminalJson(result));
      else ctx.out(`Evidence text: ${counts(result)}.`);
      if (!result.enabled) ctx.note('amparo: note: text extraction is turned off for this vault');
      if (result.paused) ctx.note('amparo: note: text extraction is paused in the app');
      return EXIT.ok;
    });
  },
};
