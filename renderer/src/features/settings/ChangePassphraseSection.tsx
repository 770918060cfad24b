import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { client, errorCode } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/fieldError';
import { PassphraseInput } from '../../components/PassphraseInput';
import { applyServerIssues } from '../../components/serverIssues';
import { ChangePassphraseForm } from '../../../../shared/schemas/vault';
import { StrengthMeter } from '../vault/strength/StrengthMeter';
import { contextWords, measureStrength, MIN_STRENGTH_SCORE } from '../vault/strength/strength';
import { usePassphraseStrength } from '../vault/strength/usePassphraseStrength';

const EMPTY: ChangePassphraseForm = { current: '', next: '', confirmation: '' };

/** Replaces the passphrase that unlocks the vault (the data itself is not re-encrypted). */
export function ChangePassphraseSection() {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const form = useForm<ChangePassphraseForm>({
    resolver: zodResolver(ChangePassphraseForm),
    defaultValues: EMPTY,
  });
  const { register, handleSubmit, control, formState, reset, setValue, setFocus } = form;
  const next = useWatch({ control, name: 'next' });
  const current = useWatch({ control, name: 'current' });
  const strength = usePassphraseStrength(next, [...contextWords(null), current]);

  const submit = async (values: ChangePassphraseForm) => {
    setError(null);
    setDone(false);
    const measured = await measureStrength(
      values.next,
      [...contextWords(null), values.current],
      currentLanguage(),
    );
    if (measured.score < MIN_STRENGTH_SCORE) {
      form.setError(
        'next',
        { type: 'strength', message: 'validation.passphraseWeak' },
        { shouldFocus: true },
      );
      return;
    }
    try {
      await client.vault.changePassphrase({ current: values.current, next: values.next });
      reset(EMPTY);
      setDone(true);
    } catch (err) {
      if (applyServerIssues(err, ['current', 'next'], form.setError)) return;
      setError(err);
      if (errorCode(err) === 'WRONG_PASSPHRASE') {
        setValue('current', '');
        setFocus('current');
      }
    }
  };

  return (
    <form noValidate onSubmit={handleSubmit(submit)}>
      <Stack gap="sm">
        <Title order={3}>{t('settings.changePassphrase.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('settings.changePassphrase.description')}
        </Text>
        <PassphraseInput
          {...register('current')}
          label={t('settings.changePassphrase.current')}
          error={fieldError(formState.errors.current)}
        />
        <PassphraseInput
          {...register('next')}
          label={t('settings.changePassphrase.next')}
          error={fieldError(formState.errors.next)}
        />
        <StrengthMeter estimate={strength} empty={next === ''} />
        <PassphraseInput
          {...register('confirmation')}
          label={t('settings.changePassphrase.confirm')}
          error={fieldError(formState.errors.confirmation)}
        />
        <ErrorAlert error={error} />
        {done && (
          <Alert color="teal" variant="light" role="status">
            {t('settings.changePassphrase.done')}
          </Alert>
        )}
        <div>
          <Button type="submit" loading={formState.isSubmitting}>
            {t('settings.changePassphrase.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
