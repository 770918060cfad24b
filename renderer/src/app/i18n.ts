// i18next for the renderer. Translations live in shared/i18n so the main process menu uses the same words.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../../shared/i18n/en.json';
import es from '../../../shared/i18n/es.json';
import type { Language, Settings } from '../../../shared/schemas/settings';

/** `system` follows the first preferred language of the OS/browser: Spanish if it is Spanish, else English. */
export function resolveLanguage(setting: Settings['language']): Language {
  if (setting !== 'system') return setting;
  const preferred =
    typeof navigator === 'undefined' ? '' : (navigator.languages?.[0] ?? navigator.language ?? '');
  return preferred.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, es: { translation: es } },
  lng: resolveLanguage('system'),
  fallbackLng: 'en',
  supportedLngs: ['en', 'es'],
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
  returnNull: false,
});

function syncDocument(language: string): void {
  document.documentElement.lang = language;
  document.title = i18n.t('app.windowTitle');
}

syncDocument(i18n.language);
i18n.on('languageChanged', syncDocument);

export async function applyLanguage(setting: Settings['language']): Promise<void> {
  const language = resolveLanguage(setting);
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

/** The language screens are shown in right now (for dates and the strength meter's feedback). */
export function currentLanguage(): Language {
  return i18n.language === 'es' ? 'es' : 'en';
}
