// Small display helpers for evidence: sizes, exhibit labels.
import type { TFunction } from 'i18next';

export function formatBytes(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(language, { maximumFractionDigits: digits })} ${units[unit]}`;
}

/** "Anexo 3" / "Annex 3", or "Observaciones 2024 · 2" for another filing's list. */
export function exhibitLabel(t: TFunction, exhibit: { filing: string; number: number }): string {
  return exhibit.filing
    ? t('evidence.exhibitInFiling', { filing: exhibit.filing, number: exhibit.number })
    : t('evidence.exhibit', { number: exhibit.number });
}
