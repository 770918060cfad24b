// `amparo search <dir> QUERY`: the app's search, with its visibility rules (confidential records hidden
// unless revealed, which the command line never does; protected fields never searched). The query is case
// text, so `-` reads it from standard input (after the passphrase line) instead of argv.
import { withUnlockedVault } from '../core-client';
import { escapeForTerminal as esc, toTerminalJson } from '../escape';
import { EXIT } from '../exit';
import { UsageError } from '../io';
import { flag, type Command } from './types';
import { MATCH_END, MATCH_START } from '../../../shared/schemas/search';

export const search: Command = {
  name: 'search',
  usage: `search <dir> - [--json]            Search as the app does; "-" reads the query from stdin
  search <dir> QUERY [--json]`,
  options: { 'passphrase-stdin': { type: 'boolean' }, json: { type: 'boolean' } },
  args: 'query',
  async run(ctx) {
    const [given, ...more] = ctx.args;
    if (given === undefined || more.length > 0)
      throw new UsageError('search needs one QUERY (or "-" to read it from stdin)');
    return withUnlockedVault(ctx, async (core) => {
      const query = given === '-' ? (await ctx.stdin.rest()).trim() : given;
      const found = await core.call('search:query', { query, includeProtected: false, limit: 200 });
      // The match markers are for screens that highlight; a terminal gets the plain excerpt.
      const plain = (snippet: string) => snippet.replaceAll(MATCH_START, '').replaceAll(MATCH_END, '');
      const result = {
        ...found,
        hits: found.hits.map((h) => ({ ...h, snippet: plain(h.snippet) })),
        // search inside the evidence: pages of documents whose text matched
        documents: {
          ...found.documents,
          hits: found.documents.hits.map((h) => ({ ...h, snippet: plain(h.snippet) })),
        },
      };
      if (flag(ctx.values, 'json')) {
        ctx.out(toTerminalJson(result));
      } else {
        for (const hit of result.hits)
          ctx.out(
            [hit.entityType, hit.entityId, hit.matterId ?? '-', esc(hit.title), esc(hit.snippet)].join('\t'),
          );
      }
      if (!flag(ctx.values, 'json'))
        for (const hit of result.documents.hits)
          ctx.out(
            ['document', hit.itemId, hit.matterId, `page ${hit.page}`, esc(hit.title), esc(hit.snippet)].join(
              '\t',
            ),
          );
      if (result.hiddenConfidential > 0)
        ctx.note(`amparo: note: ${result.hiddenConfidential} confidential match(es) not shown`);
      if (result.documents.hiddenConfidential > 0)
        ctx.note(
          `amparo: note: ${result.documents.hiddenConfidential} page(s) of confidential documents not shown`,
        );
      ctx.note(`${result.hits.length} match(es)`);
      if (result.documents.total > 0)
        ctx.note(`${result.documents.total}${result.documents.totalExact ? '' : '+'} page(s) of documents`);
      return EXIT.ok;
    });
  },
};
