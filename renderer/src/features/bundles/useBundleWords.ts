import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Words } from '../../../../shared/bundle-labels-format';

/** The shared bundle-label formatter's words, from the UI's i18next in its current language. */
export function useBundleWords(): Words {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => ({
      language: i18n.language,
      exists: (key: string) => i18n.exists(key),
      t: (key: string, values?: Record<string, string | number>) => t(key, values ?? {}),
    }),
    [t, i18n, i18n.language],
  );
}
