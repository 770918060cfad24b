import { Button, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEventHandler, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Settings, UpdateSettingsInput } from '../../../../shared/schemas/settings';

/**
 * Saving one setting: `reset` puts what was saved back into the form, "Saved" shows until the user edits
 * the field again (`edited`), and a failure is kept for the form's alert.
 */
export function useSettingSave(onSaved: (settings: Settings) => void) {
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const save = async (patch: UpdateSettingsInput, reset: (next: Settings) => void) => {
    setError(null);
    setSaved(false);
    try {
      const next = await client.settings.update(patch);
      reset(next);
      setSaved(true);
      onSaved(next);
    } catch (err) {
      setError(err);
    }
  };
  return { error, saved, save, edited: () => setSaved(false) };
}

/** One setting's form: its field, a Save button, "Saved" after a save, and why a save failed. */
export function SettingForm({
  onSubmit,
  submitting,
  saved,
  error,
  children,
}: {
  onSubmit: FormEventHandler<HTMLFormElement>;
  submitting: boolean;
  saved: boolean;
  error: unknown;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="xs">
        {children}
        <Group gap="sm">
          <Button type="submit" variant="default" loading={submitting}>
            {t('common.save')}
          </Button>
          {saved && (
            <Text size="sm" c="teal" role="status">
              {t('settings.autoLock.saved')}
            </Text>
          )}
        </Group>
        <ErrorAlert error={error} />
      </Stack>
    </form>
  );
}
