// Prefix look-ups in an FTS5 index's vocabulary, on a real SQLCipher file: the words under a prefix in
// order, none of a neighbouring prefix, "too many" past the cap, and read through the temp 'instance'
// vocabulary (the 'row' one counts every posting of each word it returns).
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { termsUnderPrefix } from '../../../electron/core/services/fts-terms';
import { createVault, type OpenVault } from '../../../electron/core/vault/vault';
import { TEST_KDF, tempDir } from '../../support/temp';

let vault: OpenVault | undefined;
afterEach(() => vault?.close());

async function indexed(bodies: string[]): Promise<OpenVault> {
  vault = await createVault(join(await tempDir(), 'boveda'), 'frase de contraseña larga y segura', {
    kdfCost: TEST_KDF,
  });
  const add = vault.db.prepare(
    `INSERT INTO search_index (entity_type, entity_id, matter_id, classification, title, body, facets)
     VALUES ('note', $id, NULL, 'restricted', '', $body, '')`,
  );
  bodies.forEach((body, i) => add.run({ id: `n${i}`, body }));
  return vault;
}

describe('terms under a prefix', () => {
  it('lists the words of the index that start with the prefix, and only those', async () => {
    const { db } = await indexed([
      'amenaza amenazas amenazó amenazb',
      'amen amenazador',
      'Amenazaron en la madrugada',
      'zeta',
    ]);
    const list = (prefix: string, max = 32) =>
      termsUnderPrefix(db, 'search_index', 'search_terms', prefix, max);
    // Folded by the tokenizer: "amenazó" is "amenazo", "Amenazaron" is "amenazaron".
    expect(list('amenaza')).toEqual(['amenaza', 'amenazador', 'amenazaron', 'amenazas']);
    expect(list('amenaz')).toEqual(['amenaza', 'amenazador', 'amenazaron', 'amenazas', 'amenazb', 'amenazo']);
    expect(list('zeta')).toEqual(['zeta']);
    expect(list('zetas')).toEqual([]);
    expect(list('amenaz', 5)).toBeNull();
    expect(list('amenaz', 6)).toHaveLength(6);
    const temp = db
      .prepare("SELECT name FROM sqlite_temp_master WHERE type = 'table'")
      .all<{ name: string }>()
      .map((r) => r.name);
    expect(temp).toContain('search_index_instances');
  });
});
