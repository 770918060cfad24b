// Dates as the UI language writes them, for Mantine's date inputs: dd/mm/aaaa in Spanish, mm/dd/yyyy in
// English. Values stay ISO YYYY-MM-DD; only what is shown and typed follows the language.
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/es-mx';
import 'dayjs/locale/en';

dayjs.extend(customParseFormat);

export const DAYJS_LOCALE = { es: 'es-mx', en: 'en' } as const;

/** The format a date input shows and expects first. */
export function dateInputFormat(language: string): string {
  return language.startsWith('es') ? 'DD/MM/YYYY' : 'MM/DD/YYYY';
}

/**
 * Reads what was typed: the language's own order (one- or two-digit day and month, `/`, `-` or `.` between),
 * or ISO. Strict, so a half-typed "05/02/2" is not taken for the year 2.
 */
export function parseTypedDate(text: string, language: string): string | null {
  const value = text.trim().replace(/[.-]/g, '/');
  const spanish = language.startsWith('es');
  const formats = spanish ? ['DD/MM/YYYY', 'D/M/YYYY'] : ['MM/DD/YYYY', 'M/D/YYYY'];
  const iso = dayjs(text.trim(), 'YYYY-MM-DD', true);
  if (iso.isValid()) return iso.format('YYYY-MM-DD');
  for (const format of formats) {
    const parsed = dayjs(value, format, true);
    if (parsed.isValid()) return parsed.format('YYYY-MM-DD');
  }
  return null;
}
