import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FORUMS, MATTER_STATUSES, MATTER_TYPES } from '../../../../shared/schemas/matter';

export interface Option {
  value: string;
  label: string;
}

/** The translated choices of the case form's selects. */
export function useMatterOptions(): { types: Option[]; forums: Option[]; statuses: Option[] } {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      types: MATTER_TYPES.map((value) => ({ value, label: t(`matterType.${value}`) })),
      forums: FORUMS.map((value) => ({ value, label: t(`forum.${value}`) })),
      statuses: MATTER_STATUSES.map((value) => ({ value, label: t(`matterStatus.${value}`) })),
    }),
    // The language is what changes the labels, whether or not `t` changes identity with it.
    [t, language],
  );
}

/** Today as YYYY-MM-DD in local time (the default "opened on" of a new case). */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
