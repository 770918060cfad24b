import { useTranslation } from 'react-i18next';

export const MAIN_ID = 'amparo-main';

/** The first thing Tab reaches: jumps past the header and navigation to the screen's content. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      href={`#${MAIN_ID}`}
      className="amparo-skip-link"
      onClick={(event) => {
        // No URL change (the app has no routes); just move the focus.
        event.preventDefault();
        document.getElementById(MAIN_ID)?.focus();
      }}
    >
      {t('keyboard.skipToContent')}
    </a>
  );
}
