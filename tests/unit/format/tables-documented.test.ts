// Every table of the latest schema is described in docs/vault-format.md, so a rescuer (and the bundle
// format, which must carry each record kind) never meets a table nobody wrote down.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVault } from '../../../electron/core/vault/vault';
import { TEST_KDF, tempDir } from '../../support/temp';

const DOC = readFileSync(join(__dirname, '../../../docs/vault-format.md'), 'utf8');
// FTS5 keeps its index in shadow tables named after the virtual table: described with it.
const FTS_SHADOW = /_(data|idx|content|docsize|config)$/;

describe('docs/vault-format.md', () => {
  it('names every table of the latest schema', async () => {
    const vault = await createVault(await tempDir(), 'una frase de paso bastante larga 2024', {
      kdfCost: TEST_KDF,
    });
    try {
      const tables = vault.db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .all<{ name: string }>()
        .map((row) => row.name);
      const described = new Set(tables.filter((name) => !FTS_SHADOW.test(name)));
      expect(tables.length).toBeGreaterThan(10);
      const missing = [...described].filter((name) => !DOC.includes(`\`${name}\``));
      expect(missing, 'tables not described in docs/vault-format.md').toEqual([]);
    } finally {
      vault.close();
    }
  });
});
