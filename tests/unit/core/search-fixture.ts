// A real vault (SQLCipher file on disk) with the services search depends on, wired as the core wires
// them, so tests can choose the search limits and reach both orders with a handful of records.
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
