// Leak guard and documents: a protected value the draft holds that also appears in the text taken from the
// case's evidence was most likely quoted from that document. The guard's hit then names the item and page
// as its source, so the user sees where the quotation came from (and that the document itself carries the
// identity). Candidate pages are found through the text index (the hit's words, in this case only), then
// confirmed with the guard's own matcher; a value written differently in the document (digits without the
// separators the draft uses) is not linked.
import type { GuardedPerson, RawHit } from '../filings/leak-guard';
import { foldText, scanAll } from '../filings/leak-guard';
import type { Database } from '../vault/database';
import { documentMatterFacet } from './evidence-text-search';

export interface DocumentSource {
  itemId: string;
  page: number;
}

/** Pages looked at per hit value. */
const CANDIDATES = 20;

export function documentSources(
  db: Database,
  matterId: string,
  hits: RawHit[],
  people: GuardedPerson[],
): Map<string, DocumentSource> {
  const sources = new Map<string, DocumentSource>();
  const find = db.prepare(
    `SELECT s.item_id, s.page, s.body FROM evidence_text_index s
     WHERE evidence_text_index MATCH $match LIMIT ${CANDIDATES}`,
  );
  for (const hit of hits) {
    if (sources.has(hit.valueHash)) continue;
    const words = foldText(hit.match).match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length === 0) continue;
    const match = `body : (${words.map((w) => `"${w}"`).join(' AND ')}) AND facets : "${documentMatterFacet(matterId)}"`;
    const pages = find.all<{ item_id: string; page: number; body: string }>({ match });
    const person = people.filter((p) => p.id === hit.personId);
    for (const page of pages) {
      const found = scanAll([{ path: 'document', sectionKey: null, block: null, text: page.body }], person);
      if (found.some((f) => f.valueHash === hit.valueHash)) {
        sources.set(hit.valueHash, { itemId: page.item_id, page: Number(page.page) });
        break;
      }
    }
  }
  return sources;
}
