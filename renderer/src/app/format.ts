// Every number, size, date and time the renderer shows, formatted in one place for the UI language.
// Spanish is Mexican Spanish (es-MX: "2.8 KB", "15,090 B", "sep"); English is en-US.

/** The Intl locale of a UI language: `es` → es-MX (not Spain's `es`), anything else → en-US. */
export function intlLocale(language: string): string {
  return language.startsWith('es') ? 'es-MX' : 'en-US';
}

/** One time format everywhere: hours and minutes on a 24-hour clock. */
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseIsoDate(value: string): Date | null {
  if (!ISO_DATE.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatNumber(value: number, language: string): string {
  return value.toLocaleString(intlLocale(language));
}

/** A size in binary units with one decimal below 100 ("2.8 KB"), whole bytes below 1 KB. */
export function formatBytes(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(intlLocale(language), { maximumFractionDigits: digits })} ${units[unit]}`;
}

/** The exact size for records: "15,090 B". */
export function formatExactBytes(bytes: number, language: string): string {
  return `${formatNumber(bytes, language)} B`;
}

/** A calendar date (YYYY-MM-DD) as people write it in the UI language; the raw value if it is not one. */
export function formatIsoDate(value: string, language: string): string {
  const date = parseIsoDate(value);
  if (!date) return value;
  return new Intl.DateTimeFormat(intlLocale(language), { ...DATE, timeZone: 'UTC' }).format(date);
}

/** "marzo de 2023" / "March 2023" for a YYYY-MM-DD whose day does not matter. */
export function formatIsoMonth(value: string, language: string): string {
  const date = parseIsoDate(value);
  if (!date) return value;
  return new Intl.DateTimeFormat(intlLocale(language), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** A time of day (HH:MM) in local time, e.g. when a reveal ends. */
export function formatTime(value: string, language: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(language), TIME).format(date);
}

/** A timestamp in local time, in the UI language. */
export function formatTimestamp(value: string, language: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(language), { ...DATE, ...TIME }).format(date);
}

/** A timestamp in UTC, for records that must read the same wherever they are opened. */
export function formatTimestampUtc(value: string, language: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${new Intl.DateTimeFormat(intlLocale(language), { ...DATE, ...TIME, timeZone: 'UTC' }).format(date)} UTC`;
}

/** A decimal with exactly `digits` places, sign kept (coordinates: "-99.13320"). */
export function formatDecimal(value: number, digits: number, language: string): string {
  return value.toLocaleString(intlLocale(language), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}
