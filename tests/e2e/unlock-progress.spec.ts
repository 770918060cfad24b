// While the passphrase is turned into the key, the unlock and create screens show an indeterminate bar
// and the seconds elapsed. The vault's header is raised to a costlier (still accepted) Argon2id setting so
// the derivation lasts long enough to watch.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, fillVaultForm, openCases, test } from './fixtures';

const PASS = 'frase de contraseña larga y segura para la prueba';

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

test('unlock and create show progress while the key is derived', async ({ app, workDir }) => {
  const vaultDir = join(workDir, 'boveda');
  await fillVaultForm(app, vaultDir, PASS);
  await app.getByRole('button', { name: 'Create vault' }).click();
  await expect(app.getByTestId('deriving-progress')).toBeVisible();
  await openCases(app, 'Cases');
  await expect(app.getByTestId('deriving-progress')).toHaveCount(0);

  await app.getByRole('button', { name: 'Lock now' }).click();
  await expect(app.getByRole('heading', { name: 'Unlock vault' })).toBeVisible();

  // The key is not re-wrapped for the new parameters, so this unlock ends in "wrong passphrase", but only
  // after a full derivation at the new cost, which is what the test watches.
  const headerPath = join(vaultDir, 'amparo-vault.json');
  const { checksum: _old, ...header } = JSON.parse(await readFile(headerPath, 'utf8'));
  // Half the largest accepted cost (1 GiB-pass, 2.7 s where the limits were measured): over a second
  // even on a fast machine, so the elapsed count visibly moves.
  header.kdf = { ...header.kdf, memoryKiB: 512 * 1024, iterations: 2 };
  const sealed = { ...header, checksum: createHash('sha256').update(canonical(header)).digest('hex') };
  await writeFile(headerPath, JSON.stringify(sealed));

  await app.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await app.getByRole('button', { name: 'Unlock' }).click();
  const progress = app.getByTestId('deriving-progress');
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('progressbar', { name: 'Deriving the key' })).toBeVisible();
  await expect(progress.getByRole('status')).toContainText(
    /Turning your passphrase into the vault key… [1-9]\d* s/,
  );
  // Far longer than 2.7 s on a loaded machine.
  await expect(app.getByRole('alert')).toContainText(/passphrase/i, { timeout: 45_000 });
  await expect(progress).toHaveCount(0);
});
