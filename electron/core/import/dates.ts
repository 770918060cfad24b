// Dates as Mexican spreadsheets hold them: dd/mm/aaaa (day first, never month first), ISO yyyy-mm-dd,
// a workbook's date cells, and Excel serial day numbers (a date column formatted as "General").
import type { Cell } from './read-table';

export type DateReading = { ok: true; iso: string } | { ok: false };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function fromParts(year: number, month: number, day: number): DateReading {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return { ok: false };
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return { ok: false };
  return { ok: true, iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/** Excel's day number: 1 is 1900-01-01, with the fictitious 1900-02-29 (serial 60) Lotus kept. */
export function fromExcelSerial(serial: number): DateReading {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466 || serial === 60) return { ok: false };
  const days = Math.floor(serial) - (serial > 60 ? 1 : 0);
  const date = new Date(Date.UTC(1899, 11, 31) + days * 86_400_000);
  return fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function readDate(cell: Cell): DateReading {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { ok: false };
    // Workbook dates come as UTC midnight of the day shown.
    return fromParts(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'number') return fromExcelSerial(cell);
  const text = String(cell ?? '').trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return fromParts(Number(m[3]), Number(m[2]), Number(m[1]));
  // A serial number typed as text (a CSV saved from a sheet whose date column was "General").
  if (/^\d{5}$/.test(text)) return fromExcelSerial(Number(text));
  return { ok: false };
}
