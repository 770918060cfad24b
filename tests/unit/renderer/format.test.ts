// The renderer's one formatting module and the date inputs' parser: Mexican Spanish (es-MX, not Spain's
// es) and US English, and dates typed in the order each language writes them.
import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDecimal,
  formatExactBytes,
  formatIsoDate,
  formatIsoMonth,
  formatTime,
  formatTimestampUtc,
  intlLocale,
} from '../../../renderer/src/app/format';
import { dateInputFormat, parseTypedDate } from '../../../renderer/src/app/dates';

describe('formatting for the UI language', () => {
  it('uses es-MX for Spanish: a decimal point and comma thousands, not the Spanish of Spain', () => {
    expect(intlLocale('es')).toBe('es-MX');
    expect(formatBytes(2867, 'es')).toBe('2.8 KB');
    expect(formatExactBytes(15090, 'es')).toBe('15,090 B');
    expect(formatDecimal(-99.1332, 5, 'es')).toBe('-99.13320');
  });

  it('writes dates with Mexican month abbreviations and English ones in English', () => {
    expect(formatIsoDate('2023-09-05', 'es')).toBe('5 sep 2023');
    expect(formatIsoDate('2023-09-05', 'en')).toBe('Sep 5, 2023');
    expect(formatIsoMonth('2023-03-01', 'es')).toBe('marzo de 2023');
    expect(formatIsoDate('not a date', 'es')).toBe('not a date');
  });

  it('has one 24-hour time format, and UTC says so', () => {
    expect(formatTimestampUtc('2024-03-12T18:05:09.120Z', 'es')).toBe('12 mar 2024, 18:05 UTC');
    expect(formatTime('2024-03-12T18:05:09.120Z', 'es')).toMatch(/^\d{2}:05$/);
  });
});

describe('typed dates', () => {
  it('read day first in Spanish and month first in English, and give ISO back', () => {
    expect(dateInputFormat('es')).toBe('DD/MM/YYYY');
    expect(parseTypedDate('05/02/2023', 'es')).toBe('2023-02-05');
    expect(parseTypedDate('5/2/2023', 'es')).toBe('2023-02-05');
    expect(parseTypedDate('05-02-2023', 'es')).toBe('2023-02-05');
    expect(parseTypedDate('05/02/2023', 'en')).toBe('2023-05-02');
    expect(parseTypedDate('2023-02-05', 'es')).toBe('2023-02-05');
  });

  it('refuse half-typed and impossible dates', () => {
    expect(parseTypedDate('05/02/2', 'es')).toBeNull();
    expect(parseTypedDate('31/02/2023', 'es')).toBeNull();
    expect(parseTypedDate('13/13/2023', 'es')).toBeNull();
    expect(parseTypedDate('', 'es')).toBeNull();
  });
});
