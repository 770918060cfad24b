// `npm run dev:browser -- --files DIR`: the file dialog opens the bridge's chooser window, which lists DIR;
// the ticked files come back through the same shell answer the desktop dialog gives. Paths outside DIR,
// and answers without this run's secret, are refused.
import { test as base } from '@playwright/test';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBridge } from '../bridge/server';
import { createCaseThroughUi, createVaultThroughUi, expect, watchPage } from './fixtures';

base('the chooser page lists the folder and its choice reaches the intake', async ({ page, context }) => {
  const work = await mkdtemp(join(tmpdir(), 'amparo-chooser-'));
  const files = join(work, 'expediente');
  await mkdir(join(files, 'fotos'), { recursive: true });
  await writeFile(join(files, 'oficio.txt'), 'Oficio 123/2024');
  await writeFile(join(files, 'fotos', 'pinta.txt'), 'foto de la pinta');
  await writeFile(join(work, 'fuera.txt'), 'fuera de la carpeta');
  const bridge = await startBridge({
    rendererDir: join(__dirname, '../../out/renderer'),
    configDir: join(work, 'config'),
    chooseFolder: () => join(work, 'boveda'),
    filesDir: files,
  });
  try {
    const finish = watchPage(page, bridge);
    await page.goto(bridge.url);
    await createVaultThroughUi(page, join(work, 'boveda'), 'Ríos de Oaxaca, marzo 2026, sin olvido');
    await createCaseThroughUi(page, 'Caso de prueba del selector');
    await page.getByRole('tab', { name: 'Evidence' }).click();

    const popup = context.waitForEvent('page');
    await page.getByRole('button', { name: 'Choose files…' }).click();
    const chooser = await popup;
    await expect(chooser.getByRole('heading')).toContainText(files);
    await expect(chooser.getByRole('checkbox')).toHaveCount(2);
    await expect(chooser.getByText('fuera.txt')).toHaveCount(0);
    await chooser.getByRole('checkbox', { name: 'fotos/pinta.txt' }).check();
    await chooser.getByRole('checkbox', { name: 'oficio.txt' }).check();
    await chooser.getByRole('button', { name: 'Choose' }).click();

    const rows = page.getByRole('table', { name: 'Files to add' });
    await expect(rows).toContainText('pinta.txt');
    await expect(rows).toContainText('oficio.txt');
    await page.getByRole('button', { name: 'Add 2 files' }).click();
    await expect(page.getByText('2 files added to the case.')).toBeVisible();

    // An answer without the secret, or naming a file outside the folder, changes nothing.
    const origin = bridge.origin;
    const forged = await fetch(`${origin}/__bridge/chooser/answer`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ paths: [join(work, 'fuera.txt')] }),
    });
    expect(forged.status).toBe(403);
    const outside = page.context().waitForEvent('page');
    await page.getByRole('button', { name: 'Choose files…' }).click();
    const second = await outside;
    const token = (await second.locator('#chooser').getAttribute('data-token')) ?? '';
    const answered = await fetch(`${origin}/__bridge/chooser/answer`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', 'x-amparo-bridge-token': token },
      body: JSON.stringify({ paths: [join(work, 'fuera.txt')] }),
    });
    expect(answered.status).toBe(204);
    await expect(page.getByRole('table', { name: 'Files to add' })).toHaveCount(0);
    finish();
  } finally {
    await bridge.close();
    await rm(work, { recursive: true, force: true });
  }
});
