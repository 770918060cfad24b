// Every table of the latest schema is either carried by bundles or left out with a reason, so a new
// workflow's table cannot be forgotten: add one line for it to electron/core/bundles/tables.ts.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleFor, TABLES } from '../../../electron/core/bundles/tables';
import { createVault } from '../../../electron/core/vault/vault';
import { TEST_KDF, tempDir } from '../../support/temp';

describe('bundle table registry', () => {
  it('names every table of a freshly created vault', async () => {
    const vault = await createVault(join(await tempDir(), 'v'), 'frase de prueba larga', {
      kdfCost: TEST_KDF,
    });
    try {
      const names = vault.db
        .prepare(`SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name`)
        .all<{ name: string }>()
        .map((r) => r.name);
      expect(names.length).toBeGreaterThan(30);
      expect(names.filter((name) => !ruleFor(name))).toEqual([]);
      // …and names nothing the schema does not have.
      expect(Object.keys(TABLES).filter((name) => !names.includes(name))).toEqual([]);
      for (const [name, rule] of Object.entries(TABLES)) {
        if (rule.kind === 'omit')
          expect({ name, reason: rule.reason.length > 10 }).toEqual({ name, reason: true });
      }
    } finally {
      vault.close();
    }
  });
});
