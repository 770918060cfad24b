import { Alert, Anchor, Button, Code, Group, Stack, Text } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { client, errorCode } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/fieldError';
import { FolderField } from '../../components/FolderField';
import { GateLayout } from '../../components/GateLayout';
import { PassphraseInput } from '../../components/PassphraseInput';
import { applyServerIssues } from '../../components/serverIssues';
import { UnlockVaultInput, type LockReason, type VaultStatus } from '../../../../shared/schemas/vault';
import { DerivingProgress } from './DerivingProgress';

interface UnlockScreenProps {
  status: VaultStatus;
  /** Why the vault was locked behind the user's back (idle timer, system sleep), if it was. */
  notice: LockReason | null;
  /** Locking itself failed (rare); shown so the user knows to close the app. */
  lockError: unknown;
  onUnlocked: (status: VaultStatus) => void;
  onCreateNew: () => void;
  onRestore: () => void;
}

export function UnlockScreen({
  status,
  notice,
  lockError,
  onUnlocked,
  onCreateNew,
  onRestore,
}: UnlockScreenProps) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const [error, setError] = useState<unknown>(null);
  const [choosing, setChoosing] = useState(!status.path);
  const form = useForm<UnlockVaultInput>({
    resolver: zodResolver(UnlockVaultInput),
    defaultValues: { path: status.path ?? '', passphrase: '' },
  });
  const { register, handleSubmit, control, setValue, setFocus, formState } = form;
  const path = useWatch({ control, name: 'path' });
  const recent = status.recent.filter((p) => p !== path);

  const submit = async (values: UnlockVaultInput) => {
    setError(null);
    try {
      onUnlocked(await client.vault.unlock(values));
    } catch (err) {
      if (applyServerIssues(err, ['path', 'passphrase'], form.setError)) {
        if (form.getFieldState('path').error) setChoosing(true);
        return;
      }
      setError(err);
      if (errorCode(err) === 'WRONG_PASSPHRASE') {
        setValue('passphrase', '');
        setFocus('passphrase');
      }
    }
  };

  const pickFolder = (chosen: string) => {
    setValue('path', chosen, { shouldValidate: true, shouldDirty: true });
    setError(null);
    setChoosing(false);
    setFocus('passphrase');
  };

  const onInvalid = () => {
    if (form.getFieldState('path').error) setChoosing(true);
  };

  return (
    <GateLayout title={t('vault.unlock.title')}>
      {notice && (
        <Alert color="blue" variant="light" role="status" title={t('vault.unlock.lockedTitle')}>
          {t(`lockReason.${notice}`)}
        </Alert>
      )}
      <ErrorAlert error={lockError} />
      <form noValidate onSubmit={handleSubmit(submit, onInvalid)}>
        <Stack gap="md">
          {!choosing && (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('vault.folderLabel')}
              </Text>
              <Code block data-testid="vault-path">
                {path}
              </Code>
            </Stack>
          )}
          {choosing && (
            <Stack gap="sm">
              <FolderField
                registration={register('path')}
                purpose="open"
                label={t('vault.folderLabel')}
                description={t('vault.unlock.folderDescription')}
                error={fieldError(formState.errors.path)}
                onChosen={pickFolder}
                onError={setError}
              />
              {recent.length > 0 && (
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="recent-vaults-label">
                    {t('vault.unlock.recent')}
                  </Text>
                  <Stack gap={4} role="list" aria-labelledby="recent-vaults-label">
                    {recent.map((p) => (
                      <div role="listitem" key={p}>
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          onClick={() => pickFolder(p)}
                          styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
                        >
                          {p}
                        </Button>
                      </div>
                    ))}
                  </Stack>
                </Stack>
              )}
            </Stack>
          )}
          <PassphraseInput
            {...register('passphrase')}
            label={t('vault.passphraseLabel')}
            error={fieldError(formState.errors.passphrase)}
            data-autofocus
            autoFocus
          />
          <ErrorAlert error={error} title={t('vault.unlock.failed')} />
          <Button type="submit" loading={formState.isSubmitting}>
            {t('vault.unlock.submit')}
          </Button>
          {formState.isSubmitting && <DerivingProgress />}
        </Stack>
      </form>
      <Group justify="space-between">
        {!choosing ? (
          <Anchor component="button" type="button" onClick={() => setChoosing(true)}>
            {t('vault.unlock.openAnother')}
          </Anchor>
        ) : (
          <span />
        )}
        <Anchor component="button" type="button" onClick={onCreateNew}>
          {t('vault.unlock.createNew')}
        </Anchor>
      </Group>
      <Anchor component="button" type="button" onClick={onRestore}>
        {t('bundles.restore.open')}
      </Anchor>
    </GateLayout>
  );
}
