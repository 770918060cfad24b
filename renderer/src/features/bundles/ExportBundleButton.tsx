import {
  Alert,
  Button,
  Group,
  Modal,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleProgress, ExportBundleResult } from '../../../../shared/schemas/bundles';
import { leftOutLabel } from '../../../../shared/bundle-labels-format';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PassphraseInput } from '../../components/PassphraseInput';
import { inFolder } from './paths';
import { useLoad } from '../../components/useLoad';
import { useBundleWords } from './useBundleWords';

/** "Export bundle" on a case: to a passphrase or age public keys, optionally redacted, with progress and cancel. */
export function ExportBundleButton({ matterId }: { matterId: string }) {
  const { t } = useTranslation();
  const words = useBundleWords();
  const [open, setOpen] = useState(false);
  const [out, setOut] = useState('');
  const [mode, setMode] = useState<'passphrase' | 'recipients'>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [recipients, setRecipients] = useState('');
  /** 'none', 'pseudonyms-only', or 'profile:<id>' (a filings redaction profile). */
  const [redaction, setRedaction] = useState('none');
  const profiles = useLoad(open ? () => client.filingProfiles.list({}) : null, [open]);
  const [running, setRunning] = useState<string | null>(null);
  const [progress, setProgress] = useState<BundleProgress | null>(null);
  const [done, setDone] = useState<ExportBundleResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(
    () =>
      client.events.onBundlesProgress((p) => {
        if (p.operationId === running) setProgress(p);
      }),
    [running],
  );

  // A neutral file name: names of files and folders outside the vault are not encrypted.
  const chooseFolder = async () => {
    try {
      const { path } = await client.dialog.chooseFolder({ purpose: 'export' });
      if (path) setOut(inFolder(path, `amparo-caso-${new Date().toISOString().slice(0, 10)}.amparo`));
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

  const run = async () => {
    const operationId = crypto.randomUUID();
    setError(null);
    setDone(null);
    setRunning(operationId);
    try {
      const seal =
        mode === 'passphrase'
          ? { passphrase }
          : { recipients: recipients.split(/\s+/).filter((r) => r.length > 0) };
      const choice = redaction.startsWith('profile:')
        ? { redactionProfileId: redaction.slice('profile:'.length) }
        : { redaction: redaction as 'none' | 'pseudonyms-only' };
      setDone(await client.bundles.export({ operationId, matterIds: [matterId], out, seal, ...choice }));
      setPassphrase('');
    } catch (err) {
      setError(err);
    } finally {
      setRunning(null);
      setProgress(null);
    }
  };

  return (
    <>
      <Button
        variant="default"
        size="xs"
        onClick={() => {
          setDone(null);
          setError(null);
          setOpen(true);
        }}
      >
        {t('bundles.export.open')}
      </Button>
      <Modal
        opened={open}
        size="lg"
        onClose={() => !running && setOpen(false)}
        title={t('bundles.export.title')}
      >
        <Stack gap="sm">
          <TextInput
            label={t('bundles.export.out')}
            value={out}
            onChange={(e) => setOut(e.currentTarget.value)}
            spellCheck={false}
            autoComplete="off"
            inputContainer={browse}
          />
          <SegmentedControl
            value={mode}
            onChange={(v) => setMode(v as 'passphrase' | 'recipients')}
            data={[
              { value: 'passphrase', label: t('bundles.export.toPassphrase') },
              { value: 'recipients', label: t('bundles.export.toRecipients') },
            ]}
          />
          {mode === 'passphrase' ? (
            <PassphraseInput
              label={t('bundles.export.passphrase')}
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
            />
          ) : (
            <Textarea
              label={t('bundles.export.recipients')}
              value={recipients}
              onChange={(e) => setRecipients(e.currentTarget.value)}
              autosize
              minRows={2}
            />
          )}
          <Select
            label={t('bundles.export.redaction')}
            value={redaction}
            onChange={(v) => setRedaction(v ?? 'none')}
            data={[
              {
                group: t('bundleRedaction.fixed'),
                items: [
                  { value: 'none', label: t('bundles.export.redactNone') },
                  { value: 'pseudonyms-only', label: t('bundles.export.redactPseudonyms') },
                ],
              },
              ...((profiles.data ?? []).length > 0
                ? [
                    {
                      group: t('bundleRedaction.profiles'),
                      items: (profiles.data ?? []).map((p) => ({ value: `profile:${p.id}`, label: p.name })),
                    },
                  ]
                : []),
            ]}
            allowDeselect={false}
            description={t(
              redaction === 'none'
                ? 'bundles.export.redactNoneHint'
                : redaction === 'pseudonyms-only'
                  ? 'bundles.export.redactPseudonymsHint'
                  : 'bundleRedaction.profileHint',
            )}
          />
          <ErrorAlert error={error} />
          {progress && (
            <Progress
              value={(progress.bytesDone / Math.max(1, progress.bytesTotal)) * 100}
              aria-label={t('bundles.export.progress')}
            />
          )}
          {done && (
            <Alert color="teal" variant="light" role="status">
              <Text size="sm" style={{ wordBreak: 'break-all' }}>
                {t('bundles.export.done', { path: done.path, attachments: done.attachments })}
              </Text>
              {done.leftOut.map((l) => (
                <Text size="sm" key={l.kind}>
                  {t('bundles.leftOut', { count: l.count, kind: leftOutLabel(words, l.kind) })}
                </Text>
              ))}
            </Alert>
          )}
          <Group gap="sm">
            {done ? (
              <Button onClick={() => setOpen(false)}>{t('bundles.export.close')}</Button>
            ) : (
              <Button onClick={() => void run()} loading={running !== null} disabled={!out}>
                {t('bundles.export.submit')}
              </Button>
            )}
            {running && (
              <Button variant="default" onClick={() => void client.bundles.cancel({ operationId: running })}>
                {t('bundles.export.cancel')}
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
