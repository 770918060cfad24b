import { Alert, Button, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleSummary, ConflictChoice, ImportBundleResult } from '../../../../shared/schemas/bundles';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PassphraseInput } from '../../components/PassphraseInput';
import { BundleSummaryView } from './BundleSummaryView';
import { ConflictCard } from './ConflictCard';

/**
 * Import a bundle: verify first (what it holds, who signed it), then import; records changed on both
 * sides are shown side by side with three choices. Whatever was shown for one file is cleared as soon
 * as the file, its passphrase or a new check begins, so a button never acts on an earlier answer.
 */
export function ImportBundleSection() {
  const { t } = useTranslation();
  const [file, setFile] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [summary, setSummary] = useState<BundleSummary | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [result, setResult] = useState<ImportBundleResult | null>(null);
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const key = passphrase ? { passphrase } : {};

  const forget = () => {
    setSummary(null);
    setResult(null);
    setConfirmed(false);
    setChoices({});
  };
  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const chooseFile = () =>
    act(async () => {
      const { path } = await client.dialog.chooseBundle({});
      if (path) {
        forget();
        setFile(path);
      }
    });
  const verify = () =>
    act(async () => {
      forget();
      setSummary(await client.bundles.verify({ file, key }));
    });
  const importNow = (resolutions: Record<string, ConflictChoice> = {}) =>
    act(async () => {
      const input = {
        file,
        key,
        resolutions,
        ...(summary && !summary.signerKnown && confirmed ? { confirmSigner: summary.signerFingerprint } : {}),
      };
      const answer = Object.keys(resolutions).length
        ? await client.bundles.resolve(input)
        : await client.bundles.import(input);
      setResult(answer);
      if (answer.status === 'conflicts')
        setChoices(Object.fromEntries(answer.conflicts.map((c) => [c.id, 'mine'])));
      else setSummary(null);
    });

  const browse = (input: ReactNode) => (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <div style={{ flex: 1 }}>{input}</div>
      <Button variant="default" onClick={() => void chooseFile()} disabled={busy}>
        {t('common.browse')}
      </Button>
    </Group>
  );
  const cases = result?.summary.cases ?? summary?.cases ?? [];
  return (
    <Stack gap="sm">
      <Title order={3}>{t('bundles.import.title')}</Title>
      <Text size="sm">{t('bundles.import.description')}</Text>
      <TextInput
        label={t('bundles.import.file')}
        value={file}
        onChange={(e) => {
          forget();
          setFile(e.currentTarget.value);
        }}
        spellCheck={false}
        autoComplete="off"
        inputContainer={browse}
      />
      <PassphraseInput
        label={t('bundles.import.passphrase')}
        description={t('bundles.import.passphraseHint')}
        value={passphrase}
        onChange={(e) => {
          forget();
          setPassphrase(e.currentTarget.value);
        }}
      />
      <Group gap="sm">
        <Button variant="default" onClick={() => void verify()} loading={busy && !summary} disabled={!file}>
          {t('bundles.import.verify')}
        </Button>
      </Group>
      {busy && !summary && !result && (
        <Text size="sm" role="status">
          {t('bundles.import.checking')}
        </Text>
      )}
      <ErrorAlert error={error} />
      {summary && !result && (
        <Stack gap="xs" data-testid="bundle-summary">
          <BundleSummaryView summary={summary} />
          {summary.signerKnown ? (
            <Alert color="teal" variant="light">
              {t('bundles.import.signerKnown')}
            </Alert>
          ) : (
            <Checkbox
              label={t('bundles.import.confirmSigner')}
              description={t('bundles.import.confirmSignerHint')}
              checked={confirmed}
              onChange={(e) => setConfirmed(e.currentTarget.checked)}
            />
          )}
          <Group>
            <Button
              onClick={() => void importNow()}
              loading={busy}
              disabled={!summary.signerKnown && !confirmed}
            >
              {t('bundles.import.submit')}
            </Button>
          </Group>
        </Stack>
      )}
      {result?.status === 'imported' && (
        <Alert color="teal" variant="light" role="status">
          {t('bundles.import.done', {
            added: result.added,
            updated: result.updated,
            attachments: result.attachments,
          })}
        </Alert>
      )}
      {result?.status === 'conflicts' && (
        <Stack gap="sm" data-testid="bundle-conflicts">
          <Alert color="orange" variant="light">
            {t('bundles.import.conflicts', { count: result.conflicts.length })}
          </Alert>
          {result.conflicts.map((c) => (
            <ConflictCard
              key={c.id}
              conflict={c}
              cases={cases}
              choice={choices[c.id] ?? 'mine'}
              onChoice={(choice) => setChoices({ ...choices, [c.id]: choice })}
            />
          ))}
          <Group>
            <Button onClick={() => void importNow(choices)} loading={busy}>
              {t('bundles.import.resolve')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
