// The State a matter is brought against: stored, filtered and sorted on a real vault; older vaults get
// Mexico for the matters they already hold; spreadsheet words name a State by code or name.
import { describe, expect, it } from 'vitest';
import { openVault, createVault } from '../../../electron/core/vault/vault';
import { MIGRATIONS } from '../../../electron/core/vault/migrations';
import { MatterService } from '../../../electron/core/services/matters';
import { vaultContext } from '../../../electron/core/services/vault-context';
import { stateCodeFor } from '../../../electron/core/import/values';
import { ListMattersInput } from '../../../shared/schemas/matter';
import { precautionaryRequest } from '../../support/fixtures';
import { TEST_KDF, tempDir } from '../../support/temp';

const PASS = 'frase de contraseña larga y segura';
const opts = { kdfCost: TEST_KDF };

describe('matter state', () => {
  it('stores the State, filters and sorts the list by it, and defaults to Mexico', async () => {
    const vault = await createVault(await tempDir(), PASS, opts);
    const matters = new MatterService(() => vaultContext(vault, () => 'test'));
    const gt = matters.create({
      ...precautionaryRequest({ reference: 'MC-1-26', title: 'Guatemala' }),
      state: 'GT',
    });
    const mx = matters.create(precautionaryRequest({ reference: 'MC-2-26', title: 'México' }));
    const co = matters.create({
      ...precautionaryRequest({ reference: 'MC-3-26', title: 'Colombia' }),
      state: 'CO',
    });
    expect(matters.get(gt.id).state).toBe('GT');
    expect(matters.get(mx.id).state).toBe('MX');

    const list = (input: object) =>
      matters.list(ListMattersInput.parse(input)).items.map((m) => `${m.reference}:${m.state}`);
    expect(list({ state: 'GT' })).toEqual(['MC-1-26:GT']);
    expect(list({ state: 'MX' })).toEqual(['MC-2-26:MX']);
    expect(list({ sort: 'state', direction: 'asc' })).toEqual(['MC-3-26:CO', 'MC-1-26:GT', 'MC-2-26:MX']);

    const current = matters.get(co.id);
    matters.update({ id: co.id, revision: current.revision, fields: { ...current, state: 'PE' } });
    expect(list({ state: 'PE' })).toEqual(['MC-3-26:PE']);
    expect(list({ state: 'CO' })).toEqual([]);
    vault.close();
  });

  it('refuses a State that is not a two-letter code', () => {
    expect(ListMattersInput.safeParse({ state: 'Guatemala' }).success).toBe(false);
  });

  it('gives Mexico to the matters an older vault already holds', async () => {
    const dir = await tempDir();
    const older = await createVault(dir, PASS, {
      ...opts,
      migrations: MIGRATIONS.filter((m) => m.version < 10),
    });
    older.db
      .prepare(
        `INSERT INTO matters (id, title, matter_type, forum, reference, status, opened_on, summary, created_at, updated_at)
         VALUES ('7d1c2a4e-8f63-4c39-9a43-3c1f0d5b2a11', 'Agresión a defensora', 'petition', 'iachr', 'P-1234-18',
                 'filed', '2018-05-02', '', '2018-05-02T00:00:00Z', '2018-05-02T00:00:00Z')`,
      )
      .run();
    older.close();
    const current = await openVault(dir, PASS, opts);
    const row = current.db.prepare('SELECT state FROM matters').get<{ state: string }>();
    expect(row?.state).toBe('MX');
    current.close();
  });

  it('reads a spreadsheet State as a code or a Spanish or English name', () => {
    expect(stateCodeFor('GT')).toBe('GT');
    expect(stateCodeFor('guatemala')).toBe('GT');
    expect(stateCodeFor('México')).toBe('MX');
    expect(stateCodeFor('Mexico')).toBe('MX');
    expect(stateCodeFor('Estados Unidos')).toBe('US');
    expect(stateCodeFor('United States')).toBe('US');
    expect(stateCodeFor('Perú')).toBe('PE');
    expect(stateCodeFor('Narnia')).toBeUndefined();
  });
});
