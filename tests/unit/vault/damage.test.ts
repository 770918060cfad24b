// A damaged page in the middle of the database: every read that reaches it fails with
// DATABASE_DAMAGED, and `vault check` names what is wrong without inventing other problems.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AmparoError } from '../../../shared/errors';
import { MatterService } from '../../../electron/core/services/matters';
import { vaultContext } from '../../../electron/core/services/vault-context';
import { checkVault, createVault, openVault } from '../../../electron/core/vault/vault';
import { precautionaryRequest } from '../../support/fixtures';
import { runAmparo } from '../../support/cli';
import { TEST_KDF, tempDir } from '../../support/temp';

const PASS = 'una frase de paso bastante larga 2024';
const opts = { kdfCost: TEST_KDF };
const PAGE = 4096;

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure, but it succeeded');
}

async function damagedVault(): Promise<{ dir: string; ids: string[]; page: number }> {
  const dir = await tempDir();
  const vault = await createVault(dir, PASS, opts);
  const matters = new MatterService(() => vaultContext(vault, () => 'test'));
  const ids: string[] = [];
  vault.db.transaction(() => {
    for (let i = 0; i < 300; i++)
      ids.push(
        matters.create(precautionaryRequest({ title: `Caso ${i}`, summary: `resumen ${i} `.repeat(60) })).id,
      );
  })();
  vault.close();
  const file = join(dir, 'vault-1.db');
  const original = await readFile(file);
  const pages = original.length / PAGE;
  // One byte flipped inside the ciphertext of a page in the middle (neither the first nor the last)
  // that holds case rows: the first such page found walking out from the middle.
  for (let step = 0; step < pages / 2; step++) {
    for (const page of [Math.floor(pages / 2) + step, Math.floor(pages / 2) - step]) {
      const bytes = Buffer.from(original);
      bytes[page * PAGE + 200] = bytes[page * PAGE + 200]! ^ 0x5a;
      await writeFile(file, bytes);
      const probe = await openVault(dir, PASS, { ...opts, migrate: false });
      const holdsCases = (() => {
        try {
          probe.db.prepare('SELECT count(summary) FROM matters').get();
          return false;
        } catch {
          return true;
        }
      })();
      probe.close();
      if (holdsCases) return { dir, ids, page: page + 1 };
    }
  }
  throw new Error('no page of the matters table found');
}

describe('a damaged page in the middle of the database', () => {
  it('fails every read that reaches it with DATABASE_DAMAGED, not a raw SQLite error', async () => {
    const { dir, ids } = await damagedVault();
    const vault = await openVault(dir, PASS, opts);
    const matters = new MatterService(() => vaultContext(vault, () => 'test'));
    const errors = ids.map((id) => {
      try {
        matters.get(id);
        return null;
      } catch (error) {
        return error;
      }
    });
    const failed = errors.filter((e) => e !== null);
    expect(failed.length).toBeGreaterThan(0);
    for (const error of failed) {
      expect(error).toBeInstanceOf(AmparoError);
      expect((error as AmparoError).code).toBe('DATABASE_DAMAGED');
    }
    const listing = thrown(() => {
      for (let offset = 0; offset < 400; offset += 50)
        matters.list({ archived: false, query: '', offset, limit: 50 });
    });
    expect((listing as AmparoError).code).toBe('DATABASE_DAMAGED');
    vault.close();
  });

  it('makes `amparo case list` fail with DATABASE_DAMAGED and exit 4, never a stack trace or exit 0', async () => {
    const { dir } = await damagedVault();
    const listed = await runAmparo(['case', 'list', dir, '--json', '--passphrase-stdin'], `${PASS}\n`);
    expect(listed.code).toBe(4);
    expect(listed.stderr).toMatch(/^amparo: DATABASE_DAMAGED: /);
    expect(listed.stderr).not.toContain('    at ');
  });

  it('is reported exactly by vault check: the failing page, and no foreign-key problem', async () => {
    const { dir, page } = await damagedVault();
    const vault = await openVault(dir, PASS, { ...opts, migrate: false });
    const check = checkVault(vault);
    vault.close();
    expect(check.ok).toBe(false);
    expect(check.cipherIntegrity.join('\n')).toContain(`${page}`);
    expect(check.foreignKeyProblems).toBe(0);
    expect(check.notRun.join()).toContain('pages fail authentication');
  });
});
