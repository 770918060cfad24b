// Small display helpers for evidence: exhibit labels.
import type { TFunction } from 'i18next';

/** "Anexo 3" / "Annex 3", or "Observaciones 2024 · 2" for another filing's list. */
export function exhibitLabel(t: TFunction, exhibit: { filing: string; number: number }): string {
  return exhibit.filing
    ? t('evidence.exhibitInFiling', { filing: exhibit.filing, number: exhibit.number })
    : t('evidence.exhibit', { number: exhibit.number });
}

/** A SHA-256 shortened for reading: enough to tell two files apart at a glance, never for checking. */
export const shortHash = (sha256: string): string => `${sha256.slice(0, 12)}…${sha256.slice(-6)}`;
