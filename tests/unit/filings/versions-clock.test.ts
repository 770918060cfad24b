// Versions over time, on a real vault with a clock the test moves: autosaves within the coalescing window
// replace the latest autosave version; after a quiet interval the next autosave starts a new one.
import { describe, expect, it } from 'vitest';
import { COALESCE_MINUTES, FilingService } from '../../../electron/core/services/filings';
import { vaultContext } from '../../../electron/core/services/vault-context';
import { createVault } from '../../../electron/core/vault/vault';
import { TEST_KDF, tempDir } from '../../support/temp';

describe('filing versions', () => {
  it('stay bounded: one per quiet interval of autosaving', async () => {
    const vault = await createVault(await tempDir(), 'una frase de paso bastante larga 2024', {
      kdfCost: TEST_KDF,
    });
    try {
      let clock = Date.parse('2024-03-05T10:00:00Z');
      const ctx = vaultContext(
        vault,
        () => 'prueba',
        () => new Date(clock),
      );
      vault.db
        .prepare(
          `INSERT INTO matters (id, title, matter_type, forum, reference, status, opened_on, summary, created_at, updated_at)
           VALUES ('7d1c2a4e-8f63-4c39-9a43-3c1f0d5b2a11', 'Caso', 'petition', 'iachr', 'P-1-24', 'draft',
                   '2024-01-01', '', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`,
        )
        .run();
      const filings = new FilingService(() => ctx);
      let f = filings.create({
        matterId: '7d1c2a4e-8f63-4c39-9a43-3c1f0d5b2a11',
        kind: 'petition',
        lang: 'es',
      });
      const type = (text: string) => {
        clock += 60_000; // a minute of typing between autosaves
        f = filings.update(
          f.id,
          f.revision,
          { answers: { ...f.answers, rightsReasoning: text } as typeof f.answers },
          false,
        );
      };
      for (let i = 1; i <= 5; i++) type(`borrador ${i}`);
      expect(filings.versions(f.id).map((v) => v.version)).toEqual([2, 1]);
      expect(filings.version(f.id, 2).answers).toMatchObject({ rightsReasoning: 'borrador 5' });
      clock += COALESCE_MINUTES * 60_000;
      type('después de la pausa');
      expect(filings.versions(f.id).map((v) => [v.version, v.reason])).toEqual([
        [3, 'autosave'],
        [2, 'autosave'],
        [1, 'create'],
      ]);
      expect(filings.version(f.id, 2).answers).toMatchObject({ rightsReasoning: 'borrador 5' });
      // 100 minutes of continuous typing, one autosave a minute: bounded by the window, not by the saves.
      for (let i = 0; i < 100; i++) type(`texto ${i}`);
      expect(filings.versions(f.id).length).toBeLessThanOrEqual(3 + Math.ceil(100 / COALESCE_MINUTES));
    } finally {
      vault.close();
    }
  });
});
