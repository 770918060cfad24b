// Evidence in Spanish: metadata names and hemispheres translated, the longitude keeps its sign, and the
// custody report reads in Spanish (no stored English note, no internal code), in UTC with local time beside.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jpegWithExif } from '../support/media';
import { createSpanishVaultAndCase, expect, screenshot, test } from './fixtures';

const PASS = 'caballo morado salta lejos del río 2023';

test('a photo with GPS: Spanish metadata with a signed longitude, and a Spanish custody report', async ({
  app,
  bridge,
  workDir,
}) => {
  const photo = join(workDir, 'pinta-en-la-pared.jpg');
  const mural = await readFile(join(__dirname, 'assets', 'mural.jpg'));
  await writeFile(
    photo,
    jpegWithExif(
      { make: 'Motorola', model: 'moto g', gps: { latitude: 17.0612, longitude: -96.7253 } },
      mural,
    ),
  );
  bridge.setChosenFiles([photo]);

  await app.setViewportSize({ width: 1366, height: 768 });
  await createSpanishVaultAndCase(app, `${workDir}/boveda`, PASS, 'Resolución 44/2023');
  await app.getByRole('tab', { name: 'Pruebas' }).click();
  await app.getByRole('button', { name: 'Elegir archivos…' }).click();
  await app.getByRole('button', { name: 'Agregar 1 archivo' }).click();
  await expect(app.getByText('Se agregó 1 archivo al caso.')).toBeVisible();
  await app.getByRole('row', { name: /pinta-en-la-pared/ }).click();

  const metadata = app.getByRole('table', { name: 'Metadatos' });
  await expect(metadata.getByRole('row', { name: /^GPS Longitud / })).toContainText('-96.72530');
  await expect(metadata.getByRole('row', { name: /^GPS Latitud / })).toContainText('17.06120');
  await expect(metadata.getByRole('row', { name: /Hemisferio de la longitud/ })).toContainText('Oeste');
  await expect(metadata).toContainText('Marca de la cámara');
  await expect(metadata).not.toContainText(/longitude|latitude/i);

  await app.getByRole('button', { name: 'Crear una copia de trabajo sin metadatos' }).click();
  const custody = app.getByRole('table', { name: 'Cadena de custodia' });
  await expect(custody).toContainText('Copia de trabajo de la prueba con SHA-256');
  await expect(custody).toContainText('sin metadatos');
  await expect(custody).toContainText('UTC');
  await expect(custody).toContainText('Hora local:');
  await expect(custody).not.toContainText(/Working copy|metadata_removed/);
  await custody.scrollIntoViewIfNeeded();
  await screenshot(app, 'custody-es');
});
