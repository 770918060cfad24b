import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { App } from './App';
import { DAYJS_LOCALE } from './dates';
import { i18n } from './i18n';
import { cssVariablesResolver, theme } from './theme';

/** Calendars follow the UI language: month names, weekday order (Monday first in Mexico's usage here). */
function LocalisedDates({ children }: { children: React.ReactNode }) {
  const { i18n: current } = useTranslation();
  const spanish = current.language === 'es';
  return (
    <DatesProvider
      settings={{ locale: spanish ? DAYJS_LOCALE.es : DAYJS_LOCALE.en, firstDayOfWeek: spanish ? 1 : 0 }}
    >
      {children}
    </DatesProvider>
  );
}

export function Root() {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
        {/* Undo offers and notices; they hold no case text, so they may outlive a lock. */}
        <Notifications position="bottom-right" limit={3} />
        <LocalisedDates>
          <App />
        </LocalisedDates>
      </MantineProvider>
    </I18nextProvider>
  );
}
