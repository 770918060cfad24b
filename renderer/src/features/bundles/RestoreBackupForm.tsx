import { Alert, Button, Group, Progress, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleProgress } from '../../../../shared/schemas/bundles';
import type { VaultStatus } from '../../../../shared/schemas/vault';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PassphraseInput } from '../../components/PassphraseInput';

/**
 * "Restore from a backup": the backup file and its passphrase, a new empty folder and the new vault's
 * passphrase. The core verifies the whole file before it creates anything, then leaves the restored vault
 * open, so `onRestored` gets its status.
 */
export function RestoreBackupForm({ onRestored }: { onRestored: (status: VaultStatus) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [folder, setFolder] = useState('');
  const [vaultPassphrase, setVaultPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [running, setRunning] = useState<string | null>(null);
  const [progress, setProgress] = useState<BundleProgress | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(
    () =>
      client.events.onBundlesProgress((p) => {
        if (p.operationId === running) setProgress(p);
      }),
    [running],
  );

  const pick = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (err) {
      setError(err);
    }
  };
  const chooseFile = () =>
    pick(async () => {
      const { path } = await client.dialog.chooseBundle({});
      if (path) setFile(path);
    });
  const chooseFolder = () =>
    pick(async () => {
      const { path } = await client.dialog.chooseFolder({ purpose: 'create' });
      if (path) setFolder(path);
    });

  const mismatch = confirm.length > 0 && confirm !== vaultPassphrase;
  const restore = async () => {
    const operationId = crypto.randomUUID();
    setError(null);
    setRunning(operationId);
    try {
      await client.backup.restore({ operationId, file, passphrase, folder, vaultPassphrase });
      setPassphrase('');
      setVaultPassphrase('');
      setConfirm('');
      onRestored(await client.vault.status({}));
    } catch (err) {
      setError(err);
    } finally {
      setRunning(null);
      setProgress(null);
    }
  };

  const busy = running !== null;
  const browse = (onClick: () => Promise<void>) => (input: ReactNode) => (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <div style={{ flex: 1 }}>{input}</div>
      <Button variant="default" onClick={() => void onClick()} disabled={busy}>
        {t('common.browse')}
      </Button>
    </Group>
  );
  return (
    <Stack gap="sm">
      <Text size="sm">{t('bundles.restore.description')}</Text>
      <TextInput
        label={t('bundles.restore.file')}
        value={file}
        onChange={(e) => setFile(e.currentTarget.value)}
        readOnly={busy}
        spellCheck={false}
        autoComplete="off"
        inputContainer={browse(chooseFile)}
      />
      <PassphraseInput
        label={t('bundles.restore.passphrase')}
        value={passphrase}
        onChange={(e) => setPassphrase(e.currentTarget.value)}
        readOnly={busy}
      />
      <TextInput
        label={t('bundles.restore.folder')}
        description={t('bundles.restore.folderHint')}
        value={folder}
        onChange={(e) => setFolder(e.currentTarget.value)}
        readOnly={busy}
        spellCheck={false}
        autoComplete="off"
        inputContainer={browse(chooseFolder)}
      />
      <PassphraseInput
        label={t('bundles.restore.vaultPassphrase')}
        description={t('bundles.restore.vaultPassphraseHint')}
        value={vaultPassphrase}
        onChange={(e) => setVaultPassphrase(e.currentTarget.value)}
        readOnly={busy}
      />
      <PassphraseInput
        label={t('bundles.restore.confirm')}
        value={confirm}
        onChange={(e) => setConfirm(e.currentTarget.value)}
        error={mismatch ? t('bundles.restore.mismatch') : undefined}
        readOnly={busy}
      />
      <ErrorAlert error={error} title={t('bundles.restore.failed')} />
      {progress && (
        <Progress
          value={(progress.bytesDone / Math.max(1, progress.bytesTotal)) * 100}
          aria-label={t('bundles.restore.progress')}
        />
      )}
      {busy && (
        <Alert variant="light" role="status">
          {t(progress?.phase === 'restore' ? 'bundles.restore.writing' : 'bundles.restore.verifying')}
        </Alert>
      )}
      <Group gap="sm">
        <Button
          onClick={() => void restore()}
          loading={busy}
          disabled={!file || !passphrase || !folder || !vaultPassphrase || confirm !== vaultPassphrase}
        >
          {t('bundles.restore.run')}
        </Button>
        {running && (
          <Button variant="default" onClick={() => void client.bundles.cancel({ operationId: running })}>
            {t('bundles.restore.cancel')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
