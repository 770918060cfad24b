import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/fieldError';
import { Settings } from '../../../../shared/schemas/settings';

const UserNameForm = Settings.pick({ userName: true });
type UserNameForm = { userName: string };

/** Who is at the keyboard, as the audit log and custody entries write it. */
export function UserNameSetting({ value, onSaved }: { value: string; onSaved: (s: Settings) => void }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<UserNameForm>({
    resolver: zodResolver(UserNameForm),
    defaultValues: { userName: value },
  });
  const { register, handleSubmit, formState, reset } = form;

  const submit = async (values: UserNameForm) => {
    setError(null);
    setSaved(false);
    try {
      const next = await client.settings.update({ userName: values.userName });
      reset({ userName: next.userName });
      setSaved(true);
      onSaved(next);
    } catch (err) {
      setError(err);
    }
  };

  const field = register('userName');
  return (
    <form noValidate onSubmit={handleSubmit(submit)}>
      <Stack gap="xs">
        <TextInput
          {...field}
          onChange={(event) => {
            setSaved(false);
            void field.onChange(event);
          }}
          label={t('settings.userName.label')}
          description={t('settings.userName.description')}
          error={fieldError(formState.errors.userName)}
          autoComplete="off"
          maw={360}
        />
        <Group gap="sm">
          <Button type="submit" variant="default" loading={formState.isSubmitting}>
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
