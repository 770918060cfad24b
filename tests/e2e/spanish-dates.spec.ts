// Spanish dates: the language is picked on the first screen, dates are typed and picked as dd/mm/aaaa, the
// wire keeps ISO, and what is shown reads as Mexican Spanish.
import { createSpanishVaultAndCase, expect, openCases, screenshot, test } from './fixtures';

const PASS = 'caballo morado salta lejos del río 2023';

test('the first screen switches to Spanish; a case date is typed as dd/mm/aaaa and picked from a Spanish calendar', async ({
  app,
  workDir,
}) => {
  await app.setViewportSize({ width: 1366, height: 768 });
  await app.getByText('Español', { exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Crear una bóveda' })).toBeVisible();
  await app.getByLabel('Carpeta de la bóveda').fill(`${workDir}/boveda`);
  await app.getByLabel('Frase de contraseña', { exact: true }).fill(PASS);
  await app.getByLabel('Confirmar frase de contraseña', { exact: true }).fill(PASS);
  await app.getByRole('button', { name: 'Crear bóveda' }).click();
  await openCases(app, 'Casos', { timeout: 30_000 });

  await app.getByRole('button', { name: 'Nuevo caso' }).click();
  await app.getByLabel('Título').fill('Resolución 44/2023');
  const opened = app.getByLabel('Fecha de apertura');
  await opened.fill('05/02/2023');
  // The calendar opened on the typed date shows Spanish month names: 5 February, not 2 May.
  await expect(app.getByText('febrero 2023', { exact: true })).toBeVisible();
  await screenshot(app, 'case-form-date-picker-es');
  await app.setViewportSize({ width: 1024, height: 700 });
  await screenshot(app, 'case-form-date-picker-es-1024');
  await app.setViewportSize({ width: 1366, height: 768 });
  await opened.press('Tab');
  await expect(opened).toHaveValue('05/02/2023');
  await app.getByRole('button', { name: 'Crear caso' }).click();
  await expect(app.getByRole('heading', { name: 'Resolución 44/2023' })).toBeVisible();
  await expect(app.getByText('5 feb 2023').first()).toBeVisible();

  // Picking: the status panel's date, chosen in the calendar (weeks start on Monday in Spanish).
  await app.getByRole('button', { name: /Cambiar estado/ }).click();
  const statusDate = app.getByRole('textbox', { name: 'Fecha', exact: true });
  await statusDate.click();
  await expect(app.getByText('lu', { exact: true }).first()).toBeVisible();
  await statusDate.fill('1/3/2023');
  await expect(statusDate).toHaveValue('1/3/2023');
  await app.getByRole('button', { name: '15 marzo 2023' }).click();
  await expect(statusDate).toHaveValue('15/03/2023');
  await app.getByRole('button', { name: 'Registrar cambio de estado' }).click();
  await expect(app.getByRole('cell', { name: '15 mar 2023' })).toBeVisible();
});

test('facts with approximate dates are entered in Spanish, sorted sensibly and printed as written', async ({
  app,
  workDir,
}) => {
  await app.setViewportSize({ width: 1366, height: 768 });
  await createSpanishVaultAndCase(app, `${workDir}/boveda`, PASS, 'Resolución 44/2023');
  await app.getByRole('tab', { name: 'Cronología' }).click();

  const addFact = async (title: string, typed: string, precision: string, qualifier: string) => {
    await app.getByRole('button', { name: 'Nuevo hecho' }).click();
    await app.getByLabel('Qué ocurrió').fill(title);
    const date = app.getByRole('textbox', { name: 'Fecha', exact: true });
    await date.fill(typed);
    await date.press('Tab');
    await app.getByRole('combobox', { name: 'Se conoce' }).click();
    await app.getByRole('option', { name: precision }).click();
    await app.getByRole('combobox', { name: 'Certeza' }).click();
    await app.getByRole('option', { name: qualifier }).click();
    await app.getByRole('button', { name: 'Agregar hecho' }).click();
    await expect(app.getByRole('heading', { name: title })).toBeVisible();
  };
  await addFact('Llamadas con amenazas', '15/06/2023', 'El día', 'Aproximada (alrededor de)');
  await addFact('Patrulla frente a la casa', '27/03/2023', 'Solo el mes', 'Exacta');
  await addFact('Vigilancia del domicilio', '19/07/2022', 'Solo el año', 'Continua (desde)');

  const facts = app.getByRole('list', { name: 'Cronología' }).getByRole('listitem');
  await expect(facts).toHaveCount(3);
  await expect(facts.nth(0)).toContainText('Desde 2022');
  await expect(facts.nth(0)).toContainText('Vigilancia del domicilio');
  await expect(facts.nth(1)).toContainText('Marzo de 2023');
  await expect(facts.nth(2)).toContainText('Alrededor del 15 jun 2023');
  await screenshot(app, 'timeline-approximate-dates-es');

  // Editing shows the month as a month, in Spanish.
  await app.getByRole('button', { name: 'Editar «Patrulla frente a la casa»' }).click();
  await expect(app.getByRole('button', { name: 'Fecha', exact: true })).toHaveText('marzo de 2023');

  // The print view prints the same words.
  await app.emulateMedia({ media: 'print' });
  await expect(facts.nth(0)).toContainText('Desde 2022');
  await app.emulateMedia({ media: 'screen' });
  await app.getByRole('button', { name: 'Cancelar' }).click();
  await app.setViewportSize({ width: 1024, height: 700 });
  await screenshot(app, 'timeline-approximate-dates-es-1024');
});
