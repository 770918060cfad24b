import { Alert, Button, Group, NumberInput, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupResult, BundleProgress } from '../../../../shared/schemas/bundles';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PassphraseInput } from '../../components/PassphraseInput';
import { useLoad } from '../../components/useLoad';
import { formatValue } from '../../../../shared/bundle-labels-format';
import { useBundleWords } from './useBundleWords';

/** "Back up vault": a full encrypted bundle into a folder (a USB stick), the newest N kept; the reminder. */
export function BackupSection() {
  const { t } = useTranslation();
  const words = useBundleWords();
  const status = useLoad(() => client.backup.status({}), []);
  const [folder, setFolder] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [keep, setKeep] = useState<number>(5);
  const [running, setRunning] = useState<string | null>(null);
  const [progress, setProgress] = useState<BundleProgress | null>(null);
  const [done, setDone] = useState<BackupResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(
    () =>
      client.events.onBundlesProgress((p) => {
        if (p.operationId === running) setProgress(p);
      }),
    [running],
  );

  const chooseFolder = async () => {
    try {
      const { path } = await client.dialog.chooseFolder({ purpose: 'export' });
      if (path) setFolder(path);
    } catch (err) {
      setError(err);
    }
  };
  const browse = (input: ReactNode) => (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <div style={{ flex: 1 }}>{input}</div>
      <Button variant="default" onClick={() => void chooseFolder()} disabled={running !== null}>
        {t('common.browse')}
      </Button>
    </Group>
  );
  const saveReminder = async (days: number) => {
    try {
      status.replace(await client.backup.setReminder({ remindAfterDays: days }));
    } catch (err) {
      setError(err);
    }
  };

  const run = async () => {
    const operationId = crypto.randomUUID();
    setError(null);
    setDone(null);
    setRunning(operationId);
    try {
      setDone(await client.backup.run({ operationId, folder, passphrase, keep }));
      setPassphrase('');
      status.reload();
    } catch (err) {
      setError(err);
    } finally {
      setRunning(null);
      setProgress(null);
    }
  };

  const last = status.data?.lastBackupAt;
  return (
    <Stack gap="sm">
      <Title order={3}>{t('bundles.backup.title')}</Title>
      <Text size="sm">{t('bundles.backup.description')}</Text>
      {status.data && (
        <Text size="sm" role="status">
          {last
            ? t('bundles.backup.last', { when: formatValue(words, 'bundle_log', 'at', last) })
            : t('bundles.backup.never')}
        </Text>
      )}
      {status.data?.due && (
        <Alert color="orange" variant="light">
          {t('bundles.backup.due', { days: status.data.remindAfterDays })}
        </Alert>
      )}
      <TextInput
        label={t('bundles.backup.folder')}
        value={folder}
        onChange={(e) => setFolder(e.currentTarget.value)}
        readOnly={running !== null}
        spellCheck={false}
        autoComplete="off"
        inputContainer={browse}
      />
      <PassphraseInput
        label={t('bundles.backup.passphrase')}
        value={passphrase}
        onChange={(e) => setPassphrase(e.currentTarget.value)}
        readOnly={running !== null}
      />
      <NumberInput
        label={t('bundles.backup.keep')}
        description={t('bundles.backup.keepHint')}
        w={360}
        min={1}
        max={1000}
        value={keep}
        onChange={(v) => setKeep(typeof v === 'number' ? v : 5)}
      />
      {status.data && (
        <NumberInput
          label={t('bundles.backup.remindAfter')}
          description={t('bundles.backup.remindAfterHint')}
          min={1}
          max={365}
          w={360}
          defaultValue={status.data.remindAfterDays}
          onBlur={(e) => {
            const days = Number(e.currentTarget.value);
            if (Number.isInteger(days) && days >= 1 && days <= 365 && days !== status.data?.remindAfterDays)
              void saveReminder(days);
          }}
        />
      )}
      <ErrorAlert error={error ?? status.error} />
      {done && (
        <Alert color="teal" variant="light" role="status">
          {t('bundles.backup.done', { path: done.path })}
        </Alert>
      )}
      {progress && (
        <Progress
          value={(progress.bytesDone / Math.max(1, progress.bytesTotal)) * 100}
          aria-label={t('bundles.backup.progress')}
        />
      )}
      <Group gap="sm">
        <Button onClick={() => void run()} loading={running !== null} disabled={!folder || !passphrase}>
          {t('bundles.backup.run')}
        </Button>
        {running && (
          <Button variant="default" onClick={() => void client.bundles.cancel({ operationId: running })}>
            {t('bundles.backup.cancel')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
