// A real vault (SQLCipher file on disk) with the services search depends on, wired as the core wires
// them, so tests can choose the search limits and reach both orders with a handful of records.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { NoteFields } from '../../../shared/schemas/notes';
import { EvidenceService } from '../../../electron/core/services/evidence';
import { IncidentService } from '../../../electron/core/services/incidents';
import { MatterService } from '../../../electron/core/services/matters';
import { NoteService } from '../../../electron/core/services/notes';
import { PeopleService } from '../../../electron/core/services/people';
import { RevealState } from '../../../electron/core/services/reveal-state';
import { SearchService } from '../../../electron/core/services/search';
import { TrashService } from '../../../electron/core/services/trash';
import { vaultContext } from '../../../electron/core/services/vault-context';
import { createVault, type OpenVault } from '../../../electron/core/vault/vault';
import { precautionaryRequest } from '../../support/fixtures';
import { TEST_KDF, tempDir } from '../../support/temp';

export async function searchVault(
  limits: { rankedMax?: number; countCap?: number; hiddenCap?: number; maxSpelled?: number } = {},
) {
  const vault: OpenVault = await createVault(
    join(await tempDir(), 'boveda'),
    'frase de contraseña larga y segura',
    {
      kdfCost: TEST_KDF,
    },
  );
  const ctx = vaultContext(vault, () => 'prueba');
  const reveals = new RevealState(Date.now);
  const matters = new MatterService(() => ctx, reveals);
  const people = new PeopleService(() => ctx, reveals);
  const incidents = new IncidentService(() => ctx, reveals);
  const notes = new NoteService(() => ctx, reveals);
  const evidence = new EvidenceService(() => ctx, reveals);
  const trash = new TrashService(() => ctx, { matters, people, incidents, notes, evidence });
  const search = new SearchService(() => ctx, reveals, limits);
  const matter = (title: string, overrides: Parameters<typeof precautionaryRequest>[0] = {}) =>
    matters.create(precautionaryRequest({ title, summary: '', ...overrides }));
  const note = (matterId: string, title: string, body = '', more: Partial<NoteFields> = {}) =>
    notes.create(matterId, { title, body, classification: 'restricted', tags: [], ...more });
  return { vault, ctx, reveals, matters, notes, trash, search, matter, note };
}

/**
 * An evidence item of a case written as raw rows (as a bundle import writes them), with these pages of
 * extracted text (the schema's triggers index them); returns its id.
 */
export function rawDocument(
  db: OpenVault['db'],
  matterId: string,
  classification: string,
  pages: string[],
): string {
  const id = randomUUID();
  const at = '2024-01-01T00:00:00.000Z';
  db.prepare(
    `INSERT INTO evidence_blobs (id, key, chunk_size, plain_size, stored_size, sha256, created_at)
     VALUES ($id, zeroblob(32), 65536, 1, 1, '', $at)`,
  ).run({ id, at });
  db.prepare(
    `INSERT INTO evidence_items (id, matter_id, blob_id, title, classification, original_name, media_type, size,
                                 sha256, acquired_at, acquired_by, created_at, updated_at)
     VALUES ($id, $matterId, $id, $title, $classification, 'oficio.pdf', 'application/pdf', 1, '', $at, 'prueba', $at, $at)`,
  ).run({ id, matterId, title: `Oficio ${id.slice(0, 4)}`, classification, at });
  pages.forEach((text, i) => rawPage(db, id, i + 1, text));
  return id;
}

/** A page of extracted text written by SQL alone. */
export function rawPage(db: OpenVault['db'], itemId: string, page: number, text: string): void {
  db.prepare(
    `INSERT INTO evidence_text (item_id, page, chunk, method, text) VALUES ($itemId, $page, 0, 'text_layer', $text)`,
  ).run({ itemId, page, text });
}
