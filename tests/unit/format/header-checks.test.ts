// The header checks in the order docs/vault-format.md ("Checking a header") gives, and the KDF limits it
// documents. Edited headers are re-sealed with a checksum computed here from the document's rule.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newKdfParams } from '../../../electron/core/crypto/kdf';
import { createVault, openVault } from '../../../electron/core/vault/vault';
import { TEST_KDF, tempDir } from '../../support/temp';

const PASS = 'frase de contraseña larga y segura';
const opts = { kdfCost: TEST_KDF };

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function reseal(header: Record<string, unknown>): Record<string, unknown> {
  const { checksum: _old, ...rest } = header;
  return { ...rest, checksum: createHash('sha256').update(canonical(rest)).digest('hex') };
}

async function vaultWithHeader(): Promise<{ dir: string; json: Record<string, unknown> }> {
  const dir = await tempDir();
  (await createVault(dir, PASS, opts)).close();
  return { dir, json: JSON.parse(await readFile(join(dir, 'amparo-vault.json'), 'utf8')) };
}

async function openCode(dir: string, header: unknown): Promise<string> {
  await writeFile(join(dir, 'amparo-vault.json'), JSON.stringify(header));
  const started = Date.now();
  try {
    (await openVault(dir, PASS, opts)).close();
    return 'opened';
  } catch (error) {
    // Every refusal here comes before any key derivation.
    expect(Date.now() - started).toBeLessThan(2000);
    return (error as { code: string }).code;
  }
}

describe('header checks, in the documented order', () => {
  it('the checksum the document describes is the one Amparo writes', async () => {
    const { json } = await vaultWithHeader();
    expect(reseal(json).checksum).toBe(json.checksum);
  });

  it('a hand-edited formatVersion with the old checksum is damage; a sealed future one is too new', async () => {
    const { dir, json } = await vaultWithHeader();
    expect(await openCode(dir, { ...json, formatVersion: 2 })).toBe('HEADER_DAMAGED');
    expect(await openCode(dir, reseal({ ...json, formatVersion: 2 }))).toBe('HEADER_TOO_NEW');
    // Too new wins over fields a future version may have changed.
    expect(await openCode(dir, reseal({ ...json, formatVersion: 2, kdf: { algorithm: 'x' } }))).toBe(
      'HEADER_TOO_NEW',
    );
    expect(await openCode(dir, { ...json, format: 'other' })).toBe('NOT_A_VAULT');
    expect(await openCode(dir, { ...json, checksum: undefined })).toBe('HEADER_DAMAGED');
    expect(await openCode(dir, reseal({ ...json, vaultId: 'not-a-uuid' }))).toBe('HEADER_DAMAGED');
    expect(await openCode(dir, json)).toBe('opened');
  });

  it.each([
    ['memory over 1 GiB', { memoryKiB: 1024 * 1024 + 1024 }],
    ['more than 10 passes', { iterations: 11 }],
    ['more than 4 lanes', { parallelism: 5 }],
    ['memory × passes over 2 GiB', { memoryKiB: 512 * 1024, iterations: 5 }],
  ])('refuses KDF parameters over the limits with KDF_TOO_COSTLY: %s', async (_name, kdf) => {
    const { dir, json } = await vaultWithHeader();
    const edited = reseal({ ...json, kdf: { ...(json.kdf as object), ...kdf } });
    expect(await openCode(dir, edited)).toBe('KDF_TOO_COSTLY');
  });

  it('refuses parameters under the minimums as a malformed header', async () => {
    const { dir, json } = await vaultWithHeader();
    for (const kdf of [{ memoryKiB: 4096 }, { iterations: 0 }, { parallelism: 0 }, { iterations: 1.5 }]) {
      const edited = reseal({ ...json, kdf: { ...(json.kdf as object), ...kdf } });
      expect(await openCode(dir, edited)).toBe('HEADER_DAMAGED');
    }
  });

  it('accepts the limits themselves for a new passphrase and refuses one step past them', () => {
    expect(newKdfParams({ memoryKiB: 1024 * 1024, iterations: 2, parallelism: 4 })).toMatchObject({
      memoryKiB: 1024 * 1024,
    });
    expect(newKdfParams({ memoryKiB: 256 * 1024, iterations: 8, parallelism: 1 }).iterations).toBe(8);
    expect(() => newKdfParams({ memoryKiB: 1024 * 1024, iterations: 3, parallelism: 1 })).toThrow(
      expect.objectContaining({ code: 'KDF_TOO_COSTLY' }),
    );
  });
});
