// Two laptops keep three cases in step through bundles sealed to each other's age key, in the Spanish UI:
// each case goes from A to B, is retitled on both, and comes back to A as a conflict shown side by side in
// a lawyer's words ("Caso · …", "Título"), resolved once each way: keep mine, take theirs, keep both.
//
// Each check waits for the summary of the file it asked about (its case's title) and for the signer to
// be exactly as expected: unknown the first time a vault sees the other's key, known after that. An
// earlier version acted on whatever summary was on screen: the previous bundle's, with its checkbox
// already ticked, which the screen kept while the next check ran; under load it raced. The screen now
// clears a summary as soon as the file, its passphrase or a new check begins.
import { join } from 'node:path';
import { expect, screenshot, test } from './fixtures';
import {
  PASS,
  ageKey,
  bundlePath,
  checkAndImport,
  exportOpenCase,
  goTo,
  imported,
  lockAndCreate,
  lockAndOpen,
  newCase,
  openCase,
  retitle,
} from './bundles-steps';

test('a merge with one conflict resolved each way: keep mine, take theirs, keep both', async ({
  app,
  workDir,
}) => {
  test.setTimeout(600_000);
  const names = ['uno', 'dos', 'tres'] as const;
  // Each laptop sends to the other's age key (copied from its Settings): no bundle passphrase.
  await app.getByText('Español', { exact: true }).click();
  await app.getByLabel('Carpeta de la bóveda').fill(join(workDir, 'b'));
  await app.getByLabel('Frase de contraseña', { exact: true }).fill(PASS);
  await app.getByLabel('Confirmar frase de contraseña', { exact: true }).fill(PASS);
  await app.getByRole('button', { name: 'Crear bóveda' }).click();
  const keyOfB = await ageKey(app);

  await lockAndCreate(app, join(workDir, 'a'));
  const keyOfA = await ageKey(app);
  for (const name of names) {
    await newCase(app, `Caso ${name}`);
    await exportOpenCase(app, bundlePath(workDir, name), { to: keyOfB });
  }

  await lockAndOpen(app, join(workDir, 'b'));
  for (const [i, name] of names.entries()) {
    await checkAndImport(app, bundlePath(workDir, name), `Caso ${name}`, i === 0 ? 'unknown' : 'known', null);
    await expect(imported(app)).toBeVisible({ timeout: 60_000 });
  }
  for (const name of names) {
    await retitle(app, `Caso ${name}`, `Caso ${name} (de B)`);
    await exportOpenCase(app, bundlePath(workDir, `${name}-b`), { to: keyOfA });
  }

  await lockAndOpen(app, join(workDir, 'a'));
  for (const name of names) await retitle(app, `Caso ${name}`, `Caso ${name} (de A)`);

  for (const [i, name, choice] of [
    [0, 'uno', 'Conservar el mío'],
    [1, 'dos', 'Tomar el del paquete'],
    [2, 'tres', 'Conservar ambos'],
  ] as const) {
    const mine = `Caso ${name} (de A)`;
    const theirs = `Caso ${name} (de B)`;
    await checkAndImport(app, bundlePath(workDir, `${name}-b`), theirs, i === 0 ? 'unknown' : 'known', null);
    await expect(app.getByText(/^1 registro cambió aquí y también en el paquete/)).toBeVisible({
      timeout: 60_000,
    });
    const card = app.getByRole('group', { name: `Caso · ${mine}` });
    await expect(card).toBeVisible();
    // Only what a person changed, labelled in Spanish: no table, column or bookkeeping names.
    await expect(card.getByRole('row')).toHaveCount(2);
    const row = card.getByRole('row', { name: /^Título/ });
    await expect(row.getByRole('cell', { name: mine, exact: true })).toBeVisible();
    await expect(row.getByRole('cell', { name: theirs, exact: true })).toBeVisible();
    await expect(card).not.toContainText(/matters|title|updated_at|revision|search_text/);
    if (name === 'dos') {
      await screenshot(app, 'bundle-merge-conflict-es');
      await app.setViewportSize({ width: 1024, height: 700 });
      await screenshot(app, 'bundle-merge-conflict-es-1024');
      await app.setViewportSize({ width: 1280, height: 800 });
    }
    await card.getByText(choice, { exact: true }).click();
    await app.getByRole('button', { name: 'Importar con estas elecciones' }).click();
    await expect(imported(app)).toBeVisible({ timeout: 60_000 });
  }

  await goTo(app, 'Casos');
  for (const title of ['Caso uno (de A)', 'Caso dos (de B)', 'Caso tres (de A)', 'Caso tres (de B)'])
    await expect(
      app.getByRole('row', { name: new RegExp(`^${title.replace(/[()]/g, '\\$&')}`) }),
    ).toBeVisible();
  await expect(app.getByText('Caso uno (de B)')).toHaveCount(0);
  await expect(app.getByText('Caso dos (de A)')).toHaveCount(0);
  await openCase(app, 'Caso dos (de B)');
});
