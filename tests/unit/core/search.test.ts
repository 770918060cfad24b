// Search against a real vault: order (relevance, or newest first for very common words), totals and
// pages, visibility of confidential and deleted records, and accent folding.
import { describe, expect, it } from 'vitest';
import { searchVault } from './search-fixture';
import { SearchInput } from '../../../shared/schemas/search';

const ids = (hits: { entityId: string }[]) => hits.map((h) => h.entityId);

describe('order and totals', () => {
  it('ranks by relevance while few records match, with the exact total and the case of each hit', async () => {
    const s = await searchVault();
    const m = s.matter('Hostigamiento a periodistas', { reference: 'MC-77-24' });
    const strong = s.note(
      m.id,
      'Vigilancia del domicilio',
      'Vigilancia constante: vigilancia de día y de noche.',
    );
    const weak = s.note(
      m.id,
      'Reunión mensual',
      'Se revisaron el plan de trabajo, el presupuesto, la agenda de la asamblea, los pendientes con la fiscalía y, al final, la vigilancia.',
    );
    s.note(m.id, 'Llamada', 'Sin novedad.');
    const result = s.search.search(SearchInput.parse({ query: 'vigilancia' }));
    expect(result.order).toBe('relevance');
    expect(ids(result.hits)).toEqual([strong.id, weak.id]);
    expect(result).toMatchObject({ total: 2, totalExact: true, nextOffset: null, hiddenConfidential: 0 });
    expect(result.hits[0]).toMatchObject({
      entityType: 'note',
      matterId: m.id,
      matterReference: 'MC-77-24',
      matterTitle: 'Hostigamiento a periodistas',
    });
    // Every word must match.
    expect(ids(s.search.search(SearchInput.parse({ query: 'vigilancia asamblea' })).hits)).toEqual([weak.id]);
    s.vault.close();
  });

  it('pages through relevance-ordered hits without repeating one', async () => {
    const s = await searchVault();
    const m = s.matter('Caso Chiapas');
    const made = Array.from(
      { length: 5 },
      (_, i) => s.note(m.id, `Escolta ${i}`, 'escolta '.repeat(5 - i)).id,
    );
    const first = s.search.search(SearchInput.parse({ query: 'escolta', limit: 2 }));
    expect(first).toMatchObject({ order: 'relevance', total: 5, totalExact: true, nextOffset: 2 });
    const second = s.search.search(SearchInput.parse({ query: 'escolta', limit: 2, offset: 2 }));
    const third = s.search.search(SearchInput.parse({ query: 'escolta', limit: 2, offset: 4 }));
    expect(third.nextOffset).toBeNull();
    const all = [...ids(first.hits), ...ids(second.hits), ...ids(third.hits)];
    expect(new Set(all).size).toBe(5);
    expect([...all].sort()).toEqual([...made].sort());
    s.vault.close();
  });

  it('shows newest first once a word is in more records than the ranked limit, and counts up to the cap', async () => {
    const s = await searchVault({ rankedMax: 3, countCap: 4 });
    const m = s.matter('Caso Guerrero');
    const made = Array.from({ length: 6 }, (_, i) => s.note(m.id, `Amenaza ${i}`, 'amenaza por teléfono'));
    // Editing a record makes it the newest.
    const edited = s.notes.update(made[1]!.id, made[1]!.revision, {
      title: 'Amenaza 1 (corregida)',
      body: 'amenaza por teléfono',
      classification: 'restricted',
      tags: [],
    });
    const newestFirst = [edited.id, made[5]!.id, made[4]!.id, made[3]!.id, made[2]!.id, made[0]!.id];
    const whole = s.search.search(SearchInput.parse({ query: 'amenaza' }));
    expect(whole).toMatchObject({ order: 'recent', total: 6, totalExact: true, nextOffset: null });
    expect(ids(whole.hits)).toEqual(newestFirst);

    const first = s.search.search(SearchInput.parse({ query: 'amenaza', limit: 2 }));
    // Six match, but only four are counted: "at least 4".
    expect(first).toMatchObject({ order: 'recent', total: 4, totalExact: false, nextOffset: 2 });
    const second = s.search.search(
      SearchInput.parse({ query: 'amenaza', limit: 2, offset: first.nextOffset! }),
    );
    const last = s.search.search(
      SearchInput.parse({ query: 'amenaza', limit: 2, offset: second.nextOffset! }),
    );
    expect([...ids(first.hits), ...ids(second.hits), ...ids(last.hits)]).toEqual(newestFirst);
    expect(last).toMatchObject({ total: 6, totalExact: true, nextOffset: null });
    s.vault.close();
  });
});

