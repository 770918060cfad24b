// Evidence in the real renderer over the test bridge and the real core: add a PDF and a photo (with GPS
// in its EXIF) to a case through the file picker, see both previews (pdf.js, image) streamed decrypted
// from the media origin, the metadata warning, exhibit numbers, integrity checks and the custody report;
// then edit an item's details and link it to an incident of the timeline. A blob altered on disk is
// reported by the preview and by Verify integrity, never shown as if valid.
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jpegWithExif, pdf } from '../support/media';
import {
  createCaseThroughUi,
  createVaultThroughUi,
  expect,
  expectConsoleErrors,
  screenshot,
  test,
} from './fixtures';

const PASS = 'Ríos de Oaxaca, marzo 2026, sin olvido';
const CASE_TITLE = 'A.A.Q.O. y familia — amenazas y vigilancia';
const INCIDENT = 'Denuncia presentada ante la Fiscalía General';
const NEW_TITLE = 'Denuncia ante la Fiscalía (12/03/2024)';

test('add a PDF and a photo to a case, preview both, verify integrity and export', async ({
  app,
  bridge,
  workDir,
}) => {
  const photo = join(workDir, 'pinta-en-la-pared.jpg');
  const mural = await readFile(join(__dirname, 'assets', 'mural.jpg'));
  await writeFile(
    photo,
    jpegWithExif(
      {
        make: 'Motorola',
        model: 'moto g',
        artist: 'A.L.Q.O.',
        gps: { latitude: 17.0612, longitude: -96.7253 },
      },
      mural,
    ),
  );
  const report = join(workDir, 'denuncia-fiscalia.pdf');
  await writeFile(
    report,
    pdf('Denuncia ante la Fiscalia General - 12/03/2024', { author: 'Lic. Juan Ramirez' }),
  );
  bridge.setChosenFiles([report, photo]);

  await createVaultThroughUi(app, join(workDir, 'boveda'), PASS);
  await createCaseThroughUi(app, CASE_TITLE);

  // An incident on the timeline, for the evidence to be linked to.
  await app.getByRole('tab', { name: 'Timeline' }).click();
  await app.getByRole('button', { name: 'New incident' }).click();
  const incidentForm = app.getByRole('form', { name: 'New incident' });
  await incidentForm.getByLabel('What happened').fill(INCIDENT);
  await incidentForm.getByLabel('Date').fill('2024-03-12');
  await incidentForm.getByRole('button', { name: 'Add incident' }).click();
  await expect(app.getByRole('heading', { name: INCIDENT })).toBeVisible();

  await app.getByRole('tab', { name: 'Evidence' }).click();
  await expect(app.getByText('No evidence in this case yet.')).toBeVisible();
  await app.getByLabel('Source').fill('A.L.Q.O. (hermana)');
  await app.getByLabel('How it was obtained').fill('Entregado en memoria USB, 14/03/2024');
  await app.getByLabel('Date of the event').fill('2024-03-12');
  await app.getByRole('button', { name: 'Choose files…' }).click();
  await app.getByRole('button', { name: /^Add \d+ files?$/ }).click();
  await expect(app.getByText('2 files added to the case.')).toBeVisible();

  const rows = app.getByRole('table', { name: 'Evidence' }).getByRole('row');
  await expect(rows.filter({ hasText: 'denuncia-fiscalia' })).toContainText('Annex 1');
  await expect(rows.filter({ hasText: 'pinta-en-la-pared' })).toContainText('Annex 2');
  await expect(rows.filter({ hasText: 'pinta-en-la-pared' })).toContainText('Metadata');
  await screenshot(app, 'evidence-list');

  // The photo: decrypted on the fly into an <img>, with the warning about what its metadata reveals.
  await rows.filter({ hasText: 'pinta-en-la-pared' }).click();
  const image = app.getByTestId('evidence-preview-image');
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img) => (img as { naturalWidth: number }).naturalWidth)).toBe(480);
  await expect(
    app.getByRole('note').filter({ hasText: "This file's metadata can identify someone" }),
  ).toContainText('a location');
  await expect(app.getByText('Position recorded: 17.06120, -96.72530')).toBeVisible();
  await app.getByRole('button', { name: 'Verify integrity' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'identical to the file received' })).toBeVisible();
  const custody = app.getByRole('table', { name: 'Chain of custody' });
  await expect(custody).toContainText('Acquired');
  await expect(custody).toContainText('pinta-en-la-pared.jpg');
  await expect(custody).toContainText('Source: A.L.Q.O. (hermana)');
  await expect(custody).toContainText('Integrity verified');
  await screenshot(app, 'evidence-image');

  // A working copy without metadata: a new item linked to the original.
  await app.getByRole('button', { name: 'Make a working copy without metadata' }).click();
  await expect(app.getByText('This is a working copy made from an original item')).toBeVisible();
  await expect(app.getByText('No metadata found.')).toBeVisible();
  await expect(app.getByTestId('evidence-preview-image')).toBeVisible();

  // Export a decrypted copy, after confirming.
  await mkdir(join(workDir, 'chosen-vault'), { recursive: true });
  await app.getByRole('button', { name: 'Export decrypted copy…' }).click();
  await expect(app.getByRole('dialog')).toContainText('unencrypted copy');
  await app.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(
    app
      .getByRole('status')
      .filter({ hasText: /Decrypted copy written to .*pinta-en-la-pared\.no-metadata\.jpg/ }),
  ).toBeVisible();
  await app.getByRole('button', { name: 'Back to evidence' }).click();

  // The PDF, rendered by pdf.js from the decrypted bytes.
  await rows.filter({ hasText: 'denuncia-fiscalia' }).click();
  const canvas = app.getByTestId('evidence-preview-pdf');
  await expect(canvas).toBeVisible();
  await expect(app.getByText('Page 1 of 1')).toBeVisible();
  await expect
    .poll(() =>
      canvas.evaluate((element) => {
        const c = element as unknown as {
          width: number;
          height: number;
          getContext(kind: '2d'): { getImageData(...a: number[]): { data: Uint8ClampedArray } };
        };
        const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 3]! > 0) dark += 1;
        return dark;
      }),
    )
    .toBeGreaterThan(50);
  await expect(app.getByRole('table', { name: 'Metadata found in the file' })).toContainText(
    'Lic. Juan Ramirez',
  );
  await screenshot(app, 'evidence-pdf');

  // Its details, edited: a clearer title, and the incident it documents.
  await app.getByRole('button', { name: 'Edit details' }).click();
  const editForm = app.getByRole('form', { name: 'Edit evidence details' });
  await expect(editForm.getByLabel('Title')).toHaveValue('denuncia-fiscalia');
  await editForm.getByLabel('Title').fill(NEW_TITLE);
  await editForm.getByRole('combobox', { name: 'Linked incidents' }).click();
  await app.getByRole('option', { name: new RegExp(INCIDENT) }).click();
  await app.keyboard.press('Escape');
  await editForm.getByRole('button', { name: 'Save' }).click();
  await expect(editForm).toBeHidden();
  await expect(app.getByRole('heading', { name: NEW_TITLE })).toBeVisible();
  await expect(app.getByText(new RegExp(`— ${INCIDENT}`))).toBeVisible();
  await app.getByRole('button', { name: 'Back to evidence' }).click();

  await app.getByRole('button', { name: 'Verify integrity of all' }).click();
  await expect(app.getByText('All 3 items checked: identical to what was received.')).toBeVisible();

  await app.getByRole('button', { name: 'Lock now' }).click();
  await expect(app.getByRole('heading', { name: 'Unlock vault' })).toBeVisible();
  expect(await app.content()).not.toContain('denuncia-fiscalia');
});

