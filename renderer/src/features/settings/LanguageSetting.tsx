import { Radio, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { resolveLanguage } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Settings } from '../../../../shared/schemas/settings';

type LanguageSetting = Settings['language'];

/** Español / English / follow the system; applied (and saved) as soon as it is picked. */
export function LanguageSetting({
  value,
  onSaved,
}: {
  value: LanguageSetting;
  onSaved: (s: Settings) => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState<LanguageSetting | null>(null);
  const systemLanguage = resolveLanguage('system');

  const choose = async (next: LanguageSetting) => {
    setError(null);
    setPending(next);
    try {
      onSaved(await client.settings.update({ language: next }));
    } catch (err) {
      setError(err);
    } finally {
      setPending(null);
    }
  };

  return (
    <Stack gap="xs">
      <Radio.Group
        label={t('settings.language.label')}
        description={t('settings.language.description')}
        value={pending ?? value}
        onChange={(next) => void choose(next as LanguageSetting)}
      >
        <Stack gap="xs" mt="xs">
          {/* Each language is named in itself, so anyone can find theirs. */}
          <Radio value="es" label="Español" lang="es" />
          <Radio value="en" label="English" lang="en" />
          <Radio
            value="system"
            label={t('settings.language.system', {
              language: systemLanguage === 'es' ? 'Español' : 'English',
            })}
          />
        </Stack>
      </Radio.Group>
      <ErrorAlert error={error} />
    </Stack>
  );
}
