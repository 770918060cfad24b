// A vault made before the search index had facets: opening it rebuilds the index in place, keeping the
// rows' order of last change, and everything search does works on the migrated rows.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NoteService } from '../../../electron/core/services/notes';
import { RevealState } from '../../../electron/core/services/reveal-state';
import { SearchService } from '../../../electron/core/services/search';
import { vaultContext } from '../../../electron/core/services/vault-context';
import { schemaVersion } from '../../../electron/core/vault/migrate';
import { MIGRATIONS } from '../../../electron/core/vault/migrations';
import { createVault, openVault } from '../../../electron/core/vault/vault';
import { TEST_KDF, tempDir } from '../../support/temp';
import { SearchInput } from '../../../shared/schemas/search';

const PASS = 'frase de contraseña larga y segura';
const AT = '2024-05-01T10:00:00.000Z';

describe('search index migration', () => {
  it('rebuilds an older index with facets, keeping its order and its visibility rules', async () => {
    const dir = join(await tempDir(), 'boveda');
    const old = await createVault(dir, PASS, { kdfCost: TEST_KDF, migrations: MIGRATIONS.slice(0, 4) });
    expect(schemaVersion(old.db)).toBe(4);
    const matter = (title: string, classification: string) => {
      const id = randomUUID();
      old.db
        .prepare(
          `INSERT INTO matters (id, title, matter_type, forum, reference, status, opened_on, summary, classification,
                                created_at, updated_at, search_text)
           VALUES ($id, $title, 'precautionary_request', 'iachr', 'MC-5-24', 'filed', '2024-01-01', '', $classification, $at, $at, '')`,
        )
        .run({ id, title, classification, at: AT });
      old.db
        .prepare(
          `INSERT INTO search_index (entity_type, entity_id, matter_id, classification, title, body)
           VALUES ('matter', $id, $id, $classification, $title, 'MC-5-24')`,
        )
        .run({ id, title, classification });
      return id;
    };
    const note = (matterId: string, title: string, classification = 'restricted') => {
      const id = randomUUID();
      old.db
        .prepare(
          `INSERT INTO notes (id, matter_id, title, body, classification, created_at, updated_at)
           VALUES ($id, $matterId, $title, '', $classification, $at, $at)`,
        )
        .run({ id, matterId, title, classification, at: AT });
      old.db
        .prepare(
          `INSERT INTO search_index (entity_type, entity_id, matter_id, classification, title, body)
           VALUES ('note', $id, $matterId, $classification, $title, '')`,
        )
        .run({ id, matterId, title, classification });
      return id;
    };
    const open = matter('Ejido en Oaxaca', 'restricted');
    matter('Asamblea en Oaxaca', 'confidential');
    const older = note(open, 'Asamblea ejidal');
    const newer = note(open, 'Asamblea extraordinaria');
    note(open, 'Asamblea reservada', 'confidential');
    // A matter in Deleted items: its records stay indexed for a restore, and count nowhere.
    const gone = matter('Caso borrado', 'restricted');
    note(gone, 'Asamblea del caso borrado', 'confidential');
    note(gone, 'Asamblea abierta del caso borrado');
    old.db.prepare('UPDATE matters SET deleted_at = $at WHERE id = $id').run({ at: AT, id: gone });
    old.db.prepare(`DELETE FROM search_index WHERE entity_id = $id`).run({ id: gone });
    old.close();

    const vault = await openVault(dir, PASS);
    expect(schemaVersion(vault.db)).toBe(MIGRATIONS.at(-1)!.version);
    const ctx = vaultContext(vault, () => 'prueba');
    const reveals = new RevealState(Date.now);
    // Tiny limits: the newest-first path, whose hidden count relies on the rebuilt facets.
    const recent = new SearchService(() => ctx, reveals, { rankedMax: 1, countCap: 10 });
    expect(recent.search(SearchInput.parse({ query: 'asamblea' }))).toMatchObject({
      order: 'recent',
      hits: [{ entityId: newer }, { entityId: older }],
      hiddenConfidential: 2,
      total: 2,
    });
    const ranked = new SearchService(() => ctx, reveals);
    expect(ranked.search(SearchInput.parse({ query: 'oaxaca' }))).toMatchObject({
      order: 'relevance',
      hits: [{ entityId: open, matterReference: 'MC-5-24' }],
      hiddenConfidential: 1,
    });

    // A migrated row is found and replaced on edit, not left behind beside the new one.
    const notes = new NoteService(() => ctx, reveals);
    notes.update(older, 1, {
      title: 'Asamblea ejidal (acta)',
      body: '',
      classification: 'restricted',
      tags: [],
    });
    const after = recent.search(SearchInput.parse({ query: 'asamblea' }));
    expect(after.hits.map((h) => h.entityId)).toEqual([older, newer]);
    expect(after.hits[0]!.title).toBe('Asamblea ejidal (acta)');
    vault.close();
  });
});