test('a blob altered on disk is reported by the preview and by verify, never shown', async ({
  app,
  bridge,
  workDir,
}) => {
  // The browser logs the media origin's 422 answer for the damaged blob; nothing else may be logged.
  expectConsoleErrors(app, [/the server responded with a status of 422/]);
  const photo = join(workDir, 'mural-del-barrio.jpg');
  await writeFile(photo, await readFile(join(__dirname, 'assets', 'mural.jpg')));
  bridge.setChosenFiles([photo]);
  const vault = join(workDir, 'boveda');

  await createVaultThroughUi(app, vault, PASS);
  await createCaseThroughUi(app, CASE_TITLE);
  await app.getByRole('tab', { name: 'Evidence' }).click();
  await app.getByRole('button', { name: 'Choose files…' }).click();
  await app.getByRole('button', { name: /^Add \d+ files?$/ }).click();
  await expect(app.getByText('1 file added to the case.')).toBeVisible();

  // One byte flipped in the middle of the encrypted file: its GCM tag no longer matches.
  const blobs = (await readdir(join(vault, 'blobs'))).filter((name) => name.endsWith('.blob'));
  expect(blobs).toHaveLength(1);
  const blobFile = join(vault, 'blobs', blobs[0]!);
  const bytes = await readFile(blobFile);
  const middle = Math.floor(bytes.length / 2);
  bytes[middle] = bytes[middle]! ^ 0xff;
  await writeFile(blobFile, bytes);

  await app
    .getByRole('table', { name: 'Evidence' })
    .getByRole('row', { name: /mural-del-barrio/ })
    .click();
  const damaged = app
    .getByRole('alert')
    .filter({ hasText: 'Not shown: the stored file failed its integrity check' });
  await expect(damaged).toContainText('altered or damaged on disk after intake');
  await expect(app.getByTestId('evidence-preview-image')).toHaveCount(0);
  const decoded = await app
    .locator('img')
    .evaluateAll(
      (images) => images.filter((img) => (img as { naturalWidth: number }).naturalWidth > 0).length,
    );
  expect(decoded).toBe(0);

  await app.getByRole('button', { name: 'Verify integrity', exact: true }).click();
  await expect(
    app.getByRole('status').filter({ hasText: 'Altered or damaged: the stored file was changed on disk' }),
  ).toBeVisible();
  await screenshot(app, 'evidence-tampered');
});

