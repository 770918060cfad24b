import { Button, Group, TextInput } from '@mantine/core';
import { useOs } from '@mantine/hooks';
import { useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { client } from '../api/client';

interface FolderFieldProps {
  registration: UseFormRegisterReturn;
  purpose: 'create' | 'open';
  label: string;
  description?: string;
  error?: string | undefined;
  /** Called with the folder picked in the native dialog. */
  onChosen: (path: string) => void;
  onError: (error: unknown) => void;
}

/** A folder path the user may type, or pick with the system's folder dialog ("Browse…"). */
export function FolderField({
  registration,
  purpose,
  label,
  description,
  error,
  onChosen,
  onError,
}: FolderFieldProps) {
  const { t } = useTranslation();
  const [choosing, setChoosing] = useState(false);
  const os = useOs();
  const placeholder = os === 'windows' ? 'C:\\Amparo' : os === 'macos' ? '/Users/…/Amparo' : '/home/…/Amparo';

  const browse = async () => {
    setChoosing(true);
    try {
      const { path } = await client.dialog.chooseFolder({ purpose });
      if (path) onChosen(path);
    } catch (err) {
      onError(err);
    } finally {
      setChoosing(false);
    }
  };

  return (
    <TextInput
      {...registration}
      label={label}
      description={description}
      error={error}
      placeholder={placeholder}
      spellCheck={false}
      autoComplete="off"
      inputContainer={(input) => (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <div style={{ flex: 1 }}>{input}</div>
          <Button variant="default" onClick={() => void browse()} loading={choosing}>
            {t('common.browse')}
          </Button>
        </Group>
      )}
    />
  );
}
