// Document hits at the size where the order and the counts change: pages written straight into a real vault's
// evidence_text (the schema's triggers index them, as extraction does), then searched through the service.
import { describe, expect, it } from 'vitest';
import { SearchInput } from '../../../shared/schemas/search';
import { rawDocument, searchVault } from './search-fixture';

type Vault = Awaited<ReturnType<typeof searchVault>>;

/** One evidence item of a case with these page texts; returns its id. */
const document = (s: Vault, matterId: string, classification: string, pages: string[]): string =>
  rawDocument(s.vault.db, matterId, classification, pages);

const search = (s: Vault, query: string, more: Record<string, number> = {}) =>
  s.search.search(SearchInput.parse({ query, ...more })).documents;

describe('document hits', () => {
  it('ranks few pages by relevance and pages through them without repeating one', async () => {
    const s = await searchVault();
    const m = s.matter('Caso de los oficios');
    const strong = document(s, m.id, 'restricted', ['escolta escolta escolta asignada']);
    const weak = document(s, m.id, 'restricted', [
      'la fiscalía respondió el oficio con una lista larga de diligencias pendientes y al final la escolta',
    ]);
    // Five pages alike (one mention, the same length): ties, which paging must still keep apart.
    const others = Array.from({ length: 5 }, (_, i) =>
      document(s, m.id, 'restricted', [`informe ${i} escolta`]),
    );
    const first = search(s, 'escolta', { documentLimit: 3 });
    expect(first).toMatchObject({ total: 7, totalExact: true, hiddenExact: true, nextOffset: 3 });
    expect(first.hits[0]!.itemId).toBe(strong);
    const rest = [
      ...search(s, 'escolta', { documentLimit: 3, documentOffset: 3 }).hits,
      ...search(s, 'escolta', { documentLimit: 3, documentOffset: 6 }).hits,
    ];
    const all = [...first.hits, ...rest].map((h) => h.itemId);
    expect(new Set(all).size).toBe(7);
    expect([...all].sort()).toEqual([strong, weak, ...others].sort());
    // The longest page with one mention comes last.
    expect(all.at(-1)).toBe(weak);
    s.vault.close();
  });

  it('shows the pages of a word on most of them newest first, with the hidden count capped at "at least"', async () => {
    const s = await searchVault();
    const open = s.matter('Caso abierto');
    const secret = s.matter('Caso reservado', { classification: 'confidential' });
    // 520 shown pages and 130 hidden ones: over the 500 that are ranked, over the 100 hidden that are counted.
    for (let i = 0; i < 26; i++)
      document(
        s,
        open.id,
        'restricted',
        Array.from({ length: 20 }, (_, p) => `amenaza número ${i}-${p}`),
      );
    for (let i = 0; i < 13; i++)
      document(
        s,
        secret.id,
        'confidential',
        Array.from({ length: 10 }, () => 'amenaza reservada'),
      );
    const newest = document(s, open.id, 'restricted', ['amenaza de ayer']);
    const result = search(s, 'amenaza');
    expect(result).toMatchObject({
      total: 521,
      totalExact: true,
      hiddenConfidential: 100,
      hiddenExact: false,
      nextOffset: 20,
    });
    expect(result.hits[0]).toMatchObject({ itemId: newest, page: 1 });
    // A word on few of the pages is still counted exactly.
    expect(search(s, 'reservada')).toMatchObject({ hiddenConfidential: 130, hiddenExact: true, total: 0 });

    s.reveals.revealConfidential(secret.id);
    expect(search(s, 'amenaza')).toMatchObject({ total: 651, hiddenConfidential: 0, hiddenExact: true });
    s.vault.close();
  });
});
