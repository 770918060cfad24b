import {
  isOptionsGroup,
  type ComboboxItem,
  type ComboboxParsedItem,
  type OptionsFilter,
} from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { stateName, statesInOrder } from '../../../shared/countries';

/** The language tag the platform names States in: Mexican Spanish or English. */
export function regionLanguage(language: string): string {
  return language.startsWith('es') ? 'es-MX' : 'en';
}

/** A State's name in the UI language (its code when unknown). */
export function useStateName(): (code: string) => string {
  const { i18n } = useTranslation();
  const language = regionLanguage(i18n.language);
  return (code: string) => stateName(code, language);
}

/** The choices of a State select: the OAS member States first, then every other State. */
export function useStateOptions() {
  const { t, i18n } = useTranslation();
  const language = regionLanguage(i18n.language);
  return useMemo(() => {
    const states = statesInOrder(language);
    const items = (oas: boolean) =>
      states.filter((s) => s.oas === oas).map((s) => ({ value: s.code, label: s.name }));
    return [
      { group: t('matterState.oasGroup'), items: items(true) },
      { group: t('matterState.otherGroup'), items: items(false) },
    ];
  }, [t, language]);
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Matches names accent- and case-insensitively ("mexico" finds México), and codes ("GT"). */
export const stateFilter: OptionsFilter = ({ options, search }) => {
  const wanted = fold(search.trim());
  const matches = (o: ComboboxItem) => fold(o.label).includes(wanted) || o.value.toLowerCase() === wanted;
  return options
    .map((entry) =>
      isOptionsGroup(entry)
        ? { ...entry, items: entry.items.filter(matches) }
        : matches(entry)
          ? entry
          : null,
    )
    .filter(
      (entry): entry is ComboboxParsedItem =>
        entry !== null && (!isOptionsGroup(entry) || entry.items.length > 0),
    );
};