test('links and pipes in a chosen folder are listed as not taken in; a file given as a link is said to be one', async ({
  app,
  bridge,
  workDir,
}) => {
  const folder = join(workDir, 'memoria-usb');
  await mkdir(folder);
  await writeFile(join(folder, 'acta.txt'), 'acta de hechos');
  await symlink(join(folder, 'acta.txt'), join(folder, 'acceso-directo.txt'));
  execFileSync('mkfifo', [join(folder, 'tuberia')]);
  const target = join(workDir, 'oficio.pdf');
  await writeFile(target, pdf('Oficio'));
  const link = join(workDir, 'enlace-al-oficio.pdf');
  await symlink(target, link);
  bridge.setChosenFiles([folder, link]);

  await createVaultThroughUi(app, join(workDir, 'boveda'), PASS);
  await createCaseThroughUi(app, CASE_TITLE);
  await app.getByRole('tab', { name: 'Evidence' }).click();
  await app.getByRole('button', { name: 'Choose files…' }).click();
  await app.getByRole('button', { name: /^Add \d+ files?$/ }).click();
  await expect(app.getByText('2 files added to the case.')).toBeVisible();
  await expect(app.getByText('2 entries in the folders were not taken in:')).toBeVisible();
  await expect(
    app.getByText(
      `${join(folder, 'acceso-directo.txt')}: a symbolic link (links inside folders are not followed)`,
    ),
  ).toBeVisible();
  await expect(
    app.getByText(`${join(folder, 'tuberia')}: not a file (a pipe, socket or device)`),
  ).toBeVisible();
  await expect(app.getByText(`${link} → ${target}`)).toBeVisible();
  await expect(
    app.getByRole('table', { name: 'Evidence' }).getByRole('row', { name: /^Annex 2 oficio / }),
  ).toBeVisible();
});
