import { useTranslation } from 'react-i18next';

/** Names for the calendar's arrow buttons, which show only an icon (the heading shows its own text). */
export function useCalendarLabels() {
  const { t } = useTranslation();
  return {
    previousMonth: t('dates.previousMonth'),
    nextMonth: t('dates.nextMonth'),
    previousYear: t('dates.previousYear'),
    nextYear: t('dates.nextYear'),
    previousDecade: t('dates.previousDecade'),
    nextDecade: t('dates.nextDecade'),
  };
}
