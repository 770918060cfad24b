// Dates as Mexican spreadsheets write them: day first, ISO, workbook date cells and Excel serials.
import { describe, expect, it } from 'vitest';
import { fromExcelSerial, readDate } from '../../../electron/core/import/dates';

describe('spreadsheet dates', () => {
  it('reads dd/mm/aaaa day first, and ISO', () => {
    expect(readDate('05/02/2023')).toEqual({ ok: true, iso: '2023-02-05' });
    expect(readDate('5/2/2023')).toEqual({ ok: true, iso: '2023-02-05' });
    expect(readDate('05-02-2023')).toEqual({ ok: true, iso: '2023-02-05' });
    expect(readDate('2023-02-05')).toEqual({ ok: true, iso: '2023-02-05' });
    expect(readDate('29/02/2024')).toEqual({ ok: true, iso: '2024-02-29' });
  });

  it('refuses impossible dates instead of rolling them over', () => {
    expect(readDate('31/02/2023')).toEqual({ ok: false });
    expect(readDate('29/02/2023')).toEqual({ ok: false });
    expect(readDate('13/13/2023')).toEqual({ ok: false });
    expect(readDate('2023-02-30')).toEqual({ ok: false });
    expect(readDate('marzo 2023')).toEqual({ ok: false });
  });

  it('reads Excel serial day numbers, skipping the fictitious 29 February 1900', () => {
    expect(fromExcelSerial(1)).toEqual({ ok: true, iso: '1900-01-01' });
    expect(fromExcelSerial(59)).toEqual({ ok: true, iso: '1900-02-28' });
    expect(fromExcelSerial(60)).toEqual({ ok: false });
    expect(fromExcelSerial(61)).toEqual({ ok: true, iso: '1900-03-01' });
    expect(readDate(44927)).toEqual({ ok: true, iso: '2023-01-01' });
    expect(readDate(45000)).toEqual({ ok: true, iso: '2023-03-15' });
    expect(readDate('45000')).toEqual({ ok: true, iso: '2023-03-15' });
  });

  it('reads workbook date cells by their UTC day', () => {
    expect(readDate(new Date(Date.UTC(2023, 5, 15)))).toEqual({ ok: true, iso: '2023-06-15' });
  });
});
