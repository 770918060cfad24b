// What the user typed, as an FTS5 expression that stays cheap at any size. A quoted prefix term
// ("amenaza"*) makes FTS5 gather the whole posting list of every word it covers before returning a
// single row; the same words looked up in the index's own vocabulary and written as exact terms
// ("amenaza" OR "amenazas") are read lazily, so "newest 50" or "are there more than N" stop early.
import { foldForSearch } from '../text/fold';
import { termsUnderPrefix } from './fts-terms';
import type { Database } from '../vault/database';

/** More distinct words than this under one prefix ("a", "co"): the plain prefix query is the better plan. */
const MAX_EXPANSION = 32;

// Expansions are remembered per database until the index next changes (paging, or the same word typed
// again, then costs nothing). Every write to the index goes through search-index.ts, which calls
// `searchIndexChanged`; a row removed elsewhere only leaves a remembered word that now matches nothing.
let generation = 0;
const remembered = new WeakMap<Database, { generation: number; words: Map<string, string> }>();
const MAX_REMEMBERED = 1000;

export function searchIndexChanged(): void {
  generation += 1;
}

/** The user's words, with the quote character removed so no FTS syntax can be injected. */
function queryWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map((t) => t.replace(/"/g, '').trim())
    .filter(Boolean);
}

/** Each word of the user's text as a quoted prefix term. */
export function ftsQuery(text: string): string | null {
  const terms = queryWords(text);
  return terms.length > 0 ? terms.map((t) => `"${t}"*`).join(' ') : null;
}

/**
 * Every word must match (each as a prefix) in the title or body; never in `facets`. Words the tokenizer
 * would split ("MC-12/19") or fold in ways plain ASCII does not show stay quoted prefix phrases.
 */
export function matchExpression(db: Database, text: string): string | null {
  const groups = matchGroups(db, text);
  return groups ? groupsMatch(groups) : null;
}

/** The MATCH expression of these word groups (all must match, in the title or body). */
export function groupsMatch(groups: string[]): string {
  return `{title body} : (${groups.join(' AND ')})`;
}

/** Each of the user's words as its FTS5 group (exact terms, or a prefix term); null when there are none. */
export function matchGroups(db: Database, text: string): string[] | null {
  const words = queryWords(text);
  if (words.length === 0) return null;
  let memo = remembered.get(db);
  if (!memo || memo.generation !== generation || memo.words.size > MAX_REMEMBERED) {
    memo = { generation, words: new Map() };
    remembered.set(db, memo);
  }
  const { words: known } = memo;
  return words.map((word) => {
    let group = known.get(word);
    if (group === undefined) {
      group = expand(db, word);
      known.set(word, group);
    }
    return group;
  });
}

function expand(db: Database, word: string): string {
  const asPrefix = `"${word}"*`;
  const folded = foldForSearch(word);
  if (!/^[a-z0-9]+$/.test(folded)) return asPrefix;
  const terms = termsUnderPrefix(db, 'search_index', 'search_terms', folded, MAX_EXPANSION);
  if (!terms) return asPrefix;
  // Nothing under the prefix: the prefix query finds nothing just as cheaply, and is right by definition.
  if (terms.length === 0) return asPrefix;
  return `(${terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ')})`;
}