// The same rules must hold in both orders, whether FTS5 applies them through the facets or SQL checks each
// row (many deleted or revealed matters): run each case four ways.
const LIMITS = [
  ['relevance', 'facets', {}],
  ['recent', 'facets', { rankedMax: 1 }],
  ['relevance', 'row checks', { maxSpelled: -1 }],
  ['recent', 'row checks', { rankedMax: 1, maxSpelled: -1 }],
] as const;

describe.each(LIMITS)('visibility (%s order, %s)', (order, _how, limits) => {
  it('keeps confidential records out until their case is revealed, and counts them as hidden', async () => {
    const s = await searchVault(limits);
    const open = s.matter('Desplazamiento forzado en la sierra', { reference: 'MC-10-24' });
    const secret = s.matter('Testigo protegido', { reference: 'MC-11-24', classification: 'confidential' });
    const shown = s.note(open.id, 'Patrulla frente a la casa', 'patrulla sin placas');
    const hiddenNote = s.note(open.id, 'Patrulla y testigo', 'patrulla', { classification: 'confidential' });
    const inSecret = s.note(secret.id, 'Patrulla en la comunidad', 'patrulla', {
      classification: 'restricted',
    });
    const secretOwn = s.note(secret.id, 'Patrulla nocturna', 'patrulla', { classification: 'confidential' });

    let result = s.search.search(SearchInput.parse({ query: 'patrulla' }));
    expect(result.order).toBe(order);
    expect(ids(result.hits).sort()).toEqual([shown.id, inSecret.id].sort());
    expect(result).toMatchObject({ hiddenConfidential: 2, hiddenExact: true, total: 2, totalExact: true });
    // A shown record of a confidential case does not give the case away.
    expect(result.hits.find((h) => h.entityId === inSecret.id)).toMatchObject({
      matterId: secret.id,
      matterReference: null,
      matterTitle: null,
    });

    s.reveals.revealConfidential(open.id);
    result = s.search.search(SearchInput.parse({ query: 'patrulla' }));
    expect(ids(result.hits).sort()).toEqual([shown.id, hiddenNote.id, inSecret.id].sort());
    expect(result.hiddenConfidential).toBe(1);

    s.reveals.revealConfidential(secret.id);
    result = s.search.search(SearchInput.parse({ query: 'patrulla' }));
    expect(ids(result.hits).sort()).toEqual([shown.id, hiddenNote.id, inSecret.id, secretOwn.id].sort());
    expect(result.hiddenConfidential).toBe(0);
    expect(result.hits.find((h) => h.entityId === inSecret.id)).toMatchObject({
      matterReference: 'MC-11-24',
    });
    s.vault.close();
  });

  it('finds a confidential case only once confidential cases are revealed', async () => {
    const s = await searchVault(limits);
    const secret = s.matter('Radio comunitaria amenazada', { classification: 'confidential' });
    s.matter('Radio comunitaria en Oaxaca');
    expect(s.search.search(SearchInput.parse({ query: 'radio comunitaria' }))).toMatchObject({
      total: 1,
      hiddenConfidential: 1,
    });
    s.reveals.revealConfidential('*');
    const result = s.search.search(SearchInput.parse({ query: 'radio comunitaria' }));
    expect(result).toMatchObject({ total: 2, hiddenConfidential: 0 });
    expect(result.hits.find((h) => h.entityId === secret.id)).toMatchObject({
      entityType: 'matter',
      matterTitle: 'Radio comunitaria amenazada',
    });
    s.vault.close();
  });

  it('leaves out deleted records and the records of deleted cases, and brings them back on restore', async () => {
    const s = await searchVault(limits);
    const kept = s.matter('Defensora de la tierra');
    const doomed = s.matter('Mina a cielo abierto');
    const archived = s.matter('Caso archivado');
    const a = s.note(kept.id, 'Despojo de parcelas', 'despojo');
    const b = s.note(kept.id, 'Otro despojo', 'despojo');
    const c = s.note(doomed.id, 'Despojo minero', 'despojo', { classification: 'confidential' });
    const d = s.note(doomed.id, 'Despojo del ejido', 'despojo');
    const e = s.note(archived.id, 'Despojo antiguo', 'despojo');
    s.matters.setArchived(archived.id, true);
    expect(s.search.search(SearchInput.parse({ query: 'despojo' }))).toMatchObject({
      total: 4,
      hiddenConfidential: 1,
    });

    s.trash.delete('note', b.id, false);
    s.trash.delete('matter', doomed.id, false);
    let result = s.search.search(SearchInput.parse({ query: 'despojo' }));
    // Archived cases stay searchable; deleted things are neither shown nor counted as hidden.
    expect(ids(result.hits).sort()).toEqual([a.id, e.id].sort());
    expect(result).toMatchObject({ total: 2, totalExact: true, hiddenConfidential: 0 });

    s.trash.restore('matter', doomed.id);
    s.trash.restore('note', b.id);
    result = s.search.search(SearchInput.parse({ query: 'despojo' }));
    expect(ids(result.hits).sort()).toEqual([a.id, b.id, d.id, e.id].sort());
    expect(result.hiddenConfidential).toBe(1);
    expect(ids(result.hits)).not.toContain(c.id);
    s.vault.close();
  });

  it('caps the hidden count, saying it is "at least"', async () => {
    const s = await searchVault({ ...limits, hiddenCap: 2 });
    const m = s.matter('Caso con notas reservadas');
    for (let i = 0; i < 4; i++)
      s.note(m.id, `Madrugada ${i}`, 'madrugada', { classification: 'confidential' });
    s.note(m.id, 'Madrugada pública', 'madrugada');
    s.note(m.id, 'Madrugada pública 2', 'madrugada');
    const result = s.search.search(SearchInput.parse({ query: 'madrugada' }));
    // Relevance order counts every match (there are few); newest-first stops at the cap.
    if (order === 'recent')
      expect(result).toMatchObject({ hiddenConfidential: 2, hiddenExact: false, total: 2 });
    else expect(result).toMatchObject({ hiddenConfidential: 4, hiddenExact: true, total: 2 });
    s.vault.close();
  });
});

