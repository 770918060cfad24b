// After a bundle import commits, the core merges the records index (the import's rows and the segments
// the vault's own earlier writes left).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { segmentCount } from '../../../electron/core/services/index-maintenance';
import { openVault } from '../../../electron/core/vault/vault';
import { precautionaryRequest } from '../../support/fixtures';
import { TEST_KDF } from '../../support/temp';
import { BUNDLE_PASS, dispose, PASS, side } from './helpers';

describe('records index after a bundle import', () => {
  it('is merged into one segment once the import has committed', async () => {
    const a = await side('origen');
    const b = await side('destino');
    const matter = await a.ok('matters:create', precautionaryRequest({ title: 'Caso del ejido' }));
    const out = join(a.dir, 'caso.amparo');
    await a.ok('bundles:export', { matterIds: [matter.id], out, seal: { passphrase: BUNDLE_PASS } });
    // the receiving vault's own cases, each its own transaction: several segments
    for (let i = 0; i < 30; i++)
      await b.ok(
        'matters:create',
        precautionaryRequest({ title: `Caso propio ${i}`, summary: `registro${i}` }),
      );
    const summary = await b.ok('bundles:verify', { file: out, key: { passphrase: BUNDLE_PASS } });
    const imported = await b.ok('bundles:import', {
      file: out,
      key: { passphrase: BUNDLE_PASS },
      confirmSigner: summary.signerFingerprint,
    });
    expect(imported.status).toBe('imported');
    // the merge starts once the import has answered and takes milliseconds on this index
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await b.ok('vault:lock');
    const vault = await openVault(b.vaultDir, PASS, { kdfCost: TEST_KDF });
    try {
      expect(segmentCount(vault.db, 'search_index')).toBe(1);
      const hits = vault.db
        .prepare(`SELECT count(*) AS n FROM search_index WHERE search_index MATCH 'ejido'`)
        .get<{ n: number }>();
      expect(hits?.n).toBeGreaterThan(0);
    } finally {
      vault.close();
    }
    await dispose(a, b);
  });
});
