import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Option {
  value: string;
  label: string;
}

/** The translated choices of a select over one of the shared enums (`<prefix>.<value>` keys). */
export function useEnumOptions(prefix: string, values: readonly string[]): Option[] {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => values.map((value) => ({ value, label: t(`${prefix}.${value}`) })),
    // The language is what changes the labels, whether or not `t` changes identity with it.
    [t, language, prefix, values],
  );
}
