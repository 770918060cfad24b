// The counts of a newest-first search come from one read of the first matches (up to a cap), sorted
// into shown and hidden by their facets; when that read does not settle a count (it stopped at its cap
// with too few of that kind in it), the count is taken by its own query. Both ways, against counts made
// by hand from the records written.
import { describe, expect, it } from 'vitest';
import { SearchInput } from '../../../shared/schemas/search';
import { searchVault } from './search-fixture';

// rankedMax 2 → newest first; countCap 3 and hiddenCap 5 → the read stops at max(2, 3 + 5) + 2 = 10.
const limits = { rankedMax: 2, countCap: 3, hiddenCap: 5 };

describe('counts beyond the matches read', () => {
  it('counts the shown records by their own query when the matches read are nearly all hidden', async () => {
    const s = await searchVault(limits);
    // The read takes the first matches in rowid order (the oldest): the case, then 9 of the hidden notes.
    const m = s.matter('Caso de la madrugada');
    for (let i = 0; i < 12; i++)
      s.note(m.id, `Madrugada reservada ${i}`, 'madrugada', { classification: 'confidential' });
    for (let i = 0; i < 5; i++) s.note(m.id, `Madrugada pública ${i}`, 'madrugada');
    const result = s.search.search(SearchInput.parse({ query: 'madrugada', limit: 2 }));
    expect(result.order).toBe('recent');
    // 6 shown (the case and 5 notes: more than the cap of 3 → "at least 3"), 12 hidden (→ "at least 5").
    expect(result).toMatchObject({ total: 3, totalExact: false, hiddenConfidential: 5, hiddenExact: false });
    expect(result.hits.map((h) => h.title)).toEqual(['Madrugada pública 4', 'Madrugada pública 3']);
    s.vault.close();
  });

  it('counts the hidden records by their own query when the matches read are all shown', async () => {
    const s = await searchVault(limits);
    const m = s.matter('Caso de la madrugada');
    for (let i = 0; i < 12; i++) s.note(m.id, `Madrugada pública ${i}`, 'madrugada');
    for (let i = 0; i < 3; i++)
      s.note(m.id, `Madrugada reservada ${i}`, 'madrugada', { classification: 'confidential' });
    const result = s.search.search(SearchInput.parse({ query: 'madrugada', limit: 2 }));
    expect(result.order).toBe('recent');
    // The 3 hidden are newer than the 10 first matches read: counted exactly by their own query.
    expect(result).toMatchObject({ hiddenConfidential: 3, hiddenExact: true, total: 3, totalExact: false });
    s.vault.close();
  });

  it('settles both counts from the read when every match was read', async () => {
    const s = await searchVault(limits);
    const m = s.matter('Caso de la madrugada');
    for (let i = 0; i < 2; i++) s.note(m.id, `Madrugada pública ${i}`, 'madrugada');
    for (let i = 0; i < 4; i++)
      s.note(m.id, `Madrugada reservada ${i}`, 'madrugada', { classification: 'confidential' });
    // The case's own title matches too: 3 shown, 4 hidden, 7 in all (under the read's cap of 10); the
    // page of 2 is not the last, so the total's exactness comes from the read.
    const result = s.search.search(SearchInput.parse({ query: 'madrugada', limit: 2 }));
    expect(result.order).toBe('recent');
    expect(result).toMatchObject({ total: 3, totalExact: true, hiddenConfidential: 4, hiddenExact: true });
    s.vault.close();
  });
});
