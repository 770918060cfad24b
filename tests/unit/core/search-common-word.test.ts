// A word in more records than the ranked limit beside a rarer one: the few records with both are still
// ranked by relevance (the rarer word weighs them), with exact counts of what is shown and hidden.
import { describe, expect, it } from 'vitest';
import { searchVault } from './search-fixture';
import { SearchInput } from '../../../shared/schemas/search';

const ids = (hits: { entityId: string }[]) => hits.map((h) => h.entityId);

describe('a common word beside a rare one', () => {
  it('ranks the records with both words by the rare one, and counts the hidden ones', async () => {
    // "escolta" is in six records, "botón" in three.
    const s = await searchVault({ rankedMax: 3 });
    const m = s.matter('Caso Oaxaca');
    for (let i = 0; i < 4; i++) s.note(m.id, `Escolta ${i}`, 'escolta asignada por el mecanismo');
    const weak = s.note(
      m.id,
      'Reunión con la escolta',
      'Se revisaron la agenda, los traslados, el presupuesto de la escolta y, al final, el botón.',
    );
    // Made after the weak one, so only its weight can put it first.
    const strong = s.note(m.id, 'Botón de pánico', 'escolta: botón, botón y botón');
    s.note(m.id, 'Botón (reservado)', 'escolta y botón', { classification: 'confidential' });

    const result = s.search.search(SearchInput.parse({ query: 'escolta boton' }));
    expect(result.order).toBe('relevance');
    expect(ids(result.hits)).toEqual([strong.id, weak.id]);
    expect(result).toMatchObject({ total: 2, totalExact: true, hiddenConfidential: 1, nextOffset: null });
    // Paging keeps the same order.
    const second = s.search.search(SearchInput.parse({ query: 'boton escolta', limit: 1, offset: 1 }));
    expect(ids(second.hits)).toEqual([weak.id]);
    expect(second.nextOffset).toBeNull();
    s.vault.close();
  });

  it('ranks by the rarer word when both are in more records than the ranked limit', async () => {
    // rankedMax 3: "escolta" in five records, "botón" in four, both in two (which are ranked).
    const s = await searchVault({ rankedMax: 3 });
    const m = s.matter('Caso Oaxaca');
    for (let i = 0; i < 3; i++) s.note(m.id, `Escolta ${i}`, 'escolta asignada por el mecanismo');
    for (let i = 0; i < 2; i++) s.note(m.id, `Botón ${i}`, 'botón de pánico entregado');
    // Of the same length: one says "escolta" six times, the other "botón" twice. Weighed by both words
    // the first would lead (and it was made first); weighed by the rarer word alone, the second does.
    const escoltas = s.note(m.id, 'Nota uno', 'escolta escolta escolta escolta escolta escolta botón');
    const botones = s.note(m.id, 'Nota dos', 'botón botón escolta relleno relleno relleno relleno');
    const result = s.search.search(SearchInput.parse({ query: 'escolta boton' }));
    expect(result.order).toBe('relevance');
    expect(ids(result.hits)).toEqual([botones.id, escoltas.id]);
    expect(result).toMatchObject({ total: 2, totalExact: true });
    s.vault.close();
  });
});
