import { SegmentedControl } from '@mantine/core';
import { createContext, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../api/client';
import type { Settings } from '../../../shared/schemas/settings';
import { ErrorAlert } from './ErrorAlert';

/** Where the gate screens hand a saved setting back to the app (so Settings shows the same choice). */
export const SettingsChangeContext = createContext<(settings: Settings) => void>(() => undefined);

/** Español / English on the create and unlock screens: saved like the Settings choice, applied at once. */
export function GateLanguagePicker() {
  const { t, i18n } = useTranslation();
  const onSaved = useContext(SettingsChangeContext);
  const [error, setError] = useState<unknown>(null);
  const choose = async (language: string) => {
    setError(null);
    try {
      onSaved(await client.settings.update({ language: language === 'es' ? 'es' : 'en' }));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <SegmentedControl
        size="xs"
        aria-label={t('settings.language.label')}
        value={i18n.language === 'es' ? 'es' : 'en'}
        onChange={(value) => void choose(value)}
        // Each language is named in itself, so anyone can find theirs.
        data={[
          { value: 'es', label: <span lang="es">Español</span> },
          { value: 'en', label: <span lang="en">English</span> },
        ]}
      />
      <ErrorAlert error={error} />
    </>
  );
}
