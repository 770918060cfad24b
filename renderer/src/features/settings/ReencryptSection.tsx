import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { client, errorCode } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/fieldError';
import { PassphraseInput } from '../../components/PassphraseInput';
import { ReencryptVaultInput } from '../../../../shared/schemas/vault';

/** Re-encrypts the whole database under a fresh key: slow and deliberate, so it asks for the passphrase. */
export function ReencryptSection() {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const form = useForm<ReencryptVaultInput>({
    resolver: zodResolver(ReencryptVaultInput),
    defaultValues: { passphrase: '' },
  });
  const { register, handleSubmit, formState, reset, setValue, setFocus } = form;
  const running = formState.isSubmitting;

  const submit = async (values: ReencryptVaultInput) => {
    setError(null);
    setDone(false);
    try {
      await client.vault.reencrypt(values);
      reset({ passphrase: '' });
      setDone(true);
    } catch (err) {
      setError(err);
      if (errorCode(err) === 'WRONG_PASSPHRASE') {
        setValue('passphrase', '');
        setFocus('passphrase');
      }
    }
  };

  return (
    <form noValidate onSubmit={handleSubmit(submit)}>
      <Stack gap="sm">
        <Title order={3}>{t('settings.reencrypt.title')}</Title>
        <Text size="sm">{t('settings.reencrypt.description')}</Text>
        <PassphraseInput
          {...register('passphrase')}
          label={t('settings.reencrypt.passphrase')}
          error={fieldError(formState.errors.passphrase)}
          readOnly={running}
        />
        <ErrorAlert error={error} />
        {done && (
          <Alert color="teal" variant="light" role="status">
            {t('settings.reencrypt.done')}
          </Alert>
        )}
        <Group gap="sm">
          <Button type="submit" color="orange" loading={running}>
            {t('settings.reencrypt.submit')}
          </Button>
          {running && (
            <Group gap="xs" role="status">
              <Loader size="xs" />
              <Text size="sm">{t('settings.reencrypt.running')}</Text>
            </Group>
          )}
        </Group>
      </Stack>
    </form>
  );
}
