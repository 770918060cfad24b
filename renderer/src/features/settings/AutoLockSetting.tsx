import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/fieldError';
import { Settings } from '../../../../shared/schemas/settings';

const AutoLockForm = Settings.pick({ autoLockMinutes: true });
type AutoLockForm = { autoLockMinutes: number };

export function AutoLockSetting({ value, onSaved }: { value: number; onSaved: (s: Settings) => void }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<AutoLockForm>({
    resolver: zodResolver(AutoLockForm),
    defaultValues: { autoLockMinutes: value },
  });
  const { control, handleSubmit, formState, reset } = form;

  const submit = async (values: AutoLockForm) => {
    setError(null);
    setSaved(false);
    try {
      const next = await client.settings.update({ autoLockMinutes: values.autoLockMinutes });
      reset({ autoLockMinutes: next.autoLockMinutes });
      setSaved(true);
      onSaved(next);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <form noValidate onSubmit={handleSubmit(submit)}>
      <Stack gap="xs">
        <Controller
          control={control}
          name="autoLockMinutes"
          render={({ field }) => (
            <NumberInput
              label={t('settings.autoLock.label')}
              description={t('settings.autoLock.description')}
              value={Number.isNaN(field.value) ? '' : field.value}
              // An emptied field is not a number: let the schema say so instead of saving 0.
              onChange={(next) => {
                setSaved(false);
                field.onChange(typeof next === 'number' ? next : Number.NaN);
              }}
              onBlur={field.onBlur}
              ref={field.ref}
              name={field.name}
              min={1}
              max={240}
              step={1}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              error={fieldError(formState.errors.autoLockMinutes) && t('validation.autoLockRange')}
              maw={360}
            />
          )}
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