describe('words as people type them', () => {
  it('folds accents and case, matches prefixes, and takes search syntax literally', async () => {
    const s = await searchVault();
    const m = s.matter('Agresión a la niña defensora', { reference: 'MC-1008-19' });
    const n = s.note(m.id, 'Cámaras de vigilancia', 'Instalación de CÁMARAS en el albergue de migrantes.');
    expect(ids(s.search.search(SearchInput.parse({ query: 'agresion nina' })).hits)).toEqual([m.id]);
    expect(ids(s.search.search(SearchInput.parse({ query: 'AGRESIÓN' })).hits)).toEqual([m.id]);
    expect(ids(s.search.search(SearchInput.parse({ query: 'camaras instalacion' })).hits)).toEqual([n.id]);
    // Prefixes: the start of a word finds it, as before.
    expect(ids(s.search.search(SearchInput.parse({ query: 'migra alber' })).hits)).toEqual([n.id]);
    expect(ids(s.search.search(SearchInput.parse({ query: 'agre' })).hits)).toEqual([m.id]);
    // A reference is several tokens to FTS5; it still matches as typed.
    expect(ids(s.search.search(SearchInput.parse({ query: 'MC-1008' })).hits)).toEqual([m.id]);
    expect(s.search.search(SearchInput.parse({ query: 'agresion" OR "x' })).hits).toEqual([]);
    expect(s.search.search(SearchInput.parse({ query: 'facets' })).hits).toEqual([]);
    // Index bookkeeping tokens never match typed words.
    expect(s.search.search(SearchInput.parse({ query: '0cconfidential' })).total).toBe(0);
    expect(s.search.search(SearchInput.parse({ query: '0crestricted' })).total).toBe(0);
    s.vault.close();
  });

  it('sees a new word under a prefix it has already expanded', async () => {
    const s = await searchVault();
    const m = s.matter('Caso Veracruz');
    const a = s.note(m.id, 'Albergue', 'albergue de migrantes');
    expect(ids(s.search.search(SearchInput.parse({ query: 'alber' })).hits)).toEqual([a.id]);
    const b = s.note(m.id, 'Alberca', 'alberca comunitaria');
    expect(ids(s.search.search(SearchInput.parse({ query: 'alber' })).hits).sort()).toEqual(
      [a.id, b.id].sort(),
    );
    s.vault.close();
  });
});
