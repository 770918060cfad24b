import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/fieldError';
import { FolderField } from '../../components/FolderField';
import { GateLayout } from '../../components/GateLayout';
import { PassphraseInput } from '../../components/PassphraseInput';
import { applyServerIssues } from '../../components/serverIssues';
import { CreateVaultForm, type VaultStatus } from '../../../../shared/schemas/vault';
import { StrengthMeter } from './strength/StrengthMeter';
import { contextWords, measureStrength, MIN_STRENGTH_SCORE } from './strength/strength';
import { usePassphraseStrength } from './strength/usePassphraseStrength';
import { DerivingProgress } from './DerivingProgress';

interface CreateVaultScreenProps {
  onCreated: (status: VaultStatus) => void;
  onOpenExisting: () => void;
  onRestore: () => void;
}

/** First run (or a new vault): pick an empty folder and a strong passphrase, told plainly it cannot be recovered. */
export function CreateVaultScreen({ onCreated, onOpenExisting, onRestore }: CreateVaultScreenProps) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const [error, setError] = useState<unknown>(null);
  const form = useForm<CreateVaultForm>({
    resolver: zodResolver(CreateVaultForm),
    defaultValues: { path: '', passphrase: '', confirmation: '' },
  });
  const { register, handleSubmit, control, setValue, formState } = form;
  const passphrase = useWatch({ control, name: 'passphrase' });
  const path = useWatch({ control, name: 'path' });
  const strength = usePassphraseStrength(passphrase, contextWords(path));

  const submit = async (values: CreateVaultForm) => {
    setError(null);
    const measured = await measureStrength(values.passphrase, contextWords(values.path), currentLanguage());
    if (measured.score < MIN_STRENGTH_SCORE) {
      form.setError(
        'passphrase',
        { type: 'strength', message: 'validation.passphraseWeak' },
        { shouldFocus: true },
      );
      return;
    }
    try {
      const status = await client.vault.create({ path: values.path, passphrase: values.passphrase });
      onCreated(status);
    } catch (err) {
      if (!applyServerIssues(err, ['path', 'passphrase'], form.setError)) setError(err);
    }
  };

  return (
    <GateLayout title={t('vault.create.title')}>
      <Text>{t('vault.create.intro')}</Text>
      <form noValidate onSubmit={handleSubmit(submit)}>
        <Stack gap="md">
          <FolderField
            registration={register('path')}
            purpose="create"
            label={t('vault.folderLabel')}
            description={t('vault.create.folderDescription')}
            error={fieldError(formState.errors.path)}
            onChosen={(chosen) => setValue('path', chosen, { shouldValidate: true, shouldDirty: true })}
            onError={setError}
          />
          <PassphraseInput
            {...register('passphrase')}
            label={t('vault.passphraseLabel')}
            description={t('vault.create.passphraseDescription')}
            error={fieldError(formState.errors.passphrase)}
          />
          <StrengthMeter estimate={strength} empty={passphrase === ''} />
          <PassphraseInput
            {...register('confirmation')}
            label={t('vault.create.confirmLabel')}
            error={fieldError(formState.errors.confirmation)}
          />
          <Alert color="orange" variant="light" role="note" title={t('vault.create.warningTitle')}>
            {t('vault.create.warningBody')}
          </Alert>
          <ErrorAlert error={error} />
          <Group justify="space-between">
            <Anchor component="button" type="button" onClick={onOpenExisting}>
              {t('vault.create.openExisting')}
            </Anchor>
            <Button type="submit" loading={formState.isSubmitting}>
              {t('vault.create.submit')}
            </Button>
          </Group>
          {formState.isSubmitting && <DerivingProgress />}
          {formState.isSubmitting && (
            <Text size="sm" c="dimmed" role="status">
              {t('vault.create.working')}
            </Text>
          )}
        </Stack>
      </form>
      <Anchor component="button" type="button" onClick={onRestore}>
        {t('bundles.restore.open')}
      </Anchor>
    </GateLayout>
  );
}
