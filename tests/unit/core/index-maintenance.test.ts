// Full-text index merging on a real vault: many small writes leave several FTS5 segments, the background
// maintenance merges them into one without changing what search finds, and a lock in the middle of a run
// stops it and leaves a vault that opens and searches as before.
import { describe, expect, it } from 'vitest';
import { IndexMaintenance, segmentCount } from '../../../electron/core/services/index-maintenance';
import { RevealState } from '../../../electron/core/services/reveal-state';
import { SearchService } from '../../../electron/core/services/search';
import { vaultContext } from '../../../electron/core/services/vault-context';
import { openVault } from '../../../electron/core/vault/vault';
import { SearchInput } from '../../../shared/schemas/search';
import { TEST_KDF } from '../../support/temp';
import { searchVault } from './search-fixture';

const PASSPHRASE = 'frase de contraseña larga y segura';
const WORDS = ['amenaza', 'patrulla', 'fiscalía', 'hostigamiento', 'albergue', 'ejido', 'madrugada'];

/** Forty notes, each its own transaction (one new segment each, as the app writes them), each with a few
 * hundred words of its own so that a segment spans several pages. */
async function filled() {
  const v = await searchVault();
  const matter = v.matter('Caso de la comunidad');
  for (let i = 0; i < 40; i++) {
    const own = Array.from({ length: 300 }, (_, k) => `registro${i}x${k}`).join(' ');
    v.note(matter.id, `Nota ${i} ${WORDS[i % WORDS.length]!}`, `${WORDS[(i * 3) % WORDS.length]!} ${own}`);
  }
  return v;
}

function hits(search: SearchService, query: string) {
  const result = search.search(SearchInput.parse({ query }));
  return { ids: result.hits.map((h) => h.entityId).sort(), total: result.total };
}

describe('full-text index maintenance', () => {
  it('merges the segments left by many small writes into one, and search finds the same', async () => {
    const v = await filled();
    const before = segmentCount(v.vault.db, 'search_index');
    // FTS5's automerge keeps levels of under four segments: forty writes leave several
    expect(before).toBeGreaterThan(1);
    const found = WORDS.map((w) => hits(v.search, w));
    expect(found.every((f) => f.total > 0)).toBe(true);

    const maintenance = new IndexMaintenance(() => v.ctx, { isUnlocked: () => true });
    const run = await maintenance.request();
    expect(run?.stopped).toBe(false);
    expect(run?.segments.search_index).toEqual({ before, after: 1 });
    expect(segmentCount(v.vault.db, 'search_index')).toBe(1);
    expect(WORDS.map((w) => hits(v.search, w))).toEqual(found);
    v.vault.db.exec(`INSERT INTO search_index (search_index) VALUES ('integrity-check')`);

    // Already merged: one step that changes nothing, or none
    const again = await maintenance.request();
    expect(again?.steps).toBeLessThanOrEqual(1);
    expect(segmentCount(v.vault.db, 'search_index')).toBe(1);
    v.vault.close();
  });

  it('stops at a lock between steps; the vault opens, searches and merges fine afterwards', async () => {
    const v = await filled();
    expect(segmentCount(v.vault.db, 'search_index')).toBeGreaterThan(1);
    const found = WORDS.map((w) => hits(v.search, w));
    let unlocked = true;
    const maintenance = new IndexMaintenance(() => v.ctx, {
      isUnlocked: () => unlocked,
      // one page a step, so the merge takes many steps
      stepPages: 1,
      onStep: (_table, step) => {
        if (step !== 2) return;
        // what a lock does: the core stops the run, then the connection is closed
        maintenance.abortAll();
        unlocked = false;
        v.vault.close();
      },
    });
    const run = await maintenance.request();
    expect(run?.stopped).toBe(true);
    expect(run?.steps).toBe(2);
    expect(maintenance.current).toBeNull();

    const reopened = await openVault(v.vault.dir, PASSPHRASE, { kdfCost: TEST_KDF });
    // stopped half-way: the merge had not finished (its unfinished output is one more segment meanwhile)
    expect(segmentCount(reopened.db, 'search_index')).toBeGreaterThan(1);
    reopened.db.exec(`INSERT INTO search_index (search_index) VALUES ('integrity-check')`);
    const ctx = vaultContext(reopened, () => 'prueba');
    const search = new SearchService(() => ctx, new RevealState(Date.now));
    expect(WORDS.map((w) => hits(search, w))).toEqual(found);
    const after = await new IndexMaintenance(() => ctx, { isUnlocked: () => true, stepPages: 1 }).request();
    // a whole run at that step size takes more than the two steps the locked run made
    expect(after?.steps).toBeGreaterThan(2);
    expect(segmentCount(reopened.db, 'search_index')).toBe(1);
    expect(WORDS.map((w) => hits(search, w))).toEqual(found);
    reopened.close();
  });
});
