import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { i18n } from './i18n';
import { cssVariablesResolver, theme } from './theme';

export function Root() {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
        {/* Undo offers and notices; they hold no case text, so they may outlive a lock. */}
        <Notifications position="bottom-right" limit={3} />
        <App />
      </MantineProvider>
    </I18nextProvider>
  );
}
